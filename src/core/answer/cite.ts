/**
 * Stage 7 — cite: the citation (title, outlet, date, link, the exact quote)
 * for a passage, and the closest articles a refusal points to.
 */
import type { Citation } from "../article.ts";
import type { CorpusIndex, Passage } from "../passage-index.ts";
import type { Scored } from "./score.ts";

export interface RelatedArticle {
  title: string;
  source: string;
  date: string;
  url: string;
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
