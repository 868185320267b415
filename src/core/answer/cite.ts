/**
 * Stage 7 — cite: the citation (title, outlet, date, link, the exact quote)
 * for a passage, and the closest articles a refusal points to.
 */
import type { Citation } from "../article.ts";
import type { CorpusIndex, Passage } from "../passage-index.ts";
import { conceptCredit } from "./expand.ts";
import { type Scored, entitiesInArticle } from "./score.ts";
import type { AnalyzedQuestion } from "./types.ts";

export interface RelatedArticle {
  title: string;
  source: string;
  date: string;
  url: string;
}

/**
 * Numbers the articles one result cites, in order of first citation, so
 * every quote from one article carries the same source number.
 */
export class ArticleNumbers {
  private readonly numbers = new Map<number, number>();

  /** The number of the article at this index position (a new one the first time). */
  of(article: number): number {
    let n = this.numbers.get(article);
    if (n === undefined) this.numbers.set(article, (n = this.numbers.size + 1));
    return n;
  }
}

/** The citation of a quote from a passage: its number `n`, its article's number (from `articles`), the article's fields. */
export function citationFor(index: CorpusIndex, passage: Passage, n: number, quote: string, articles: ArticleNumbers): Citation {
  const article = index.articles[passage.article]!;
  return {
    n,
    article: articles.of(passage.article),
    articleId: article.id,
    title: article.title,
    source: article.source ?? "",
    date: article.date ?? "",
    url: article.url ?? "",
    approximate: article.dateNote !== undefined,
    quote,
  };
}

/**
 * What a refusal points to: up to three articles that share the question's
 * subject — every name it gives, and at least one of its topic words ("the
 * bitcoin price forecast" → articles about bitcoin). A question whose topic
 * no article has ("the weather in Karachi") gets none, rather than an
 * article that only mentions Karachi.
 */
export function relatedArticles(index: CorpusIndex, ranked: Scored[], question: AnalyzedQuestion): RelatedArticle[] {
  const topic = question.concepts.filter((c) => !c.entity && !c.answerType && c.known);
  const shares = (passage: Scored["passage"]) => entitiesInArticle(index, question, passage) && topic.some((c) => conceptCredit(c, index.articleTerms[passage.article]!) > 0);
  const seen = new Set<number>();
  const related: RelatedArticle[] = [];
  for (const { passage } of ranked) {
    if (seen.has(passage.article) || related.length >= 3) continue;
    seen.add(passage.article);
    if (!shares(passage)) continue;
    const article = index.articles[passage.article]!;
    related.push({ title: article.title, source: article.source ?? "", date: article.date ?? "", url: article.url ?? "" });
  }
  return related;
}
