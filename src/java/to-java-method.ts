import type { ChangedMethod, ExtractedMethod, JavaMethod } from "./types.js";

/** The `methods --json` contract: exactly these keys, in this order. */
export function toJavaMethod(method: ExtractedMethod): JavaMethod {
  const { path, name, kind, className, signature, startLine, endLine, javadoc, hasError } = method;
  return { path, name, kind, className, signature, startLine, endLine, javadoc, hasError };
}

/** The `changed --json` contract: the `methods` keys plus `change`, and the method's key (unique in its file). */
export function toChangedJavaMethod(
  method: ChangedMethod,
): JavaMethod & Pick<ChangedMethod, "change" | "key"> {
  return { ...toJavaMethod(method), change: method.change, key: method.key };
}
