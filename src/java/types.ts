/** One method or constructor declaration, as the `java-judge methods --json` contract prints it. */
export interface JavaMethod {
  /** The file path as given (CLI) or as in the repository (app). */
  path: string;
  name: string;
  kind: "method" | "constructor";
  /** Dotted chain of enclosing types; an anonymous class adds `<anonymous>`, a local class `<local:Name>`. */
  className: string;
  /** Declaration text up to the body (or `;`), whitespace runs collapsed to one space, no Javadoc. */
  signature: string;
  /** 1-based, inclusive: first annotation or modifier (else type params / return type / name) ... closing `}` or `;`. */
  startLine: number;
  endLine: number;
  /** Javadoc text without comment markers, or null. */
  javadoc: string | null;
  /** The method's span contains a syntax error (ERROR or MISSING node). */
  hasError: boolean;
}

/** Everything the rest of the app needs about a method; plain data, no tree-sitter objects. */
export interface ExtractedMethod extends JavaMethod {
  /** Exact source text of the span (from the first line's first character of the declaration to its end). */
  text: string;
  /** Leading whitespace of the declaration's first line (for suggestions). */
  indent: string;
  /** Parameter types as written, whitespace removed, e.g. ["Map<String,List<Integer>>", "int..."]. */
  parameterTypes: string[];
  /** Return type as written (whitespace collapsed); null for constructors. */
  returnType: string | null;
  /** Type parameters as written (e.g. "<T extends Comparable<T>>"), or null. */
  typeParameters: string | null;
  /** Thrown types as written, whitespace removed. */
  throws: string[];
  /**
   * Unique within the file and stable while the method is unchanged: path + class chain + name + parameter
   * types, an anonymous or local class named by the member that holds it (see methodKey); `~n` on a collision.
   */
  key: string;
  /** Hash of the declaration text with whitespace runs collapsed (Javadoc excluded). */
  hash: string;
}

export type ChangeKind = "added" | "modified";

export interface ChangedMethod extends ExtractedMethod {
  change: ChangeKind;
}

/**
 * A syntax node as plain data, so tree-sitter's own nodes never leave src/java. Anonymous tokens (operators,
 * keywords, punctuation) and comments are children too, in source order.
 */
export interface SyntaxNode {
  /** tree-sitter's node type: `binary_expression`, `identifier`, or the token itself (`+`, `return`). */
  type: string;
  /** False for anonymous tokens: operators, keywords, punctuation. */
  named: boolean;
  /** The node's field under its parent (`left`, `operator`, `name`, ...), or null. */
  field: string | null;
  /** UTF-16 offsets into the text that was parsed, end exclusive. */
  start: number;
  end: number;
  children: SyntaxNode[];
}
