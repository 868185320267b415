/**
 * Stage 6 — compose the quote: up to three sentences, verbatim; the same fact
 * from several articles once; the sentence that carries on from the best one
 * ("He added that …") with it; a sentence that offers what was asked when
 * none of the chosen ones does.
 */
import { type CorpusIndex, type Passage, adjacent, neighbour } from "../passage-index.ts";
import type { AnalyzedQuestion, QuestionKind } from "./types.ts";
import { type Scored, coverage, sameFact } from "./score.ts";
import { answersKind, namesSomethingNew } from "./offers.ts";
import { leavesUnnamed, needsKindEvidence, pinnedIn } from "./decide.ts";
import { carriesOn, leansBack, leansOnPronoun, pointsBack, questionBefore, topicSentenceBefore } from "./lean.ts";
import { conceptCredit } from "./expand.ts";
import { isChromeLine } from "../chrome.ts";
import { toTerm } from "../text.ts";
import { ANTECEDENT_CREDIT, COMPANION_COVERAGE, COMPANION_RATIO, KIND_COVERAGE_SHARE, LEAD_IN_NEW_TERMS, LEAD_IN_WORDS, MAX_CITATIONS_PER_SENTENCE, MAX_SENTENCES } from "./weights.ts";

/**
 * The verbatim text of a passage, extended back to the sentence before when
 * this one leans on it for what the question names ("The committee, chaired
 * by …" after the sentence that names the committee), and on to the next
 * sentence of its paragraph when that one carries on from it ("He added that
 * no such framework currently exists") and the question wants an explanation
 * or a fact, or the next sentence offers what was asked and this one does not.
 * `quoted` is what the answer quotes already: a sentence is quoted once.
 */
function quoteFor(index: CorpusIndex, passage: Passage, question: AnalyzedQuestion, quoted: readonly string[] = []): string {
  const before = quotable(neighbour(index, passage, -1));
  const next = quotable(neighbour(index, passage, 1));
  const first = before && !quoted.some((q) => q.includes(before.text)) && namesWhatItLeansOn(index, question, passage, before) ? speakerBefore(index, question, before) : passage;
  const last = next && follows(index, question, passage, next) ? next : passage;
  if (first === passage && last === passage) return passage.text;
  const paragraph = index.articles[passage.article]!.paragraphs[passage.paragraph]!;
  return paragraph.slice(paragraph.indexOf(first.text), paragraph.indexOf(last.text) + last.text.length);
}

/**
 * Whether a sentence leans on the one before ("He …", "The committee …", a
 * reply after the question it answers) for something the question names or asks: the sentence before has a concept of
 * the question that this one lacks, or offers the kind of answer asked for
 * when this one does not, or names who a pronoun is ("who said …?" — "“…,”
 * he said" after the sentence that names him).
 */
function namesWhatItLeansOn(index: CorpusIndex, question: AnalyzedQuestion, passage: Passage, before: Passage): boolean {
  const asked = questionBefore(index, passage);
  const replies = asked.some((q) => q.id === before.id);
  if (!leansBack(passage.text) && !replies) return false;
  if (answersKind(passage, question) === false && answersKind(before, question) === true) return true;
  // "who said …?" — "“…,” he said" after "Bosal noted that …": the one sentence that names who "he" is.
  if (question.kind === "who" && leansOnPronoun(passage.text) && namesSomeone(index, question, before)) return true;
  // A reply leans on all of its question: "Q: Some people say crypto is gambling. Do you agree?"
  const leanedOn = replies ? asked : [before];
  return question.concepts.some((c) => !c.answerType && leanedOn.some((q) => conceptCredit(c, q.terms) > conceptCredit(c, passage.terms)));
}

/**
 * For "who said …?", the sentence that names the speaker when the one leaned
 * on names nobody but leans on its own sentence before, in the paragraph:
 * "Nasir Shah told reporters that … . “Thar produces more power …,” he said.
 * “Mining lets us sell it …”" is quoted from Nasir Shah.
 */
function speakerBefore(index: CorpusIndex, question: AnalyzedQuestion, before: Passage): Passage {
  if (question.kind !== "who" || namesSomeone(index, question, before) || !leansOnPronoun(before.text)) return before;
  const further = quotable(neighbour(index, before, -1));
  return further && namesSomeone(index, question, further) ? further : before;
}

/**
 * Whether a sentence names someone the question does not: a capitalised name
 * inside it, or a name that opens it ("Bosal noted that …") — a word English
 * does not have.
 */
function namesSomeone(index: CorpusIndex, question: AnalyzedQuestion, passage: Passage): boolean {
  if (namesSomethingNew(passage, question)) return true;
  const opening = /^\p{Lu}\p{Ll}+/u.exec(passage.text)?.[0];
  const term = opening === undefined ? null : toTerm(opening);
  return term !== null && !index.isEnglish(term) && !question.ownTerms.has(term) && !question.reach.has(term);
}

/** A sentence beside a chosen one, unless it is chrome a cleaning rule missed: that is never quoted. */
const quotable = (passage: Passage | undefined): Passage | undefined => (passage && !isChromeLine(passage.text) ? passage : undefined);

export interface Chosen {
  lead: Scored;
  quote: string;
  also: Scored[];
}

export function choose(index: CorpusIndex, question: AnalyzedQuestion, ranked: Scored[], minCoverage: number): Chosen[] {
  const best = ranked[0]!;
  const chosen: Chosen[] = [];
  for (const candidate of ranked) {
    const bar = candidate === best ? minCoverage : Math.max(minCoverage, COMPANION_COVERAGE);
    if (candidate.coverage < bar || candidate.score < best.score * COMPANION_RATIO) continue;
    const same = chosen.find((c) => sameFact(index, c.lead.passage, candidate.passage, question));
    if (same) {
      const otherArticle = [same.lead, ...same.also].every((s) => s.passage.article !== candidate.passage.article);
      if (otherArticle && same.also.length + 1 < MAX_CITATIONS_PER_SENTENCE) same.also.push(candidate);
      continue;
    }
    if (chosen.length >= MAX_SENTENCES) continue;
    const quote = quoteFor(index, candidate.passage, question, chosen.map((c) => c.quote));
    if (chosen.some((c) => c.quote.includes(candidate.passage.text))) continue;
    chosen.push({ lead: candidate, quote, also: [] });
  }
  return deciderFirst(index, question, withAntecedent(index, question, withFollowOn(index, question, withWhatWasAsked(index, question, ranked, chosen, minCoverage))));
}

/**
 * For a yes/no question, the quote that settles it ("He described the body as
 * advisory rather than regulatory" for "is the pcc a regulator") first, when
 * the best-ranked one only speaks of the subject and the settling one names
 * whom or what the question names, itself or in the sentence it leans on
 * (ANTECEDENT_CREDIT): "… according to bosal" leads with Bosal's words.
 */
function deciderFirst(index: CorpusIndex, question: AnalyzedQuestion, chosen: Chosen[]): Chosen[] {
  if (question.kind !== "yesno" || chosen.length < 2 || answersKind(chosen[0]!.lead.passage, question) === true) return chosen;
  const names = question.concepts.filter((c) => c.name || c.entity);
  const namesAll = (c: Chosen) => names.length === 0 || coverage(index, { ...question, concepts: names }, c.lead.passage) >= ANTECEDENT_CREDIT;
  const at = chosen.findIndex((c) => answersKind(c.lead.passage, question) === true && namesAll(c));
  return at > 0 ? [chosen[at]!, ...chosen.filter((_, k) => k !== at)] : chosen;
}

/**
 * When the best sentence opens its paragraph leaning on the last sentence of
 * the paragraph before for what the question names ("The committee, chaired
 * by …" after "The Senate Standing Committee on Finance … recommended …"),
 * that sentence is quoted first, as its own verbatim quote — moved up if the
 * answer quotes it further down.
 */
function withAntecedent(index: CorpusIndex, question: AnalyzedQuestion, chosen: Chosen[]): Chosen[] {
  const [first] = chosen;
  if (!first) return chosen;
  const lead = first.lead.passage;
  const before = quotable(antecedentOf(index, lead));
  if (!before || before.paragraph === lead.paragraph || !first.quote.startsWith(lead.text) || !namesWhatItLeansOn(index, question, lead, before)) return chosen;
  const quoted = chosen.findIndex((c) => c.quote.includes(before.text));
  if (quoted > 0) return [chosen[quoted]!, ...chosen.filter((_, k) => k !== quoted)];
  // An interview's answer is quoted after its whole question ("Q: Some people say crypto is gambling. Do you agree?").
  const asked = questionBefore(index, lead);
  const quote = asked.length > 1 ? index.articles[lead.article]!.paragraphs[before.paragraph]! : before.text;
  return [{ lead: { ...first.lead, passage: before }, quote, also: [] }, ...chosen].slice(0, MAX_SENTENCES);
}

/**
 * The sentence a paragraph's first sentence leans on: the last of the
 * paragraph before — or, when that one leans back itself and this one opens
 * with a definite description ("The two-day gathering, held at …" after "The
 * task now, he said, …"), the first of that paragraph, which named what it is
 * about (as score.ts credits it).
 */
function antecedentOf(index: CorpusIndex, lead: Passage): Passage | undefined {
  const before = adjacent(index, lead, -1);
  return before && leansBack(before.text) ? (topicSentenceBefore(index, lead) ?? before) : before;
}

/**
 * A sentence too short to say more than that something follows: "Some lawyers
 * in Peshawar were sceptical.", "Not everyone agrees.", "The terms are:". What
 * they were sceptical of is in the next sentence.
 */
const leadsIn = (index: CorpusIndex, question: AnalyzedQuestion, passage: Passage): boolean =>
  /:$/.test(passage.text.trim()) || passage.text.split(/\s+/).length <= LEAD_IN_WORDS || addsLittle(index, question, passage);

/**
 * A sentence that says little beyond the question's own words ("Within weeks,
 * however, the International Monetary Fund raised objections." for "what did
 * the IMF object to"): what the question asks is in the sentence after it.
 */
function addsLittle(index: CorpusIndex, question: AnalyzedQuestion, passage: Passage): boolean {
  let added = 0;
  for (let i = 0; i < passage.terms.length; i++) if (!question.reach.has(index.termText[passage.terms[i]!]!) && ++added > LEAD_IN_NEW_TERMS) return false;
  return true;
}

/** A question for the way something was or is done: "how did they steal it", "how will the bonds be sold" — not "how many", "how long". */
const ASKS_HOW = /^\s*how\s+(?:did|does|do|will|would|can|could|is|are|was|were|has|have|had)\b/i;

/** Kinds whose answer the next sentence of the paragraph may give when the chosen one does not: a figure, a date. */
const FIGURE_NEXT = new Set<QuestionKind>(["number", "when"]);

/** Whether the sentence after a chosen one should be quoted with it (see quoteFor). */
function follows(index: CorpusIndex, question: AnalyzedQuestion, passage: Passage, next: Passage): boolean {
  // "Non-bank companies would not be allowed to issue stablecoins … Officials said the restriction was meant to
  // protect consumers": the reason a why-question asks for, given in the sentence after what it asks about.
  if (question.kind === "why" && answersKind(passage, question) === false && answersKind(next, question) === true) return true;
  // "… added stronger penalties for unlicensed firms. Operating without a licence will now carry a fine of up to
  // Rs100 million": the figure or date asked for, in the sentence after the one about it (decide looks there too).
  if (FIGURE_NEXT.has(question.kind) && next.paragraph === passage.paragraph && answersKind(passage, question) === false && answersKind(next, question) === true) return true;
  // "… will run the courses, its chairman said on Monday." — "Dr Mukhtar Ahmed said the programme …": the person a
  // question about an office's holder asks for, named in the next sentence, of the paragraph or the one after.
  if (question.person && answersKind(passage, question) === false && next.features.person && (answersKind(next, question) === true || passage.features.office)) return true;
  // "… with three commercial banks." — "The banks taking part are Meezan Bank, …": the names a which-question asks for.
  if (leavesUnnamed(question, passage) && answersKind(next, question) === true) return true;
  // The reply to the question a sentence reports ("Senator Mohsin Aziz asked whether the reserve could be sold to pay
  // debt.") or an interview puts ("Q: When will stablecoins be allowed?" — "A: Not before …").
  if (questionBefore(index, next).some((q) => q.id === passage.id)) return true;
  // "… the board approved a complaint portal." — "Citizens will be able to use it to report scams": the next sentence
  // of the paragraph speaks of the same thing and holds words of the question the chosen one lacks.
  if (next.paragraph === passage.paragraph && pointsBack(next.text) && addsWordsAsked(question, passage, next)) return true;
  // "how did the suspects steal the money?" — "The suspects … worked as backend developers at WalletPK." —
  // "Investigators allege they copied private keys …": how it was done, told in the sentence that goes on about them.
  if (ASKS_HOW.test(question.text) && next.paragraph === passage.paragraph && pointsBack(next.text)) return true;
  if (!carriesOn(next.text) && !leadsIn(index, question, passage)) return false;
  const explains = question.kind === "why" || question.kind === "define" || question.kind === "fact" || question.kind === "yesno";
  return explains || (answersKind(passage, question) === false && answersKind(next, question) === true);
}

/** Whether the next sentence holds a word of the question the chosen one lacks (not only a word naming the kind of answer). */
const addsWordsAsked = (question: AnalyzedQuestion, passage: Passage, next: Passage): boolean =>
  question.concepts.some((c) => !c.answerType && conceptCredit(c, next.terms) === 1 && conceptCredit(c, passage.terms) === 0);

/**
 * When the best sentence ends its paragraph and the next paragraph opens by
 * carrying on from it ("With that in mind, the board approved a complaint
 * portal"), that sentence is quoted too, right after it, as its own verbatim
 * quote from the same article.
 */
function withFollowOn(index: CorpusIndex, question: AnalyzedQuestion, chosen: Chosen[]): Chosen[] {
  const [first] = chosen;
  if (!first) return chosen;
  const next = quotable(adjacent(index, first.lead.passage, 1));
  if (!next || next.paragraph === first.lead.passage.paragraph || !follows(index, question, first.lead.passage, next)) return chosen;
  if (chosen.some((c) => c.quote.includes(next.text))) return chosen;
  return [first, { lead: { ...first.lead, passage: next }, quote: next.text, also: [] }, ...chosen.slice(1)].slice(0, MAX_SENTENCES);
}

/**
 * When no chosen sentence offers what the question asks for (the names for
 * "which districts…?", a date for "when…?"), adds the best-ranked sentence
 * that does — from the best answer's article if one there does — if it still covers the question — in place of the last chosen
 * one when the answer is full: a sentence with the date asked for is worth
 * more than a third that only restates the question.
 */
function withWhatWasAsked(index: CorpusIndex, question: AnalyzedQuestion, ranked: Scored[], chosen: Chosen[], minCoverage: number): Chosen[] {
  // As ranking read it: "how many X" and "how much X" are answered by a quantity of X, not by any number (score.ts).
  const gives = (r: Scored) => answersKind(r.passage, question) === true && (r.parts === undefined || r.parts.kind > 0);
  if (chosen.some((c) => answersKind(c.lead.passage, question) === undefined || gives(c.lead))) return chosen;
  // Where decide demands what is asked (a sum, a count, a name), the sentence it took as evidence may be held to the
  // bar lowered for one that gives it with every name pinning the subject.
  const lowered = needsKindEvidence(question) ? minCoverage * KIND_COVERAGE_SHARE : minCoverage;
  const covers = (r: Scored) => r.coverage >= minCoverage || (r.coverage >= lowered && pinnedIn(question, r.passage));
  const offers = (r: Scored) => covers(r) && gives(r) && !chosen.some((c) => c.quote.includes(r.passage.text) || sameFact(index, c.lead.passage, r.passage, question));
  // From the best answer's own article first: "where will the miners' power come from" is answered by the tariff
  // story's "plants in the south", not by another story's hydropower ranked above it.
  const lead = chosen[0]?.lead.passage.article;
  const extra = ranked.find((r) => r.passage.article === lead && offers(r)) ?? ranked.find(offers);
  if (!extra) return chosen;
  const kept = chosen.slice(0, MAX_SENTENCES - 1);
  return [...kept, { lead: extra, quote: quoteFor(index, extra.passage, question, kept.map((c) => c.quote)), also: [] }];
}
