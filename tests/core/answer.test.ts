import { describe, expect, it } from "vitest";
import { REFUSAL, analyze } from "../../src/core/answer/index.ts";
import { openLibrary } from "../../src/core/library.ts";
import { loadQuestions } from "../../scripts/eval.ts";
import { CORPUS, NEW_ARTICLES, ROOT, bundledLibrary } from "../helpers.ts";

const library = bundledLibrary();
const corpusText = (title: string) => library.articles.find((a) => a.title === title)!.paragraphs.join("\n");

describe("answer", () => {
  it("quotes only verbatim corpus text, with numbered citations, for every dev question", () => {
    for (const { question } of loadQuestions(`${ROOT}eval/dev-questions.jsonl`)) {
      const result = library.ask(question);
      result.citations.forEach((citation, i) => {
        expect(citation.n).toBe(i + 1);
        expect(corpusText(citation.title)).toContain(citation.quote);
        expect(citation).toMatchObject({ source: expect.any(String), date: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/), url: expect.stringMatching(/^https:/) });
      });
      const withoutMarkers = result.answer.replace(/ \[\d+\](\[\d+\])*/g, "");
      if (!result.abstained) for (const citation of result.citations) expect(withoutMarkers.includes(citation.quote) || citation.n > 1).toBe(true);
    }
  });

  it("answers with 1 to 3 sentences, each marked with its citation", () => {
    const result = library.ask("Where did Bilal Bin Saqib meet Mayor Eric Adams?");
    expect(result.abstained).toBe(false);
    expect(result.answer).toContain("Gracie Mansion");
    expect(result.answer).toMatch(/\[1\]/);
    expect(result.citations.length).toBeGreaterThanOrEqual(1);
  });

  it.each([
    ["misspelled first name", "What did Saquib say about the Global South?", "Global South"],
    ["misspelling with a k", "Who is Sakib?", "Saqib"],
    ["misspelled surname", "What did Eroll Musk say about the market?", "finally picked up"],
    ["lowercase acronym", "what is pvara", "Pakistan Virtual Assets Regulatory Authority"],
    ["long name for an acronym", "What does the Financial Monitoring Unit do?", "FMU"],
    ["paraphrase", "Which country first made bitcoin legal tender?", "El Salvador"],
  ])("answers despite a %s", (_kind, question, expected) => {
    const result = library.ask(question);
    expect(result.abstained).toBe(false);
    expect([result.answer, ...result.citations.map((c) => c.quote)].join(" ")).toContain(expected);
  });

  it("reaches the same passage for an acronym and its long name", () => {
    const short = library.ask("What is PVARA?").citations[0]?.quote;
    const long = library.ask("What is the Pakistan Virtual Assets Regulatory Authority?").citations[0]?.quote;
    expect(short).toBeDefined();
    expect(short).toBe(long);
  });

  it.each([
    "Tell me about the Bithumb bitcoin distribution",
    "Who is the new SECP chairman?",
    "What will fintech leaders discuss in Riyadh?",
    "What did the LUMS Center for Digital Assets Research announce with Binance Academy?",
  ])("refuses questions about the stripped sidebar headlines: %s", (question) => {
    expect(library.ask(question).abstained).toBe(true);
  });

  it.each([
    "What is the weather in Lahore tomorrow?",
    "Who won the cricket match yesterday?",
    "What is the price of Bitcoin today?",
    "What are India's rules for crypto exchanges?",
    "Who is the president of France?",
    "What is the capital of Pakistan?",
    "asdf qwerty zxcv",
  ])("refuses what the corpus does not cover: %s", (question) => {
    const result = library.ask(question);
    expect(result).toMatchObject({ abstained: true, answer: REFUSAL, citations: [] });
    expect(result.related.length).toBeLessThanOrEqual(3);
  });

  it("points to up to three related articles when it refuses a near-miss", () => {
    const result = library.ask("What is the bitcoin price forecast for next year?");
    expect(result.abstained).toBe(true);
    expect(result.related.length).toBeGreaterThan(0);
    expect(result.related.length).toBeLessThanOrEqual(3);
  });

  it("shows a fact reported by several articles once, citing each", () => {
    const result = library.ask("How many megawatts were allocated to bitcoin mining and AI data centers?");
    const quotes = result.citations.map((c) => c.quote);
    expect(new Set(result.citations.map((c) => c.title)).size).toBeGreaterThan(1);
    expect(result.answer.match(/2,000 megawatts/g)).toHaveLength(1);
    expect(quotes.filter((q) => q.includes("2,000 megawatts"))).toHaveLength(2);
  });

  it("prefers a date for when-questions and a number for how-many questions", () => {
    expect(library.ask("When did officials say crypto is not legal tender?").answer).toMatch(/Thursday/);
    expect(library.ask("How much could virtual assets add to the formal economy?").answer).toMatch(/\$25 billion/);
  });

  it("refuses empty and stop-word-only questions, and survives hostile input", () => {
    for (const question of ["", "   ", "the of and", "?".repeat(1000), "a ".repeat(5000), "𝔘𝔫𝔦𝔠𝔬𝔡𝔢 🚀", "bitcoin ".repeat(300)]) {
      expect(() => library.ask(question)).not.toThrow();
    }
    expect(library.ask("the of and").abstained).toBe(true);
  });
});

describe("answers over other folders", () => {
  it("answers from a folder of new .md and raw .txt articles with no code change", () => {
    const fresh = openLibrary([NEW_ARTICLES]);
    expect(fresh.problems).toEqual([]);
    expect(fresh.ask("Who chairs the committee reviewing the mining tariff?").answer).toContain("Farah Qureshi");
    expect(fresh.ask("How many customers can Qalam Exchange onboard?").answer).toContain("50,000");
    expect(fresh.ask("What is PVARA?").abstained).toBe(true);
  });

  it("does not read 'use', 'used' or 'using' as the US, which the glossary names", () => {
    const { concepts } = analyze(library.index, "how will the bitcoin reserve be used");
    expect(concepts.find((c) => c.label === "used")?.alts).toEqual([["use"]]);
    expect(library.ask("how will the bitcoin reserve be used").answer).not.toContain("United States");
    // Typed as the acronym, it is the United States.
    expect(analyze(library.index, "what did the US say").concepts[0]!.alts).toContainEqual(["unit", "state"]);
  });

  it("combines several folders", () => {
    const both = openLibrary([CORPUS, NEW_ARTICLES]);
    expect(both.articles).toHaveLength(7);
    expect(both.ask("Who founded Qalam Exchange?").answer).toContain("Ayesha Rauf");
    expect(both.ask("Where did Saqib meet Bukele?").answer).toContain("San Salvador");
  });
});
