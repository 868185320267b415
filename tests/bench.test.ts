import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { ROOT } from "./helpers.ts";
import { benchSize, formatAddTable, formatTable } from "../scripts/bench.ts";
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
    // Every article added through /ingest is answerable at once, and the updated index answers as a rebuild.
    expect(row.add).toMatchObject({ answerable: 100, adds: 100, sameAsRebuild: row.add.compared, duplicatesRefused: row.add.duplicatesSent });
    expect(row.add.duplicatesSent).toBeGreaterThan(0);
    expect(formatAddTable([row])).toMatch(/^\| articles \| first add ms/);
  });
});

describe("npm run bench -- --help", () => {
  it("prints its usage, not a stack trace", () => {
    const run = spawnSync(process.execPath, ["--import", "tsx", join(ROOT, "scripts/bench.ts"), "--help"], { encoding: "utf8", cwd: ROOT });
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^usage: npm run bench/);
    expect(run.stderr).toBe("");
    const bad = spawnSync(process.execPath, ["--import", "tsx", join(ROOT, "scripts/bench.ts"), "--sizez", "10"], { encoding: "utf8", cwd: ROOT });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/^Unknown option '--sizez'[\s\S]*usage: npm run bench/);
    expect(bad.stderr).not.toMatch(/\n\s+at /);
  });
});

