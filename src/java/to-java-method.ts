import type { ChangedMethod, ExtractedMethod, JavaMethod } from "./types.js";

/** The `methods --json` contract: exactly these keys, in this order. */
export function toJavaMethod(method: ExtractedMethod): JavaMethod {
  const { path, name, kind, className, signature, startLine, endLine, javadoc, hasError } = method;
  return { path, name, kind, className, signature, startLine, endLine, javadoc, hasError };
}

/** The `changed --json` contract: the `methods` keys plus `change`. */
export function toChangedJavaMethod(method: ChangedMethod): JavaMethod & Pick<ChangedMethod, "change"> {
  return { ...toJavaMethod(method), change: method.change };
}
