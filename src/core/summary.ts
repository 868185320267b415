/**
 * Extractive summaries: up to 6 sentences quoted verbatim (3 or more when the corpus has them), chosen for coverage
 * without redundancy (maximal marginal relevance), shown in date order, each
 * cited. A topic the corpus does not cover is refused, as answers are.
 */
import type { Article, Citation } from "./article.ts";
import type { CorpusIndex, Passage } from "./passage-index.ts";
import { ArticleNumbers, MIN_TOPIC_COVERAGE, type RelatedArticle, analyze, citationFor, rank, relatedArticles, sameFact } from "./answer/index.ts";
import { overlap } from "./term-ids.ts";

export interface SummarySentence {
  text: string;
  /** The number of the article it is quoted from (Citation.article). */
  n: number;
}

export interface Summary {
  /** The topic, or the article's title. */
  subject: string;
  abstained: boolean;
  sentences: SummarySentence[];
  citations: Citation[];
  related: RelatedArticle[];
}

export type SummaryRequest = { topic: string } | { article: string };

const MAX_SENTENCES = 6;
/** Balance between relevance and novelty in the MMR selection. */
const LAMBDA = 0.7;
/** Bonus for a sentence from an article not yet quoted, so topics draw across articles. */
const NEW_ARTICLE_BONUS = 0.15;
/** Sentences below this share of the best relevance are not worth a place. */
const MIN_RELATIVE = 0.45;
/** Topic summaries look further down the search results than answers do. */
const TOPIC_CANDIDATES = 150;
const TOPIC_COVERAGE = 0.5;

/** News puts the main point first: the first two sentences get a head start. */
const LEAD_BONUS = [0.3, 0.1];
/**
 * Centrality compares every pair of an article's sentences while that is at
 * most this many comparisons (articles of up to ~1,400 sentences; the bundled
 * ones have under 60). A longer article compares each sentence with an even
 * sample of CENTRALITY_MIN_SAMPLE or more of them, so its cost grows as n, not n².
 */
const CENTRALITY_COMPARISONS = 2_000_000;
const CENTRALITY_MIN_SAMPLE = 100;

interface Candidate {
  passage: Passage;
  relevance: number;
}

/**
 * Picks up to `limit` sentences by maximal marginal relevance, never two that
 * say the same thing. Each pick compares every candidate with the few already
 * chosen, so the cost is linear in the candidates (limit² comparisons each).
 */
export function selectDiverse(index: CorpusIndex, candidates: Candidate[], limit: number): Passage[] {
  const best = candidates.reduce((most, c) => Math.max(most, c.relevance), 0);
  const pool = candidates.filter((c) => c.relevance >= best * MIN_RELATIVE);
  const chosen: Passage[] = [];
  while (chosen.length < limit) {
    let pick: Candidate | undefined;
    let pickScore = -Infinity;
    for (const candidate of pool) {
      if (chosen.some((p) => p.id === candidate.passage.id || sameFact(index, p, candidate.passage))) continue;
      const similarity = Math.max(0, ...chosen.map((p) => overlap(p.terms, candidate.passage.terms)));
      const fresh = chosen.every((p) => p.article !== candidate.passage.article) ? NEW_ARTICLE_BONUS : 0;
      const score = LAMBDA * (candidate.relevance / (best || 1)) - (1 - LAMBDA) * similarity + fresh;
      if (score > pickScore) [pick, pickScore] = [candidate, score];
    }
    if (!pick) break;
    chosen.push(pick.passage);
  }
  return chosen;
}

function inReadingOrder(index: CorpusIndex, passages: Passage[]): Passage[] {
  const dateOf = (p: Passage) => index.articles[p.article]!.date ?? "";
  return [...passages].sort((a, b) => dateOf(a).localeCompare(dateOf(b)) || a.id - b.id);
}

function cite(index: CorpusIndex, subject: string, passages: Passage[]): Summary {
  const articles = new ArticleNumbers();
  const citations = inReadingOrder(index, passages).map((p, i) => citationFor(index, p, i + 1, p.text, articles));
  return { subject, abstained: false, sentences: citations.map((c) => ({ text: c.quote, n: c.article })), citations, related: [] };
}

/** At most `limit` items, evenly spaced over the list (the whole list when it is that short). */
function evenSample<T>(items: readonly T[], limit: number): readonly T[] {
  if (items.length <= limit) return items;
  const step = items.length / limit;
  return Array.from({ length: limit }, (_, i) => items[Math.floor(i * step)]!);
}

/**
 * For each passage, the sum of its word overlap (Jaccard) with each of `others`
 * but itself. Counted through the others' postings (term → which of them hold
 * it), so a passage costs the postings of its own terms, not a merge per pair.
 */
function sharedWordCentrality(passages: readonly Passage[], others: readonly Passage[]): number[] {
  const postings = new Map<number, number[]>();
  others.forEach((other, k) => {
    for (const term of other.terms) {
      const list = postings.get(term);
      if (list) list.push(k);
      else postings.set(term, [k]);
    }
  });
  const shared = new Uint32Array(others.length);
  return passages.map((passage) => {
    shared.fill(0);
    for (const term of passage.terms) for (const k of postings.get(term) ?? []) shared[k]!++;
    let sum = 0;
    for (let k = 0; k < others.length; k++) {
      const both = shared[k]!;
      if (both === 0 || others[k]!.id === passage.id) continue;
      sum += both / (passage.terms.length + others[k]!.terms.length - both);
    }
    return sum;
  });
}

/**
 * Sentences of one article scored by centrality (shared words with the rest,
 * or with an even sample of them in a very long article) plus a lead bonus.
 */
export function centralSentences(index: CorpusIndex, articleIndex: number): Candidate[] {
  const passages = index.passages.ofArticle(articleIndex);
  const others = evenSample(passages, Math.max(CENTRALITY_MIN_SAMPLE, Math.floor(CENTRALITY_COMPARISONS / Math.max(1, passages.length))));
  const centrality = sharedWordCentrality(passages, others);
  const most = centrality.reduce((max, c) => Math.max(max, c), Number.EPSILON);
  return passages.map((passage, i) => ({ passage, relevance: centrality[i]! / most + (LEAD_BONUS[i] ?? 0) }));
}

/** Finds an article by id, or by a title that contains the words given. */
export function findArticle(articles: readonly Article[], key: string): number {
  const wanted = key.trim().toLowerCase();
  const byId = articles.findIndex((a) => a.id.toLowerCase() === wanted);
  return byId >= 0 ? byId : articles.findIndex((a) => a.title.toLowerCase().includes(wanted));
}

/**
 * Summarises a topic across articles, or one article.
 *
 * @example summarize(index, { topic: "Strategic Bitcoin Reserve" }).sentences.length // 3–6
 */
export function summarize(index: CorpusIndex, request: SummaryRequest): Summary {
  if ("article" in request) {
    const a = findArticle(index.articles, request.article);
    if (a < 0) return { subject: request.article, abstained: true, sentences: [], citations: [], related: [] };
    return cite(index, index.articles[a]!.title, selectDiverse(index, centralSentences(index, a), 4));
  }
  const question = analyze(index, request.topic);
  const ranked = rank(index, question, TOPIC_CANDIDATES);
  const unknown = question.concepts.length === 0 || question.concepts.some((c) => c.entity && !c.known);
  if (unknown || ranked.length === 0 || ranked[0]!.coverage < MIN_TOPIC_COVERAGE) {
    return { subject: request.topic, abstained: true, sentences: [], citations: [], related: relatedArticles(index, ranked, question) };
  }
  const pool = ranked.filter((r) => r.coverage >= TOPIC_COVERAGE).map((r) => ({ passage: r.passage, relevance: r.score }));
  return cite(index, request.topic, selectDiverse(index, pool, MAX_SENTENCES));
}
