/**
 * Suggestions for topic-like options as the user types: tags, acronyms and
 * the names they stand for, people's names, and article titles.
 */
import type { Article } from "./article.ts";
import type { CorpusIndex } from "./passage-index.ts";
import { foldTypography } from "./text.ts";

/** Discord allows at most 25 choices of at most 100 characters. */
export const MAX_SUGGESTIONS = 25;
const MAX_LENGTH = 100;

const cache = new WeakMap<CorpusIndex, Map<string, string>>();
const PERSON = /\b\p{Lu}\p{Ll}+(?:\s+(?:bin\s+)?\p{Lu}\p{Ll}+){1,2}\b/gu;

/** Candidates keyed by lower case, first spelling kept. */
type Candidates = Map<string, string>;

function add(found: Candidates, text: string): void {
  const clean = text.trim();
  if (clean.length >= 2 && clean.length <= MAX_LENGTH && !found.has(clean.toLowerCase())) found.set(clean.toLowerCase(), clean);
}

/** An article's candidates: its tags, the people it names, its title. */
function addArticle(found: Candidates, article: Article): void {
  article.tags.forEach((tag) => add(found, tag));
  for (const paragraph of article.paragraphs) for (const [name] of paragraph.matchAll(PERSON)) if (name.split(/\s+/).length >= 2) add(found, name);
  add(found, article.title);
}

function candidates(index: CorpusIndex): Candidates {
  const cached = cache.get(index);
  if (cached) return cached;
  const found: Candidates = new Map();
  for (const group of index.aliasPhrases) for (const phrase of group) add(found, phrase);
  for (const article of index.articles) addArticle(found, article);
  cache.set(index, found);
  return found;
}

/**
 * Carries the suggestions worked out for an index over to its update, with
 * the added articles' own, so the first suggestion after an article is added
 * does not go through the whole corpus again (~0.2 s at 10,000 articles).
 * After a removal nothing is carried: they are worked out again when asked.
 */
export function carrySuggestions(from: CorpusIndex, to: CorpusIndex, added: readonly Article[]): void {
  const known = cache.get(from);
  if (!known) return;
  const found: Candidates = new Map(known);
  for (const group of to.aliasPhrases) for (const phrase of group) add(found, phrase);
  for (const article of added) addArticle(found, article);
  cache.set(to, found);
}

/** Up to 25 suggestions containing what was typed, those starting with it first. */
export function suggestTopics(index: CorpusIndex, typed: string): string[] {
  const want = foldTypography(typed).toLowerCase().trim();
  const scored = [...candidates(index).values()]
    .map((c) => ({ c, at: foldTypography(c).toLowerCase().indexOf(want) }))
    .filter(({ at }) => want === "" || at >= 0)
    .sort((a, b) => (a.at === 0 ? 0 : 1) - (b.at === 0 ? 0 : 1) || a.c.length - b.c.length);
  return scored.slice(0, MAX_SUGGESTIONS).map(({ c }) => c);
}
