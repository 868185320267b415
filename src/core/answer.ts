/**
 * Cited answers: 1–3 sentences quoted verbatim from the corpus, each with a
 * numbered citation, or a refusal that points to the closest articles when no
 * passage covers what the question asks about.
 */
import type { Citation } from "./article.ts";
import { type Passage, type CorpusIndex, adjacent, neighbour } from "./passage-index.ts";
import { type AnalyzedQuestion, analyze } from "./query.ts";
import { CARRIES_ON, type Scored, aboutTopic, answersKind, rank, sameFact } from "./relevance.ts";
import { COMPANION_COVERAGE, COMPANION_RATIO, MAX_CITATIONS_PER_SENTENCE, MAX_SENTENCES, MIN_COVERAGE } from "./weights.ts";

export interface RelatedArticle {
  title: string;
  source: string;
  date: string;
  url: string;
}

export interface Answer {
  question: string;
  /** The quoted sentences with [n] markers, or the refusal message. */
  answer: string;
  /** The same sentences, each with the citation numbers that support it. */
  sentences: { text: string; cites: number[] }[];
  abstained: boolean;
  citations: Citation[];
  /** On a refusal, up to three articles closest to the question. */
  related: RelatedArticle[];
}

export const REFUSAL = "I can't answer that from the articles I have.";

/**
 * The verbatim text of a passage, extended by the next sentence of its
 * paragraph when that one carries on from it ("He added that no such
 * framework currently exists") and the question wants an explanation or a
 * fact, or the next sentence offers what was asked and this one does not.
 */
function quoteFor(index: CorpusIndex, passage: Passage, question: AnalyzedQuestion): string {
  const next = neighbour(index, passage, 1);
  if (!next || !follows(question, passage, next)) return passage.text;
  const paragraph = index.articles[passage.article]!.paragraphs[passage.paragraph]!;
  return paragraph.slice(paragraph.indexOf(passage.text), paragraph.indexOf(next.text) + next.text.length);
}

/** The citation fields for a passage's article. */
export function citationFor(index: CorpusIndex, passage: Passage, n: number, quote: string): Citation {
  const article = index.articles[passage.article]!;
  return {
    n,
    title: article.title,
    source: article.source ?? "",
    date: article.date ?? "",
    url: article.url ?? "",
    approximate: article.dateNote !== undefined,
    quote,
  };
}

interface Chosen {
  lead: Scored;
  quote: string;
  also: Scored[];
}

function choose(index: CorpusIndex, question: AnalyzedQuestion, ranked: Scored[], minCoverage: number): Chosen[] {
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
    const quote = quoteFor(index, candidate.passage, question);
    if (chosen.some((c) => c.quote.includes(candidate.passage.text))) continue;
    chosen.push({ lead: candidate, quote, also: [] });
  }
  return withFollowOn(index, question, withWhatWasAsked(index, question, ranked, chosen, minCoverage));
}

/** Whether the sentence after a chosen one should be quoted with it (see quoteFor). */
function follows(question: AnalyzedQuestion, passage: Passage, next: Passage): boolean {
  if (!CARRIES_ON.test(next.text)) return false;
  const explains = question.kind === "why" || question.kind === "define" || question.kind === "fact";
  return explains || (answersKind(passage, question) === false && answersKind(next, question) === true);
}

/**
 * When the best sentence ends its paragraph and the next paragraph opens by
 * carrying on from it ("With that in mind, the board approved a complaint
 * portal"), that sentence is quoted too, right after it, as its own verbatim
 * quote from the same article.
 */
function withFollowOn(index: CorpusIndex, question: AnalyzedQuestion, chosen: Chosen[]): Chosen[] {
  const [first] = chosen;
  if (!first) return chosen;
  const next = adjacent(index, first.lead.passage, 1);
  if (!next || next.paragraph === first.lead.passage.paragraph || !follows(question, first.lead.passage, next)) return chosen;
  if (chosen.some((c) => c.quote.includes(next.text))) return chosen;
  return [first, { lead: { ...first.lead, passage: next }, quote: next.text, also: [] }, ...chosen.slice(1)];
}

/**
 * When no chosen sentence offers what the question asks for (the names for
 * "which districts…?", a date for "when…?"), adds the best-ranked sentence
 * that does, if it still covers the question.
 */
function withWhatWasAsked(index: CorpusIndex, question: AnalyzedQuestion, ranked: Scored[], chosen: Chosen[], minCoverage: number): Chosen[] {
  if (chosen.length >= MAX_SENTENCES || chosen.some((c) => answersKind(c.lead.passage, question) !== false)) return chosen;
  const extra = ranked.find((r) => r.coverage >= minCoverage && answersKind(r.passage, question) && !chosen.some((c) => c.quote.includes(r.passage.text) || sameFact(index, c.lead.passage, r.passage, question)));
  return extra ? [...chosen, { lead: extra, quote: quoteFor(index, extra.passage, question), also: [] }] : chosen;
}

export function relatedArticles(index: CorpusIndex, ranked: Scored[]): RelatedArticle[] {
  const seen = new Set<number>();
  const related: RelatedArticle[] = [];
  for (const { passage } of ranked) {
    if (seen.has(passage.article) || related.length >= 3) continue;
    seen.add(passage.article);
    const article = index.articles[passage.article]!;
    related.push({ title: article.title, source: article.source ?? "", date: article.date ?? "", url: article.url ?? "" });
  }
  return related;
}

/**
 * Answers a question from the index.
 *
 * @example answer(index, "What is PVARA?").answer
 *   // "This follows the establishment of the Pakistan Virtual Assets Regulatory Authority (PVARA) … [1]"
 */
export interface AnswerOptions {
  /** The refusal threshold (default MIN_COVERAGE); `npm run eval` varies it to show the trade-off. */
  minCoverage?: number;
}

/** Why an answer was refused, or undefined when it was not. */
export type RefusalReason = "no concepts" | "unknown name" | "nothing retrieved" | "coverage below threshold" | "only the names match";

/** The decision the answer stage takes on ranked passages (see `answer`). */
export function decide(index: CorpusIndex, analyzed: AnalyzedQuestion, ranked: Scored[], minCoverage: number): RefusalReason | undefined {
  if (analyzed.concepts.length === 0) return "no concepts";
  if (analyzed.concepts.some((c) => c.entity && !c.known)) return "unknown name";
  if (ranked.length === 0) return "nothing retrieved";
  if (ranked[0]!.coverage < minCoverage) return "coverage below threshold";
  if (!aboutTopic(index, analyzed, ranked[0]!.passage)) return "only the names match";
  return undefined;
}

export function answer(index: CorpusIndex, question: string, options: AnswerOptions = {}): Answer {
  const minCoverage = options.minCoverage ?? MIN_COVERAGE;
  const analyzed = analyze(index, question);
  const refuse = (ranked: Scored[]): Answer => ({
    question,
    answer: REFUSAL,
    sentences: [],
    abstained: true,
    citations: [],
    related: relatedArticles(index, ranked),
  });
  if (analyzed.concepts.length === 0) return refuse([]);
  const ranked = rank(index, analyzed);
  if (decide(index, analyzed, ranked, minCoverage)) return refuse(ranked);
  const citations: Citation[] = [];
  const sentences = choose(index, analyzed, ranked, minCoverage).map(({ lead, quote, also }) => {
    const cites = [lead, ...also].map((scored, k) => {
      citations.push(citationFor(index, scored.passage, citations.length + 1, k === 0 ? quote : scored.passage.text));
      return citations.length;
    });
    return { text: quote, cites };
  });
  const text = sentences.map((s) => `${s.text} ${s.cites.map((n) => `[${n}]`).join("")}`).join(" ");
  return { question, answer: text, sentences, abstained: false, citations, related: [] };
}
