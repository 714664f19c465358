import { findMethodsByKey } from "../java/find-methods-by-key.js";
import type { ChangedMethod } from "../java/types.js";
import type { RegenerateTarget } from "./types.js";

/**
 * The changed methods a target names. "flagged" gives every changed method (the caller keeps the
 * flagged ones after scoring). A name matches the method name, or a dotted suffix of class chain + name;
 * a path:line matches the method whose span holds the line (the innermost when methods nest), the
 * path compared as written or by its end (`Foo.java:12` for `src/main/java/p/Foo.java`).
 */
export function selectTargetMethods(methods: ChangedMethod[], target: RegenerateTarget): ChangedMethod[] {
  switch (target.kind) {
    case "flagged":
      return methods;
    case "key":
      return findMethodsByKey(methods, target.key);
    case "name":
      return methods.filter((m) => {
        const full = `${m.className}.${m.name}`;
        return m.name === target.name || full === target.name || full.endsWith(`.${target.name}`);
      });
    case "line": {
      const holding = methods.filter(
        (m) => pathMatches(m.path, target.path) && m.startLine <= target.line && target.line <= m.endLine,
      );
      const innermost = holding.sort((a, b) => a.endLine - a.startLine - (b.endLine - b.startLine))[0];
      return innermost ? [innermost] : [];
    }
  }
}

function pathMatches(path: string, asked: string): boolean {
  const a = asked.replace(/^\.?\//, "");
  return path === a || path.endsWith(`/${a}`);
}
