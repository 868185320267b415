import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { writeSyntheticCorpus } from "../../scripts/synthetic.ts";
import { mergeChunks } from "../../src/core/analysis.ts";
import { listCorpusFiles } from "../../src/core/corpus.ts";
import { analyzeFilesInParallel } from "../../src/core/parallel.ts";

describe("analyzeFilesInParallel", () => {
  it("gives, from worker threads, the same index data, documents and dates as one thread", { timeout: 60_000 }, () => {
    const dir = mkdtempSync(join(tmpdir(), "daleel-parallel-"));
    writeSyntheticCorpus(dir, 60);
    const entries = listCorpusFiles([dir]);
    const files = entries.flatMap((e) => ("file" in e ? [e.file] : []));
    const chunks = [...analyzeFilesInParallel(files, { threads: 2, minFiles: 1, chunkFiles: 7 })];
    expect(chunks.length).toBe(9);
    const single = mergeChunks(entries, analyzeFilesInParallel(files, { threads: 1 }));
    const parallel = mergeChunks(entries, chunks);
    expect(parallel.data.articles.map((a) => a.id)).toEqual(single.data.articles.map((a) => a.id));
    expect(parallel.data.passages).toEqual(single.data.passages);
    expect(parallel.data.termText).toEqual(single.data.termText);
    expect(parallel.documents).toEqual(single.documents);
    expect(parallel.dates).toEqual(single.dates);
  });
});
