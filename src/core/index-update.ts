/**
 * The index changed in place of a rebuild. Articles added, edited or removed
 * are spliced into the passage columns where a full build would put them (load
 * order), their terms interned into the vocabulary, and MiniSearch told with
 * `add` and `remove` — tens of milliseconds at 10,000 articles where a rebuild
 * takes ~10 s. What depends on the whole corpus comes along: term counts,
 * WordNet relations of new terms, learned acronyms and initials, suggestions,
 * and the timeline's events (carried on when the new articles come last, else
 * made again on first use from the dates kept per passage). The result
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
import { type AliasGroup, GLOSSARY_FILE, learnAcronyms, learnInitialisms } from "./glossary.ts";
import type { Built } from "./index-cache.ts";
import { type Lexicon, lexiconFor } from "./lexicon.ts";
import { type PassageDates, PassageDatesBuilder, unpackDates } from "./passage-dates.ts";
import { type CorpusIndex, type IndexData, type IndexParts, assembleIndex } from "./passage-index.ts";
import type { StoredTermColumns } from "./term-ids.ts";
import { carrySuggestions } from "./suggest.ts";
import { EventExtraction } from "./timeline.ts";
import type { FoundDate } from "./dates.ts";

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
type Source = { old: number } | Fresh;
/** An article read anew: its analysis, and its chunk's term ids as corpus term ids (`terms[local]`). */
type Fresh = { fresh: ArticleAnalysis; article: Article; terms: Uint32Array };

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

/** A typed column of a known length, filled in order. */
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

/** Term columns (ids and offsets) of a known size, filled item by item: copied from other columns, or from a list. */
class TermFiller {
  private readonly ids: Filler;
  private readonly offsets: Filler;

  constructor(items: number, ids: number) {
    this.ids = new Filler(new Uint32Array(ids));
    this.offsets = new Filler(new Uint32Array(items + 1));
    this.offsets.push(0);
  }

  /** Appends items first..end-1 of `from`. */
  copy(from: StoredTermColumns, first: number, end: number): void {
    const base = this.ids.at - from.offsets[first]!;
    this.ids.copy(from.ids, from.offsets[first]!, from.offsets[end]!);
    for (let item = first; item < end; item++) this.offsets.push(base + from.offsets[item + 1]!);
  }

  /** Appends one item: its ids, sorted and distinct. */
  push(ids: ArrayLike<number>): void {
    for (let i = 0; i < ids.length; i++) this.ids.push(ids[i]!);
    this.offsets.push(this.ids.at);
  }

  finish(): StoredTermColumns {
    return { ids: this.ids.values, offsets: this.offsets.values };
  }
}

const sortedIds = (ids: Iterable<number>) => Uint32Array.from(new Set(ids)).sort();

/** A fresh article's ids in the corpus's terms: each sentence's, its title's, and all of them. */
function freshTerms(source: Fresh): { sentences: Uint32Array[]; title: Uint32Array; all: Uint32Array } {
  const { fresh, terms: remap } = source;
  const sentences = Array.from({ length: fresh.paragraph.length }, (_, s) => sortedIds(Array.from(fresh.terms.ids.subarray(fresh.terms.offsets[s]!, fresh.terms.offsets[s + 1]!), (id) => remap[id]!)));
  const title = sortedIds(Array.from(fresh.title, (id) => remap[id]!));
  return { sentences, title, all: sortedIds([...sentences.flatMap((ids) => [...ids]), ...title]) };
}

/** The passage columns, title and article terms of the updated corpus, in the sources' order. */
function spliceColumns(old: CorpusIndex, sources: readonly Source[]): Pick<IndexData, "passages" | "titleTerms" | "articleTerms"> {
  const was = old.data;
  const range = (a: number) => old.passages.idsOf(a);
  const made = new Map(sources.flatMap((source) => ("fresh" in source ? [[source, freshTerms(source)] as const] : [])));
  const size = (columns: StoredTermColumns, first: number, end: number) => columns.offsets[end]! - columns.offsets[first]!;
  let passages = 0;
  const ids = { passages: 0, title: 0, all: 0 };
  for (const source of sources) {
    if ("old" in source) {
      const { first, end } = range(source.old);
      passages += end - first;
      ids.passages += size(was.passages.terms, first, end);
      ids.title += size(was.titleTerms, source.old, source.old + 1);
      ids.all += size(was.articleTerms, source.old, source.old + 1);
    } else {
      const terms = made.get(source)!;
      passages += terms.sentences.length;
      ids.passages += terms.sentences.reduce((sum, list) => sum + list.length, 0);
      ids.title += terms.title.length;
      ids.all += terms.all.length;
    }
  }
  const column = () => new Filler(new Uint32Array(passages));
  const [article, paragraph, sentence, start, end] = [column(), column(), column(), column(), column()];
  const sentenceTerms = new TermFiller(passages, ids.passages);
  const titleTerms = new TermFiller(sources.length, ids.title);
  const articleTerms = new TermFiller(sources.length, ids.all);
  sources.forEach((source, a) => {
    if ("old" in source) {
      const { first, end: last } = range(source.old);
      for (const [to, from] of [[paragraph, was.passages.paragraph], [sentence, was.passages.sentence], [start, was.passages.start], [end, was.passages.end]] as const) to.copy(from, first, last);
      sentenceTerms.copy(was.passages.terms, first, last);
      titleTerms.copy(was.titleTerms, source.old, source.old + 1);
      articleTerms.copy(was.articleTerms, source.old, source.old + 1);
      for (let id = first; id < last; id++) article.push(a);
      return;
    }
    const { fresh } = source;
    const terms = made.get(source)!;
    for (const [to, from] of [[paragraph, fresh.paragraph], [sentence, fresh.sentence], [start, fresh.start], [end, fresh.end]] as const) to.copy(from, 0, from.length);
    for (const list of terms.sentences) sentenceTerms.push(list), article.push(a);
    titleTerms.push(terms.title);
    articleTerms.push(terms.all);
  });
  return {
    passages: { article: article.values, paragraph: paragraph.values, sentence: sentence.values, start: start.values, end: end.values, terms: sentenceTerms.finish() },
    titleTerms: titleTerms.finish(),
    articleTerms: articleTerms.finish(),
  };
}

/** The passage dates of the updated corpus, in the sources' order: the old passages' moved, the fresh ones' added. */
function spliceDates(old: CorpusIndex, before: PassageDates, sources: readonly Source[]): PassageDates {
  const builder = new PassageDatesBuilder();
  let to = 0;
  for (const source of sources) {
    if ("fresh" in source) {
      source.fresh.dates.forEach((date, s) => date && builder.add(to + s, date));
      to += source.fresh.dates.length;
    } else {
      const { first, end } = old.passages.idsOf(source.old);
      builder.copy(before, first, end, to);
      to += end - first;
    }
  }
  return builder.finish();
}

/** How many passages hold each term after the update: the old counts, less the passages gone, plus the fresh ones. */
function countPassages(old: CorpusIndex, terms: number, gone: readonly number[], added: readonly Fresh[]): Uint32Array {
  const counts = new Uint32Array(terms);
  counts.set(old.termPassages);
  for (const a of gone) {
    const { first, end } = old.passages.idsOf(a);
    for (let id = first; id < end; id++) for (const term of old.passages.termsAt(id)) counts[term]!--;
  }
  for (const { fresh, terms: remap } of added) {
    for (let s = 0; s + 1 < fresh.terms.offsets.length; s++) {
      // A sentence's ids are distinct in the chunk's terms, and so once remapped.
      for (const local of fresh.terms.ids.subarray(fresh.terms.offsets[s]!, fresh.terms.offsets[s + 1]!)) counts[remap[local]!]!++;
    }
  }
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
  const goneAt = index.articles.flatMap((_, a) => (kept.has(a) ? [] : [a]));
  const gone = goneAt.map((a) => index.articles[a]!);
  const added = sources.flatMap((source) => ("fresh" in source ? [source] : []));
  updateSearch(index.search, gone, added);
  const columns = spliceColumns(index, sources);
  const articles = admission.articles;
  const learned = gone.length > 0 ? learnAcronyms(articles) : learnAcronyms(added.map((source) => source.article), index.aliasPhrases.slice(update.glossaryGroups.length));
  const data: IndexData = {
    articles,
    ...columns,
    termText,
    termPassages: countPassages(index, termText.length, goneAt, added),
    aliasPhrases: [...update.glossaryGroups, ...learned],
    related: index.data.related,
    lemmas: index.data.lemmas,
    english: index.data.english,
    proper: index.data.proper,
    collective: index.data.collective,
    initialisms: gone.length > 0 ? learnInitialisms(articles) : learnInitialisms(added.map((source) => source.article), index.data.initialisms),
  };
  const reuse: IndexParts = { vocabulary };
  if (gone.length === 0 && data.aliasPhrases.length === index.aliasPhrases.length) reuse.aliases = index.aliases;
  if (termText.length === index.termText.length && gone.length === 0) {
    reuse.related = index.related;
    reuse.lemmas = index.lemmas;
  } else {
    if (gone.length > 0) forgetUnused(data, vocabulary);
    Object.assign(data, lexiconFor(update.lexicon(), new Set(data.termText.filter((term) => vocabulary.get(term) !== undefined))));
  }
  const next = assembleIndex(data, index.search, reuse);
  if (gone.length === 0) carrySuggestions(index, next, added.map((source) => source.article));
  // Made now, so the new build holds nothing of the old one.
  const dates = spliceDates(index, old.dates(), sources);
  let extraction = continuedEvents(old, index, next, sources, added);
  let events: ReturnType<Built["events"]> | undefined;
  const made = () => (extraction ??= new EventExtraction(next).extend(next, eventDates(dates, next)));
  const glossaryProblems = old.problems.filter((problem) => basename(problem.file) === GLOSSARY_FILE);
  return { index: next, dates: () => dates, extraction: () => extraction, events: () => (events ??= made().events()), problems: [...admission.problems, ...glossaryProblems] };
}

/** A passage's date, from the dates of an index. */
function eventDates(dates: PassageDates, index: CorpusIndex): (passage: { id: number }) => FoundDate | null {
  const unpacked = unpackDates(dates, index.passages.length);
  return (passage) => unpacked[passage.id] ?? null;
}

/**
 * The old build's event extraction carried on with the added articles, when
 * they all come after the old ones and it had gathered all of those: then the
 * events are as a fresh extraction's. Otherwise undefined: they are made
 * again when first asked for.
 */
function continuedEvents(old: Built, index: CorpusIndex, next: CorpusIndex, sources: readonly Source[], added: readonly Fresh[]): EventExtraction | undefined {
  const previous = old.extraction();
  const appended = sources.every((source, a) => (a < index.articles.length ? "old" in source && source.old === a : "fresh" in source));
  if (!previous?.covers(index) || !appended || next.articles.length < index.articles.length) return undefined;
  const fresh = new Map<number, FoundDate | null>();
  let id = index.passages.length;
  for (const { fresh: analysis } of added) for (const date of analysis.dates) fresh.set(id++, date);
  return previous.extend(next, (passage) => fresh.get(passage.id));
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
