import { createRequire } from "node:module";
import { Language, Parser } from "web-tree-sitter";
import { extractFromParser } from "./extract-from-parser.js";
import { type LoneDeclaration, parseLoneDeclaration } from "./parse-lone-declaration.js";
import { type LoneMethod, type LoneMethodShape, parseLoneMethod } from "./parse-lone-method.js";
import type { ExtractedMethod } from "./types.js";

/** The process's Java parser; tree-sitter objects stay behind this interface. */
export interface JavaParser {
  /** Every method and constructor of one file, in file order; never throws on broken code. */
  extractMethods(path: string, source: string): ExtractedMethod[];
}

/** The parser with what rewriting a method needs (mutants): one method's text parsed on its own. */
export interface JavaSyntaxParser extends JavaParser {
  /** Null unless the text is exactly one member that parses without error; see parse-lone-method.ts. */
  parseLoneMethod(code: string, shape: LoneMethodShape, options?: { syntax?: boolean }): LoneMethod | null;
  /** A method or constructor's text with nothing around it (a dataset line), or what it holds instead. */
  parseLoneDeclaration(code: string): LoneDeclaration;
}

let loading: Promise<JavaSyntaxParser> | undefined;

/** Loads web-tree-sitter and the Java grammar once per process; later calls share the same parser. */
export function loadJavaParser(): Promise<JavaSyntaxParser> {
  loading ??= createJavaParser().catch((error: unknown) => {
    loading = undefined;
    throw error;
  });
  return loading;
}

async function createJavaParser(): Promise<JavaSyntaxParser> {
  const require = createRequire(import.meta.url);
  let wasmPath: string;
  try {
    wasmPath = require.resolve("tree-sitter-java/tree-sitter-java.wasm");
  } catch {
    throw new Error("tree-sitter-java's wasm grammar is missing: run `npm ci` to install the dependencies");
  }
  await Parser.init();
  const language = await Language.load(wasmPath);
  const parser = new Parser();
  parser.setLanguage(language);
  return {
    extractMethods: (path, source) => extractFromParser(parser, path, source),
    parseLoneMethod: (code, shape, options) => parseLoneMethod(parser, code, shape, options),
    parseLoneDeclaration: (code) => parseLoneDeclaration(parser, code),
  };
}
