/**
 * What the judge needs of a model's tokenizer to turn a template and a method into token ids (plain data;
 * `LlmModel` is one). Python's side (training/) reads the same facts from the Hugging Face tokenizer.
 */
export interface PromptTokenizer {
  /** Model name, for errors. */
  readonly name: string;
  /** Plain text to ids: special-token text NOT parsed, no BOS added. */
  tokenize(text: string): number[];
  /** Text -> id of every control token (GGUF token type 3): the only texts a template's literal text may use as such. */
  readonly controlTokens: ReadonlyMap<string, number>;
  /** BOS id, or null. */
  readonly bosToken: number | null;
  /** Whether the model's tokenizer puts BOS first (GGUF `tokenizer.ggml.add_bos_token`, llama.cpp's default). */
  readonly addsBos: boolean;
  /** BOS and EOS texts, for the chat template's `bos_token`/`eos_token`. */
  readonly bosText: string | null;
  readonly eosText: string | null;
  /** The GGUF's `tokenizer.chat_template` (jinja), or null. */
  readonly chatTemplate: string | null;
}
