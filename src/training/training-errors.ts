/** A training step failed (python missing, pip, the trainer, the converter): one line on stderr, exit 1. */
export class TrainingError extends Error {
  override name = "TrainingError";
}
