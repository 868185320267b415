/**
 * An index updated in place answers exactly as a full build of the same
 * files: checked on every dev question, the timeline, a digest and summaries,
 * after adds (between existing articles and after them), an edit and removals.
 */
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { ingestDevArticles, loadQuestions } from "../../scripts/eval.ts";
import { corpusKey } from "../../src/core/index-cache.ts";
import { type Library, openLibrary } from "../../src/core/library.ts";
import { LiveLibrary, type ReloadResult } from "../../src/core/live-library.ts";
import { CORPUS, ROOT } from "../helpers.ts";

const questions = [...loadQuestions(join(ROOT, "eval/dev-questions.jsonl")), ...loadQuestions(join(ROOT, "eval/dev-questions-v2.jsonl"))].map((q) => q.question);
const topics = [undefined, "PVARA", "bitcoin mining", "El Salvador", "Binance"];

/** Everything a user could see of a library: answers to every dev question, timelines, a digest, summaries. */
function seen(library: Library) {
  return {
    articles: library.articles.map((a) => a.id),
    answers: questions.map((q) => {
      const answer = library.ask(q);
      return { q, refused: answer.abstained, text: answer.answer, cited: answer.citations.map((c) => `${c.articleId}: ${c.quote}`) };
    }),
    timelines: topics.map((topic) => library.timeline({ topic }).map((e) => `${e.date} ${e.text} ${e.citations.map((c) => c.articleId).join(",")}`)),
    digest: JSON.stringify(library.digest({})),
    summaries: topics.slice(1).map((topic) => JSON.stringify(library.summarize({ topic: topic! }))),
  };
}

let devDir: string;
let devFiles: string[];
beforeAll(() => {
  devDir = ingestDevArticles();
  devFiles = readdirSync(devDir).filter((n) => n.endsWith(".md")).sort();
}, 60_000);

/** A corpus folder with the bundled articles and some of the dev ones. */
function folderWith(devNames: readonly string[]): string {
  const dir = mkdtempSync(join(tmpdir(), "daleel-update-"));
  cpSync(CORPUS, dir, { recursive: true });
  for (const name of devNames) cpSync(join(devDir, name), join(dir, name));
  return dir;
}

describe("updateIndex", () => {
  it("answers as a full build after articles are added between and after the existing ones", () => {
    // Every other dev article at first; the rest (earlier, between and later dates) added one reload at a time.
    const dir = folderWith(devFiles.filter((_, i) => i % 2 === 0));
    const live = new LiveLibrary([dir]);
    for (const name of devFiles.filter((_, i) => i % 2 === 1)) {
      cpSync(join(devDir, name), join(dir, name));
      expect(live.reload()).toMatchObject({ ok: true, how: "updated" });
    }
    expect(seen(live.current())).toEqual(seen(openLibrary([dir])));
  }, 60_000);

  it("answers as a full build after an article is edited and others are removed", () => {
    const dir = folderWith(devFiles);
    const live = new LiveLibrary([dir]);
    const [edited, ...rest] = devFiles;
    writeFileSync(join(dir, edited!), `${readFileSync(join(dir, edited!), "utf8")}\nA closing paragraph the editor added, about the Karachi Stock Exchange listing tokenised bonds.\n`);
    for (const name of rest.slice(0, 3)) rmSync(join(dir, name));
    rmSync(join(dir, readdirSync(dir).find((n) => n.startsWith("2025-06-06"))!));
    expect(live.reload()).toMatchObject({ ok: true, how: "updated" });
    const fresh = openLibrary([dir]);
    expect(live.current().articles).toHaveLength(fresh.articles.length);
    expect(seen(live.current())).toEqual(seen(fresh));
    expect(live.current().ask("Which stock exchange is listing tokenised bonds?").answer).toContain("Karachi Stock Exchange");
  }, 60_000);

  it("forgets the words only a removed article had", () => {
    const dir = folderWith(devFiles);
    const live = new LiveLibrary([dir]);
    const { index } = live.current();
    // Terms of the last article that no other article has.
    const last = index.articles.length - 1;
    const own = Array.from(index.articleTerms[last]!).filter((id) => index.termArticles[id] === 1).map((id) => index.termText[id]!);
    expect(own.length).toBeGreaterThan(0);
    rmSync(index.articles[last]!.file);
    expect(live.reload()).toMatchObject({ ok: true, how: "updated" });
    const library = live.current();
    expect(own.filter((term) => library.index.vocabulary.has(term))).toEqual([]);
    expect(seen(library)).toEqual(seen(openLibrary([dir])));
  }, 60_000);

  it("goes on with the timeline's events when articles are added after all the others", () => {
    const later = devFiles.filter((name) => name > "2025-08-26");
    expect(later.length).toBeGreaterThan(1);
    const dir = folderWith(devFiles.filter((name) => !later.includes(name)));
    const live = new LiveLibrary([dir]);
    live.current().timeline();
    for (const name of later) {
      cpSync(join(devDir, name), join(dir, name));
      live.reload([join(dir, name)]);
      expect(live.current().built.extraction(), name).toBeDefined();
      live.current().timeline();
    }
    expect(seen(live.current())).toEqual(seen(openLibrary([dir])));
  }, 60_000);

  it("builds anew when a glossary changes", () => {
    const dir = folderWith([]);
    const live = new LiveLibrary([dir]);
    writeFileSync(join(dir, "glossary.yml"), `${readFileSync(join(dir, "glossary.yml"), "utf8")}\n`);
    expect(live.reload()).toMatchObject({ ok: true, how: "rebuilt" });
  });
});

describe("LiveLibrary persisting updates", () => {
  it("saves the updated index, and the next start loads it and answers alike", () => {
    const dir = folderWith(devFiles.slice(0, 9));
    const cacheDir = join(dir, ".cache");
    const reloads: ReloadResult[] = [];
    const live = new LiveLibrary([dir], { cacheDir, onReload: (r) => reloads.push(r), open: (dirs, scan) => openLibrary(dirs, { cacheDir, scan }) });
    for (const name of devFiles.slice(9)) cpSync(join(devDir, name), join(dir, name));
    live.reload();
    expect(reloads.map((r) => r.how)).toEqual(["updated"]);
    live.close();
    const next = openLibrary([dir], { cacheDir });
    expect(next.fromCache).toBe(true);
    expect(readdirSync(cacheDir).filter((n) => n.includes(corpusKey([dir])))).toHaveLength(2);
    expect(seen(next)).toEqual(seen(live.current()));
    expect(next.built.dates()).toEqual(live.current().built.dates());
  }, 60_000);
});
