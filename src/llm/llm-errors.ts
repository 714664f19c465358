// Named model errors: each message says what was tried and what to do, on one line.

export class ModelNotFoundError extends Error {
  override name = "ModelNotFoundError";
  constructor(
    readonly tried: string,
    hint = "download one with `java-judge pull [NAME]` or pass a GGUF path (--model / JUDGE_MODEL)",
  ) {
    super(`model not found: ${tried}; ${hint}`);
  }
}

export class NotGgufError extends Error {
  override name = "NotGgufError";
  constructor(readonly path: string) {
    super(
      `not a GGUF model file (no "GGUF" magic): ${path}; convert it with llama.cpp's convert_hf_to_gguf.py`,
    );
  }
}

export class TruncatedModelError extends Error {
  override name = "TruncatedModelError";
  constructor(
    readonly path: string,
    readonly actualBytes: number,
    readonly expectedBytes: number | null,
  ) {
    const expected = expectedBytes === null ? "a readable header" : `${expectedBytes} bytes`;
    super(
      `model file is truncated: ${path} has ${actualBytes} bytes, expected ${expected}; download it again (java-judge pull)`,
    );
  }
}

export class UnsupportedArchitectureError extends Error {
  override name = "UnsupportedArchitectureError";
  constructor(
    readonly path: string,
    readonly architecture: string,
  ) {
    super(
      `unsupported model architecture "${architecture}" in ${path}; this llama.cpp build cannot run it, use a supported model (e.g. qwen2, llama)`,
    );
  }
}

export class ContextTooSmallError extends Error {
  override name = "ContextTooSmallError";
  constructor(
    readonly needed: number,
    readonly contextSize: number,
  ) {
    super(`context too small: ${contextSize} tokens; increase the context to at least ${needed}`);
  }
}

export class ModelLoadError extends Error {
  override name = "ModelLoadError";
  constructor(
    readonly path: string,
    cause: unknown,
  ) {
    const why = cause instanceof Error ? cause.message.split("\n")[0] : String(cause);
    super(`llama.cpp could not load ${path}: ${why}; check the file (java-judge pull) and LLAMA_GPU`);
  }
}
