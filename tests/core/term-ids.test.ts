import { describe, expect, it } from "vitest";
import { TermColumns, bestCredit, hasTerm, overlap, sharedCount, viewTermColumns } from "../../src/core/term-ids.ts";

const ids = (...values: number[]) => Uint32Array.from(values);

describe("hasTerm", () => {
  it("finds ids in a sorted array and nothing else", () => {
    const set = ids(2, 5, 9, 40);
    expect([2, 5, 9, 40].every((id) => hasTerm(set, id))).toBe(true);
    expect([0, 3, 10, 41].some((id) => hasTerm(set, id))).toBe(false);
    expect(hasTerm(ids(), 1)).toBe(false);
  });
});

describe("sharedCount and overlap", () => {
  it("count shared ids and give the Jaccard similarity", () => {
    expect(sharedCount(ids(1, 3, 5, 7), ids(3, 4, 5))).toBe(2);
    expect(overlap(ids(1, 3, 5, 7), ids(3, 4, 5))).toBeCloseTo(2 / 5);
    expect(overlap(ids(), ids(1))).toBe(0);
  });
});

describe("bestCredit", () => {
  it("gives the best credit of any expansion term present, scanning or looking up alike", () => {
    const expansion = new Map([
      [4, 0.7],
      [8, 1],
    ]);
    expect(bestCredit(expansion, ids(1, 4, 6))).toBe(0.7);
    expect(bestCredit(expansion, ids(4, 8))).toBe(1);
    const large = Uint32Array.from({ length: 100 }, (_, i) => i * 2);
    expect(bestCredit(expansion, large)).toBe(1);
    expect(bestCredit(new Map([[7, 1]]), large)).toBe(0);
  });
});

describe("TermColumns", () => {
  it("stores each item's ids deduplicated and sorted in one buffer", () => {
    const columns = new TermColumns();
    columns.add([5, 1, 5, 3]);
    columns.add([]);
    columns.add([2]);
    const views = viewTermColumns(columns.finish());
    expect(views.map((v) => [...v])).toEqual([[1, 3, 5], [], [2]]);
  });
});
