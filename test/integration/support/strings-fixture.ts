import { readFileSync } from "node:fs";
import { join } from "node:path";

export const STRINGS_PATH = "src/main/java/com/example/text/Strings.java";
const recorded = readFileSync(join(import.meta.dirname, "../../fixtures/generations/Strings.java"), "utf8");

/** The PR: isPalindrome rewritten (and flagged: the tiny judge says "incorrect" to code holding BUG). */
export const headText = recorded.replace(
  "        String s = text.toLowerCase(LOCALE);\n",
  "        // BUG? compares the raw text\n        String s = text.toLowerCase(LOCALE);\n",
);
export const baseText = recorded.replace(
  /public static boolean isPalindrome\(String text\) \{[\s\S]*?\n {4}\}\n/,
  "public static boolean isPalindrome(String text) {\n        return false;\n    }\n",
);
