import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { writeSyntheticCorpus } from "../../../scripts/synthetic.ts";
import { openLibrary } from "../../../src/core/library.ts";
import { analyze } from "../../../src/core/answer/index.ts";
import { articleMatch, bestArticles } from "../../../src/core/answer/retrieve.ts";
import { RETRIEVAL_BUDGET } from "../../../src/core/answer/weights.ts";
import { bundledLibrary } from "../../helpers.ts";
import { fixtureLibrary } from "./fixture.ts";

describe("bestArticles (retrieve)", () => {
  it("puts the article that holds the question's words first", () => {
    const { index } = fixtureLibrary();
    const [first] = bestArticles(index, analyze(index, "how much surplus electricity went to miners"), 3);
    expect(index.articles[first!.id]!.title).toBe("Solar miners get grid power");
  });

  it("reaches an article through a synonym the question does not spell", () => {
    const { index } = fixtureLibrary();
    const found = bestArticles(index, analyze(index, "what was the last event of the spring session"), 3);
    expect(found.map((hit) => index.articles[hit.id]!.title)).toContain("Harbour Board approves tokenised bonds");
  });
});

describe("analyze's retrieval query", () => {
  it("retrieves by vetted vocabulary matches only: a misspelled name by its corpus spelling", () => {
    const { index } = bundledLibrary();
    const question = analyze(index, "Who is Bilal bin Saquib?");
    expect(question.retrieval.get("saqib")).toBeGreaterThan(0);
    expect(question.retrieval.has("saquib")).toBe(false);
  });

  it("keeps a question of common words within the retrieval budget, rarest first, and still answers it", () => {
    const dir = mkdtempSync(join(tmpdir(), "daleel-budget-"));
    writeSyntheticCorpus(dir, 1600);
    const library = openLibrary([dir]);
    const { index } = library;
    const postings = (term: string) => index.termArticles[index.vocabulary.get(term)!]!;
    const question = analyze(index, "What did officials say in a statement about the plan, the framework, the proposal, investment, power and jobs?");
    const sent = [...question.retrieval.keys()];
    const all = question.concepts.flatMap((c) => c.expansions.flat().flatMap((e) => [...e.keys()]));
    expect(all.reduce((sum, id) => sum + index.termArticles[id]!, 0)).toBeGreaterThan(RETRIEVAL_BUDGET);
    expect(sent.length).toBeGreaterThan(0);
    expect(sent.reduce((sum, term) => sum + postings(term), 0)).toBeLessThanOrEqual(RETRIEVAL_BUDGET);
    expect(library.ask(question.text).abstained).toBe(false);
  });

  it("picks the same articles as scoring every hit's match, though it stops reading hits that cannot make the cut", () => {
    const dir = mkdtempSync(join(tmpdir(), "daleel-cut-"));
    writeSyntheticCorpus(dir, 400);
    const { index } = openLibrary([dir]);
    for (const text of ["How much investment could blockchain land records attract?", "Which agency reviewed digital payments in Gwadar?", "What did the State Bank say about stablecoin remittances?"]) {
      const question = analyze(index, text);
      const hits = index.search.search([...question.retrieval.keys()].join(" "), { boostTerm: (term) => question.retrieval.get(term) ?? 1 });
      expect(hits.length).toBeGreaterThan(20);
      const everyHit = hits
        .map((hit) => ({ id: index.positionOf.get(hit.id as string)!, score: hit.score / hits[0]!.score }))
        .map((hit) => ({ ...hit, first: hit.score + articleMatch(index, question, hit.id) }))
        .sort((a, b) => b.first - a.first || a.id - b.id)
        .slice(0, 20);
      expect(bestArticles(index, question, 20)).toEqual(everyHit);
    }
  });
});
