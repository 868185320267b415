import { describe, expect, it } from "vitest";
import { analyze } from "../../../src/core/answer/index.ts";
import type { Concept } from "../../../src/core/answer/types.ts";
import type { CorpusIndex } from "../../../src/core/passage-index.ts";
import { DERIVED_CREDIT, FUZZY_CREDIT, SYNONYM_CREDIT, UNKNOWN_WORD_WEIGHT } from "../../../src/core/answer/weights.ts";
import { articleFile, fixtureLibrary, libraryOfArticles } from "./fixture.ts";

/** A concept's expansion as term → credit. */
function reach(index: CorpusIndex, concept: Concept): Record<string, number> {
  return Object.fromEntries([...concept.expansions[0]![0]!.entries()].map(([id, credit]) => [index.termText[id]!, credit]));
}

function concept(question: string, label: string): { index: CorpusIndex; concept: Concept } {
  const { index } = fixtureLibrary();
  return { index, concept: analyze(index, question).concepts.find((c) => c.label === label)! };
}

describe("makeConcept (expand)", () => {
  it("matches British and American spellings fully", () => {
    const { index, concept: harbor } = concept("when did the harbor board meet", "harbor");
    expect(reach(index, harbor)).toMatchObject({ harbor: 1 });
  });

  it("reaches a phrasal verb of the articles from the single word WordNet relates it to", () => {
    // "stepped down" is indexed as one term, step_down, which WordNet's "step down" ~ resign reaches.
    const { index, concept: resigned } = concept("why did the platform's chief resign", "resign");
    expect(reach(index, resigned)["step_down"]).toBe(SYNONYM_CREDIT);
  });

  it("reaches a WordNet synonym with partial credit", () => {
    const { index, concept: assign } = concept("what did the ministry assign to miners", "assign");
    expect(reach(index, assign).alloc).toBe(SYNONYM_CREDIT);
  });

  it("reaches, from a negated word the articles lack, the word it negates, with partial credit", () => {
    const { index, concept: unapproved } = concept("were the bonds unapproved", "unapproved");
    expect(reach(index, unapproved).approv).toBe(DERIVED_CREDIT);
  });

  it("reaches an irregular form's lemma", () => {
    const { index, concept: brought } = concept("what plan was brought to the cabinet", "brought");
    expect(reach(index, brought)).toMatchObject({ bring: 1 });
  });

  it("finds a misspelled name by its corpus spelling, with less credit", () => {
    const { index, concept: name } = concept("what did Farida Qurashi sign", "Qurashi");
    expect(name.entity).toBe(true);
    expect(reach(index, name)).toEqual({ qureshi: FUZZY_CREDIT });
  });

  it("does not read an English word the corpus lacks as a misspelling of one it has", () => {
    // "plane" is one letter from the fixture's "plan", but it is a word of its own.
    const { index, concept: plane } = concept("when was the plane approved", "plane");
    expect(reach(index, plane)).not.toHaveProperty("plan");
  });

  it("finds a name spelled as it sounds, two letters off", () => {
    const { index, concept: name } = concept("what did Fareeda sign", "Fareeda");
    expect(reach(index, name)).toEqual({ farida: FUZZY_CREDIT });
    const { concept: other } = concept("what happened in Frunce", "Frunce");
    expect(reach(index, other)).toEqual({});
  });

  it("gives a name no synonyms", () => {
    const { index, concept: name } = concept("what happened in Multan", "Multan");
    expect(Object.keys(reach(index, name))).toEqual(["multan"]);
  });

  it("weighs a word no article has less than a known word", () => {
    const { concept: weather } = concept("what is the weather for the bonds", "weather");
    const { concept: bonds } = concept("what is the weather for the bonds", "bonds");
    expect(weather.known).toBe(false);
    expect(weather.weight).toBeLessThan(bonds.weight * UNKNOWN_WORD_WEIGHT * 2);
  });

  it("reads a word WordNet lacks that is an English prefix and an English word as a word, not a name", () => {
    // "underused" is in no article and not in WordNet, but "used" is: a paraphrase, not a name the corpus lacks.
    const { concept: underused } = concept("why are the harbour's piers underused", "underused");
    expect(underused).toMatchObject({ known: false, entity: false });
    const { concept: name } = concept("why did zorblaxed sign the bonds", "zorblaxed");
    expect(name).toMatchObject({ known: false, entity: true });
  });

  it("matches a four-letter name typed with two letters swapped, which is two edits", () => {
    const { index, concept: biag } = concept("why did biag step down", "biag");
    expect(reach(index, biag)).toMatchObject({ baig: FUZZY_CREDIT });
  });

  it("reaches the holder of an office by whichever ending the articles give the word: spokesperson, spokesman", () => {
    const { index } = libraryOfArticles(articleFile("2025-10-20", "Stablecoin bill", "A finance ministry spokesman, Qamar Abbasi, declined to give a date."));
    const spokesperson = analyze(index, "who is the finance ministry spokesperson").concepts.find((c) => c.label === "spokesperson")!;
    expect(reach(index, spokesperson)).toMatchObject({ spokesman: 1 });
  });

  it("reads money in a how-much question as the kind of answer, which an amount offers", () => {
    const { concept: money } = concept("how much money will the bonds raise", "money");
    expect(money).toMatchObject({ answerType: true, offeredBy: "amount" });
    const { concept: lost } = concept("why did savers lose money on the bonds", "money");
    expect(lost).toMatchObject({ answerType: false });
  });

  it("reads a verb and its particle written as one word as a word, not a name", () => {
    // "rollout" is in no article and not in WordNet; "roll" is.
    const { concept: rollout } = concept("what slowed the bond rollout", "rollout");
    expect(rollout).toMatchObject({ known: false, entity: false });
  });

  it("reads a preposition, conjunction or pronoun WordNet lacks as no name", () => {
    // WordNet lists no prepositions: "whilst" (in no article) is not a name the corpus lacks, nor "before" one it has.
    const { concept: whilst } = concept("were the bonds sold whilst the board met", "whilst");
    expect(whilst).toMatchObject({ entity: false, name: false });
    const { index } = libraryOfArticles(articleFile("2025-06-20", "Lender warns", "The lender warned against discounted tariffs."));
    const against = analyze(index, "did the lender warn against tariffs").concepts.find((c) => c.label === "against")!;
    expect(against).toMatchObject({ known: true, name: false });
  });

  it("marks an unknown name as deciding, but not an unknown two-letter acronym", () => {
    const { concept: name } = concept("What did Zorblax say about the bonds?", "Zorblax");
    expect(name).toMatchObject({ known: false, entity: true });
    const { concept: acronym } = concept("What did the QX say about the bonds?", "QX");
    expect(acronym).toMatchObject({ known: false, entity: false });
  });
});
