import type { Confusion, Explained } from "./types.js";

/**
 * Cohen's kappa of the predictions against the labels, (po - pe) / (1 - pe), in its integer form
 * 2(tp·tn - fp·fn) / ((tp+fp)(fp+tn) + (tp+fn)(fn+tn)) so chance-level agreement is exactly 0.
 */
export function computeKappa({ tp, fp, fn, tn }: Confusion): Explained {
  if (tp + fp + fn + tn === 0) return { value: null, reason: "no examples" };
  const den = (tp + fp) * (fp + tn) + (tp + fn) * (fn + tn);
  if (den === 0) {
    return {
      value: null,
      reason: "labels and predictions are all one and the same class, so chance agreement is total",
    };
  }
  return { value: (2 * (tp * tn - fp * fn)) / den };
}
