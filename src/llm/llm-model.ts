import type { Llama, LlamaModel } from "node-llama-cpp";
import type { GgufFileSummary } from "./inspect-gguf-file.js";

/** tokenizer.ggml.token_type of a control token (llama.cpp's LLAMA_TOKEN_TYPE_CONTROL). */
const CONTROL_TOKEN_TYPE = 3;

/**
 * A loaded model. Outside src/llm only its plain-data members are used; `llama` and `model` are the native
 * handles, for files in src/llm only (contexts, sequences, generation).
 */
export class LlmModel {
  private disposed = false;
  private controlTokenMap: Map<string, number> | undefined;

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

  /** Text -> id of every control token (GGUF token type 3, e.g. `<|im_start|>`), read once from the file. */
  get controlTokens(): ReadonlyMap<string, number> {
    if (!this.controlTokenMap) {
      const ggml = this.model.fileInfo.metadata?.tokenizer?.ggml as
        | { tokens?: readonly string[]; token_type?: readonly number[] }
        | undefined;
      const map = new Map<string, number>();
      const types = ggml?.token_type ?? [];
      const texts = ggml?.tokens ?? [];
      for (let id = 0; id < types.length; id++) {
        const text = texts[id];
        if (types[id] === CONTROL_TOKEN_TYPE && text && !map.has(text)) map.set(text, id);
      }
      this.controlTokenMap = map;
    }
    return this.controlTokenMap;
  }

  /** BOS id, or null. */
  get bosToken(): number | null {
    return this.model.tokens.bos;
  }

  /** Whether llama.cpp puts BOS first for this model (GGUF add_bos_token, else the vocabulary's default). */
  get addsBos(): boolean {
    return this.model.tokens.shouldPrependBosToken && this.model.tokens.bos !== null;
  }

  get bosText(): string | null {
    return this.model.tokens.bosString;
  }

  get eosText(): string | null {
    return this.model.tokens.eosString;
  }

  /** The GGUF's `tokenizer.chat_template` (jinja), or null. */
  get chatTemplate(): string | null {
    const template = (this.model.fileInfo.metadata?.tokenizer as { chat_template?: unknown } | undefined)
      ?.chat_template;
    return typeof template === "string" && template !== "" ? template : null;
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
