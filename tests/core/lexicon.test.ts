import { mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { lemmaStems, lexiconFor, oppositeKey, relatedStems, wordnetLexicon } from "../../src/core/lexicon.ts";
import { phraseKey, phrasalTerm, toTerm } from "../../src/core/text.ts";
import { DERIVED_CREDIT, INFLECTION_CREDIT, OPPOSITE_CREDIT, SPELLING_CREDIT, SYNONYM_CREDIT } from "../../src/core/answer/weights.ts";

const stem = (word: string) => toTerm(word)!;
const cacheDir = mkdtempSync(join(tmpdir(), "daleel-wordnet-"));
const lexicon = wordnetLexicon(cacheDir);
const related = (word: string) => relatedStems(lexicon, stem(word));

describe("wordnetLexicon", () => {
  it("relates synonyms and derivations by stem, with partial credit", () => {
    expect(related("careful").get(stem("caution"))).toBe(SYNONYM_CREDIT);
    expect(related("resign").get(stem("quit"))).toBe(SYNONYM_CREDIT);
    expect(related("regulator").get(stem("regulatory"))).toBe(DERIVED_CREDIT);
  });

  it("keeps each word's opposites apart from its related words: the antonym's synset, and an adjective's antonym's similar words", () => {
    const opposites = (word: string) => relatedStems(lexicon, oppositeKey(stem(word)));
    expect(opposites("approve").get(stem("reject"))).toBe(OPPOSITE_CREDIT);
    expect(opposites("legal").get(stem("illegal"))).toBe(OPPOSITE_CREDIT);
    expect(opposites("legal").get(stem("prohibited"))).toBe(OPPOSITE_CREDIT);
    expect(related("approve").has(stem("reject"))).toBe(false);
    // A stem's opposites are its shortest lemma's: "salary" is not opposed to "freelance", as "salaried" is.
    expect(opposites("salary").size).toBe(0);
  });

  it("relates a people's adjective to every name of their country: \"american\" to US and USA", () => {
    expect(related("american").get(stem("us"))).toBe(DERIVED_CREDIT);
    expect(related("american").get(stem("usa"))).toBe(DERIVED_CREDIT);
  });

  it("relates British and American spellings of one word with full credit", () => {
    expect(related("programme").get(stem("program"))).toBe(SPELLING_CREDIT);
    expect(related("licence").get(stem("license"))).toBe(SPELLING_CREDIT);
    expect(related("defence").get(stem("defense"))).toBe(SPELLING_CREDIT);
    expect(related("grey").get(stem("gray"))).toBe(SPELLING_CREDIT);
    // Synonyms spelled differently stay synonyms.
    expect(related("rate").get(stem("rank"))).not.toBe(SPELLING_CREDIT);
    expect(related("stable").get(stem("stalls"))).not.toBe(SPELLING_CREDIT);
    expect(related("careful").get(stem("cautious"))).not.toBe(SPELLING_CREDIT);
  });

  it("relates a number in words to its figures with full credit, and not to a trio, a decade or a Roman numeral", () => {
    expect(related("thirty").get("30")).toBe(SPELLING_CREDIT);
    expect(related("3").get(stem("three"))).toBe(SPELLING_CREDIT);
    expect(related("3").has(stem("leash"))).toBe(false);
    expect(related("thirty").get("1930s")).not.toBe(SPELLING_CREDIT);
    expect(related("thirty").get("xxx")).not.toBe(SPELLING_CREDIT);
  });

  it("relates verb and adverb phrases to single words, and leaves noun compounds out", () => {
    expect(relatedStems(lexicon, phraseKey(["talk", "about"])!).get(stem("discuss"))).toBe(SYNONYM_CREDIT);
    expect(relatedStems(lexicon, phraseKey(["set", "up"])!).get(stem("establish"))).toBe(SYNONYM_CREDIT);
    expect(relatedStems(lexicon, phraseKey(["right", "away"])!).get(stem("immediately"))).toBe(SYNONYM_CREDIT);
    expect(relatedStems(lexicon, phraseKey(["legal", "tender"])!).size).toBe(0);
  });

  it("relates single words to phrasal verbs, keyed as sentences index them", () => {
    expect(related("implement").get(phrasalTerm("carry", "out")!)).toBe(SYNONYM_CREDIT);
    expect(related("resign").get(phrasalTerm("stepped", "down")!)).toBe(SYNONYM_CREDIT);
  });

  it("tells WordNet's proper nouns from its common words, however a common word is also a name", () => {
    expect(lexicon.properNouns).toContain("uzbekistan");
    expect(lexicon.properNouns).toContain("nigeria");
    expect(lexicon.properNouns).not.toContain("bank");
    // "Bath" the city, "bath" the tub: a common word first.
    expect(lexicon.properNouns).not.toContain("bath");
  });

  it("takes synonyms only from senses WordNet's tagged corpus sees often enough: \"best\" the adjective, not the verb", () => {
    expect(related("best").has("first")).toBe(true);
    // "to best someone" (~ trump) was seen once against the adjective's 94 times.
    expect(related("best").has("trump")).toBe(false);
  });

  it("knows the nouns for people and bodies of them, in their commonest senses", () => {
    for (const noun of ["staff", "peopl", "firm", "compani", "lender", "offici", "bank"]) expect(lexicon.collectives, noun).toContain(noun);
    for (const noun of ["job", "megawatt", "exchang", "rupe"]) expect(lexicon.collectives, noun).not.toContain(noun);
  });

  it("is read from WordNet once per machine, then from its cache", () => {
    expect(readdirSync(cacheDir).filter((f) => f.startsWith("lexicon-"))).toHaveLength(1);
  });
});

describe("lemmaStems", () => {
  it("gives the lemma of an irregular form, and nothing for a word that is its own lemma", () => {
    expect(lemmaStems("brought", lexicon.irregulars)).toEqual([stem("bring")]);
    expect(lemmaStems("Held", lexicon.irregulars)).toEqual([stem("hold")]);
    expect(lemmaStems("mice", lexicon.irregulars)).toEqual([stem("mouse")]);
    expect(lemmaStems("bitcoin", lexicon.irregulars)).toEqual([]);
    expect(lemmaStems("miners", lexicon.irregulars)).toEqual([]);
  });

  it("gives the noun of a plural in \"-men\", which is an English word and not a name", () => {
    expect(lemmaStems("congressmen", lexicon.irregulars)).toEqual([stem("congressman")]);
    expect(lemmaStems("chairmen", lexicon.irregulars)).toEqual([stem("chairman")]);
    expect(lexicon.words).toContain(stem("spokesmen"));
    // "women" is WordNet's own exception; "amen" is a word of its own.
    expect(lemmaStems("amen", lexicon.irregulars)).toEqual([]);
  });

  it("gives the adjective of a regular comparative or superlative, which are English words and not names", () => {
    expect(lemmaStems("cheaper", lexicon.irregulars)).toEqual([stem("cheap")]);
    expect(lemmaStems("strictest", lexicon.irregulars)).toEqual([stem("strict")]);
    expect(lemmaStems("safer", lexicon.irregulars)).toEqual([stem("safe")]);
    expect(lemmaStems("easier", lexicon.irregulars)).toEqual([stem("easy")]);
    expect(lemmaStems("hotter", lexicon.irregulars)).toEqual([stem("hot")]);
    for (const form of ["cheaper", "strictest", "tougher", "newest"]) expect(lexicon.words).toContain(stem(form));
    // Words of their own are not read as comparatives; nor are adjectives compared with "more".
    expect(lemmaStems("number", lexicon.irregulars)).toEqual([]);
    expect(lemmaStems("latest", lexicon.irregulars)).toEqual([]);
    expect(lemmaStems("expensiver", lexicon.irregulars)).toEqual([]);
  });
});

describe("lexiconFor", () => {
  it("keeps only what reaches the vocabulary, and reaches irregular forms from their lemma", () => {
    const vocabulary = new Set([stem("caution"), "held"]);
    const { related, lemmas } = lexiconFor(lexicon, vocabulary);
    const kept = new Map(related);
    expect(kept.get(stem("careful"))).toContainEqual([stem("caution"), SYNONYM_CREDIT]);
    expect(kept.get(stem("hold"))).toContainEqual(["held", INFLECTION_CREDIT]);
    for (const targets of kept.values()) for (const [term] of targets) expect(vocabulary.has(term)).toBe(true);
    // "mice" → "mouse" leads nowhere in this vocabulary, so the index does not keep it.
    expect(new Map(lemmas).has("mice")).toBe(false);
  });

  it("reaches a synonym the corpus uses only in another form: \"biggest\" (big ~ large) finds \"largest\"", () => {
    const kept = new Map(lexiconFor(lexicon, new Set(["largest"])).related);
    expect(kept.get(stem("big"))).toContainEqual(["largest", SYNONYM_CREDIT * INFLECTION_CREDIT]);
  });

  it("keeps an irregular form whose lemma the corpus has", () => {
    const { lemmas } = lexiconFor(lexicon, new Set([stem("bring")]));
    expect(new Map(lemmas).get("brought")).toEqual([stem("bring")]);
  });
});
