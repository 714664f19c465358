// What the Python steps print on stdout (training/train.py, merge.py, convert.py) and what `train --json` prints.

export interface EpochRow {
  epoch: number;
  trainLoss: number;
  /** Class-balanced cross-entropy of the label token on the validation split. */
  validLoss?: number;
  /** Fraction of validation examples on the right side of score 0.5. */
  validAccuracy?: number;
  seconds: number;
}

export interface SplitCounts {
  train: number;
  valid: number;
}

export interface TrainSummary {
  mode: "lora" | "full";
  device: string;
  out: string;
  loraTargets: string[] | string | null;
  lr: number;
  /** The BOS id put first (the tokenizer adds one), or null. */
  bos: number | null;
  format: "completion" | "chat";
  examples: SplitCounts;
  skipped: { tooLong: SplitCounts; labelMerged: SplitCounts };
  parameters: number;
  trainableParameters: number;
  epochs: EpochRow[];
  /** The epoch whose weights were kept: lowest validation loss, else the last. */
  bestEpoch: number;
  trainSeconds: number;
  trainTokens: number;
  tokensPerSecond: number | null;
  examplesPerSecond: number | null;
  /** The first training example as the model reads it: context ids and the two label ids. */
  firstExample: { ids: number[]; correctId: number; incorrectId: number };
  /** The training process's peak resident memory (null where the OS does not say). */
  peakRssMB: number | null;
  /** torch's peak CUDA memory, on a GPU. */
  peakGpuMB: number | null;
  seconds: number;
}

export interface MergeSummary {
  out: string;
  copied: string[];
  seconds: number;
}

export interface ConvertSummary {
  outfile: string;
  outtype: string;
  bytes: number;
  seconds: number;
}

export interface TrainJudgeSummary {
  model: { path: string; name: string; catalog: string; outtype: string; bytes: number };
  /** --keep-checkpoint: the fine-tuned Hugging Face checkpoint, or null. */
  checkpoint: string | null;
  base: string;
  template: string | null;
  mode: "lora" | "full";
  device: string;
  /** Of the model as trained (with the adapter, under LoRA). */
  parameters: { total: number; trainable: number };
  environment: { python: string; created: boolean };
  data: {
    from: "dir" | "file";
    train: number;
    valid: number;
    test: number;
    skipped: TrainSummary["skipped"];
  };
  epochs: EpochRow[];
  bestEpoch: number;
  validLoss: number | null;
  validAccuracy: number | null;
  /** The GGUF on the test split (eval's metrics; precision and recall are of the class "incorrect"). */
  test: {
    n: number;
    skipped: number;
    accuracy: number | null;
    kappa: number | null;
    f1: number | null;
    auc: number | null;
    ece: number | null;
    threshold: number;
    /** The threshold whose flags reach the target precision with the most recall. */
    forPrecision: {
      target: number;
      threshold: number | null;
      precision: number | null;
      recall: number | null;
      reason?: string;
    };
  } | null;
  evalJson: string | null;
  evalSvg: string | null;
  throughput: {
    examplesPerSecond: number | null;
    tokensPerSecond: number | null;
    trainTokens: number;
    peakRssMB: number | null;
    peakGpuMB: number | null;
  };
  /** How train.py built the token ids: the template's format and the BOS id put first (null: none). */
  prompt: { format: TrainSummary["format"]; bos: number | null };
  firstExample: TrainSummary["firstExample"];
  seconds: {
    environment: number;
    train: number;
    merge: number;
    convert: number;
    eval: number;
    total: number;
  };
}
