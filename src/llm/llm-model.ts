import type { Llama, LlamaModel } from "node-llama-cpp";
import type { GgufFileSummary } from "./inspect-gguf-file.js";

/**
 * A loaded model. Outside src/llm only its plain-data members are used; `llama` and `model` are the native
 * handles, for files in src/llm only (contexts, sequences, generation).
 */
export class LlmModel {
  private disposed = false;

  constructor(
    /** @internal src/llm only */
    readonly llama: Llama,
    /** @internal src/llm only */
    readonly model: LlamaModel,
    readonly file: GgufFileSummary,
    /** Content fingerprint of the file: the model part of cache keys. */
    readonly fingerprint: string,
  ) {}

  get path(): string {
    return this.file.path;
  }

  /** Display name: general.name, else the file name. */
  get name(): string {
    return this.file.name ?? this.file.path.split(/[\\/]/).pop() ?? this.file.path;
  }

  get trainContextSize(): number {
    return this.model.trainContextSize;
  }

  /** Plain text to token ids: no BOS, special-token text is not parsed (method text cannot inject control tokens). */
  tokenize(text: string): number[] {
    return this.model.tokenize(text, false) as number[];
  }

  detokenize(tokens: readonly number[]): string {
    return this.model.detokenize(tokens as Parameters<LlamaModel["detokenize"]>[0]);
  }

  get isDisposed(): boolean {
    return this.disposed;
  }

  async dispose(): Promise<void> {
    if (this.disposed) return;
    this.disposed = true;
    await this.model.dispose();
  }
}
