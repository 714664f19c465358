import { describe, expect, it } from "vitest";
import { matchGlob } from "../../../src/config/match-glob.js";
import { defaultRepoConfig } from "../../../src/config/parse-repo-config.js";
import { explainFileExclusion } from "../../../src/config/select-java-file.js";

describe("matchGlob", () => {
  it.each([
    ["**/*.java", "A.java", true],
    ["**/*.java", "src/main/java/a/A.java", true],
    ["src/**", "src/a/b.java", true],
    ["src/*.java", "src/a/b.java", false],
    ["*Generated.java", "x/y/FooGenerated.java", true],
    ["**/{gen,generated}/**", "a/generated/B.java", true],
    ["**/{gen,generated}/**", "a/general/B.java", false],
    ["a?c.java", "abc.java", true],
    ["[ab].java", "c.java", false],
  ])("%s vs %s -> %s", (glob, path, expected) => {
    expect(matchGlob(glob, path)).toBe(expected);
  });
});

describe("explainFileExclusion", () => {
  const config = defaultRepoConfig();
  it("reviews main sources and says why others are not", () => {
    expect(explainFileExclusion(config, "src/main/java/a/Calc.java")).toBeNull();
    expect(explainFileExclusion(config, "README.md")).toBe("not a .java file");
    expect(explainFileExclusion(config, "src/test/java/a/CalcTest.java")).toBe("test source (skip_tests)");
    expect(
      explainFileExclusion({ ...config, skip_tests: false }, "src/test/java/a/CalcTest.java"),
    ).toBeNull();
    const paths = { include: ["src/main/**"], exclude: ["**/generated/**"] };
    expect(explainFileExclusion({ ...config, paths }, "src/main/generated/X.java")).toContain(
      "paths.exclude",
    );
    expect(explainFileExclusion({ ...config, paths }, "lib/X.java")).toBe("not matched by paths.include");
  });
});
