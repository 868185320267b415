/**
 * The index changed in place of a rebuild. Articles added, edited or removed
 * are spliced into the passage columns where a full build would put them (load
 * order), their terms interned into the vocabulary, and MiniSearch told with
 * `add` and `remove` — tens of milliseconds at 10,000 articles where a rebuild
 * takes ~10 s. What depends on the whole corpus comes along: term counts,
 * WordNet relations of new terms, learned acronyms, and the timeline's events
 * (made again on first use, from the dates kept per passage). The result
 * answers as a full build of the same files does (tests/core/index-update.test.ts).
 *
 * A changed glossary or index format needs a full build (library.ts).
 *
 * The superseded index shares its vocabulary and MiniSearch index with the
 * new one, so it must not be asked again: the library is replaced at once and
 * commands call `deps.library()` each time.
 */
import MiniSearch from "minisearch";
import { basename } from "node:path";
import type { Article } from "./article.ts";
import { type AnalyzedFile, type ArticleAnalysis, type ChunkAnalysis, searchTextOf } from "./analysis.ts";
import { ArticleAdmission, type CorpusEntry } from "./corpus.ts";
import type { FoundDate } from "./dates.ts";
import { type AliasGroup, GLOSSARY_FILE, learnAcronyms } from "./glossary.ts";
import type { Built } from "./index-cache.ts";
import { type Lexicon, lexiconFor } from "./lexicon.ts";
import { type CorpusIndex, type IndexData, type IndexParts, assembleIndex } from "./passage-index.ts";
import { extractEvents } from "./timeline.ts";

export interface IndexUpdate {
  /** The corpus folders' article files now, in load order. */
  entries: readonly CorpusEntry[];
  /** The files read anew — added, edited, or not admitted before — analysed (analysis.ts). */
  fresh: ChunkAnalysis;
  /** The glossaries' groups (unchanged since the build: a changed glossary is a full build). */
  glossaryGroups: readonly AliasGroup[];
  /** WordNet, for the relations of terms the corpus did not have. */
  lexicon: () => Lexicon;
}

/** An article of the updated corpus: one the index had (its position there), or one read anew. */
type Source = { old: number } | { fresh: ArticleAnalysis; article: Article; terms: Uint32Array };

/** The corpus after an update: the old index's articles and the fresh ones, admitted in load order. */
function admit(old: CorpusIndex, update: IndexUpdate, intern: (term: string) => number): { sources: Source[]; admission: ArticleAdmission } {
  const before = new Map(old.articles.map((article, a) => [article.file, a]));
  const fresh = new Map<string, AnalyzedFile>(update.fresh.files.map((file) => [file.file, file]));
  let remap: Uint32Array | undefined;
  const admission = new ArticleAdmission();
  const sources: Source[] = [];
  for (const entry of update.entries) {
    if ("problem" in entry) {
      admission.problems.push(entry.problem);
      continue;
    }
    const read = fresh.get(entry.file);
    if (read) {
      if (!admission.admit(entry.file, read) || !read.analysis) continue;
      remap ??= Uint32Array.from(update.fresh.terms, intern);
      sources.push({ fresh: read.analysis, article: read.article!, terms: remap });
      continue;
    }
    const at = before.get(entry.file);
    if (at !== undefined && admission.admit(entry.file, { article: old.articles[at]!, problems: [] })) sources.push({ old: at });
  }
  return { sources, admission };
}

/** Typed columns of a known length, filled in order. */
class Filler {
  at = 0;
  constructor(readonly values: Uint32Array) {}
  copy(from: Uint32Array, start: number, end: number): void {
    this.values.set(from.subarray(start, end), this.at);
    this.at += end - start;
  }
  push(value: number): void {
    this.values[this.at++] = value;
  }
}

/** The passage columns, title and article terms of the updated corpus, in the sources' order. */
function spliceColumns(old: CorpusIndex, sources: readonly Source[]): Pick<IndexData, "passages" | "titleTerms" | "articleTerms"> & { dates: (old: readonly (FoundDate | null)[]) => (FoundDate | null)[] } {
  const was = old.data.passages;
  const range = (a: number) => old.passages.idsOf(a);
  let passages = 0;
  let termIds = 0;
  for (const source of sources) {
    if ("old" in source) {
      const { first, end } = range(source.old);
      passages += end - first;
      termIds += was.terms.offsets[end]! - was.terms.offsets[first]!;
    } else {
      passages += source.fresh.paragraph.length;
      termIds += source.fresh.terms.ids.length;
    }
  }
  const column = (n: number) => new Filler(new Uint32Array(n));
  const [article, paragraph, sentence, start, end, ids, offsets] = [column(passages), column(passages), column(passages), column(passages), column(passages), column(termIds), column(passages + 1)];
  offsets.push(0);
  const title: number[][] = [];
  const all: number[][] = [];
  sources.forEach((source, a) => {
    if ("old" in source) {
      const { first, end: last } = range(source.old);
      for (const [to, from] of [[paragraph, was.paragraph], [sentence, was.sentence], [start, was.start], [end, was.end]] as const) to.copy(from, first, last);
      const base = ids.at - was.terms.offsets[first]!;
      ids.copy(was.terms.ids, was.terms.offsets[first]!, was.terms.offsets[last]!);
      for (let id = first; id < last; id++) offsets.push(base + was.terms.offsets[id + 1]!), article.push(a);
      title.push(Array.from(old.titleTerms[source.old]!));
      all.push(Array.from(old.articleTerms[source.old]!));
      return;
    }
    const { fresh, terms: remap } = source;
    const count = fresh.paragraph.length;
    for (const [to, from] of [[paragraph, fresh.paragraph], [sentence, fresh.sentence], [start, fresh.start], [end, fresh.end]] as const) to.copy(from, 0, count);
    const inArticle = new Set<number>();
    for (let s = 0; s < count; s++) {
      const sentenceIds = Uint32Array.from(fresh.terms.ids.subarray(fresh.terms.offsets[s]!, fresh.terms.offsets[s + 1]!), (id) => remap[id]!).sort();
      for (const id of sentenceIds) ids.push(id), inArticle.add(id);
      offsets.push(ids.at);
      article.push(a);
    }
    const titleIds = Array.from(fresh.title, (id) => remap[id]!);
    for (const id of titleIds) inArticle.add(id);
    title.push(titleIds);
    all.push([...inArticle]);
  });
  const dates = (before: readonly (FoundDate | null)[]) =>
    sources.flatMap((source) => {
      if ("fresh" in source) return source.fresh.dates;
      const { first, end: last } = range(source.old);
      return before.slice(first, last);
    });
  return {
    passages: { article: article.values, paragraph: paragraph.values, sentence: sentence.values, start: start.values, end: end.values, terms: { ids: ids.values, offsets: offsets.values } },
    titleTerms: termColumns(title),
    articleTerms: termColumns(all),
    dates,
  };
}

/** Id lists as stored term columns (each sorted and deduplicated). */
function termColumns(lists: readonly number[][]): IndexData["titleTerms"] {
  const offsets = new Uint32Array(lists.length + 1);
  let total = 0;
  lists.forEach((list, i) => (offsets[i + 1] = total += new Set(list).size));
  const ids = new Uint32Array(total);
  lists.forEach((list, i) => ids.set([...new Set(list)].sort((x, y) => x - y), offsets[i]!));
  return { ids, offsets };
}

/** How many passages hold each term, after the update (counted again: a few milliseconds). */
function countPassages(terms: number, ids: Uint32Array): Uint32Array {
  const counts = new Uint32Array(terms);
  for (const id of ids) counts[id]!++;
  return counts;
}

/**
 * Applies an update to a build: the articles of `update.entries` are those of
 * `old` (where they are not among the fresh files) and the fresh ones, in load
 * order. Returns the new build; `old` must not be used afterwards.
 */
export function updateIndex(old: Built, update: IndexUpdate): Built {
  const index = old.index;
  const termText = index.termText.slice();
  const vocabulary = index.vocabulary;
  const intern = (term: string): number => {
    let id = vocabulary.get(term);
    if (id === undefined) vocabulary.set(term, (id = termText.push(term) - 1));
    return id;
  };
  const { sources, admission } = admit(index, update, intern);
  const kept = new Set(sources.flatMap((source) => ("old" in source ? [source.old] : [])));
  const gone = index.articles.flatMap((article, a) => (kept.has(a) ? [] : [article]));
  const added = sources.flatMap((source) => ("fresh" in source ? [source] : []));
  updateSearch(index.search, gone, added);
  const { dates: datesFrom, ...columns } = spliceColumns(index, sources);
  const articles = admission.articles;
  const learned = gone.length > 0 ? learnAcronyms(articles) : learnAcronyms(added.map((source) => source.article), index.aliasPhrases.slice(update.glossaryGroups.length));
  const data: IndexData = {
    articles,
    ...columns,
    termText,
    termPassages: countPassages(termText.length, columns.passages.terms.ids),
    aliasPhrases: [...update.glossaryGroups, ...learned],
    related: index.data.related,
    lemmas: index.data.lemmas,
  };
  const reuse: IndexParts = { vocabulary };
  if (gone.length === 0 && data.aliasPhrases.length === index.aliasPhrases.length) reuse.aliases = index.aliases;
  if (termText.length === index.termText.length && gone.length === 0) {
    reuse.related = index.related;
    reuse.lemmas = index.lemmas;
  } else {
    forgetUnused(data, vocabulary);
    Object.assign(data, lexiconFor(update.lexicon(), new Set(data.termText.filter((term) => vocabulary.get(term) !== undefined))));
  }
  const next = assembleIndex(data, index.search, reuse);
  // Made now, so the new build holds nothing of the old one.
  const dates = datesFrom(old.dates());
  let events: ReturnType<Built["events"]> | undefined;
  const glossaryProblems = old.problems.filter((problem) => basename(problem.file) === GLOSSARY_FILE);
  return { index: next, dates: () => dates, events: () => (events ??= extractEvents(next, dates)), problems: [...admission.problems, ...glossaryProblems] };
}

/** Takes terms no article holds any more out of the vocabulary, so questions cannot be expanded to them (their ids stay unused). */
function forgetUnused(data: IndexData, vocabulary: CorpusIndex["vocabulary"]): void {
  const used = new Uint8Array(data.termText.length);
  for (const id of data.articleTerms.ids) used[id] = 1;
  data.termText.forEach((term, id) => {
    if (!used[id] && vocabulary.get(term) === id) vocabulary.delete(term);
  });
}

/** Removes the articles gone (or edited) from MiniSearch and adds the fresh ones. */
function updateSearch(search: MiniSearch<{ id: string; terms: string }>, gone: readonly Article[], added: readonly { article: Article; fresh: ArticleAnalysis }[]): void {
  for (const article of gone) search.remove({ id: article.id, terms: searchTextOf(article) });
  for (const { article, fresh } of added) search.add({ id: article.id, terms: fresh.searchText });
}
