import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { formatProblem, loadCorpus, parseMarkdownArticle } from "../../src/core/corpus.ts";
import { openLibrary } from "../../src/core/library.ts";
import { BROKEN_CORPUS, CORPUS, NEW_ARTICLES } from "../helpers.ts";

describe("loadCorpus", () => {
  it("loads the bundled corpus without problems", () => {
    const { articles, problems } = loadCorpus([CORPUS]);
    expect(problems).toEqual([]);
    expect(articles).toHaveLength(5);
    expect(articles.every((a) => a.date && a.source && a.url)).toBe(true);
  });

  it("names the file, the field and the bad value of a broken front matter, and still loads the good files", () => {
    const { articles, problems } = loadCorpus([BROKEN_CORPUS]);
    expect(articles.map((a) => a.title)).toEqual(["Senate Committee Reviews Tariff for Bitcoin Mining Power"]);
    const lines = problems.map(formatProblem);
    expect(lines).toContain(`${BROKEN_CORPUS}/bad-date.md: date: expected an ISO date (YYYY-MM-DD), got "March 5th"`);
    expect(lines).toContain(`${BROKEN_CORPUS}/no-title.md: title: a title is required`);
  });

  it("reads raw .txt articles: title from the first line, no date, chrome removed", () => {
    const raw = loadCorpus([NEW_ARTICLES]).articles.find((a) => a.id === "karachi-exchange-licence")!;
    expect(raw.title).toBe("Karachi Startup Receives First Provisional Exchange Licence");
    expect(raw.date).toBeUndefined();
    expect(raw.paragraphs.join(" ")).not.toContain("Related Articles");
  });

  it("reports a ---js front matter as a problem and runs none of its code", () => {
    const dir = mkdtempSync(join(tmpdir(), "daleel-js-"));
    const marker = join(dir, "ran");
    const payload = `{ title: (require("fs").writeFileSync(${JSON.stringify(marker)}, "x"), "Owned"), date: "2025-01-01" }`;
    for (const lang of ["js", "javascript", "json", "coffee"]) writeFileSync(join(dir, `2025-01-01-${lang}.md`), `---${lang}\n${payload}\n---\n\nSome text of the article.\n`);
    writeFileSync(join(dir, "2025-01-02-tag.md"), `---\ntitle: !!js/function "function () { return 1 }"\ndate: 2025-01-02\n---\n\nSome text.\n`);
    const { articles, problems } = loadCorpus([dir]);
    expect(existsSync(marker)).toBe(false);
    expect(problems.filter((p) => /only YAML front matter is read/.test(p.message))).toHaveLength(4);
    expect(articles.map((a) => a.title)).toEqual(["function () { return 1 }"]);
  });

  it("accepts a byte-order mark and Windows line endings", () => {
    const crlf = "\uFEFF---\r\ntitle: CRLF Article\r\ndate: 2025-01-07\r\nsource: Dawn\r\n---\r\n\r\nFirst paragraph.\r\n\r\nSecond paragraph.\r\n";
    const { article, problems } = parseMarkdownArticle("2025-01-07-crlf.md", crlf);
    expect(problems).toEqual([]);
    expect(article).toMatchObject({ title: "CRLF Article", date: "2025-01-07", source: "Dawn", paragraphs: ["First paragraph.", "Second paragraph."] });
  });

  it("names what is wrong with a file without front matter or without its closing line", () => {
    expect(parseMarkdownArticle("a.md", "Just text.\n").problems[0]?.message).toMatch(/must begin with a line of three dashes/);
    expect(parseMarkdownArticle("b.md", "---\ntitle: x\n\nText.\n").problems[0]?.message).toMatch(/no closing line/);
    expect(parseMarkdownArticle("c.md", "---\n- a\n- b\n---\nText.\n").problems[0]?.message).toMatch(/YAML mapping/);
  });

  it("reports a missing folder instead of throwing", () => {
    expect(loadCorpus(["/nonexistent/daleel"]).problems[0]?.message).toMatch(/cannot read the folder/);
  });
});

describe("openLibrary", () => {
  it("answers from the good files of a folder with broken ones", () => {
    const library = openLibrary([BROKEN_CORPUS]);
    expect(library.problems).toHaveLength(2);
    expect(library.ask("What tariff is proposed for bitcoin mining?").abstained).toBe(false);
  });
});
