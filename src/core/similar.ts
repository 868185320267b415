/**
 * The articles a new one might repeat, found through the index: those with
 * its link, and those that hold most of its rarest words. The duplicate check
 * (ingest.ts) then compares the text with these few — not with every article,
 * which took 1.5 s at 10,000 articles.
 */
import type { Article } from "./article.ts";
import type { Candidate } from "./ingest.ts";
import type { CorpusIndex } from "./passage-index.ts";
import { terms } from "./text.ts";

/** The candidate's rarest terms searched for: a near-identical article holds nearly all of them. */
const RARE_TERMS = 40;
/**
 * Postings (term, article) those terms may have in all: the search's cost. The
 * rarest few always go in, so a text of common words only is still searched.
 */
const POSTINGS_BUDGET = 5_000;
const ALWAYS = 5;
/** Articles compared in full: the best by those terms. */
const NEAREST = 10;

/** Articles with the candidate's link, then the ones its rarest words find. */
export function nearArticles(index: CorpusIndex, candidate: Candidate): Article[] {
  const found = new Set<Article>();
  if (candidate.url) for (const article of index.articles) if (article.url === candidate.url) found.add(article);
  const rarest = [...new Set(terms(candidate.text))]
    .flatMap((term) => {
      const id = index.vocabulary.get(term);
      return id === undefined ? [] : [{ term, articles: index.termArticles[id]! }];
    })
    .sort((a, b) => a.articles - b.articles || (a.term < b.term ? -1 : 1))
    .slice(0, RARE_TERMS);
  let postings = 0;
  const searched = rarest.filter(({ articles }, i) => (postings += articles) <= POSTINGS_BUDGET || i < ALWAYS);
  if (searched.length === 0) return [...found];
  for (const hit of index.search.search(searched.map((r) => r.term).join(" ")).slice(0, NEAREST)) found.add(index.articles[index.positionOf.get(hit.id as string)!]!);
  return [...found];
}
