import { describe, expect, it } from "vitest";
import type { Article } from "../../src/core/article.ts";
import { learnAcronyms, learnInitialisms } from "../../src/core/glossary.ts";

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

describe("learnInitialisms", () => {
  it("gives the initials of names written out in capitals, with and without their small words", () => {
    const learned = new Map(learnInitialisms([article("The deal was formalised through a Letter of Intent signed with the Ministry of Finance. The Pakistan Crypto Council agreed.")]));
    expect(learned.get("LOI")).toEqual(["Letter of Intent"]);
    expect(learned.get("MOF")).toEqual(["Ministry of Finance"]);
    expect(learned.get("PCC")).toEqual(["Pakistan Crypto Council"]);
  });

  it("gives two initials only for a two-word name", () => {
    const learned = new Map(learnInitialisms([article("Binance founder Changpeng Zhao attended. The Pakistan Crypto Council agreed.")]));
    expect(learned.get("CZ")).toEqual(["Changpeng Zhao"]);
    expect(learned.has("PC")).toBe(false);
  });

  it("keeps names within their sentence and skips single capitalised words", () => {
    const learned = learnInitialisms([article("They met at Gracie Mansion. During the visit, Officials said little.")]);
    expect(learned.map(([acronym]) => acronym)).toEqual(["GM"]);
  });
});
