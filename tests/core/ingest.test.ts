import { mkdtempSync, readFileSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadCorpus } from "../../src/core/corpus.ts";
import { UserError } from "../../src/core/errors.ts";
import { type IngestMeta, prepareArticle, slugify, writeArticle } from "../../src/core/ingest.ts";
import { CORPUS, NEW_RAW_ARTICLE as NEW_ARTICLE, SEEDS } from "../helpers.ts";

const metadata = JSON.parse(readFileSync(`${SEEDS}/metadata.json`, "utf8")) as Array<IngestMeta & { file: string; url: string; title: string }>;
const seed = (file: string) => readFileSync(`${SEEDS}/${file}`, "utf8");

describe("prepareArticle", () => {
  it.each(metadata.map((m) => [m.file, m] as const))("reproduces the committed corpus file for %s", (file, meta) => {
    const prepared = prepareArticle(seed(file), meta, []);
    expect(readFileSync(join(CORPUS, prepared.fileName), "utf8")).toBe(prepared.markdown);
  });

  it("names files <date>-<slug>.md and loads back with the same metadata", () => {
    const dir = mkdtempSync(join(tmpdir(), "daleel-ingest-"));
    const meta = metadata[4]!;
    const path = writeArticle(dir, prepareArticle(seed(meta.file), meta, []));
    expect(path).toMatch(/2025-07-18-pakistan-joins-bitcoin-revolution-in-landmark-deal-with\.md$/);
    const { articles, problems } = loadCorpus([dir]);
    expect(problems).toEqual([]);
    expect(articles[0]).toMatchObject({ title: meta.title, date: "2025-07-18", source: "Times of Islamabad", url: meta.url });
  });

  it("refuses a javascript:, data: or bracketed URL, naming the field", () => {
    for (const url of ["javascript:alert(1)", "data:text/html,hi", "https://a.example/x>)[Click](https://evil.example"]) {
      expect(() => prepareArticle(NEW_ARTICLE, { date: "2026-02-01", url }, [])).toThrow(/^Bad article metadata: url: /);
    }
  });

  it("keeps an Urdu headline as the title and slug, and numbers a second file of the same name", () => {
    const dir = mkdtempSync(join(tmpdir(), "daleel-ingest-"));
    const urdu = ["پاکستان میں کرپٹو کونسل قائم", "", ...NEW_ARTICLE.split("\n").slice(1)].join("\n");
    const first = prepareArticle(urdu, { date: "2026-02-01" }, []);
    expect(first.frontMatter.title).toBe("پاکستان میں کرپٹو کونسل قائم");
    expect(writeArticle(dir, first)).toMatch(/2026-02-01-پاکستان-میں-کرپٹو-کونسل-قائم\.md$/);
    const second = prepareArticle(`${urdu}\n\nA different closing paragraph makes this a different article, with its own words entirely.`, { date: "2026-02-01" }, []);
    expect(writeArticle(dir, second)).toMatch(/قائم-2\.md$/);
    expect(loadCorpus([dir]).articles).toHaveLength(2);
  });

  it("refuses an article whose URL is already in the corpus", () => {
    const corpus = loadCorpus([CORPUS]).articles;
    const meta = metadata[0]!;
    expect(() => prepareArticle("A completely different text. ".repeat(30), meta, corpus)).toThrow(/same URL/);
  });

  it("refuses near-identical text under another URL", () => {
    const corpus = loadCorpus([CORPUS]).articles;
    const meta = { ...metadata[1]!, url: "https://mirror.example/copied-story" };
    const copy = seed(meta.file).replace("significant development", "notable development");
    expect(() => prepareArticle(copy, meta, corpus)).toThrow(/nearly identical/);
  });

  it("refuses text too short to be an article, and an article without a date", () => {
    expect(() => prepareArticle("Just a line.", { date: "2026-01-01" }, [])).toThrow(UserError);
    expect(() => prepareArticle(seed(metadata[2]!.file), { title: "x" }, [])).toThrow(/No publication date/);
  });

  it("derives a title from the text when neither the text nor the metadata has one", () => {
    const prepared = prepareArticle(seed("004_410ea5615a0655f2.txt"), { date: "2025-07-18" }, []);
    expect(prepared.frontMatter.title).toMatch(/^Pakistan and El Salvador have taken/);
  });
});

describe("slugify", () => {
  it("makes ASCII, hyphenated, bounded slugs", () => {
    expect(slugify("Pakistan’s Crypto Chief Meets New York City Mayor")).toBe("pakistans-crypto-chief-meets-new-york-city-mayor");
    expect(slugify("x".repeat(100)).length).toBeLessThanOrEqual(60);
  });
});

describe("the bundled corpus", () => {
  it("holds exactly the five ingested seeds and the glossary", () => {
    expect(readdirSync(CORPUS).sort()).toHaveLength(6);
  });
});
