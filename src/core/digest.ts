/**
 * News digests: the articles published in a window, newest first, each with
 * headline, outlet, date, link and one or two quoted sentences; articles about
 * the same story grouped together.
 */
import type { Article, Citation } from "./article.ts";
import type { CorpusIndex, Passage } from "./passage-index.ts";
import { ArticleNumbers, analyze, articleMatch, citationFor } from "./answer/index.ts";
import { centralSentences, selectDiverse } from "./summary.ts";

export interface DigestItem {
  id: string;
  title: string;
  source: string;
  date: string;
  url: string;
  approximate: boolean;
  /** One or two sentences quoted from the article, each with the article's number (Citation.article). */
  sentences: { text: string; n: number }[];
}

export interface Digest {
  since?: string;
  until?: string;
  topic?: string;
  /** How many articles were published in the window (the digest shows at most MAX_DIGEST_ARTICLES of them). */
  count: number;
  /** Articles grouped by story; groups and their items newest first. */
  groups: DigestItem[][];
  citations: Citation[];
}

export interface DigestQuery {
  /** Inclusive bounds, YYYY-MM-DD. */
  since?: string;
  until?: string;
  topic?: string;
  /** Only these article ids (used by scheduled digests for "articles added since the last one"). */
  ids?: readonly string[];
}

/** Cosine similarity of two articles' word vectors above which they tell the same story. */
const SAME_STORY = 0.55;
/** Reports of one story appear within days of each other; only articles this close are compared. */
const SAME_STORY_DAYS = 3;
const DAY_MS = 24 * 3600 * 1000;
/** Share of a topic an article must cover to be in a topic digest. */
const TOPIC_COVERAGE = 0.6;
const SENTENCES_PER_ITEM = 2;
/** A digest lists at most this many articles, the newest; its count still says how many there were. */
export const MAX_DIGEST_ARTICLES = 30;

const vectors = new WeakMap<CorpusIndex, Map<number, Map<number, number>>>();
const leads = new WeakMap<CorpusIndex, Map<number, Passage[]>>();

/** An article's idf-weighted word vector, computed once per index. */
function termVector(index: CorpusIndex, a: number): Map<number, number> {
  const cache = vectors.get(index) ?? new Map<number, Map<number, number>>();
  vectors.set(index, cache);
  const cached = cache.get(a);
  if (cached) return cached;
  const vector = new Map<number, number>();
  const n = index.passages.length;
  for (const passage of index.passages.ofArticle(a)) {
    for (const term of passage.terms) {
      const idf = Math.log(1 + n / (index.termPassages[term]! + 1));
      vector.set(term, (vector.get(term) ?? 0) + idf);
    }
  }
  cache.set(a, vector);
  return vector;
}

/** An article's one or two most central sentences, in reading order, computed once per index. */
function summarySentences(index: CorpusIndex, a: number): Passage[] {
  const cache = leads.get(index) ?? new Map<number, Passage[]>();
  leads.set(index, cache);
  const cached = cache.get(a) ?? selectDiverse(index, centralSentences(index, a), SENTENCES_PER_ITEM).sort((x, y) => x.id - y.id);
  cache.set(a, cached);
  return cached;
}

function cosine(x: Map<number, number>, y: Map<number, number>): number {
  let dot = 0;
  let nx = 0;
  let ny = 0;
  for (const [t, v] of x) {
    nx += v * v;
    dot += v * (y.get(t) ?? 0);
  }
  for (const v of y.values()) ny += v * v;
  return nx && ny ? dot / Math.sqrt(nx * ny) : 0;
}

/** True when an article was certainly published in the window: an approximate date's whole range must fit. */
function inWindow(article: Article, query: DigestQuery): boolean {
  if (!article.date) return false;
  const earliest = article.dateRange?.earliest ?? article.date;
  const latest = article.dateRange?.latest ?? article.date;
  return (!query.since || earliest >= query.since) && (!query.until || latest <= query.until);
}

/**
 * Groups articles that tell the same story (single-link on cosine similarity),
 * comparing only articles published within SAME_STORY_DAYS of each other.
 * `articles` must be sorted by date (either direction).
 */
export function groupStories(index: CorpusIndex, articles: number[]): number[][] {
  const time = (a: number) => Date.parse(`${index.articles[a]!.date ?? "1970-01-01"}T00:00:00Z`);
  const group = new Map(articles.map((a) => [a, a]));
  const root = (a: number): number => (group.get(a) === a ? a : root(group.get(a)!));
  for (const [i, a] of articles.entries()) {
    for (const b of articles.slice(i + 1)) {
      if (Math.abs(time(a) - time(b)) > SAME_STORY_DAYS * DAY_MS) break;
      if (cosine(termVector(index, a), termVector(index, b)) >= SAME_STORY) group.set(root(b), root(a));
    }
  }
  const groups = new Map<number, number[]>();
  for (const a of articles) groups.set(root(a), [...(groups.get(root(a)) ?? []), a]);
  return [...groups.values()];
}

/**
 * The digest of a window (and topic). An empty window gives count 0 and no groups.
 *
 * @example digest(index, { since: "2025-06-01" }).count // 4
 */
export function digest(index: CorpusIndex, query: DigestQuery = {}): Digest {
  const topic = query.topic?.trim() ? analyze(index, query.topic) : undefined;
  const covers = (a: number) => !topic || articleMatch(index, topic, a) >= TOPIC_COVERAGE;
  const chosen = index.articles
    .map((article, a) => ({ article, a }))
    .filter(({ article }) => inWindow(article, query))
    .filter(({ article }) => !query.ids || query.ids.includes(article.id))
    .filter(({ a }) => covers(a))
    .sort((x, y) => y.article.date!.localeCompare(x.article.date!) || x.a - y.a)
    .map(({ a }) => a);
  const citations: Citation[] = [];
  const articles = new ArticleNumbers();
  const groups = groupStories(index, chosen.slice(0, MAX_DIGEST_ARTICLES)).map((members) =>
    members.map((a) => {
      const article = index.articles[a]!;
      const picked = summarySentences(index, a);
      const sentences = picked.map((p) => {
        const citation = citationFor(index, p, citations.length + 1, p.text, articles);
        citations.push(citation);
        return { text: p.text, n: citation.article };
      });
      return { id: article.id, title: article.title, source: article.source ?? "", date: article.date!, url: article.url ?? "", approximate: article.dateNote !== undefined, sentences };
    }),
  );
  return { since: query.since, until: query.until, topic: query.topic, count: chosen.length, groups, citations };
}
