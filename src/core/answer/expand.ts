/**
 * Stage 2 — expand the question's words: each reaches the vocabulary terms it
 * matches — exactly, by prefix, misspelled, by its lemma, by WordNet synonyms
 * and derivations — each with its credit, and weighs by how rare it is.
 */
import type { CorpusIndex } from "../passage-index.ts";
import { doubleMetaphone } from "double-metaphone";
import { type TermIds, bestCredit } from "../term-ids.ts";
import { allowsPrefix, letterDifference, maxEditDistance, swapsTwoLetters, toTerm } from "../text.ts";
import type { AnalyzedQuestion, Concept, Expansion } from "./types.ts";
import { CALENDAR_NAMES } from "../features.ts";

export type { Concept, Expansion } from "./types.ts";
import { oppositeKey } from "../lexicon.ts";
import { ANSWER_TYPE_WEIGHT, DERIVED_CREDIT, INFLECTION_CREDIT, FUZZY_CREDIT, MIN_TYPO_STEM, SHORT_PREFIX_CREDIT, TYPO_TAIL, UNKNOWN_WORD_WEIGHT } from "./weights.ts";

/**
 * Expands one query term to the vocabulary terms it matches, with their
 * credit: exactly, by prefix, misspelled; and, for a word that is not a name,
 * by its lemma ("brought" → "bring") and by WordNet synonyms and derivations
 * (partial credit).
 */
function expand(index: CorpusIndex, term: string, word?: string): Expansion {
  const found = new Map<number, number>();
  const exact = index.vocabulary.get(term);
  if (exact !== undefined) found.set(exact, 1);
  if (word !== undefined) {
    const lemmas = index.lemmas.get(word.toLowerCase()) ?? [];
    for (const lemma of lemmas) {
      const id = index.vocabulary.get(lemma);
      if (id !== undefined) found.set(id, 1);
    }
    for (const stem of [term, ...lemmas]) {
      for (const [id, credit] of index.related.get(stem) ?? []) if ((found.get(id) ?? 0) < credit) found.set(id, credit);
    }
  }
  // "spokesperson" where the articles say "spokesman": one office, whichever word for its holder.
  const office = HOLDER.exec(term)?.[1];
  for (const suffix of office === undefined ? [] : HOLDER_WORDS) {
    const id = index.vocabulary.get(office + suffix);
    if (id !== undefined) found.set(id, 1);
  }
  // "unlicensed" where the articles say "without a licence": a negated word the corpus lacks reaches its base.
  const base = word === undefined || found.size > 0 ? undefined : NEGATED.exec(word.toLowerCase())?.[1];
  const baseTerm = base === undefined ? null : toTerm(base);
  if (base !== undefined && baseTerm && index.isEnglish(baseTerm)) {
    for (const [id, credit] of expand(index, baseTerm, base)) found.set(id, credit * DERIVED_CREDIT);
  }
  if (allowsPrefix(term)) {
    const credit = term.length >= 5 ? 1 : SHORT_PREFIX_CREDIT;
    // A phrasal verb's term ("pakistan_forward" from "… Pakistan forward") is reached through WordNet, not by its first word's letters.
    for (const [key, id] of index.vocabulary.atPrefix(term)) if (!found.has(id) && !key.includes("_")) found.set(id, credit);
  }
  // A word the corpus has as written is not a misspelling: it gets no fuzzy matches ("binance" is not "finance");
  // nor is an English word the corpus lacks ("team" is not "term", "deadline" not "headline") — but a
  // proper noun may misspell a name the corpus has ("masoud" for Masud).
  const misspelt = exact === undefined && (!index.isEnglish(term) || index.isProperNoun(term));
  // A name the stemmer cut short ("ahmed" → "ahm") is compared as typed too: "Ahmad" is one letter from "ahmed".
  const spelled = word?.toLowerCase();
  const forms = misspelt && spelled !== undefined && spelled.length > term.length && /^\p{L}+$/u.test(spelled) ? [term, spelled] : [term];
  for (const form of misspelt ? forms : []) {
    const distance = maxEditDistance(form);
    if (distance === 0) continue;
    // Two letters swapped are two edits, which a four-letter word is otherwise not allowed ("zaho" for Zhao).
    for (const [key, [id, d]] of index.vocabulary.fuzzyGet(form, Math.max(distance, 2))) {
      if (d > distance && !swapsTwoLetters(form, key)) continue;
      const plausible = d === 1 || letterDifference(form, key) <= 1 || soundsAlike(form, key) || (word !== undefined && mistypes(index, word, key));
      // As typed, a name is matched to names only ("ahmed" is not "ahead").
      const named = form === term || !index.isEnglish(key);
      if (!found.has(id) && d > 0 && plausible && named && !key.includes("_")) found.set(id, FUZZY_CREDIT);
    }
  }
  if (found.size === 0 && word !== undefined && !index.isEnglish(term)) {
    const stem = typoStem(index, word);
    if (stem !== undefined) found.set(stem, FUZZY_CREDIT);
  }
  return found;
}

/** The words English ends an office's name with for its holder ("chairman", "chairwoman", "chairperson"). */
const HOLDER_WORDS = ["person", "man", "woman", "men", "women", "people"];
const HOLDER = new RegExp(`^(\\p{L}{3,}?)(?:${HOLDER_WORDS.join("|")})$`, "u");

/** A word negated by its prefix ("unlicensed", "non-binding"): group 1 is the word it negates. */
const NEGATED = /^(?:un|non-?)(\p{L}{4,})$/u;

/**
 * The vocabulary id of the English stem a garbled word starts with, when the
 * garbling is in the last TYPO_TAIL letters ("regulatr" → regul, the stem of
 * regulator, "electrcity" → electr); undefined when none.
 */
function typoStem(index: CorpusIndex, word: string): number | undefined {
  const w = word.toLowerCase();
  for (let k = w.length - 1; k >= Math.max(MIN_TYPO_STEM, w.length - TYPO_TAIL); k--) {
    const prefix = w.slice(0, k);
    const id = index.vocabulary.get(prefix);
    if (id !== undefined && index.isEnglish(prefix) && !index.isProperNoun(prefix)) return id;
  }
  return undefined;
}

/**
 * Whether a word the corpus lacks is a typo of an English word whose stem is
 * `stem`: one keystroke from the stem's letters at its start ("reguator" —
 * "regul", the stem of regulator — is two edits from its own stem "reguat",
 * but one from "regul" + "ator"). Only English words qualify, and only stems
 * of MIN_TYPO_STEM letters or more: a name one letter from a corpus word stays
 * a name the corpus lacks ("sindh" is not "bind" or "kind").
 */
function mistypes(index: CorpusIndex, word: string, stem: string): boolean {
  if (stem.length < MIN_TYPO_STEM || !index.isEnglish(stem) || index.isProperNoun(stem)) return false;
  const w = word.toLowerCase();
  // The edit distance from the stem to the word's closest prefix (one row of the edit-distance table per stem letter).
  let row = Array.from({ length: w.length + 1 }, (_, j) => j);
  for (let i = 1; i <= stem.length; i++) {
    const next = [i];
    for (let j = 1; j <= w.length; j++) next.push(Math.min(row[j]! + 1, next[j - 1]! + 1, row[j - 1]! + (stem[i - 1] === w[j - 1] ? 0 : 1)));
    row = next;
  }
  return Math.min(...row) <= 1;
}

/**
 * Two spellings that sound the same (Double Metaphone, primary codes): how
 * names are misspelled from hearing them — "masood"/"masud",
 * "aurengzeb"/"aurangzeb" — while "france" and "financ" stay apart.
 */
function soundsAlike(a: string, b: string): boolean {
  const [codeA] = doubleMetaphone(a);
  const [codeB] = doubleMetaphone(b);
  return codeA.length >= 2 && codeA === codeB;
}

/** Passages holding the term's exact or prefix forms; a term known only by misspelling counts as rare. */
function documentFrequency(index: CorpusIndex, expansion: Expansion): number {
  let df = 0;
  for (const [id, credit] of expansion) if (credit === 1) df += index.termPassages[id]!;
  return Math.min(df, index.passages.length);
}

/** How much a term found in `df` of the index's passages tells (log-scaled inverse document frequency). */
const idf = (index: CorpusIndex, df: number) => Math.log(1 + index.passages.length / (df + 1));

/** A concept's weight from its best idf: a word no article has weighs UNKNOWN_WORD_WEIGHT of the most (unless it decides), an answer-type word ANSWER_TYPE_WEIGHT. */
function conceptWeight(index: CorpusIndex, best: number | undefined, decisive: boolean, answerType: boolean): number {
  const weight = best ?? (decisive ? 1 : UNKNOWN_WORD_WEIGHT) * idf(index, 0);
  return weight * (answerType ? ANSWER_TYPE_WEIGHT : 1);
}

export function makeConcept(index: CorpusIndex, label: string, alts: string[][], entity: boolean, answerType: boolean, word?: string): Concept {
  const lexical = !entity && alts.length === 1 && alts[0]!.length === 1 && word !== undefined;
  const expansions = alts.map((alt) => alt.map((term) => expand(index, term, lexical ? word : undefined)));
  const knownAlts = expansions.filter((alt) => alt.every((e) => e.size > 0));
  const known = knownAlts.length > 0;
  // A word no article has (in any spelling the vocabulary allows) weighs less (UNKNOWN_WORD_WEIGHT), so
  // paraphrases and filler ("govt", "roughly") do not sink an answer. An unknown name or
  // acronym still decides (the answer must come from an article that has it), except a two-letter
  // acronym ("NA", "KP"), which is too ambiguous to refuse on.
  const decisive = (entity && !(!known && /^\p{Lu}{2}$/u.test(label))) || (lexical && !known && !answerType && unknownName(index, word!, alts[0]![0]!));
  const best = known ? Math.max(...knownAlts.map((alt) => Math.max(...alt.map((e) => idf(index, documentFrequency(index, e)))))) : undefined;
  const name = entity || (known && alts.every((alt) => alt.every((term) => !index.isEnglish(term) && !FUNCTION_WORDS.has(term) && !CALENDAR_TERMS.has(term))));
  return { label, alts, expansions, entity: decisive, name, answerType, known, weight: conceptWeight(index, best, decisive, answerType) };
}

/**
 * A word's concept with its opposites (WordNet's antonyms, kept by lexicon.ts
 * at OPPOSITE_CREDIT) among its expansions, for a question asking for a yes
 * or a no: "did the committee approve the tax?" is answered by the sentence
 * that says it "rejected" it. Names and phrases have none, nor does a word
 * that describes the next ("legal framework": the question asks whether there
 * is one, not whether it is legal) — the caller leaves those out.
 */
export function withOpposites(index: CorpusIndex, concept: Concept): Concept {
  const term = soleTerm(concept);
  // A word the articles never use as it is spelled ("right" in "right now") lends no opposites ("left").
  if (term === undefined || concept.name || concept.entity || !index.vocabulary.has(term)) return concept;
  const stems = [term, ...(index.lemmas.get(concept.label.toLowerCase()) ?? [])];
  const expansion = new Map(concept.expansions[0]![0]!);
  const opposites: number[] = [];
  for (const stem of stems) {
    for (const [id, credit] of index.related.get(oppositeKey(stem)) ?? []) {
      if (expansion.has(id)) continue;
      expansion.set(id, credit);
      opposites.push(id);
    }
  }
  return opposites.length === 0 ? concept : { ...concept, expansions: [[expansion]], opposites };
}

/**
 * A phrase of WordNet's ("talk about", "set up", "right away") as one concept:
 * its own words as they stand, in any of their forms ("paid for" for "pay
 * for", but "set" alone is not "set up"), or any
 * single word WordNet relates to the phrase ("discuss", "establish",
 * "immediately") with that relation's credit. Weighed by its rarest
 * spelling, as a word is — counting the passages of every word that spells
 * it, so a phrase known only through its synonyms is weighed by theirs.
 */
export function phraseConcept(index: CorpusIndex, label: string, words: string[], key: string, answerType: boolean): Concept {
  // The word itself and its other forms: irregular inflections and spellings, which WordNet relates at full credit.
  const exact = (term: string): Expansion => {
    const id = index.vocabulary.get(term);
    const forms = (index.related.get(term) ?? []).filter(([, credit]) => credit >= INFLECTION_CREDIT);
    return new Map([...(id === undefined ? [] : [[id, 1] as const]), ...forms.map(([form]) => [form, 1] as const)]);
  };
  // The single words the phrase is related to, less its own words ("act as" is not also "act" at 0.6).
  const related = (index.related.get(key) ?? []).filter(([id]) => !words.includes(index.termText[id]!));
  const alts = [words, ...related.map(([id]) => [index.termText[id]!])];
  const expansions = [words.map(exact), ...related.map(([id, credit]) => [new Map([[id, credit]])])];
  const known = expansions.filter((alt) => alt.every((e) => e.size > 0));
  const passagesOf = (e: Expansion) => [...e.keys()].reduce((sum, id) => sum + index.termPassages[id]!, 0);
  const df = Math.min(index.passages.length, Math.min(...known.map((alt) => Math.max(...alt.map(passagesOf)))));
  const best = known.length > 0 ? idf(index, df) : undefined;
  return { label, alts, expansions, entity: false, name: false, answerType, known: known.length > 0, weight: conceptWeight(index, best, false, answerType) };
}

/**
 * A word typed in lower case that no article has in any spelling and that is
 * no English word ("bithumb", "solana") or is one of WordNet's proper nouns
 * ("uzbekistan", "nigeria") is a name the corpus lacks, and decides like one.
 * Short words and words without a vowel are left alone: they are more often
 * chat shorthand ("govt", "abt", "pls") than names.
 */
function unknownName(index: CorpusIndex, word: string, term: string): boolean {
  return /^\p{L}{5,}$/u.test(word) && !FUNCTION_WORDS.has(term) && !CALENDAR_TERMS.has(term) && /[aeiouy]/i.test(word) && (!index.isEnglish(term) || index.isProperNoun(term)) && !madeOfEnglishWords(index, word);
}

/**
 * English words WordNet does not list, having only nouns, verbs, adjectives
 * and adverbs: prepositions, conjunctions and pronouns the stop-word list
 * lets through ("against", "whilst", "themselves"), as their terms. They are
 * no names.
 */
const FUNCTION_WORDS = new Set(
  ["against", "among", "amongst", "toward", "towards", "upon", "unto", "whereas", "whether", "although", "amidst", "via", "per", "onto", "without", "versus", "unless", "whilst", "whose", "whom", "whoever", "nor", "yours", "ours", "theirs", "herself", "itself", "themselves", "ourselves", "yourself"].map((word) => toTerm(word) ?? word),
);

/** The one term a concept is spelled by ("karachi"); undefined for a phrase or a name with other spellings. */
export function soleTerm(concept: Pick<Concept, "alts">): string | undefined {
  return concept.alts.length === 1 && concept.alts[0]!.length === 1 ? concept.alts[0]![0] : undefined;
}

/** Months and weekdays, as terms: WordNet writes them as proper nouns, but they name a time, not a person or a place ("which country … in november"). */
export const CALENDAR_TERMS: ReadonlySet<string> = new Set(CALENDAR_NAMES.split("|").map((name) => toTerm(name) ?? name));

/** English prefixes that make a new word of an English word ("underused", "relaunched", "overpriced"). */
const ENGLISH_PREFIX = /^(?:under|over|out|counter|anti|non|mis|pre|re|un|dis|co|sub|super|semi)-?(?=\p{L}{4,}$)/u;

/**
 * A word WordNet lacks made of an English prefix and an English word
 * ("underused" = under + used), or of a verb and its particle ("rollout" =
 * roll + out), is an English word, not a name: a name rarely splits so
 * ("Reuters", "Deloitte" and "Unilever" leave no English word).
 */
function madeOfEnglishWords(index: CorpusIndex, word: string): boolean {
  const lower = word.toLowerCase();
  const rest = lower.replace(ENGLISH_PREFIX, "");
  const base = rest !== lower ? rest : PARTICLE_COMPOUND.exec(lower)?.[1];
  const stem = base === undefined ? null : toTerm(base);
  return stem !== null && index.isEnglish(stem) && !index.isProperNoun(stem);
}

/** A noun made of a verb and its particle, written as one word ("rollout", "payout", "crackdown", "setback"). */
const PARTICLE_COMPOUND = /^(\p{L}{3,}?)-?(?:out|up|down|off|over|back|away)s?$/u;

/** Weighted share of a question's concepts a set of terms covers (0 for a question without concepts). */
export function conceptShare(question: AnalyzedQuestion, terms: TermIds): number {
  let total = 0;
  let found = 0;
  for (const concept of question.concepts) {
    total += concept.weight;
    found += concept.weight * conceptCredit(concept, terms);
  }
  return total === 0 ? 0 : found / total;
}

/**
 * How well a set of terms covers a concept: 1 when some spelling of it is
 * there in full, less when only a misspelled form is, 0 when it is absent.
 */
export function conceptCredit(concept: Concept, terms: TermIds): number {
  let best = 0;
  for (const [i, alt] of concept.expansions.entries()) {
    const outranking = concept.outrankedBy?.[i];
    if (outranking && outranking.size > 0 && bestCredit(outranking, terms) > 0) continue;
    let altCredit = 1;
    for (const expansion of alt) {
      altCredit = Math.min(altCredit, bestCredit(expansion, terms));
      if (altCredit === 0) break;
    }
    best = Math.max(best, altCredit);
  }
  return best;
}
