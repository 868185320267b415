import { mkdtempSync, readFileSync, rmSync, statSync, truncateSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { corpusKey } from "../../src/core/index-cache.ts";
import { openLibrary } from "../../src/core/library.ts";
import { NEW_RAW_ARTICLE, scratchCorpus } from "../helpers.ts";
import { prepareArticle } from "../../src/core/ingest.ts";

describe("the persisted index", () => {
  it("is built and saved once, then loaded, giving the same answers, timeline and digest", () => {
    const { dir } = scratchCorpus();
    const cacheDir = mkdtempSync(join(tmpdir(), "daleel-cache-"));
    const built = openLibrary([dir], { cacheDir });
    const loaded = openLibrary([dir], { cacheDir });
    expect([built.fromCache, loaded.fromCache]).toEqual([false, true]);
    for (const q of ["What is PVARA?", "who is bilal bin saquib", "Who won the 2022 FIFA World Cup?", "How many megawatts were allocated?"]) expect(loaded.ask(q)).toEqual(built.ask(q));
    expect(loaded.timeline()).toEqual(built.timeline());
    expect(loaded.digest({ since: "2025-06-01" })).toEqual(built.digest({ since: "2025-06-01" }));
    expect(loaded.summarize({ topic: "Strategic Bitcoin Reserve" })).toEqual(built.summarize({ topic: "Strategic Bitcoin Reserve" }));
  });

  it("restores MiniSearch's index exactly: every term finds the same articles with the same scores", () => {
    const { dir } = scratchCorpus();
    const cacheDir = mkdtempSync(join(tmpdir(), "daleel-cache-"));
    const built = openLibrary([dir], { cacheDir });
    const loaded = openLibrary([dir], { cacheDir });
    expect(loaded.fromCache).toBe(true);
    expect(loaded.index.search.documentCount).toBe(built.index.search.documentCount);
    expect(loaded.index.search.termCount).toBe(built.index.search.termCount);
    for (const term of built.index.termText) expect(loaded.index.search.search(term)).toEqual(built.index.search.search(term));
  });

  it("is rebuilt when a corpus file is added or changed", () => {
    const { dir } = scratchCorpus();
    const cacheDir = mkdtempSync(join(tmpdir(), "daleel-cache-"));
    const before = corpusKey([dir]);
    openLibrary([dir], { cacheDir });
    const prepared = prepareArticle(NEW_RAW_ARTICLE, { date: "2026-02-01" }, []);
    writeFileSync(join(dir, prepared.fileName), prepared.markdown);
    expect(corpusKey([dir])).not.toBe(before);
    const after = openLibrary([dir], { cacheDir });
    expect(after.fromCache).toBe(false);
    expect(after.articles).toHaveLength(6);
    const touched = join(dir, prepared.fileName);
    utimesSync(touched, new Date(), new Date(Date.now() + 5000));
    expect(openLibrary([dir], { cacheDir }).fromCache).toBe(false);
  });

  it("falls back to building when the cache file is unreadable", () => {
    const { dir } = scratchCorpus();
    const cacheDir = mkdtempSync(join(tmpdir(), "daleel-cache-"));
    writeFileSync(join(cacheDir, `index-${corpusKey([dir])}.v8`), "garbage");
    const library = openLibrary([dir], { cacheDir });
    expect(library.fromCache).toBe(false);
    expect(library.ask("What is PVARA?").abstained).toBe(false);
  });

  it("falls back to building when the cache file was cut short, and replaces it", () => {
    const { dir } = scratchCorpus();
    const cacheDir = mkdtempSync(join(tmpdir(), "daleel-cache-"));
    openLibrary([dir], { cacheDir });
    const file = join(cacheDir, `index-${corpusKey([dir])}.v8`);
    truncateSync(file, Math.floor(statSync(file).size * 0.6));
    const rebuilt = openLibrary([dir], { cacheDir });
    expect(rebuilt.fromCache).toBe(false);
    expect(rebuilt.ask("What is PVARA?").abstained).toBe(false);
    expect(openLibrary([dir], { cacheDir }).fromCache).toBe(true);
  });

  it("never quotes a cache file with flipped bytes anywhere: it rebuilds, or reads the damaged article's own file", () => {
    const { dir } = scratchCorpus();
    const cacheDir = mkdtempSync(join(tmpdir(), "daleel-cache-"));
    const good = openLibrary([dir], { cacheDir });
    const file = join(cacheDir, `index-${corpusKey([dir])}.v8`);
    const original = readFileSync(file);
    const questions = ["Where did Bilal Bin Saqib meet Mayor Eric Adams?", "How many megawatts were allocated?"];
    const expected = questions.map((q) => good.ask(q));
    let seed = 7;
    for (let trial = 0; trial < 30; trial++) {
      const damaged = Buffer.from(original);
      for (let k = 0; k < 3; k++) {
        seed = (seed * 1103515245 + 12345) % 2 ** 31;
        const at = seed % damaged.length;
        damaged[at] = damaged[at]! ^ (1 + (seed % 255));
      }
      writeFileSync(file, damaged);
      const library = openLibrary([dir], { cacheDir });
      expect(questions.map((q) => library.ask(q))).toEqual(expected);
      expect(library.summarize({ topic: "Eric Adams" })).toEqual(good.summarize({ topic: "Eric Adams" }));
    }
  });

  it("reads an article whose stored text is damaged from the article's own file, and quotes it as written", () => {
    const { dir } = scratchCorpus();
    const cacheDir = mkdtempSync(join(tmpdir(), "daleel-cache-"));
    const question = "Where did Bilal Bin Saqib meet Mayor Eric Adams?";
    const expected = openLibrary([dir], { cacheDir }).ask(question);
    expect(JSON.stringify(expected.citations)).toContain("Eric Adams");
    const file = join(cacheDir, `index-${corpusKey([dir])}.v8`);
    // The articles' text ends the file: damage the last "Eric Adams" there (node:v8 writes a string in one or two bytes a character).
    const bytes = readFileSync(file);
    const encoding = bytes.lastIndexOf("Eric Adams", undefined, "utf16le") > bytes.lastIndexOf("Eric Adams", undefined, "latin1") ? "utf16le" : "latin1";
    bytes.write("Eric Adxms", bytes.lastIndexOf("Eric Adams", undefined, encoding), encoding);
    writeFileSync(file, bytes);
    const loaded = openLibrary([dir], { cacheDir });
    expect(loaded.fromCache).toBe(true);
    expect(loaded.ask(question)).toEqual(expected);
    expect(JSON.stringify(loaded.articles.map((a) => a.paragraphs))).not.toContain("Adxms");
  });

  it("goes on answering after a newer start replaces and removes the file it loaded", () => {
    const { dir } = scratchCorpus();
    const cacheDir = mkdtempSync(join(tmpdir(), "daleel-cache-"));
    openLibrary([dir], { cacheDir });
    const loaded = openLibrary([dir], { cacheDir });
    expect(loaded.fromCache).toBe(true);
    rmSync(join(cacheDir, `index-${corpusKey([dir])}.v8`));
    const fresh = openLibrary([dir], { cacheDir: mkdtempSync(join(tmpdir(), "daleel-cache-")) });
    for (const q of ["Where did Bilal Bin Saqib meet Mayor Eric Adams?", "What is PVARA?"]) expect(loaded.ask(q)).toEqual(fresh.ask(q));
    expect(loaded.summarize({ topic: "PVARA" })).toEqual(fresh.summarize({ topic: "PVARA" }));
  });
});
