/**
 * Stage 5 — decide: answer, or refuse on evidence — a name no article has,
 * too little of the question covered, or only the question's names matched.
 */
import type { CorpusIndex, Passage } from "../passage-index.ts";
import { type Scored, counts, coverage } from "./score.ts";
import { answersKind, givesTimeToCome } from "./offers.ts";
import { namesParticularOffice, possessive } from "./question-kind.ts";
import { leansBack } from "./lean.ts";
import { conceptCredit, soleTerm } from "./expand.ts";
import type { AnalyzedQuestion, Concept, QuestionKind } from "./types.ts";
import { type TermIds, hasTerm } from "../term-ids.ts";
import { KIND_COVERAGE_SHARE, PINNING_NAME_WEIGHT, KIND_EVIDENCE_PASSAGES } from "./weights.ts";
import { CALENDAR_NAMES, OFFICE_WORDS } from "../features.ts";
import { toTerm } from "../text.ts";

/**
 * What an answer to these kinds must offer: for "how old", an age; for "what
 * share", a share of a whole; for "how many X", a quantity of X;
 * for "how much" and a price or fee, an amount (money, a share — "a third"
 * too —, a measure)
 * or, for "how much X", any quantity ("capped at two times" for "how much
 * leverage"; ranking prefers a quantity of X);
 * for other number questions, a quantity (not a year); for "how long", a
 * stretch of time or the date it lasts until.
 */
const KIND_EVIDENCE: Partial<Record<QuestionKind, (p: Passage, question: AnalyzedQuestion, index: CorpusIndex) => boolean>> = {
  number: (p, question, index) => {
    if (question.age) return p.features.age;
    if (asksForShare(question)) return p.features.share;
    if (question.counted) return counts(index, p.text, question.counted);
    if (question.money) return p.features.money;
    if (question.amount) return p.features.amount || p.features.share || (question.measured !== undefined && p.features.quantity);
    return p.features.quantity;
  },
  // "Which dating app …?" is not answered by a sentence that names none: "someone you met on a dating app".
  which: (p, question) => answersKind(p, question) === true,
  // "How long will the trial last?" is not answered by a sentence with no stretch of time.
  when: (p, question) => !question.duration || answersKind(p, question) === true,
};

/** What an answer to this question must offer, or be refused: KIND_EVIDENCE, or a time to come for what is to come; undefined when nothing in particular. */
const kindEvidenceFor = (question: AnalyzedQuestion) => (question.future ? givesTimeToCome : KIND_EVIDENCE[question.kind]);

/** Whether an answer to this question must offer what its kind asks for (kindEvidenceFor), or be refused. */
export const needsKindEvidence = (question: AnalyzedQuestion): boolean => kindEvidenceFor(question) !== undefined;

/** "What is TezPay's market share", "what percentage …": a share of a whole answers, not a sum or a head count. */
const asksForShare = (question: AnalyzedQuestion): boolean => question.concepts.some((c) => c.offeredBy === "share");

/**
 * Whether any well-covered passage near the top or in the best passage's
 * article (or the sentence after it in its paragraph: the next paragraph's
 * "8 US cents per kilowatt-hour" is no cost of the steel mill the paragraph
 * before speaks of) offers what the question's kind must be
 * answered with (KIND_EVIDENCE; a time to come, for a question about what is to come). The article that answers best may give the
 * figure in a sentence that shares few of the question's words, its headline
 * carrying the topic ("the initiative could cover assets worth up to $2
 * billion" under "Pakistan signs MoU with Binance to explore tokenising …").
 */
function offersKind(index: CorpusIndex, question: AnalyzedQuestion, ranked: Scored[], minCoverage: number, bar: number): boolean {
  const offers = kindEvidenceFor(question);
  if (!offers) return true;
  const bestArticle = ranked[0]?.passage.article;
  for (const [at, { passage, coverage: cover }] of ranked.entries()) {
    // The best passage is held to its own bar (lowered when it gives what is asked: answerBar), the rest to the usual
    // one — or to the lowered one when they give it themselves with every name that pins the subject ("the board
    // estimated between Rs40 billion and Rs60 billion could be collected" for "how much does the fbr expect to raise").
    if (at >= KIND_EVIDENCE_PASSAGES && passage.article !== bestArticle) continue;
    const covered = cover >= (at === 0 ? bar : minCoverage);
    const pinned = cover >= minCoverage * KIND_COVERAGE_SHARE && pinnedIn(question, passage);
    if ((covered || pinned) && offers(passage, question, index)) return true;
    const next = index.passages.at(passage.id + 1);
    if (covered && next && next.article === passage.article && next.paragraph === passage.paragraph && offers(next, question, index)) return true;
  }
  return false;
}

/** The terms of the words of a sentence that name an office ("Governor", "chairs"), as a term set. */
function officeTerms(index: CorpusIndex, p: Passage): TermIds {
  const ids = [...p.text.matchAll(OFFICE_WORDS)].flatMap(([word]) => index.vocabulary.get(toTerm(word) ?? "") ?? []);
  return Uint32Array.from(new Set(ids)).sort();
}

/**
 * Whether the best passage, or the sentence after it (or before it, when it
 * leans on that one: "He …"), names a person — what a question about an
 * office's holder must be answered with. A sentence that only names the
 * office ("the chairman of the SECP") does not answer "who is the new
 * chairman of the SECP?".
 */
function namesPerson(index: CorpusIndex, question: AnalyzedQuestion, best: Passage): boolean {
  if (!question.person) return true;
  const next = index.passages.at(best.id + 1);
  const before = leansBack(best.text) ? index.passages.at(best.id - 1) : undefined;
  const around = [best, next, before].filter((p): p is Passage => p !== undefined && p.article === best.article);
  // "who is the governor of X" is answered where an office is named: "the X government" names none.
  // … and the office asked for, when it is a particular one: Bhutan's "officials" name no governor.
  const offices = question.concepts.filter((c) => !c.entity && namesParticularOffice(c.label));
  // … with the word that tells it from others ("chief minister", "deputy governor"): "Finance Minister Muzzammil
  // Aslam" is no chief minister.
  const kinds = offices.flatMap((office) => officeModifier(question, office) ?? []);
  const namesOffice = (p: Passage) => {
    const held = officeTerms(index, p);
    return offices.every((c) => conceptCredit(c, held) > 0) && kinds.every((c) => conceptCredit(c, p.terms) > 0);
  };
  const office = !question.office || around.some((p) => p.features.office && namesOffice(p));
  // "who runs goAML?" — "the reporting system run by the Financial Monitoring Unit": a verb of office may be a body's.
  const byBody = !question.office && around.some((p) => RUN_BY.test(p.text));
  return office && (byBody || around.some((p) => p.features.person));
}

/** The question's word right before an office's ("chief" in "the kp chief minister"), when it is a word of its own and no name. */
function officeModifier(question: AnalyzedQuestion, office: Concept): Concept | undefined {
  const before = new RegExp(String.raw`(\p{L}+)\s+${office.label.replace(/[^\p{L}\s]/gu, "")}\b`, "iu").exec(question.text)?.[1]?.toLowerCase();
  return question.concepts.find((c) => c !== office && !c.entity && !c.name && c.label.toLowerCase() === before);
}

/** A body named as the one that runs, leads or oversees something: "run by the Financial Monitoring Unit". */
const RUN_BY = /\b(?:run|led|headed|chaired|managed|directed|overseen|operated|owned) by (?:the )?\p{Lu}/u;

/**
 * Whether the best passage of a "which X" question names an X when it speaks
 * of one: a name the question does not give within NAMED_NEAR words of the
 * word X ("Meezan Bank, Bank Alfalah and Habib Bank" name banks; "traced the
 * funds to a mixing service" names no mixing service), or, failing that, in
 * the sentence after it ("… in two districts." — "The pilot will cover Peshawar
 * and Mardan"). A passage that does not use the word X ("Bitcoin Office" for
 * "which salvadoran body") is not held to this.
 */
function namesWhichOne(index: CorpusIndex, question: AnalyzedQuestion, best: Passage): boolean {
  if (question.kind !== "which") return true;
  const named = namedWhere(question, best);
  if (named === undefined || named.names) return true;
  const { mentions, types, isNew } = named;
  const next = index.passages.at(best.id + 1);
  if (next === undefined || next.article !== best.article) return false;
  const following = wordsOf(next.text);
  // "… in two districts." is followed by the list ("The pilot will cover Mardan and Swat"); "a relief charity" left
  // unnamed is named after only where the next sentence speaks of the charity.
  const single = mentions.every((m) => m.nameless === "one");
  if (single && !following.some(({ term }) => term !== null && types.has(term))) return false;
  return following.slice(1).some(isNew);
}

/**
 * How a sentence speaks of the X a "which X" question asks about: undefined
 * when it does not use the word X; else whether it names one near the word
 * (`names`), and its mentions of X, each with whether it is left unnamed.
 */
function namedWhere(question: AnalyzedQuestion, passage: Passage) {
  const types = new Set(question.concepts.flatMap((c) => (c.answerType ? (soleTerm(c) ?? []) : [])));
  const words = wordsOf(passage.text);
  const at = words.flatMap(({ term }, i) => (term && types.has(term) ? [i] : []));
  if (at.length === 0) return undefined;
  const isNew = ({ written, term }: Word) => /^\p{Lu}\p{Ll}/u.test(written) && term !== null && !question.ownTerms.has(term) && !CALENDAR.test(written);
  // "a Saudi payments firm", "several exchanges": an X the sentence speaks of without naming it.
  const mentions = at.map((i) => ({ i, nameless: unnamed(words, i, isNew) }));
  const names = mentions.some(({ i, nameless }) => !nameless && words.slice(Math.max(0, i - NAMED_NEAR), i + NAMED_NEAR + 1).some(isNew));
  return { names, mentions, types, isNew };
}

/**
 * Whether a sentence speaks of some X a "which X" question asks about without
 * naming them ("… with three commercial banks"), whatever other X it names
 * ("The State Bank of Pakistan will run a pilot … with three commercial
 * banks"): the sentence after it may name them ("The banks taking part are
 * Meezan Bank, …"), and compose quotes it too.
 */
export const leavesUnnamed = (question: AnalyzedQuestion, passage: Passage): boolean => question.kind === "which" && (namedWhere(question, passage)?.mentions.some((m) => m.nameless) ?? false);

/** Words that introduce something without naming it: "a firm", "several exchanges", "another bank". */
const INDEFINITE = new Set(["a", "an", "another", "several", "some", "many", "two", "three", "four", "five", "one"]);

/** How many words may stand between an indefinite word and the noun it introduces ("a Saudi payments firm"). */
const INDEFINITE_REACH = 3;

/**
 * Whether the word at `i` speaks of an X without naming it: an indefinite
 * word before it ("a Saudi payments firm", "several exchanges") and no name
 * after it ("a firm called Indus Hash", "a developer, Makran Energy") nor
 * before it ("Binance, a crypto exchange") — "one" for a single thing ("a
 * relief charity"), "some" for several ("several exchanges", "two districts").
 */
function unnamed(words: readonly Word[], i: number, isNew: (word: Word) => boolean): "one" | "some" | false {
  const before = words.slice(Math.max(0, i - INDEFINITE_REACH), i);
  const det = before.findIndex((w) => INDEFINITE.has(w.written.toLowerCase()));
  if (det < 0 || before.slice(det + 1).some((w) => /[,;:]$/.test(w.written))) return false;
  const at = Math.max(0, i - INDEFINITE_REACH) + det;
  const after = words[i + 1];
  const namedAfter = /[,:]$/.test(words[i]!.written) || (after !== undefined && (isNew(after) || /^(?:called|named|known)$/i.test(after.written)));
  const namedBefore = at > 0 && /,$/.test(words[at - 1]!.written) && isNew(words[at - 1]!);
  if (namedAfter || namedBefore) return false;
  return SINGULAR.has(words[at]!.written.toLowerCase()) ? "one" : "some";
}

/** Indefinite words for a single thing: "a relief charity", "another bank". */
const SINGULAR = new Set(["a", "an", "another", "one"]);

interface Word {
  written: string;
  term: string | null;
}

/** A sentence's words as written, each with its term (punctuation around it dropped). */
const wordsOf = (text: string): Word[] => text.split(/\s+/).map((written) => ({ written, term: toTerm(written.replace(/[^\p{L}\p{N}'’-]/gu, "")) }));

/** How many words from the word a "which" question asks about a name of one may stand ("Meezan Bank", "Richard Teng, Binance's co-chief executive"). */
const NAMED_NEAR = 4;

/** Capitalised words that name a day or a month, not a thing. */
const CALENDAR = new RegExp(`^(?:${CALENDAR_NAMES})\\b`);

/**
 * Whether a passage (with its neighbours and title) is about the question's
 * topic, not only its names: it covers at least one of the question's
 * concepts that is not a name. A question that is only names ("who is Zafar
 * Masood?") is about them. Refusing otherwise keeps "the weather in Lahore"
 * from being answered with any sentence that mentions Lahore. Whose thing is
 * asked about ("khetchain" in "what is khetchain's valuation") names the
 * subject too, so the thing itself must be spoken of.
 */
export function aboutTopic(index: CorpusIndex, question: AnalyzedQuestion, passage: Passage): boolean {
  // "what is khetchain's valuation": whose it is names the subject, however it is typed; what is asked is the topic.
  const topic = question.concepts.filter((c) => !c.entity && !c.answerType && c.weight > 0 && !possessive(question.text, c.label) && !(question.kind === "yesno" && namesProperNoun(index, c)));
  if (topic.length === 0) return true;
  // "which venue hosted Binance Blockchain Week": when no article has the question's other words ("hosted"), a
  // passage that gives the kind of thing an answer-type word asks for (a venue) is on the topic.
  if (topic.every((c) => !c.known) && question.concepts.some((c) => c.offeredBy && passage.features[c.offeredBy])) return true;
  return coverage(index, { ...question, concepts: topic }, passage) > 0;
}

/**
 * One of WordNet's proper nouns, a place English has a name for, however it
 * is typed — a question asked for a yes or a no does not mark it as a name:
 * "will it rain in karachi this weekend" is not about anything a sentence
 * naming Karachi says.
 */
function namesProperNoun(index: CorpusIndex, concept: Concept): boolean {
  const term = soleTerm(concept);
  return term !== undefined && index.isProperNoun(term);
}

/**
 * Whether a passage, its neighbours or its headline hold some word of the
 * question as it is spelled (any inflection or spelling variant), not only
 * a synonym or a near-spelling: "what is the sehat card plus" reaches the
 * Senate ("sehat" one letter from "senat") and "assets" (a synonym of
 * "plus") but says nothing any article says.
 */
function sharesAWord(index: CorpusIndex, question: AnalyzedQuestion, passage: Passage): boolean {
  const around = [passage.terms, index.passages.termsBeside(passage, -1), index.passages.termsBeside(passage, 1), index.titleTerms[passage.article]!].filter((terms) => terms !== undefined);
  return question.concepts.some((c) => !c.answerType && around.some((terms) => conceptCredit(c, terms) === 1 || (c.name && reachesName(index, c, terms))));
}

/** Whether a name's near-spelling in these terms is a name too ("sakib" → Saqib), not an English word ("sehat" → senate). */
function reachesName(index: CorpusIndex, concept: Concept, terms: TermIds): boolean {
  return concept.expansions.some((alt) => alt.some((expansion) => [...expansion.keys()].some((id) => hasTerm(terms, id) && !index.isEnglish(index.termText[id]!))));
}

/**
 * The coverage the best passage needs to be answered with: MIN_COVERAGE, or
 * less (KIND_COVERAGE_SHARE of it) when the passage itself offers what the
 * question's kind asks for (a date for "when", a new name for "which", a
 * quantity of what a "how many" counts) and
 * holds every name the question gives that pins its subject
 * (PINNING_NAME_WEIGHT) — "which binance executive put pen to
 * paper with aurangzeb" is answered by the sentence naming Binance, Aurangzeb
 * and Richard Teng, however little of "put pen to paper" it shares.
 */
function answerBar(index: CorpusIndex, analyzed: AnalyzedQuestion, best: Scored, minCoverage: number): number {
  // Any sentence with "said" offers a quote: that is no evidence the sentence speaks of what was asked.
  if (analyzed.kind === "quote") return minCoverage;
  const gives = KIND_EVIDENCE[analyzed.kind]?.(best.passage, analyzed, index) ?? answersKind(best.passage, analyzed) === true;
  return gives && pinnedIn(analyzed, best.passage) ? minCoverage * KIND_COVERAGE_SHARE : minCoverage;
}

/** Whether a passage holds every name that pins the question's subject (PINNING_NAME_WEIGHT), and the question has one. */
export function pinnedIn(question: AnalyzedQuestion, passage: Passage): boolean {
  const names = question.concepts.filter((c) => c.name && c.weight > PINNING_NAME_WEIGHT);
  return names.length > 0 && names.every((c) => conceptCredit(c, passage.terms) > 0);
}

/**
 * Whether a who-question asks for the holder of a role no article speaks of in
 * any form — a noun WordNet files with people, after "the", "a" or a
 * possessive ("who is Pakistan's ambassador to El Salvador?"): no sentence
 * about the rest of the question names them. A word after a name is more
 * likely its misspelt surname ("richard tang").
 */
function asksForUnheardOfRole(index: CorpusIndex, question: AnalyzedQuestion): boolean {
  if (question.kind !== "who") return false;
  return question.concepts.some((c) => {
    if (c.known || c.name || c.entity) return false;
    const term = soleTerm(c);
    return term !== undefined && index.isEnglish(term) && index.isCollective(term) && ROLE_NAMED.test(question.text.toLowerCase().replace(c.label.toLowerCase(), "\u0000"));
  });
}

/** A role the question names with a determiner or a possessive before it ("the ambassador", "pakistan's crypto envoy"); \u0000 marks the word. */
const ROLE_NAMED = /(?:\b(?:the|a|an|its|their|his|her)|['’]s)\s+(?:[\p{L}-]+\s+)?\u0000/iu;

/**
 * Words that ask for a name of any kind of body or thing ("which body", "which
 * firm"): any name answers them, whether or not its article uses the word.
 * As terms, so plurals and spellings ("bodies", "organization") are the same.
 */
const ANY_KIND = new Set(["body", "organisation", "entity", "institution", "group", "party", "side", "company", "firm", "business", "one", "name", "thing"].map((word) => toTerm(word) ?? word));

/**
 * Whether a "which X" question asks for a particular kind of thing ("which
 * bank", "which exchange") that no well-covered passage's article speaks of
 * in any form: the names it gives are of something else ("which bank will act
 * as custodian for the tokenised bonds?" — a story that names only Binance,
 * an exchange). Not for a word that any name answers (ANY_KIND) or one a
 * sentence feature answers ("which city", "which year").
 */
function asksForKindNotInArticle(index: CorpusIndex, question: AnalyzedQuestion, ranked: readonly Scored[], minCoverage: number): boolean {
  if (question.kind !== "which") return false;
  const kinds = question.concepts.filter((c) => c.answerType && !c.offeredBy && !ANY_KIND.has(soleTerm(c) ?? ""));
  if (kinds.length === 0) return false;
  // Any well-covered passage may be quoted: its article may speak of the kind asked for.
  const articles = new Set(ranked.filter((r, at) => at === 0 || r.coverage >= minCoverage).map((r) => r.passage.article));
  return [...articles].every((article) => kinds.every((c) => conceptCredit(c, index.articleTerms[article]!) === 0));
}

/** Why an answer was refused, or undefined when it was not. */
export type RefusalReason = "no concepts" | "unknown name" | "nothing retrieved" | "coverage below threshold" | "only the names match" | "only related words match" | "nothing of the kind asked";

/** The decision the answer stage takes: why it refuses (undefined when it answers), and the coverage the answer's quotes must reach. */
export interface Decision {
  refusal?: RefusalReason;
  /** The bar the best passage was held to: MIN_COVERAGE, or less when it offers what is asked (answerBar). */
  bar: number;
}

/** The decision the answer stage takes on ranked passages (see `answer`). */
export function decide(index: CorpusIndex, analyzed: AnalyzedQuestion, ranked: Scored[], minCoverage: number): Decision {
  const bar = ranked[0] ? answerBar(index, analyzed, ranked[0], minCoverage) : minCoverage;
  const refuse = (refusal: RefusalReason): Decision => ({ refusal, bar });
  if (analyzed.concepts.length === 0) return refuse("no concepts");
  if (analyzed.concepts.some((c) => c.entity && !c.known)) return refuse("unknown name");
  if (asksForUnheardOfRole(index, analyzed)) return refuse("nothing of the kind asked");
  if (ranked.length === 0) return refuse("nothing retrieved");
  if (ranked[0]!.coverage < bar) return refuse("coverage below threshold");
  if (!aboutTopic(index, analyzed, ranked[0]!.passage)) return refuse("only the names match");
  if (!sharesAWord(index, analyzed, ranked[0]!.passage)) return refuse("only related words match");
  // The kind asked for, never spoken of, is evidence against a passage that only just covers the question: it must
  // clear the bar raised as much as offering the kind lowers it ("which lender is building a CBDC prototype" is
  // answered by "the central bank was already building a prototype", covering all else).
  if (ranked[0]!.coverage < minCoverage / KIND_COVERAGE_SHARE && asksForKindNotInArticle(index, analyzed, ranked, minCoverage)) return refuse("nothing of the kind asked");
  // A person may be named in another well-covered sentence of the best article ("Team leader Maryam Siddiqui …"
  // under "Their app, ReliefChain, records …"): compose adds the sentence that offers what is asked.
  const named = ranked.slice(0, KIND_EVIDENCE_PASSAGES).some((r, at) => (at === 0 || (r.coverage >= minCoverage && r.passage.article === ranked[0]!.passage.article)) && namesPerson(index, analyzed, r.passage));
  if (!offersKind(index, analyzed, ranked, minCoverage, bar) || !named || !namesWhichOne(index, analyzed, ranked[0]!.passage)) return refuse("nothing of the kind asked");
  return { bar };
}
