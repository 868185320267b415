import { describe, expect, it } from "vitest";
import { formatProblem, loadCorpus } from "../../src/core/corpus.ts";
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
