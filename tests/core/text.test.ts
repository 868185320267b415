import { describe, expect, it } from "vitest";
import { sentenceTerms, toTerm, withoutDateline } from "../../src/core/text.ts";

describe("toTerm", () => {
  it("reads a word typed without its accents as the word with them", () => {
    expect(toTerm("turkiye")).toBe(toTerm("Türkiye"));
    expect(toTerm("Munoz")).toBe(toTerm("Muñoz"));
    expect(toTerm("Sao")).toBe(toTerm("São"));
  });

  it("keeps 'use' apart from the US, which Porter stems alike", () => {
    expect(toTerm("used")).not.toBe(toTerm("us"));
    expect(toTerm("using")).toBe(toTerm("use"));
    // A two-letter word's plural stays that word: "ads" are ads.
    expect(toTerm("ads")).toBe(toTerm("ad"));
  });
});

describe("toTerm and stop words", () => {
  it("keeps every form of a verb the stop-word list holds in one form only", () => {
    expect(toTerm("take")).toBe(toTerm("taking"));
    expect(toTerm("make")).toBe(toTerm("makes"));
    expect(toTerm("the")).toBeNull();
  });
});

describe("withoutDateline", () => {
  it("drops where and when a report was filed from an article's first sentence", () => {
    expect(withoutDateline("KARACHI: Three foreign companies have applied.")).toBe("Three foreign companies have applied.");
    expect(withoutDateline("THIMPHU, Nov 14 (Reuters) - Pakistan and Bhutan agreed.")).toBe("Pakistan and Bhutan agreed.");
    expect(withoutDateline("NEW YORK (AP) — The mayor met.")).toBe("The mayor met.");
    expect(withoutDateline("D.I. KHAN: Police said.")).toBe("Police said.");
  });

  it("keeps a sentence that opens with an acronym", () => {
    for (const text of ["FATF – the global watchdog – said so.", "PVARA said on Monday.", "A: No. Gambling has no underlying asset."]) expect(withoutDateline(text)).toBe(text);
  });
});

describe("sentenceTerms", () => {
  it("adds a phrasal verb's term after its verb's, and none for a preposition", () => {
    expect(sentenceTerms("The audit was carried out in Dubai.")).toEqual(["audit", "carri", "carri_out", "dubai"]);
    expect(sentenceTerms("He stepped down on Monday.")).toEqual(["step", "step_down", "down", "mondai"]);
    expect(sentenceTerms("They met in Dubai.")).toEqual(["met", "dubai"]);
  });
});
