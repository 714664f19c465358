import type { Explained } from "./types.js";

/** num / den, or null with the reason when den is 0 (never NaN). */
export function divide(num: number, den: number, reasonIfZero: string): Explained {
  return den === 0 ? { value: null, reason: reasonIfZero } : { value: num / den };
}
