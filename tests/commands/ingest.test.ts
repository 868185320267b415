import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { handleConsoleLine } from "../../src/adapters/console/console.ts";
import { NEW_RAW_ARTICLE, SEEDS, scratchCorpus } from "../helpers.ts";

describe("/ingest at the console", () => {
  it("adds a file, says what was added, and answers from it at once; a second copy is refused", async () => {
    const { deps } = scratchCorpus();
    const file = join(mkdtempSync(join(tmpdir(), "daleel-raw-")), "punjab.txt");
    writeFileSync(file, NEW_RAW_ARTICLE);
    const added = await handleConsoleLine(deps, `/ingest file:${file} date:2026-02-01 source:"Fixture Gazette" tags:land,punjab`);
    expect(added).toMatch(/Article added[\s\S]*Punjab Approves Pilot for Blockchain Land Records — Fixture Gazette, 2026-02-01 · 3 paragraphs, 3 passages/);
    expect(await handleConsoleLine(deps, "Which districts are in the Punjab land records pilot?")).toContain("Kasur, Okara and Sahiwal");
    expect(await handleConsoleLine(deps, `/ingest file:${file} date:2026-02-01`)).toMatch(/Already in the corpus/);
  });

  it("refuses a seed already in the corpus, an article without a date, and an unreadable file", async () => {
    const { deps } = scratchCorpus();
    expect(await handleConsoleLine(deps, `/ingest file:${SEEDS}/000_b22c424695f05218.txt date:2025-06-06`)).toMatch(/nearly identical/);
    expect(await handleConsoleLine(deps, `/ingest file:${SEEDS}/000_b22c424695f05218.txt`)).toBe("Tell me the date, e.g. /ingest date:2025-09-01 source:Dawn (with the article attached)");
    expect(await handleConsoleLine(deps, "/ingest file:/nonexistent.txt date:2026-01-01")).toMatch(/Cannot read \/nonexistent\.txt: ENOENT/);
  });

  it("keeps the paragraphs of pasted text", async () => {
    const { deps } = scratchCorpus();
    const reply = await handleConsoleLine(deps, `/ingest date:2026-02-01 ${NEW_RAW_ARTICLE}`);
    expect(reply).toMatch(/3 paragraphs/);
  });

  it("is refused when adding articles is not enabled", async () => {
    const { deps } = scratchCorpus();
    const { articles: _off, ...without } = deps;
    expect(await handleConsoleLine(without, `/ingest date:2026-02-01 ${NEW_RAW_ARTICLE}`)).toBe("Adding articles is not enabled on this bot.");
  });
});
