import { describe, expect, it } from "vitest";
import { findMethodsByKey } from "../../../src/java/find-methods-by-key.js";
import { loadJavaParser } from "../../../src/java/load-java-parser.js";

const SOURCE = `class D {
  List<Object> build() {
    return List.of(
      new Diff<Boolean>("a") { public Boolean getLeft() { return true; } },
      new Diff<Boolean>("b") { public Boolean getLeft() { return false; } },
      new Diff<Boolean>("c") { public Boolean getLeft() { return false; } });
  }
  Runnable r = new Runnable() { public void run() {} };
}
`;

describe("findMethodsByKey", () => {
  it("finds a method by today's key, and by an older key only where it names one method or one text", async () => {
    const methods = (await loadJavaParser()).extractMethods("D.java", SOURCE);
    const [, a, b, c, run] = methods;
    expect(findMethodsByKey(methods, "D.java:D.<anonymous@build()#2>#getLeft()")).toEqual([b]);
    // The old key of the one anonymous run(): as before.
    expect(findMethodsByKey(methods, "D.java:D.<anonymous>#run()")).toEqual([run]);
    // The old key of three getLeft(): the marker's hash tells which; two of the same text stand for each other.
    const legacy = "D.java:D.<anonymous>#getLeft()";
    expect(findMethodsByKey(methods, legacy, a?.hash)).toEqual([a]);
    expect(findMethodsByKey(methods, legacy, b?.hash)).toEqual([b, c]);
    expect(findMethodsByKey(methods, legacy)).toEqual([]);
    expect(findMethodsByKey(methods, legacy, "0000000000000000")).toEqual([]);
    // A key of today that names nothing any more is not read as an old one.
    expect(findMethodsByKey(methods, "D.java:D.<anonymous@build()#4>#getLeft()", a?.hash)).toEqual([]);
  });
});
