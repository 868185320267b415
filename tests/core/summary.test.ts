import { describe, expect, it } from "vitest";
import { sameFact } from "../../src/core/answer/index.ts";
import { bundledLibrary } from "../helpers.ts";

const library = bundledLibrary();

describe("summarize", () => {
  it("summarises the Strategic Bitcoin Reserve from at least 3 articles, 3–6 distinct sentences", () => {
    const summary = library.summarize({ topic: "Strategic Bitcoin Reserve" });
    expect(summary.abstained).toBe(false);
    expect(summary.sentences.length).toBeGreaterThanOrEqual(3);
    expect(summary.sentences.length).toBeLessThanOrEqual(6);
    expect(new Set(summary.citations.map((c) => c.title)).size).toBeGreaterThanOrEqual(3);
    const passages = summary.sentences.map((s) => [...library.index.passages].find((p) => p.text === s.text)!);
    for (const [i, a] of passages.entries()) for (const b of passages.slice(i + 1)) expect(sameFact(library.index, a, b)).toBe(false);
  });

  it("orders sentences by article date, then position, each quoted verbatim", () => {
    const summary = library.summarize({ topic: "Pakistan Crypto Council" });
    const dates = summary.citations.map((c) => c.date);
    expect([...dates].sort()).toEqual(dates);
    for (const c of summary.citations) expect(library.articles.find((a) => a.title === c.title)!.paragraphs.join("\n")).toContain(c.quote);
  });

  it("refuses a topic the corpus does not cover", () => {
    expect(library.summarize({ topic: "Ethereum gas fees" })).toMatchObject({ abstained: true, sentences: [] });
  });

  it("summarises one article by id or title words", () => {
    const summary = library.summarize({ article: "Pakistan Joins Bitcoin Revolution" });
    expect(summary.subject).toBe("Pakistan Joins Bitcoin Revolution in Landmark Deal with Global Crypto Leaders");
    expect(summary.sentences.length).toBeGreaterThanOrEqual(3);
    expect(new Set(summary.citations.map((c) => c.title)).size).toBe(1);
  });
});
