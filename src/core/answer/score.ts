/**
 * Stage 4 — score passages: the sentences of the retrieved articles, by their
 * coverage of the question (with the sentences beside them and the title),
 * their own match, the article's score, and whether they offer the kind of
 * answer asked for (offers.ts). Also shared with summaries, timelines and
 * digests: coverage, the same-fact test.
 */
import { isChromeLine } from "../chrome.ts";
import { CALENDAR_NAMES, featuresOf } from "../features.ts";
import type { CorpusIndex, Passage } from "../passage-index.ts";
import { inInterviewAnswer, inQuestion, isListItem, leansBack, leansOn, listIntroduction, nextAfter, questionBefore, reportsQuestion, topicSentenceBefore } from "./lean.ts";
import { answersKind } from "./offers.ts";
import { type TermIds, hasTerm } from "../term-ids.ts";
import { terms, toTerm } from "../text.ts";
import type { AnalyzedQuestion, Concept } from "./types.ts";
import { CALENDAR_TERMS, conceptCredit, conceptShare, soleTerm } from "./expand.ts";
import { bestArticles } from "./retrieve.ts";
import { surnameOfAnother } from "./names.ts";
import { ANTECEDENT_CREDIT, CANDIDATES, COUNT_REACH, NEXT_DOOR, FIRST_STAGE_ARTICLE, KIND_BONUS, LEANING_ARTICLES, PHRASE_BONUS, LEANING_SENTENCES, REPLY_CREDIT, LONG_SENTENCE_PENALTY, LONG_SENTENCE_TERMS, NEIGHBOUR_CREDIT, PINNING_NAME_WEIGHT, REPORTED_QUESTION_CREDIT, SAME_FACT, SAME_FACT_WITH_NUMBER, SCORE_ARTICLE, SCORE_COVERAGE, SCORE_OWN, SHORTLIST, TITLE_CREDIT, TOP_ARTICLES, TOPIC_BEFORE_CREDIT } from "./weights.ts";

export interface Scored {
  passage: Passage;
  coverage: number;
  score: number;
  /** What the score is made of (see SCORE_COVERAGE in weights.ts), for --explain. */
  parts?: { own: number; article: number; kind: number; phrase: number; length: number };
}

/**
 * Weighted share of the question's concepts found in a passage, the sentences
 * around it, or its title — the sentence before and the title at
 * ANTECEDENT_CREDIT when the passage leans back for its subject, and the
 * first sentence of the paragraph before at TOPIC_BEFORE_CREDIT when a
 * definite description opens its paragraph.
 */
export function coverage(index: CorpusIndex, question: AnalyzedQuestion, passage: Passage): number {
  const before = isListItem(passage.text) ? listIntroduction(index, passage) : index.passages.termsBeside(passage, -1);
  const after = index.passages.termsBeside(passage, 1);
  // A reply leans on the question reported before it ("Senator Aziz asked whether the reserve could be sold to pay
  // debt. Bosal said the law did not allow it"); the reported question's own words are the question's, not an answer.
  const asking = questionBefore(index, passage);
  const leans = leansBack(passage.text) || asking.length > 0;
  // The question's sentences before the last, which `before` holds.
  const replyTo = asking.slice(0, -1).map((p) => p.terms);
  const asked = reportsQuestion(passage.text) || inQuestion(index, passage) ? REPORTED_QUESTION_CREDIT : 1;
  const beforeCredit = asking.length > 0 ? REPLY_CREDIT : leans ? ANTECEDENT_CREDIT : NEIGHBOUR_CREDIT;
  // A definite description opening a paragraph (which leans back) takes the words of the paragraph before's first sentence.
  const topicBefore = topicSentenceBefore(index, passage)?.terms;
  // An interviewee's answer is in the words of the person the article's opening names (read once, when a name needs it).
  let interviewee: boolean | undefined;
  const byInterviewee = () => (interviewee ??= inInterviewAnswer(index, passage));
  let total = 0;
  let found = 0;
  for (const concept of question.concepts) {
    total += concept.weight;
    // "Imdad Ullah Bosal" is not "saleem ullah", though it has his surname.
    const own = surnameOfAnother(index, concept, passage.text) ? 0 : asked * (concept.offeredBy && passage.features[concept.offeredBy] ? 1 : conceptCredit(concept, passage.terms));
    // An interview's answer takes the words of its whole question ("Q: Some people say crypto is gambling. Do you agree?").
    const prior = Math.max(before ? beforeCredit * conceptCredit(concept, before) : 0, topicBefore ? TOPIC_BEFORE_CREDIT * conceptCredit(concept, topicBefore) : 0, ...replyTo.map((terms) => REPLY_CREDIT * conceptCredit(concept, terms)));
    const later = after ? NEIGHBOUR_CREDIT * conceptCredit(concept, after) : 0;
    const title = (leans ? ANTECEDENT_CREDIT : TITLE_CREDIT) * conceptCredit(concept, index.titleTerms[passage.article]!);
    const named = concept.name && own < 1 ? ANTECEDENT_CREDIT * Math.max(leans ? namedEarlier(index, concept, passage) : 0, byInterviewee() ? namedInOpening(index, concept, passage.article) : 0) : 0;
    const near = Math.max(own, prior, later, named);
    // What a how-many question counts is checked by counts(): "how many pakistanis trade …" is answered by "1.5 million people who trade …".
    const counted = question.counted?.includes(soleTerm(concept) ?? "") ?? false;
    if (near === 0 && !counted && namesPlace(index, concept) && (title === 0 || !mainPlace(index, concept, passage.article))) return 0;
    found += concept.weight * Math.max(near, title, TITLE_CREDIT * datedIn(index, concept, passage.article));
  }
  return total === 0 ? 0 : found / total;
}

/** 1 when a month the question names is the month of the article's date ("which country … in november"), else 0. */
function datedIn(index: CorpusIndex, concept: Concept, article: number): number {
  const term = soleTerm(concept);
  const month = term === undefined ? -1 : MONTH_TERMS.indexOf(term);
  return month >= 0 && Number(index.articles[article]!.date?.slice(5, 7)) === month + 1 ? 1 : 0;
}

/** The months, as terms, January first. */
const MONTH_TERMS = CALENDAR_NAMES.split("|").slice(0, 12).map((name) => toTerm(name) ?? name);

/**
 * A name English has for a place or a people ("India", "ethiopia", "Turkey"),
 * WordNet's proper nouns: a passage that neither names it nor stands beside
 * or under a headline that does is about somewhere else, however much the
 * article mentions it — "what is the tariff for miners in ethiopia" is not
 * answered with Pakistan's tariff from an article that mentions Ethiopia
 * further down. A place in a fifth of all sentences (PINNING_NAME_WEIGHT:
 * "Pakistan" here) is where every article is.
 */
function namesPlace(index: CorpusIndex, concept: Concept): boolean {
  const term = soleTerm(concept);
  return (concept.entity || concept.name) && concept.weight > PINNING_NAME_WEIGHT && term !== undefined && index.isProperNoun(term) && !CALENDAR_TERMS.has(term);
}

/**
 * Whether a place is the one its article's headline puts first — what the
 * article is about, not only named in it: "Pakistan climbs to third …, behind
 * only India and the US" does not make the article's "the country's new
 * regulator" India's; "In Dubai, Saqib pitches …" is about Dubai.
 */
function mainPlace(index: CorpusIndex, concept: Concept, article: number): boolean {
  const first = terms(index.articles[article]!.title).find((term) => index.isProperNoun(term));
  const id = first === undefined ? undefined : index.vocabulary.get(first);
  // By any of the place's names: "american" asks about the "US lawmakers" of the headline.
  return first !== undefined && (concept.alts[0]![0] === first || (id !== undefined && concept.expansions.some((alt) => alt.length === 1 && (alt[0]!.get(id) ?? 0) > 0)));
}

/**
 * How well the sentences of a passage's paragraph before the one right before
 * it name a concept: "Bosal noted … “…,” he said. He added that no such
 * framework exists" — the "he" of the third sentence is Bosal.
 */
function namedEarlier(index: CorpusIndex, concept: Concept, passage: Passage): number {
  let best = 0;
  for (let id = passage.id - 2; id >= passage.id - passage.sentence && best < 1; id--) best = Math.max(best, conceptCredit(concept, index.passages.termsAt(id)));
  return best;
}

/** How well the sentences of an article's opening paragraph name a concept (who an interview is with). */
function namedInOpening(index: CorpusIndex, concept: Concept, article: number): number {
  const { first, end } = index.passages.idsOf(article);
  const opening = index.passages.at(first)!.paragraph;
  let best = 0;
  for (let id = first; id < end && index.passages.at(id)!.paragraph === opening && best < 1; id++) best = Math.max(best, conceptCredit(concept, index.passages.termsAt(id)));
  return best;
}

/** True when two sentences report the same fact: most words shared, or a number and many words. */
export function sameFact(index: CorpusIndex, a: Passage, b: Passage, question?: AnalyzedQuestion): boolean {
  let shared = 0;
  let sharedNumber = false;
  for (let i = 0; i < a.terms.length; i++) {
    const id = a.terms[i]!;
    if (!hasTerm(b.terms, id)) continue;
    shared++;
    const term = index.termText[id]!;
    if (!sharedNumber && /^\d{2,}/.test(term) && !question?.searchTerms.includes(term)) sharedNumber = true;
  }
  const containment = shared / Math.max(1, Math.min(a.terms.length, b.terms.length));
  return containment >= SAME_FACT || (sharedNumber && containment >= SAME_FACT_WITH_NUMBER);
}

/** Every named thing in the question appears somewhere in the passage's article. */
export function entitiesInArticle(index: CorpusIndex, question: AnalyzedQuestion, passage: Passage): boolean {
  const terms = index.articleTerms[passage.article]!;
  return question.concepts.every((c) => !(c.entity || c.name) || conceptCredit(c, terms) > 0);
}

/** Every term id any concept of the question can be credited for. */
function conceptTermIds(question: AnalyzedQuestion): Set<number> {
  const ids = new Set<number>();
  for (const concept of question.concepts) for (const alt of concept.expansions) for (const expansion of alt) for (const id of expansion.keys()) ids.add(id);
  return ids;
}

function holdsAny(terms: TermIds, wanted: ReadonlySet<number>): boolean {
  for (let i = 0; i < terms.length; i++) if (wanted.has(terms[i]!)) return true;
  return false;
}

/**
 * Words of a sentence as written. Not text.ts's tokenize: it turns "2,000"
 * into "2000", which would read as a year rather than a quantity.
 */
const WORDS = /\p{L}[\p{L}\p{M}'’]*|\d[\d,.]*/gu;

/**
 * A quantity that counts one of `counted` ("thousands of jobs", "2,000
 * megawatts" for "how many megawatts"): a number word or figure at most
 * COUNT_REACH words before a word with that term. A head count of people
 * or of bodies of them is answered by any noun WordNet files with them
 * ("how many people work in the team" — "41 staff"; "how many companies" —
 * "five firms").
 */
export function counts(index: CorpusIndex, text: string, counted: readonly string[]): boolean {
  // "How many times …?" — "once", "twice".
  if (counted.includes("time") && /\b(?:once|twice|thrice)\b/i.test(text)) return true;
  const words = [...text.matchAll(WORDS)].map(([w]) => w);
  const headCount = counted.some((term) => index.isCollective(term));
  const isCounted = (term: string) => counted.includes(term) || (headCount && index.isCollective(term));
  return words.some((word, i) => isCounted(toTerm(word) ?? "") && (countedBefore(words, i, isCounted) || numberedAfter(words, i)));
}

/**
 * Whether a quantity stands within COUNT_REACH words before the word at `i`
 * with no other plural noun between to count instead: "thousands of new
 * jobs" counts jobs, "12 million users follow bitcoin" counts users, not
 * bitcoin.
 */
function countedBefore(words: readonly string[], i: number, isCounted: (term: string) => boolean): boolean {
  for (let k = i - 1; k >= Math.max(0, i - COUNT_REACH); k--) {
    if (featuresOf(words[k]!).quantity) return true;
    if (PLURAL.test(words[k]!) && !isCounted(toTerm(words[k]!) ?? "")) return false;
  }
  return false;
}

/** A word that reads as a plural noun ("users", "exchanges"), not "this", "less" or "us". */
const PLURAL = /^\p{Ll}{3,}[^s'’]s$/u;

/**
 * Words that give the number of what came before them: "coins, of which there
 * are about 1,200", "staff, numbering 40", "the site was chosen from a
 * shortlist of five".
 */
const GIVES_NUMBER = /\b(?:of which|there (?:are|were|is|was)|number(?:s|ed|ing)?|total(?:s|led|ling)?|stands? at|stood at|(?:one|chosen|picked|selected) (?:of|from|out of)(?: an?| the)?(?: \S+)? (?:list|shortlist|field|pool|group|set) of)\b/i;

/** How many words after a counted word its number may stand, when words between give it ("…, of which officials say there are already about 1,200"). */
const NUMBER_AFTER_REACH = 10;

/** Whether a quantity follows the word at `i` within reach, with words between that give its number. */
function numberedAfter(words: readonly string[], i: number): boolean {
  const after = words.slice(i + 1, i + 1 + NUMBER_AFTER_REACH);
  const at = after.findIndex((word) => featuresOf(word).quantity);
  return at > 0 && GIVES_NUMBER.test(after.slice(0, at).join(" "));
}

/**
 * The question's concepts that stand side by side in it, in pairs
 * ("pakistan digital authority": pakistan–digital, digital–authority). Not
 * the words naming the kind of answer.
 */
function wordPairs(question: AnalyzedQuestion): [Concept, Concept][] {
  const text = question.text.toLowerCase();
  const asked = question.concepts.filter((c) => !c.answerType);
  return asked.slice(1).flatMap((c, i): [Concept, Concept][] => (text.includes(`${asked[i]!.label} ${c.label}`.toLowerCase()) ? [[asked[i]!, c]] : []));
}

/**
 * The share of word pairs a sentence has side by side (each word in any form
 * a concept reaches at full credit). Its words are read only when it holds
 * both words of some pair.
 */
function sideBySide(index: CorpusIndex, pairs: readonly [Concept, Concept][], passage: Passage): number {
  const held = pairs.filter(([a, b]) => conceptCredit(a, passage.terms) === 1 && conceptCredit(b, passage.terms) === 1);
  if (held.length === 0) return 0;
  const ids = terms(passage.text).map((term) => index.vocabulary.get(term) ?? -1);
  const reaches = (c: Concept, id: number) => id >= 0 && c.expansions.some((alt) => alt.some((expansion) => expansion.get(id) === 1));
  let found = 0;
  for (const [a, b] of held) if (ids.some((id, i) => i + 1 < ids.length && reaches(a, id) && reaches(b, ids[i + 1]!))) found++;
  return found / pairs.length;
}

/**
 * The sentences right after the best shortlisted ones that lean on them ("It
 * was only a question of when, not if, …, he told the gathering" after the
 * sentence naming Aurangzeb): they may hold the answer while sharing no word
 * with the question, so they are scored too — by what they take from the
 * sentence before (see coverage) and what they offer.
 */
function nextDoor<T extends { passage: Passage; article: number }>(index: CorpusIndex, question: AnalyzedQuestion, shortlist: readonly T[]): { passage: Passage; own: number; article: number; kindBonus: number }[] {
  const listed = new Set(shortlist.map((s) => s.passage.id));
  const found: { passage: Passage; own: number; article: number; kindBonus: number }[] = [];
  for (const { passage, article } of shortlist.slice(0, NEXT_DOOR)) {
    // An interview's answer opens the paragraph after its question.
    const next = nextAfter(index, passage);
    if (!next || listed.has(next.id) || !leansOn(index, next) || isChromeLine(next.text)) continue;
    listed.add(next.id);
    found.push({ passage: next, own: conceptShare(question, next.terms), article, kindBonus: answersKind(next, question) ? KIND_BONUS : 0 });
  }
  return found;
}

/**
 * Searches in two stages and re-ranks: MiniSearch finds the best articles;
 * their sentences are scored by their own match, and the best of those by
 * coverage of the question (with the sentences around them and the title),
 * the article's search score, and the kind of answer asked for.
 */
export function rank(index: CorpusIndex, question: AnalyzedQuestion, candidates = CANDIDATES): Scored[] {
  if (question.retrieval.size === 0) return [];
  const articles = bestArticles(index, question, Math.max(TOP_ARTICLES, Math.ceil(candidates / 5)));
  // Sentences are scored from the term columns; only those that share a concept become passages
  // (text and features), so a 20,000-sentence article costs a scan of its ids, not 20,000 objects.
  const pool: { passage: Passage; own: number; article: number; kindBonus: number; first: number }[] = [];
  const wanted = conceptTermIds(question);
  for (const [rankOf, hit] of articles.entries()) {
    const { first, end } = index.passages.idsOf(hit.id);
    // In the best articles, a sentence that leans on the one before may give what is asked in none of the question's
    // words ("She told lawmakers the measure … would take effect from July 1, 2026"): its headline and neighbours carry them.
    const leaning = rankOf < LEANING_ARTICLES && end - first <= LEANING_SENTENCES;
    for (let id = first; id < end; id++) {
      const terms = index.passages.termsAt(id);
      const own = holdsAny(terms, wanted) ? conceptShare(question, terms) : 0;
      if (own === 0 && !leaning) continue;
      const passage = index.passages.at(id)!;
      // Chrome a cleaning rule missed (a corpus file written by hand, an old ingest) is never quoted.
      if (isChromeLine(passage.text)) continue;
      const offers = answersKind(passage, question);
      if (own === 0 && !(offers && leansBack(passage.text))) continue;
      const kindBonus = offers ? KIND_BONUS : 0;
      pool.push({ passage, own, article: hit.score, kindBonus, first: own + FIRST_STAGE_ARTICLE * hit.score + kindBonus });
    }
  }
  const pairs = wordPairs(question);
  const shortlist = pool.sort((a, b) => b.first - a.first || a.passage.id - b.passage.id).slice(0, Math.max(SHORTLIST, candidates));
  return [...shortlist, ...nextDoor(index, question, shortlist)]
    .map(({ passage, own, article, kindBonus: offered }) => {
      // "How many X": a number offers the answer only where it counts X (read for the shortlist alone: it reads words).
      // "How much X": a sum, or a quantity of X ("about 10,000 bitcoin") — not any number ("800,000 people").
      const uncounted = (question.counted && !counts(index, passage.text, question.counted)) || (question.measured && !passage.features.amount && !counts(index, passage.text, question.measured));
      const kindBonus = offered > 0 && uncounted ? 0 : offered;
      const cover = entitiesInArticle(index, question, passage) ? coverage(index, question, passage) : 0;
      const lengthPenalty = passage.terms.length > LONG_SENTENCE_TERMS ? LONG_SENTENCE_PENALTY : 0;
      const phrase = pairs.length === 0 ? 0 : PHRASE_BONUS * sideBySide(index, pairs, passage);
      return { passage, coverage: cover, score: SCORE_COVERAGE * cover + SCORE_OWN * own + SCORE_ARTICLE * article + kindBonus + phrase - lengthPenalty, parts: { own, article, kind: kindBonus, phrase, length: lengthPenalty } };
    })
    .sort((a, b) => b.score - a.score || a.passage.id - b.passage.id)
    .slice(0, candidates);
}
