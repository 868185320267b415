import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { writeSyntheticCorpus } from "../../scripts/synthetic.ts";
import { openLibrary } from "../../src/core/library.ts";

describe("openLibrary", () => {
  it("reports a build's progress, file by file up to all of them, and nothing when it loads from the cache", { timeout: 60_000 }, () => {
    const dir = mkdtempSync(join(tmpdir(), "daleel-progress-"));
    writeSyntheticCorpus(dir, 1200);
    const cacheDir = join(dir, ".index-cache");
    const seen: [number, number][] = [];
    openLibrary([dir], { cacheDir, warmUp: false, onProgress: (done, total) => seen.push([done, total]) });
    expect(seen.length).toBeGreaterThan(1);
    expect(seen.every(([, total]) => total === 1200)).toBe(true);
    expect(seen.map(([done]) => done)).toEqual([...seen.map(([done]) => done)].sort((a, b) => a - b));
    expect(seen.at(-1)).toEqual([1200, 1200]);
    const again: number[] = [];
    expect(openLibrary([dir], { cacheDir, warmUp: false, onProgress: (done) => again.push(done) }).fromCache).toBe(true);
    expect(again).toEqual([]);
  });
});
