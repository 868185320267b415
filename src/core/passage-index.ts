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
import { type Features, NO_FEATURES, featureBits, featuresFromBits } from "./features.ts";
import type { AliasGroup } from "./glossary.ts";
import { type StoredTermColumns, TermColumns, type TermIds, viewTermColumns } from "./term-ids.ts";
import { allowsPrefix, maxEditDistance, sentenceSpans, terms } from "./text.ts";

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

/** Per-passage columns: passage i is sentence `sentence[i]` of paragraph `paragraph[i]` of article `article[i]`, `start`–`end` within it. */
export interface PassageColumns {
  article: Uint32Array;
  paragraph: Uint32Array;
  sentence: Uint32Array;
  start: Uint32Array;
  end: Uint32Array;
  features: Uint8Array;
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
}

export interface CorpusIndex {
  data: IndexData;
  articles: Article[];
  passages: Passage[];
  /** Passage ids per article, per paragraph, in reading order. */
  layout: number[][][];
  /** The term ids of each article's title. */
  titleTerms: TermIds[];
  /** Every term id of each article, title included. */
  articleTerms: TermIds[];
  /** Article-level full-text index: the first stage of every search. */
  search: MiniSearch<IndexedArticle>;
  /** Term → term id. */
  vocabulary: SearchableMap<number>;
  termText: string[];
  termPassages: Uint32Array;
  /** Term id → number of articles that hold it: the length of its posting list in the search index. */
  termArticles: Uint32Array;
  /** Alias groups, each phrase reduced to its terms. */
  aliases: string[][][];
  aliasPhrases: AliasGroup[];
}

/** What MiniSearch indexes: an article's terms (title and every sentence), already stemmed, joined by spaces. */
export interface IndexedArticle {
  id: number;
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
  searchOptions: {
    combineWith: "OR",
    tokenize: (query) => query.split(" ").filter(Boolean),
    processTerm: (term) => term,
    fuzzy: (term) => maxEditDistance(term),
    prefix: (term) => allowsPrefix(term),
    weights: { fuzzy: 0.3, prefix: 0.5 },
    maxFuzzy: 2,
  },
};

/** Assigns term ids in order of first appearance. */
class Interner {
  readonly text: string[] = [];
  readonly passages: number[] = [];
  private readonly ids = new Map<string, number>();

  id(term: string): number {
    let id = this.ids.get(term);
    if (id === undefined) {
      id = this.text.length;
      this.ids.set(term, id);
      this.text.push(term);
      this.passages.push(0);
    }
    return id;
  }
}

/** Splits articles into sentences and reduces every sentence and title to term ids. */
function analyzeArticles(articles: readonly Article[], aliasPhrases: AliasGroup[]): { data: IndexData; indexed: IndexedArticle[] } {
  const interner = new Interner();
  const columns = { article: [] as number[], paragraph: [] as number[], sentence: [] as number[], start: [] as number[], end: [] as number[], features: [] as number[] };
  const passageTerms = new TermColumns();
  const titleTerms = new TermColumns();
  const articleTerms = new TermColumns();
  const indexed: IndexedArticle[] = [];
  articles.forEach((article, a) => {
    const title = terms(article.title);
    const words = [...title];
    const titleIds = title.map((t) => interner.id(t));
    const all = new Set(titleIds);
    article.paragraphs.forEach((paragraph, p) => {
      sentenceSpans(paragraph).forEach((span, s) => {
        const text = paragraph.slice(span.start, span.end);
        const sentenceTerms = terms(text);
        const ids = new Set(sentenceTerms.map((t) => interner.id(t)));
        for (const id of ids) {
          interner.passages[id]!++;
          all.add(id);
        }
        passageTerms.add(ids);
        for (const t of sentenceTerms) words.push(t);
        columns.article.push(a);
        columns.paragraph.push(p);
        columns.sentence.push(s);
        columns.start.push(span.start);
        columns.end.push(span.end);
        columns.features.push(featureBits(text));
      });
    });
    titleTerms.add(titleIds);
    articleTerms.add(all);
    indexed.push({ id: a, terms: words.join(" ") });
  });
  const passages: PassageColumns = {
    article: Uint32Array.from(columns.article),
    paragraph: Uint32Array.from(columns.paragraph),
    sentence: Uint32Array.from(columns.sentence),
    start: Uint32Array.from(columns.start),
    end: Uint32Array.from(columns.end),
    features: Uint8Array.from(columns.features),
    terms: passageTerms.finish(),
  };
  const data: IndexData = {
    articles: [...articles],
    passages,
    titleTerms: titleTerms.finish(),
    articleTerms: articleTerms.finish(),
    termText: interner.text,
    termPassages: Uint32Array.from(interner.passages),
    aliasPhrases,
  };
  return { data, indexed };
}

/** Builds the index over the given articles and alias groups. */
export function buildIndex(articles: Article[], aliasPhrases: AliasGroup[]): CorpusIndex {
  const { data, indexed } = analyzeArticles(articles, aliasPhrases);
  const search = new MiniSearch<IndexedArticle>(INDEX_OPTIONS);
  search.addAll(indexed);
  return assembleIndex(data, search);
}

/** Makes the searchable index from its data and its MiniSearch index (built, or loaded from the cache). */
export function assembleIndex(data: IndexData, search: MiniSearch<IndexedArticle>): CorpusIndex {
  const { articles } = data;
  const columns = data.passages;
  const termViews = viewTermColumns(columns.terms);
  const passages: Passage[] = new Array(columns.article.length);
  const layout: number[][][] = articles.map((article) => article.paragraphs.map(() => []));
  for (let id = 0; id < passages.length; id++) {
    const a = columns.article[id]!;
    const p = columns.paragraph[id]!;
    const paragraph = articles[a]!.paragraphs[p]!;
    passages[id] = {
      id,
      article: a,
      paragraph: p,
      sentence: columns.sentence[id]!,
      text: paragraph.slice(columns.start[id]!, columns.end[id]!),
      terms: termViews[id]!,
      features: featuresFromBits(columns.features[id] ?? 0) ?? NO_FEATURES,
    };
    layout[a]![p]!.push(id);
  }
  const termArticles = new Uint32Array(data.termText.length);
  for (const id of data.articleTerms.ids) termArticles[id]!++;
  const vocabulary = new SearchableMap<number>();
  data.termText.forEach((term, id) => vocabulary.set(term, id));
  return {
    data,
    articles,
    passages,
    layout,
    titleTerms: viewTermColumns(data.titleTerms),
    articleTerms: viewTermColumns(data.articleTerms),
    search,
    vocabulary,
    termText: data.termText,
    termPassages: data.termPassages,
    termArticles,
    aliases: data.aliasPhrases.map((group) => group.map((phrase) => terms(phrase)).filter((t) => t.length > 0)),
    aliasPhrases: data.aliasPhrases,
  };
}

/** How many passages hold a term (0 for a term the corpus lacks). */
export function passageCount(index: CorpusIndex, term: string): number {
  const id = index.vocabulary.get(term);
  return id === undefined ? 0 : index.termPassages[id]!;
}

/** The passage before or after another in the same paragraph, if any. */
export function neighbour(index: CorpusIndex, passage: Passage, offset: -1 | 1): Passage | undefined {
  const ids = index.layout[passage.article]![passage.paragraph]!;
  const id = ids[passage.sentence + offset];
  return id === undefined ? undefined : index.passages[id];
}

/** The sentence before or after another in the same article, across paragraph breaks. */
export function adjacent(index: CorpusIndex, passage: Passage, offset: -1 | 1): Passage | undefined {
  const next = index.passages[passage.id + offset];
  return next && next.article === passage.article ? next : undefined;
}
