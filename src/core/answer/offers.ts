/**
 * What a sentence offers to each kind of question — a date for "when", a new
 * name for "which", a verdict for a yes/no, a definition for "what is" — read
 * from its features (features.ts) and the question's wants (question-kind.ts).
 * Scoring gives the kind bonus for it (score.ts); decide and compose ask it
 * whether an answer gives what was asked.
 */
import { CALENDAR_NAMES, PLACE_NAMED, VENUE_NAMED } from "../features.ts";
import type { Passage } from "../passage-index.ts";
import { terms, toTerm } from "../text.ts";
import { hasTerm } from "../term-ids.ts";
import { reportsQuestion } from "./lean.ts";
import type { AnalyzedQuestion, QuestionKind } from "./types.ts";

/** Capitalised words not at the start of a sentence: names, places, organisations — not a month or a weekday. */
const NAME_WORD = new RegExp(String.raw`(?<=\s)(?!(?:${CALENDAR_NAMES})\b)\p{Lu}\p{Ll}[\p{L}’'-]*`, "gu");

/**
 * True when a name a pattern captures (its first group that matched, else the
 * whole match) has a word that is not the question's own, nor what one of its
 * words stands for ("Khyber Pakhtunkhwa" for "kp"): "the Gwadar Business
 * Centre" is somewhere new to "where in gwadar …", "in Gwadar" is not.
 */
function capturesNew(text: string, pattern: RegExp, question: AnalyzedQuestion): boolean {
  for (const match of text.matchAll(pattern)) {
    if (terms(match.slice(1).find((group) => group !== undefined) ?? match[0]).some((term) => !question.ownTerms.has(term) && !question.reach.has(term))) return true;
  }
  return false;
}

/** True when a sentence names something the question does not: what a "which …?" question asks for. */
export const namesSomethingNew = (p: Passage, question: AnalyzedQuestion): boolean => capturesNew(p.text, NAME_WORD, question);

/**
 * True when a sentence places something somewhere the question does not
 * name: "which venue hosted Binance Blockchain Week?" is not answered by "…
 * told the audience at Binance Blockchain Week", but by "held at the
 * Coca-Cola Arena" — and, a venue being asked for, not by "… Binance
 * Blockchain Week in Dubai" either: that is the city around it.
 */
const placesSomewhereNew = (p: Passage, question: AnalyzedQuestion): boolean => capturesNew(p.text, question.concepts.some((c) => c.offeredBy === "venue") ? VENUE_NAMED : PLACE_NAMED, question);

/** A date that ends a stretch of time: "until March", "by June 30". */
const UNTIL = /\b(?:until|till|through|by)\b/i;

/** Words that put a time ahead of the report: "is expected to begin … in March next year", "will be tabled in the winter session", "to take effect from July 1", "not before the end of 2027". */
const TO_COME = /\b(?:will|would|shall|expect|expected|expects|due|scheduled|planned|plans? to|set to|next|upcoming|coming|later this|(?:by|before) (?:the end|early|mid|late)|takes? effect|come into force|from (?:january|february|march|april|may|june|july|august|september|october|november|december))\b|['’]ll\b/i;

/**
 * A time still to come: a stretch of time ("remain in force for 120 days",
 * "six to eight months"), or a date in a sentence that puts it ahead ("is
 * scheduled to speak … on December 9") — what "when will …" is answered
 * with, not "late last month".
 */
export const givesTimeToCome = (p: Passage): boolean => p.features.duration || (p.features.date && TO_COME.test(p.text));

/** Years written in a sentence. */
const YEAR = /\b(?:19|20)\d{2}\b/g;

/**
 * A date for a "when" question: within the years the question allows ("before
 * 2025") when it bounds them; for "how often", a frequency ("every
 * quarter"); for "how long", a duration ("remain in force for 120 days") or a
 * date it lasts until — not any date ("on Wednesday").
 */
function datesWithin(p: Passage, question: AnalyzedQuestion): boolean {
  if (question.duration) return p.features.duration || (p.features.date && UNTIL.test(p.text));
  if (question.frequency) return p.features.frequency;
  if (!p.features.date) return false;
  // "When will the pilot start?" is not answered by the day the cabinet approved it.
  if (question.future && !TO_COME.test(p.text)) return false;
  const { years } = question;
  return !years || (p.text.match(YEAR) ?? []).some((y) => Number(y) >= years.from && Number(y) <= years.to);
}

/** "Tokenisation means …", "A stablecoin is a …", "PVARA refers to …": a definition opens with what it defines. */
const OPENS_DEFINITION = /^\W*((?:[\p{L}\p{N}'’-]+\s+){1,4}?)(?:means|is|are|refers to|is defined as|stands for|describes)\s/iu;

/**
 * "The Pakistan Crypto Council, which was formally established earlier this
 * year, continues to operate as the national body for crypto policy …",
 * "… both government-supported bodies focused on …": what a thing serves
 * or works as, within a sentence's first words for its subject.
 */
const SERVES_AS = /^\W*((?:[\p{L}\p{N}'’-]+[\s,—–-]+){1,16}?)(?:operates?|operating|serves?|serving|acts?|acting|functions?|functioning|works?|working) as (?:an?|the) /iu;

/** An acronym spelled out in parentheses: "… Regulatory Authority (PVARA)". Group 1 is the acronym. */
const SPELLED_OUT = /\((\p{Lu}{2,}[\p{L}]*)\)/u;

/**
 * A sentence that defines a word of the question ("Tokenisation means …",
 * "The council … continues to operate as the national body for …"), or
 * spells out an acronym the question typed ("what is PVARA?" — "… Regulatory
 * Authority (PVARA)"): a question that names the thing in full asks what it
 * is, not what its initials stand for.
 */
function definesTerm(p: Passage, question: AnalyzedQuestion): boolean {
  for (const pattern of [OPENS_DEFINITION, SERVES_AS]) {
    const subject = pattern.exec(p.text)?.[1];
    if (subject && terms(subject).some((t) => question.ownTerms.has(t))) return true;
  }
  const acronym = SPELLED_OUT.exec(p.text)?.[1];
  return acronym !== undefined && question.ownTerms.has(toTerm(acronym) ?? acronym.toLowerCase());
}

/** Words that deny or qualify what follows them: "no such framework", "advisory rather than regulatory", "do not allow". */
const NEGATION = /^(?:not|no|never|non|without|neither|nor|cannot|unlikely|than|instead|yet)$|n['’]t$/i;

/** How many words before a word of the question a negation may stand ("not recognised as legal tender": 3). */
const NEGATION_REACH = 3;

/** A reply that opens with a yes or a no ("A: No.", "Yes, but only …"), as an interview's answers do. */
const VERDICT = /^(?:A:\s*)?(?:yes|no)\b(?![\s-]+(?:one|longer|more|less|doubt|matter|objection))/i;

/**
 * Whether a sentence settles a yes/no question: it denies or qualifies one of
 * the question's own words ("is the council a regulator?" — "advisory rather
 * than regulatory"; "is crypto legal tender?" — "not recognised as legal
 * tender"), rather than only holding a negation somewhere.
 */
function settlesQuestion(p: Passage, question: AnalyzedQuestion): boolean {
  // A reply that opens with its verdict: "A: No.", "Yes, and …".
  if (VERDICT.test(p.text)) return true;
  // The opposite of a word of the question: "did the committee approve the tax?" — "rejected".
  if (question.concepts.some((c) => c.opposites?.some((id) => hasTerm(p.terms, id)))) return true;
  if (!p.features.stance) return false;
  const words = p.text.split(/[^\p{L}\p{N}'’-]+/u);
  const wanted = question.reach;
  return words.some((word, i) => {
    const term = toTerm(word);
    if (i === 0 || !term || !wanted.has(term)) return false;
    // "non-binding" denies itself; otherwise a negation stands in the words before.
    return /^non-/i.test(word) || words.slice(Math.max(0, i - NEGATION_REACH), i).some((before) => NEGATION.test(before));
  });
}

/** For "how much X": a quantity in a sentence that names X ("about 10,000 bitcoin"); score.ts checks that it counts X. */
const measures = (p: Passage, measured: readonly string[] | undefined): boolean => measured !== undefined && p.features.quantity && terms(p.text).some((t) => measured.includes(t));

const KIND_FEATURE: Partial<Record<QuestionKind, (p: Passage, question: AnalyzedQuestion) => boolean>> = {
  which: namesSomethingNew,
  who: (p, question) => (question.person ? p.features.person && (!question.office || p.features.office) : p.features.person || p.features.role || p.features.agent),
  when: datesWithin,
  where: placesSomewhereNew,
  number: (p, question) => (question.age ? p.features.age : question.money ? p.features.money : question.amount ? p.features.amount || p.features.share || measures(p, question.measured) : p.features.number),
  define: definesTerm,
  quote: (p) => p.features.quote,
  yesno: settlesQuestion,
  why: (p) => p.features.reason,
};

/**
 * Whether a sentence offers what the question's kind asks for (a date, a
 * number, a name…); undefined when the kind asks for nothing in particular.
 * A sentence that reports a question ("… asked whether the reserve could be
 * sold") offers no answer to it, whatever it holds.
 */
export function answersKind(passage: Passage, question: AnalyzedQuestion): boolean | undefined {
  const feature = KIND_FEATURE[question.kind];
  return feature && feature(passage, question) && !reportsQuestion(passage.text);
}
