import { describe, expect, it } from "vitest";
import { UsageError } from "../../../src/errors.js";
import {
  parseLlamaThreads,
  resolveThreadCount,
  SMALL_MODEL_BYTES,
} from "../../../src/llm/resolve-thread-count.js";

const small = { sizeBytes: 1_000_000, mathCores: 8 };
const large = { sizeBytes: SMALL_MODEL_BYTES, mathCores: 8 };

describe("resolveThreadCount: one policy for every llama.cpp context", () => {
  it("without LLAMA_THREADS: 1 thread for a model under 256 MB, the math cores from 256 MB on", () => {
    expect(resolveThreadCount(small, undefined)).toBe(1);
    expect(resolveThreadCount({ ...small, sizeBytes: SMALL_MODEL_BYTES - 1 }, undefined)).toBe(1);
    expect(resolveThreadCount(large, undefined)).toBe(8);
    expect(resolveThreadCount(large, "")).toBe(8);
    expect(resolveThreadCount(large, "  ")).toBe(8);
  });

  it("LLAMA_THREADS wins over the size rule; 0 means the math cores", () => {
    expect(resolveThreadCount(small, "4")).toBe(4);
    expect(resolveThreadCount(large, "1")).toBe(1);
    expect(resolveThreadCount(small, "0")).toBe(8);
    expect(resolveThreadCount(small, " 2 ")).toBe(2);
  });

  it("never answers 0 threads, even where llama.cpp reports no math cores", () => {
    expect(resolveThreadCount({ sizeBytes: SMALL_MODEL_BYTES * 2, mathCores: 0 }, undefined)).toBe(1);
    expect(resolveThreadCount({ ...small, mathCores: 0 }, "0")).toBe(1);
  });

  it("reads process.env.LLAMA_THREADS when no setting is passed", () => {
    const saved = process.env.LLAMA_THREADS;
    try {
      process.env.LLAMA_THREADS = "3";
      expect(resolveThreadCount(small)).toBe(3);
      delete process.env.LLAMA_THREADS;
      expect(resolveThreadCount(small)).toBe(1);
    } finally {
      if (saved === undefined) delete process.env.LLAMA_THREADS;
      else process.env.LLAMA_THREADS = saved;
    }
  });
});

describe("parseLlamaThreads", () => {
  it("takes unset, empty and whole numbers", () => {
    expect(parseLlamaThreads(undefined)).toBeUndefined();
    expect(parseLlamaThreads("")).toBeUndefined();
    expect(parseLlamaThreads("0")).toBe(0);
    expect(parseLlamaThreads("16")).toBe(16);
  });

  it("refuses anything else with one line that names the variable", () => {
    for (const bad of ["-1", "1.5", "two", "4x", "1e3", "99999999999999999999"]) {
      const err = (() => {
        try {
          parseLlamaThreads(bad);
        } catch (e) {
          return e;
        }
      })();
      expect(err).toBeInstanceOf(UsageError);
      expect(String((err as Error).message)).toBe(
        `LLAMA_THREADS=${bad} is not a whole number of threads (0 = all math cores)`,
      );
    }
  });
});
