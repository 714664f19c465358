import { parse } from "java-parser";
import { loadJavaParser } from "../src/java/load-java-parser.js";
import type { JavaSource } from "./build-java-corpus.js";

export interface ExtractionFigures {
  corpusBytes: number;
  files: number;
  /** Methods and constructors found by our extractor. */
  methods: number;
  /** Declarations java-parser's CST holds (methods, constructors, interface methods, compact constructors). */
  javaParserMethods: number;
  oursMBps: number;
  javaParserMBps: number;
  ratio: number;
}

const DECLARATIONS = new Set([
  "methodDeclaration",
  "constructorDeclaration",
  "interfaceMethodDeclaration",
  "compactConstructorDeclaration",
]);

/**
 * Parse + extract, ours (tree-sitter) and java-parser's (parse + a walk that collects each declaration's lines:
 * the least a method extractor on it would do). One warm-up pass each, so JIT compilation is not timed.
 */
export async function measureExtraction(corpus: JavaSource[], warmupFiles = 8): Promise<ExtractionFigures> {
  const parser = await loadJavaParser();
  const corpusBytes = corpus.reduce((n, s) => n + Buffer.byteLength(s.text), 0);
  const ours = () => corpus.reduce((n, s) => n + parser.extractMethods(s.path, s.text).length, 0);
  const peer = () => corpus.reduce((n, s) => n + countPeerDeclarations(s.text), 0);
  for (const s of corpus.slice(0, warmupFiles)) {
    parser.extractMethods(s.path, s.text);
    countPeerDeclarations(s.text);
  }
  const a = timed(ours);
  const b = timed(peer);
  const oursMBps = corpusBytes / 1e6 / a.seconds;
  const javaParserMBps = corpusBytes / 1e6 / b.seconds;
  return {
    corpusBytes,
    files: corpus.length,
    methods: a.value,
    javaParserMethods: b.value,
    oursMBps,
    javaParserMBps,
    ratio: oursMBps / javaParserMBps,
  };
}

function timed<T>(fn: () => T): { value: T; seconds: number } {
  const started = performance.now();
  const value = fn();
  return { value, seconds: (performance.now() - started) / 1000 };
}

interface CstLike {
  name?: string;
  children?: Record<string, unknown[]>;
  location?: { startLine?: number; endLine?: number };
}

function countPeerDeclarations(text: string): number {
  const lines: number[] = [];
  const stack: CstLike[] = [parse(text) as CstLike];
  while (stack.length > 0) {
    const node = stack.pop() as CstLike;
    if (node.name && DECLARATIONS.has(node.name))
      lines.push(node.location?.startLine ?? 0, node.location?.endLine ?? 0);
    for (const children of Object.values(node.children ?? {})) {
      for (const child of children) if ((child as CstLike).children) stack.push(child as CstLike);
    }
  }
  return lines.length / 2;
}
