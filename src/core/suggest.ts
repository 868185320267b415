/**
 * Suggestions for topic-like options as the user types: tags, acronyms and
 * the names they stand for, people's names, and article titles.
 */
import type { CorpusIndex } from "./passage-index.ts";
import { foldTypography } from "./text.ts";

/** Discord allows at most 25 choices of at most 100 characters. */
export const MAX_SUGGESTIONS = 25;
const MAX_LENGTH = 100;

const cache = new WeakMap<CorpusIndex, string[]>();
const PERSON = /\b\p{Lu}\p{Ll}+(?:\s+(?:bin\s+)?\p{Lu}\p{Ll}+){1,2}\b/gu;

function candidates(index: CorpusIndex): string[] {
  const cached = cache.get(index);
  if (cached) return cached;
  const found = new Map<string, string>();
  const add = (s: string) => {
    const clean = s.trim();
    if (clean.length >= 2 && clean.length <= MAX_LENGTH && !found.has(clean.toLowerCase())) found.set(clean.toLowerCase(), clean);
  };
  for (const article of index.articles) article.tags.forEach(add);
  for (const group of index.aliasPhrases) group.forEach(add);
  for (const article of index.articles) for (const paragraph of article.paragraphs) for (const [name] of paragraph.matchAll(PERSON)) if (name.split(/\s+/).length >= 2) add(name);
  for (const article of index.articles) add(article.title);
  const list = [...found.values()];
  cache.set(index, list);
  return list;
}

/** Up to 25 suggestions containing what was typed, those starting with it first. */
export function suggestTopics(index: CorpusIndex, typed: string): string[] {
  const want = foldTypography(typed).toLowerCase().trim();
  const scored = candidates(index)
    .map((c) => ({ c, at: foldTypography(c).toLowerCase().indexOf(want) }))
    .filter(({ at }) => want === "" || at >= 0)
    .sort((a, b) => (a.at === 0 ? 0 : 1) - (b.at === 0 ? 0 : 1) || a.c.length - b.c.length);
  return scored.slice(0, MAX_SUGGESTIONS).map(({ c }) => c);
}
