import { createRequire } from "node:module";
import { parse } from "java-parser";
import { Language, Parser } from "web-tree-sitter";
import { loadJavaParser } from "../src/java/load-java-parser.js";
import type { JavaSource } from "./build-java-corpus.js";

export interface ExtractionFigures {
  corpusBytes: number;
  files: number;
  /** Methods and constructors found by our extractor. */
  methods: number;
  /** Declarations java-parser's CST holds (methods, constructors, interface methods, compact constructors). */
  javaParserMethods: number;
  /** Medians over `rounds` interleaved rounds, each a whole pass over the corpus. */
  oursMBps: number;
  javaParserMBps: number;
  ratio: number;
  /** tree-sitter's parse alone, no extraction: the ceiling of any extractor on web-tree-sitter. */
  parseOnlyMBps: number;
  /** Share of our time spent outside the parse (walking the tree, Javadoc, keys, hashes). */
  extractShare: number;
  rounds: number;
}

const DECLARATIONS = new Set([
  "methodDeclaration",
  "constructorDeclaration",
  "interfaceMethodDeclaration",
  "compactConstructorDeclaration",
]);

/**
 * Parse + extract, ours (tree-sitter) and java-parser's (parse + a walk that collects each declaration's lines:
 * the least a method extractor on it would do), and tree-sitter's parse alone. One whole warm-up pass each, so
 * neither JIT compilation nor WASM tier-up is timed; then `rounds` interleaved rounds, so a burst of load on a
 * shared machine hits all three alike, and the median of each.
 */
export async function measureExtraction(corpus: JavaSource[], rounds = 3): Promise<ExtractionFigures> {
  const parser = await loadJavaParser();
  const treeSitter = await loadRawTreeSitter();
  const corpusBytes = corpus.reduce((n, s) => n + Buffer.byteLength(s.text), 0);
  const passes = {
    ours: () => corpus.reduce((n, s) => n + parser.extractMethods(s.path, s.text).length, 0),
    parseOnly: () => corpus.reduce((n, s) => n + parseOnly(treeSitter, s.text), 0),
    peer: () => corpus.reduce((n, s) => n + countPeerDeclarations(s.text), 0),
  };
  const counts = { ours: passes.ours(), parseOnly: passes.parseOnly(), peer: passes.peer() };
  const seconds: Record<keyof typeof passes, number[]> = { ours: [], parseOnly: [], peer: [] };
  for (let round = 0; round < rounds; round++) {
    for (const [name, pass] of Object.entries(passes) as Array<[keyof typeof passes, () => number]>) {
      seconds[name].push(timed(pass));
    }
  }
  const mbps = (name: keyof typeof passes) => corpusBytes / 1e6 / median(seconds[name]);
  const oursMBps = mbps("ours");
  const parseOnlyMBps = mbps("parseOnly");
  return {
    corpusBytes,
    files: corpus.length,
    methods: counts.ours,
    javaParserMethods: counts.peer,
    oursMBps,
    javaParserMBps: mbps("peer"),
    ratio: oursMBps / mbps("peer"),
    parseOnlyMBps,
    extractShare: 1 - oursMBps / parseOnlyMBps,
    rounds,
  };
}

/** The same wasm grammar as src/java, without extraction: only what the parse costs is timed. */
async function loadRawTreeSitter(): Promise<Parser> {
  const require = createRequire(import.meta.url);
  await Parser.init();
  const parser = new Parser();
  parser.setLanguage(await Language.load(require.resolve("tree-sitter-java/tree-sitter-java.wasm")));
  return parser;
}

function parseOnly(parser: Parser, text: string): number {
  const tree = parser.parse(text);
  const nodes = tree?.rootNode.childCount ?? 0;
  tree?.delete();
  return nodes;
}

function timed(fn: () => number): number {
  const started = performance.now();
  fn();
  return (performance.now() - started) / 1000;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
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
