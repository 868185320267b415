/**
 * The passage index: every sentence of every article, with what is needed to
 * cite it; MiniSearch indexes whole articles (the first stage of a search,
 * small enough to load fast at tens of thousands of articles), and sentences
 * are ranked within the best articles. Terms are interned: each sentence and
 * article holds a sorted array of term ids, and the vocabulary maps a term to
 * its id (expanding query terms by prefix and misspelling) and counts how many
 * passages hold it.
 *
 * An index is made from `IndexData` — typed arrays and strings, the form that
 * is persisted — so a built index and a loaded one are assembled by the same
 * code.
 */
import MiniSearch, { type Options } from "minisearch";
import SearchableMap from "minisearch/SearchableMap";
import type { Article } from "./article.ts";
import { type Features, featuresOf } from "./features.ts";
import type { AliasGroup, Initialisms } from "./glossary.ts";
import { type StoredTermColumns, type TermIds, viewTermColumns } from "./term-ids.ts";
import { terms, withoutDateline } from "./text.ts";

export type { Features } from "./features.ts";

/** One sentence of one article: the unit that is searched, ranked and quoted. */
export interface Passage {
  id: number;
  article: number;
  paragraph: number;
  /** Position of the sentence within its paragraph. */
  sentence: number;
  text: string;
  /** The sentence's distinct term ids, ascending (`index.termText` spells them). */
  terms: TermIds;
  features: Features;
}

/** Per-passage columns: passage i is sentence `sentence[i]` of paragraph `paragraph[i]` of article `article[i]`, `start`–`end` within it, with these terms. */
export interface PassageColumns {
  article: Uint32Array;
  paragraph: Uint32Array;
  sentence: Uint32Array;
  start: Uint32Array;
  end: Uint32Array;
  terms: StoredTermColumns;
}

/** Everything an index is made from, in the compact form that is persisted. */
export interface IndexData {
  articles: Article[];
  passages: PassageColumns;
  titleTerms: StoredTermColumns;
  articleTerms: StoredTermColumns;
  /** Term id → term. */
  termText: string[];
  /** Term id → number of passages that hold it. */
  termPassages: Uint32Array;
  aliasPhrases: AliasGroup[];
  /** WordNet relations that reach this vocabulary: stem → [vocabulary term, credit][] (see lexicon.ts). */
  related: [string, [string, number][]][];
  /** Irregular forms whose lemmas reach this vocabulary: form → lemma stems (see lexicon.ts). */
  lemmas: [string, string[]][];
  /** Every English word's stem, one a line (see lexicon.ts). */
  english: string;
  /** The stems of WordNet's proper nouns, one a line (see lexicon.ts). */
  proper: string;
  /** The stems of WordNet's nouns for people or groups, one a line (see lexicon.ts). */
  collective: string;
  /** Acronym → the written-out names it may stand for (see glossary.ts). */
  initialisms: Initialisms;
}

/**
 * The passages of an index, made on demand from its columns: an object per
 * sentence, kept for hundreds of thousands of sentences, would cost more
 * memory than the text itself and slow every garbage collection. The same id
 * always gives an equal passage, not the same object: compare passages by id.
 */
export class Passages implements Iterable<Passage> {
  readonly length: number;
  /** Article a's passages are ids firstOf[a] .. firstOf[a+1]-1. */
  private readonly firstOf: Uint32Array;

  constructor(private readonly data: IndexData) {
    const columns = data.passages;
    this.length = columns.article.length;
    this.firstOf = new Uint32Array(data.articles.length + 1);
    for (let id = 0; id < this.length; id++) this.firstOf[columns.article[id]! + 1]!++;
    for (let a = 1; a <= data.articles.length; a++) this.firstOf[a]! += this.firstOf[a - 1]!;
  }

  /** The passage with this id, or undefined past either end. */
  at(id: number): Passage | undefined {
    if (id < 0 || id >= this.length) return undefined;
    const columns = this.data.passages;
    const a = columns.article[id]!;
    const p = columns.paragraph[id]!;
    const text = this.data.articles[a]!.paragraphs[p]!.slice(columns.start[id]!, columns.end[id]!);
    return {
      id,
      article: a,
      paragraph: p,
      sentence: columns.sentence[id]!,
      text,
      terms: columns.terms.ids.subarray(columns.terms.offsets[id]!, columns.terms.offsets[id + 1]!),
      features: featuresOf(p === 0 && columns.sentence[id] === 0 ? withoutDateline(text) : text),
    };
  }

  /** The terms of the sentence before or after a passage in the same article (without making that passage). */
  termsBeside(passage: Passage, offset: -1 | 1): TermIds | undefined {
    const id = passage.id + offset;
    const columns = this.data.passages;
    if (id < 0 || id >= this.length || columns.article[id] !== passage.article) return undefined;
    return columns.terms.ids.subarray(columns.terms.offsets[id]!, columns.terms.offsets[id + 1]!);
  }

  /** The ids of an article's passages: `first` up to (not including) `end`. */
  idsOf(article: number): { first: number; end: number } {
    return { first: this.firstOf[article]!, end: this.firstOf[article + 1]! };
  }

  /** A passage's term ids, read from the columns without making the passage. */
  termsAt(id: number): TermIds {
    const terms = this.data.passages.terms;
    return terms.ids.subarray(terms.offsets[id]!, terms.offsets[id + 1]!);
  }

  /** An article's passages, in reading order. */
  ofArticle(article: number): Passage[] {
    const out: Passage[] = [];
    for (let id = this.firstOf[article]!; id < this.firstOf[article + 1]!; id++) out.push(this.at(id)!);
    return out;
  }

  *[Symbol.iterator](): Iterator<Passage> {
    for (let id = 0; id < this.length; id++) yield this.at(id)!;
  }
}

export interface CorpusIndex {
  data: IndexData;
  articles: Article[];
  passages: Passages;
  /** The term ids of each article's title. */
  titleTerms: TermIds[];
  /** Every term id of each article, title included. */
  articleTerms: TermIds[];
  /** Article-level full-text index: the first stage of every search. Its documents are known by article id. */
  search: MiniSearch<IndexedArticle>;
  /** Article id → its position in `articles`. */
  positionOf: Map<string, number>;
  /** Term → term id. */
  vocabulary: SearchableMap<number>;
  termText: string[];
  termPassages: Uint32Array;
  /** Term id → number of articles that hold it: the length of its posting list in the search index. */
  termArticles: Uint32Array;
  /** Alias groups, each phrase reduced to its terms. */
  aliases: string[][][];
  aliasPhrases: AliasGroup[];
  /** Any stem → the vocabulary term ids it is related to (synonyms, derivations, inflections), with credit. */
  related: Map<string, [number, number][]>;
  /** Irregular form → the stems of its lemmas ("brought" → "bring"), for those the corpus can use. */
  lemmas: Map<string, string[]>;
  /** The terms of each written-out name an acronym (upper case) may stand for (answer/names.ts: writtenOut). The table is made on first use. */
  namesFor(acronym: string): string[][];
  /** True when a stem is an English word's (WordNet's); the set is made on first use. */
  isEnglish(stem: string): boolean;
  /** True when a stem is only a proper noun's in WordNet ("uzbekistan"): a name, not an English word. */
  isProperNoun(stem: string): boolean;
  /** True when a stem is a noun for people or a group of them ("staff", "firm", "lender"): what a head count counts. */
  isCollective(stem: string): boolean;
}

/**
 * What MiniSearch indexes: an article's terms (title and every sentence),
 * already stemmed, joined by spaces. It is known by its corpus id, which an
 * update does not change (its position in the corpus may: index-update.ts).
 */
export interface IndexedArticle {
  id: string;
  terms: string;
}

/**
 * The one set of MiniSearch options, used both to build an index and to load a
 * serialized one (MiniSearch's loadJSON insists they match).
 */
export const INDEX_OPTIONS: Options<IndexedArticle> = {
  fields: ["terms"],
  storeFields: [],
  tokenize: (joined) => joined.split(" "),
  processTerm: (term) => term || null,
  // Queries are vocabulary terms already expanded by answer/expand.ts (prefix and vetted misspellings), so the
  // index looks each one up exactly.
  searchOptions: {
    combineWith: "OR",
    tokenize: (query) => query.split(" ").filter(Boolean),
    processTerm: (term) => term,
    fuzzy: false,
    prefix: false,
  },
};

/** Parts of an index an update carries over when they have not changed (see index-update.ts). */
export type IndexParts = Partial<Pick<CorpusIndex, "vocabulary" | "related" | "lemmas" | "aliases">>;

/** Makes the searchable index from its data and its MiniSearch index (built, loaded from the cache, or updated). */
export function assembleIndex(data: IndexData, search: MiniSearch<IndexedArticle>, reuse: IndexParts = {}): CorpusIndex {
  const termArticles = new Uint32Array(data.termText.length);
  for (const id of data.articleTerms.ids) termArticles[id]!++;
  const vocabulary = reuse.vocabulary ?? vocabularyOf(data.termText);
  return {
    data,
    articles: data.articles,
    passages: new Passages(data),
    titleTerms: viewTermColumns(data.titleTerms),
    articleTerms: viewTermColumns(data.articleTerms),
    search,
    positionOf: new Map(data.articles.map((article, a) => [article.id, a])),
    vocabulary,
    termText: data.termText,
    termPassages: data.termPassages,
    termArticles,
    aliases: reuse.aliases ?? data.aliasPhrases.map((group) => group.map((phrase) => terms(phrase)).filter((t) => t.length > 0)),
    aliasPhrases: data.aliasPhrases,
    related: reuse.related ?? relatedIds(data.related, vocabulary),
    lemmas: reuse.lemmas ?? new Map(data.lemmas),
    namesFor: initialsTable(data.initialisms),
    isEnglish: englishWords(data.english),
    isProperNoun: englishWords(data.proper),
    isCollective: englishWords(data.collective),
  };
}

/** A lookup of acronym → names, made on first use (a large corpus writes out tens of thousands of names). */
function initialsTable(initialisms: Initialisms): (acronym: string) => string[][] {
  let table: Map<string, string[][]> | undefined;
  return (acronym) => (table ??= new Map(initialisms.map(([key, phrases]) => [key, phrases.map((phrase) => terms(phrase))]))).get(acronym) ?? [];
}

/** A lookup of the English words (or the proper nouns), made on first use (~100,000 stems: a few milliseconds). */
function englishWords(list: string): (stem: string) => boolean {
  let words: Set<string> | undefined;
  return (stem) => (words ??= new Set(list.split("\n"))).has(stem);
}

function vocabularyOf(termText: readonly string[]): SearchableMap<number> {
  const vocabulary = new SearchableMap<number>();
  termText.forEach((term, id) => vocabulary.set(term, id));
  return vocabulary;
}

/** The lexicon's relations with their targets as term ids. */
function relatedIds(related: IndexData["related"], vocabulary: SearchableMap<number>): Map<string, [number, number][]> {
  return new Map(
    related.map(([from, targets]) => [
      from,
      targets.flatMap(([to, credit]): [number, number][] => {
        const id = vocabulary.get(to);
        return id === undefined ? [] : [[id, credit]];
      }),
    ]),
  );
}

/** How many passages hold a term (0 for a term the corpus lacks). */
export function passageCount(index: CorpusIndex, term: string): number {
  const id = index.vocabulary.get(term);
  return id === undefined ? 0 : index.termPassages[id]!;
}

/** The passage before or after another in the same paragraph, if any. */
export function neighbour(index: CorpusIndex, passage: Passage, offset: -1 | 1): Passage | undefined {
  const next = adjacent(index, passage, offset);
  return next && next.paragraph === passage.paragraph ? next : undefined;
}

/** The sentence before or after another in the same article, across paragraph breaks. */
export function adjacent(index: CorpusIndex, passage: Passage, offset: -1 | 1): Passage | undefined {
  const next = index.passages.at(passage.id + offset);
  return next && next.article === passage.article ? next : undefined;
}
