import { describe, expect, it } from "vitest";
import { splitByKey } from "../../../src/training/split-by-key.js";

const RATIOS = { train: 0.8, valid: 0.1, test: 0.1 };
const items = Array.from({ length: 60 }, (_, i) => ({ id: `m${i}`, key: `k${Math.floor(i / 3)}` }));

describe("splitByKey", () => {
  it("never puts one key in two splits, and keeps every item once", () => {
    const s = splitByKey(items, (i) => i.key, RATIOS, 1);
    const keysOf = (xs: typeof items) => new Set(xs.map((x) => x.key));
    const [train, valid, test] = [keysOf(s.train), keysOf(s.valid), keysOf(s.test)];
    for (const k of valid) expect(train.has(k) || test.has(k)).toBe(false);
    for (const k of test) expect(train.has(k)).toBe(false);
    expect([...s.train, ...s.valid, ...s.test].map((x) => x.id).sort()).toEqual(
      items.map((x) => x.id).sort(),
    );
    expect([s.train.length, s.valid.length, s.test.length]).toEqual([48, 6, 6]);
  });

  it("depends on the seed only, not on the input order, and keeps the input order within a split", () => {
    const a = splitByKey(items, (i) => i.key, RATIOS, 7);
    const b = splitByKey([...items].reverse(), (i) => i.key, RATIOS, 7);
    expect(new Set(a.test.map((x) => x.id))).toEqual(new Set(b.test.map((x) => x.id)));
    expect(a.train.map((x) => x.id)).toEqual(items.filter((x) => a.train.includes(x)).map((x) => x.id));
    const c = splitByKey(items, (i) => i.key, RATIOS, 8);
    expect(c.test.map((x) => x.id)).not.toEqual(a.test.map((x) => x.id));
  });

  it("gives valid and test a group each from 3 groups on", () => {
    const few = [1, 2, 3].map((i) => ({ id: `m${i}`, key: `k${i}` }));
    const s = splitByKey(few, (i) => i.key, RATIOS, 1);
    expect([s.train.length, s.valid.length, s.test.length]).toEqual([1, 1, 1]);
    const two = splitByKey(few.slice(0, 2), (i) => i.key, RATIOS, 1);
    expect(two.train.length).toBe(2);
  });
});
