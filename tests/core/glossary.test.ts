import { describe, expect, it } from "vitest";
import type { Article } from "../../src/core/article.ts";
import { learnAcronyms } from "../../src/core/glossary.ts";

const article = (...paragraphs: string[]): Article => ({ id: "a", file: "a.md", title: "A", tags: [], paragraphs });

describe("learnAcronyms", () => {
  it("learns the long name before an acronym in parentheses, skipping small words", () => {
    expect(learnAcronyms([article("The State Bank of Pakistan (SBP) said on Monday.")])).toEqual([["SBP", "State Bank of Pakistan"]]);
  });

  it("learns mixed-case and plural acronyms, and hyphenated names", () => {
    const learned = learnAcronyms([article("The memorandum of understanding (MoU) was signed.", "PVARA issued the no-objection certificates (NOCs) to both.")]);
    expect(learned).toEqual([
      ["MoU", "memorandum of understanding"],
      ["NOC", "no objection certificates"],
    ]);
  });

  it("learns nothing from a word in parentheses that is no acronym of the words before", () => {
    expect(learnAcronyms([article("He spoke to the paper (Dawn) about the plan (AI) on Friday.")])).toEqual([]);
  });

  it("adds to what an update already knows, once", () => {
    const known = [["SBP", "State Bank of Pakistan"]];
    expect(learnAcronyms([article("The State Bank of Pakistan (SBP) agreed.")], known)).toEqual(known);
  });
});
