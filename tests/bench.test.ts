import { describe, expect, it } from "vitest";
import { benchSize, formatTable } from "../scripts/bench.ts";
import { hostileQueries, syntheticQuestions, writeSyntheticCorpus } from "../scripts/synthetic.ts";
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

describe("synthetic corpora", () => {
  it("are deterministic, dated, and full of acronyms and names", () => {
    const a = mkdtempSync(join(tmpdir(), "daleel-syn-"));
    const b = mkdtempSync(join(tmpdir(), "daleel-syn-"));
    writeSyntheticCorpus(a, 5);
    writeSyntheticCorpus(b, 5);
    const files = readdirSync(a).sort();
    expect(files).toEqual(readdirSync(b).sort());
    expect(readFileSync(join(a, files[0]!), "utf8")).toBe(readFileSync(join(b, files[0]!), "utf8"));
    expect(readFileSync(join(a, files[0]!), "utf8")).toMatch(/date: \d{4}-\d{2}-\d{2}[\s\S]*\([A-Z]{2,5}\)/);
    expect(syntheticQuestions(3)).toEqual(syntheticQuestions(3));
    expect(hostileQueries(8)).toHaveLength(8);
  });
});

describe("npm run bench", () => {
  it("measures a tiny corpus end to end in fresh processes", { timeout: 120_000 }, () => {
    const row = benchSize(20, 20);
    expect(row.passages).toBeGreaterThan(300);
    for (const value of [row.buildMs, row.coldStartMs, row.rssMb, row.ask.p99, row.raw.p99, row.hostileWorstMs]) expect(value).toBeGreaterThan(0);
    expect(formatTable([row])).toMatch(/^\| articles \| passages/);
  });
});
