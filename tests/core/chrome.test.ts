/**
 * Site chrome in real scrapes (menus, "Read more", "Hot this week" lists,
 * share bars, newsletter prompts) must never be quoted. The chrome of each dev
 * article and seed is defined here the way the eval set's authors define it
 * (a leading menu line, and everything from the first chrome line after the
 * body), independently of the cleaning rules under test; then every chrome
 * line is checked against the ingested corpus and asked about.
 */
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { type IngestMeta, prepareArticle } from "../../src/core/ingest.ts";
import { openLibrary } from "../../src/core/library.ts";
import { ingestDevArticles } from "../../scripts/eval.ts";
import { CORPUS, ROOT, SEEDS } from "../helpers.ts";

const CHROME_START = /^(hot this week|read more\b|share this article|topics$|related articles|popular categories|spot_img|sign up\b|subscribe\b|get the .*(briefing|newsletter)|never miss|want more stories|join \d)/i;
const MENU_LINE = /^(?:[^|·]{1,25}[|·]\s*){4,}[^|·]*$/;

/** The lines of a raw scrape that are chrome, by the eval set's definition. */
function chromeLines(raw: string): string[] {
  const lines = raw.split(/\r?\n/).map((l) => l.trim());
  const chrome: string[] = [];
  let start = 0;
  while (start < lines.length && (lines[start] === "" || MENU_LINE.test(lines[start]!))) chrome.push(lines[start++]!);
  const end = lines.findIndex((l, i) => i >= start && CHROME_START.test(l));
  if (end >= 0) chrome.push(...lines.slice(end));
  return chrome.filter((l) => /\p{L}{3}/u.test(l));
}

const DEV = join(ROOT, "eval/articles");
const sources = [
  ...readdirSync(DEV).filter((f) => f.endsWith(".txt")).map((f) => ({ file: f, raw: readFileSync(join(DEV, f), "utf8"), meta: JSON.parse(readFileSync(join(DEV, "metadata.json"), "utf8")) as (IngestMeta & { file: string })[] })),
  ...readdirSync(SEEDS).filter((f) => f.endsWith(".txt")).map((f) => ({ file: f, raw: readFileSync(join(SEEDS, f), "utf8"), meta: JSON.parse(readFileSync(join(SEEDS, "metadata.json"), "utf8")) as (IngestMeta & { file: string })[] })),
];
const chrome = sources.flatMap(({ file, raw }) => chromeLines(raw).map((line) => ({ file, line })));

describe("site chrome in the dev articles and seeds", () => {
  it("is found in most of them (the oracle works)", () => {
    expect(new Set(chrome.map((c) => c.file)).size).toBeGreaterThanOrEqual(10);
    expect(chrome.length).toBeGreaterThan(80);
  });

  it("is dropped by ingest, line by line, while the body stays", () => {
    for (const { file, raw, meta } of sources) {
      const prepared = prepareArticle(raw, meta.find((m) => m.file === file)!, []);
      const body = prepared.paragraphs.join("\n");
      for (const { line } of chrome.filter((c) => c.file === file)) expect(prepared.paragraphs, `${file}: ${line}`).not.toContain(line);
      expect(body.length).toBeGreaterThan(1500);
    }
  });

  it("is never quoted, whatever is asked about it", () => {
    const library = openLibrary([CORPUS, ingestDevArticles()]);
    for (const { line } of chrome) {
      for (const question of [line, `What about ${line.replace(/[?.!:]+$/, "")}?`]) {
        const quotes = library.ask(question).citations.map((c) => c.quote);
        for (const quote of quotes) expect(chrome.some((c) => quote.includes(c.line) || c.line.includes(quote)), `${question} → ${quote}`).toBe(false);
      }
    }
  });
});
