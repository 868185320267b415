/**
 * Stage 3 — retrieve: the terms sent to the search index (rarest first,
 * within a postings budget), and the articles MiniSearch finds for them,
 * re-scored by how much of the question each article covers.
 */
import { type CorpusIndex, passageCount } from "../passage-index.ts";
import type { AnalyzedQuestion } from "./types.ts";
import { conceptShare } from "./expand.ts";
import type { Concept } from "./types.ts";
import { COMMON_TERM, COMMON_TERM_MIN, FUZZY_WEIGHT, KEEP_RAREST, PREFIX_WEIGHT, RETRIEVAL_BUDGET } from "./weights.ts";

/**
 * The terms sent to the search index: all of them, less the very common ones,
 * which would make an OR-query score most of a large corpus; the two rarest
 * are kept in any case.
 */
export function retrievalTerms(index: CorpusIndex, concepts: readonly Concept[]): string[] {
  const all = [...new Set(concepts.flatMap((c) => c.alts.flat()))];
  const limit = Math.max(index.passages.length * COMMON_TERM, COMMON_TERM_MIN);
  const df = (term: string) => passageCount(index, term);
  const byRarity = [...all].sort((a, b) => df(a) - df(b));
  const keep = new Set(byRarity.filter((t, i) => i < KEEP_RAREST || df(t) <= limit));
  return all.filter((t) => keep.has(t));
}

/**
 * The retrieval query: every vocabulary match of the search terms (already
 * vetted by `expand`), weighted like MiniSearch's own prefix and fuzzy
 * matching, so the index looks up exact terms only. Terms are taken rarest
 * first while their posting lists fit the budget; the rarest is always taken.
 */
export function retrievalQuery(index: CorpusIndex, concepts: readonly Concept[], searchTerms: readonly string[]): Map<string, number> {
  const variants = new Map<string, Map<string, number>>();
  for (const concept of concepts) {
    concept.alts.forEach((alt, k) =>
      alt.forEach((term, j) => {
        if (!searchTerms.includes(term)) return;
        const found = variants.get(term) ?? new Map<string, number>();
        variants.set(term, found);
        for (const id of concept.expansions[k]![j]!.keys()) {
          const variant = index.termText[id]!;
          const extra = variant.length - term.length;
          const weight = variant === term ? 1 : variant.startsWith(term) ? (PREFIX_WEIGHT * variant.length) / (variant.length + 0.3 * extra) : (FUZZY_WEIGHT * variant.length) / (variant.length + 1);
          found.set(variant, Math.max(found.get(variant) ?? 0, weight));
        }
      }),
    );
  }
  const postings = (found: Map<string, number>) => [...found.keys()].reduce((sum, v) => sum + index.termArticles[index.vocabulary.get(v)!]!, 0);
  const query = new Map<string, number>();
  let spent = 0;
  for (const [cost, found] of [...variants.values()].map((f) => [postings(f), f] as const).sort((a, b) => a[0] - b[0])) {
    if (query.size > 0 && spent + cost > RETRIEVAL_BUDGET) break;
    spent += cost;
    for (const [variant, weight] of found) query.set(variant, Math.max(query.get(variant) ?? 0, weight));
  }
  return query;
}

/** Weighted share of the question's concepts among all of an article's terms: an upper bound on any of its passages' coverage. */
export function articleMatch(index: CorpusIndex, question: AnalyzedQuestion, article: number): number {
  return conceptShare(question, index.articleTerms[article]!);
}

/**
 * The first stage: MiniSearch scores articles by the question's rarer terms
 * (normalised to the best, 0–1); the best `count` by that score plus their
 * coverage of all the question's concepts go on, each with its search score.
 * A question that names an article gets that article (or those) only.
 */
export function bestArticles(index: CorpusIndex, question: AnalyzedQuestion, count: number): { id: number; score: number }[] {
  // A question about a named article is answered from it.
  if (question.articles) return question.articles.map((id) => ({ id, score: 1 }));
  const { retrieval } = question;
  const hits = index.search.search([...retrieval.keys()].join(" "), { boostTerm: (term) => retrieval.get(term) ?? 1 }).map((hit) => ({ id: index.positionOf.get(hit.id as string)!, score: hit.score }));
  if (hits.length <= count) return hits.map((hit) => ({ id: hit.id, score: hit.score / hits[0]!.score }));
  const top = hits[0]!.score;
  // Hits come best first and an article's match is at most 1: once a hit's score plus 1 falls below the
  // count-th best total so far, no later hit can enter the best `count`, and their matches are not computed.
  const scored: { id: number; score: number; first: number }[] = [];
  const best: number[] = [];
  for (const hit of hits) {
    const score = hit.score / top;
    if (best.length === count && score + 1 < best[count - 1]!) break;
    const first = score + articleMatch(index, question, hit.id);
    scored.push({ id: hit.id, score, first });
    best.splice(sortedIndex(best, first), 0, first);
    if (best.length > count) best.pop();
  }
  return scored.sort((a, b) => b.first - a.first || a.id - b.id).slice(0, count);
}

/** Where a value goes in a list sorted high to low. */
function sortedIndex(descending: readonly number[], value: number): number {
  let at = 0;
  while (at < descending.length && descending[at]! >= value) at++;
  return at;
}
