import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FIXTURES } from "./fixtures.js";
import { createGitFixture } from "./git-fixture.js";

const run = promisify(execFile);
const cli = (...args: string[]) => run("node", ["bin/java-judge.js", ...args]);

const repo = createGitFixture();
let base = "";

beforeAll(() => {
  base = repo.commit(
    { "A.java": "class A {\n  int f() { return 1; }\n  int g() { return 2; }\n}\n" },
    "base",
  );
  repo.commit(
    { "A.java": "class A {\n  int f() { return 1; }\n  int g() { return 3; }\n  int h() { return 4; }\n}\n" },
    "head",
  );
});

// A builder of anonymous Diff subclasses, as in commons-lang's ReflectionDiffBuilder tests.
const diff = (field: string, left: string) =>
  `        diffs.add(new Diff<Boolean>("${field}") {\n            @Override\n            public Boolean getLeft() {\n                return ${left};\n            }\n\n            @Override\n            public Boolean getRight() {\n                return !${left};\n            }\n        });\n`;
const builder = (...diffs: string[]) =>
  `import java.util.*;\n\nclass Builder {\n    List<Diff<?>> build() {\n        List<Diff<?>> diffs = new ArrayList<>();\n${diffs.join("")}        return diffs;\n    }\n\n    Comparator<String> order = new Comparator<String>() {\n        public int compare(String a, String b) { return a.compareTo(b); }\n    };\n}\n`;
const anonymous = createGitFixture();
let anonymousBase = "";

beforeAll(() => {
  anonymousBase = anonymous.commit(
    {
      "Builder.java": builder(diff("a", "lhs.a"), diff("b", "lhs.b"), diff("c", "lhs.c"), diff("d", "lhs.d")),
    },
    "base",
  );
  // One added at the top, one removed, two swapped: only the new Diff's methods (and build()) changed,
  // modified rather than added: the removed one is left over to pair with them in file order.
  anonymous.commit(
    {
      "Builder.java": builder(diff("z", "lhs.z"), diff("a", "lhs.a"), diff("d", "lhs.d"), diff("b", "lhs.b")),
    },
    "head",
  );
});

afterAll(() => {
  repo.remove();
  anonymous.remove();
});

describe.concurrent("java-judge methods", () => {
  it("prints the JSON contract, path as given", async () => {
    const { stdout } = await cli("methods", `${FIXTURES}Records.java`, "--json");
    const methods = JSON.parse(stdout) as Array<Record<string, unknown>>;
    expect(methods).toHaveLength(10);
    expect(methods[0]).toEqual({
      path: `${FIXTURES}Records.java`,
      name: "Point",
      kind: "constructor",
      className: "Records.Point",
      signature: "public Point",
      startLine: 10,
      endLine: 14,
      javadoc: "Rejects NaN.",
      hasError: false,
    });
  });

  it("prints a table without --json, several files in order", async () => {
    const { stdout } = await cli("methods", `${FIXTURES}Broken.java`, `${FIXTURES}Enums.java`);
    const lines = stdout.trim().split("\n");
    expect(lines).toHaveLength(6 + 11);
    expect(lines[1]).toMatch(
      /Broken\.java:8-11 +method +Broken\.missingSemicolon +void missingSemicolon\(\) +\[syntax error\]$/,
    );
  });

  it("exits 2 with one line for a missing file", async () => {
    const failure = await cli("methods", "no/such/File.java").catch(
      (e: { code: number; stderr: string }) => e,
    );
    expect(failure).toMatchObject({ code: 2 });
    expect((failure as { stderr: string }).stderr.trim().split("\n")).toEqual([
      "java-judge: cannot read no/such/File.java: no such file; pass the path of a .java file",
    ]);
  });
});

describe.concurrent("java-judge changed", () => {
  it("prints the changed methods with their change", async () => {
    const { stdout } = await cli("changed", "--repo", repo.dir, "--base", base, "--json");
    expect(JSON.parse(stdout)).toEqual([
      expect.objectContaining({ path: "A.java", name: "g", startLine: 3, change: "modified" }),
      expect.objectContaining({ path: "A.java", name: "h", startLine: 4, change: "added" }),
    ]);
    expect(Object.keys(JSON.parse(stdout)[0])).toEqual([
      "path",
      "name",
      "kind",
      "className",
      "signature",
      "startLine",
      "endLine",
      "javadoc",
      "hasError",
      "change",
      "key",
    ]);
  });

  it("lists only the new anonymous class's methods when others move, each with a key of its own", async () => {
    const { stdout } = await cli("changed", "--repo", anonymous.dir, "--base", anonymousBase, "--json");
    const changed = JSON.parse(stdout) as Array<{
      name: string;
      startLine: number;
      change: string;
      key: string;
    }>;
    expect(changed.map((m) => `${m.change} ${m.name} ${m.startLine}`)).toEqual([
      "modified build 4",
      "modified getLeft 7",
      "modified getRight 12",
    ]);
    expect(changed.map((m) => m.key)).toEqual([
      "Builder.java:Builder#build()",
      "Builder.java:Builder.<anonymous@build()#1>#getLeft()",
      "Builder.java:Builder.<anonymous@build()#1>#getRight()",
    ]);
  });

  it("exits 2 with one line for a bad revision", async () => {
    const failure = await cli("changed", "--repo", repo.dir, "--base", "nope").catch((e) => e);
    expect(failure).toMatchObject({ code: 2 });
    expect(failure.stderr.trim()).toBe(
      'java-judge: unknown revision "nope": pass a commit, branch or tag of the repository',
    );
  });
});
