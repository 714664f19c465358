import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { UsageError } from "../../../src/errors.js";
import { changedMethodsInRepo } from "../../../src/java/changed-methods-in-repo.js";
import { createGitFixture } from "./git-fixture.js";

const SHAPES = `package shapes;

public class Shapes {
    /** Area of a circle. */
    public static double circle(double r) {
        return Math.PI * r * r;
    }

    /** Area of a square. */
    public static double square(double s) {
        return s * s;
    }

    public static double triangle(double b, double h) {
        return b * h / 2;
    }

    static double unused() {
        return 0;
    }
}
`;

const UTIL = `package util;

public final class Util {
    private Util() {}

    public static int clamp(int v, int lo, int hi) {
        return Math.max(lo, Math.min(hi, v));
    }

    public static int twice(int v) {
        return v * 2;
    }

    public static int thrice(int v) {
        return v * 3;
    }
}
`;

const repo = createGitFixture();
let first = "";
let second = "";
let third = "";

beforeAll(() => {
  first = repo.commit(
    {
      "src/Shapes.java": SHAPES,
      "src/util/Util.java": UTIL,
      "src/Gone.java": "class Gone { void g() {} }\n",
    },
    "first",
  );
  const shapes = SHAPES
    // modified
    .replace("return s * s;", "return Math.pow(s, 2);")
    // Javadoc only
    .replace("/** Area of a circle. */", "/**\n     * Area of a circle of radius r.\n     */")
    // moved: triangle goes to the end of the class
    .replace(
      "    public static double triangle(double b, double h) {\n        return b * h / 2;\n    }\n\n",
      "",
    )
    .replace(
      "static double unused() {\n        return 0;\n    }\n",
      "static double unused() {\n        return 0;\n    }\n\n    public static double triangle(double b, double h) {\n        return b * h / 2;\n    }\n\n    static double hexagon(double s) {\n        return 3 * Math.sqrt(3) / 2 * s * s;\n    }\n",
    );
  second = repo.commit(
    {
      "src/Shapes.java": shapes,
      "src/util/Util.java": null,
      // renamed (and one method changed): followed, not reported as all-new
      "src/common/Util.java": UTIL.replace("package util;", "package common;").replace("v * 3", "3 * v"),
      "src/Gone.java": null,
      "src/New.java": "class New {\n  New() {}\n  void n() {}\n}\n",
      "src/Binary.java": new Uint8Array([0xca, 0xfe, 0xba, 0xbe, 0, 0, 0, 0x34]),
      "README.md": "not java\n",
    },
    "second",
  );
  third = repo.commit(
    { "src/Shapes.java": shapes.replace("static double unused() {\n        return 0;\n    }\n\n", "") },
    "third",
  );
});

afterAll(() => repo.remove());

const brief = (m: {
  change: string;
  path: string;
  className: string;
  name: string;
  startLine: number;
  endLine: number;
}) => `${m.change} ${m.path} ${m.className}#${m.name} ${m.startLine}-${m.endLine}`;

describe("changedMethodsInRepo", () => {
  it("finds added and modified methods, following renames, skipping deletions, moves and Javadoc edits", async () => {
    const changed = await changedMethodsInRepo({ repoDir: repo.dir, base: first, head: second });
    expect(changed.map(brief)).toEqual([
      "added src/New.java New#New 2-2",
      "added src/New.java New#n 3-3",
      "modified src/Shapes.java Shapes#square 12-14",
      "added src/Shapes.java Shapes#hexagon 24-26",
      "modified src/common/Util.java Util#thrice 14-16",
    ]);
    expect(changed[4]!.key).toBe("src/common/Util.java:Util#thrice(int)");
  });

  it("defaults head to HEAD and lists nothing for a deletion", async () => {
    expect(await changedMethodsInRepo({ repoDir: repo.dir, base: second })).toEqual([]);
    expect(
      (await changedMethodsInRepo({ repoDir: repo.dir, base: first, head: third })).map(brief),
    ).toContain("added src/Shapes.java Shapes#hexagon 20-22");
  });

  it("refuses an unknown revision or a directory that is no repository with a UsageError", async () => {
    await expect(changedMethodsInRepo({ repoDir: repo.dir, base: "no-such-branch" })).rejects.toThrow(
      UsageError,
    );
    await expect(changedMethodsInRepo({ repoDir: repo.dir, base: "--output=/tmp/x" })).rejects.toThrow(
      /unknown revision/,
    );
    await expect(changedMethodsInRepo({ repoDir: "/nonexistent/dir", base: "HEAD" })).rejects.toThrow(
      UsageError,
    );
  });
});
