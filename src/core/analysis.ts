/**
 * Reducing articles for the index. Each article's sentences (where they are,
 * what they offer, their terms and the date they give) are worked out on their
 * own — in worker threads for a large corpus (see parallel.ts) — with term ids
 * local to a chunk of files; `mergeChunks` then admits the articles in load
 * order and renumbers terms corpus-wide into `IndexData`.
 */
import type { Article } from "./article.ts";
import { ArticleAdmission, type CorpusEntry, type CorpusProblem, loadArticleFile } from "./corpus.ts";
import { type FoundDate, findDate } from "./dates.ts";
import type { IndexData, IndexedArticle } from "./passage-index.ts";
import { type StoredTermColumns, TermColumns } from "./term-ids.ts";
import { sentenceSpans, sentenceTerms as termsOfSentence, terms } from "./text.ts";

/** One article reduced for indexing, in a form a worker thread sends back cheaply. Term ids index the chunk's `terms`. */
export interface ArticleAnalysis {
  paragraph: Uint32Array;
  sentence: Uint32Array;
  start: Uint32Array;
  end: Uint32Array;
  /** Each sentence's distinct term ids. */
  terms: StoredTermColumns;
  title: Uint32Array;
  /** The article's terms in order, title first, joined by spaces: the document MiniSearch indexes. */
  searchText: string;
  /** The date each sentence gives, if any (read with the publication date as reference). */
  dates: (FoundDate | null)[];
}

export interface AnalyzedFile {
  file: string;
  article?: Article;
  problems: CorpusProblem[];
  analysis?: ArticleAnalysis;
}

/** Files analysed together: their results in order, and the terms their ids stand for. */
export interface ChunkAnalysis {
  terms: string[];
  files: AnalyzedFile[];
}

/** Assigns term ids in order of first appearance. */
class Interner {
  readonly text: string[] = [];
  private readonly ids = new Map<string, number>();

  id(term: string): number {
    let id = this.ids.get(term);
    if (id === undefined) {
      id = this.text.length;
      this.ids.set(term, id);
      this.text.push(term);
    }
    return id;
  }
}

function analyzeArticle(article: Article, interner: Interner): ArticleAnalysis {
  const columns = { paragraph: [] as number[], sentence: [] as number[], start: [] as number[], end: [] as number[] };
  const sentenceTerms = new TermColumns();
  const title = terms(article.title);
  const titleIds = new Set(title.map((t) => interner.id(t)));
  const words = [...title];
  const dates: (FoundDate | null)[] = [];
  article.paragraphs.forEach((paragraph, p) => {
    sentenceSpans(paragraph).forEach((span, s) => {
      const text = paragraph.slice(span.start, span.end);
      const found = termsOfSentence(text);
      sentenceTerms.add(found.map((t) => interner.id(t)));
      for (const t of found) words.push(t);
      columns.paragraph.push(p);
      columns.sentence.push(s);
      columns.start.push(span.start);
      columns.end.push(span.end);
      dates.push(findDate(text, article.date) ?? null);
    });
  });
  return {
    paragraph: Uint32Array.from(columns.paragraph),
    sentence: Uint32Array.from(columns.sentence),
    start: Uint32Array.from(columns.start),
    end: Uint32Array.from(columns.end),
    terms: sentenceTerms.finish(),
    title: Uint32Array.from(titleIds),
    searchText: words.join(" "),
    dates,
  };
}

/** The document MiniSearch indexed for an article (as `analyzeArticle` makes it): what removing it from the index needs. */
export function searchTextOf(article: Article): string {
  const words = terms(article.title);
  for (const paragraph of article.paragraphs) for (const span of sentenceSpans(paragraph)) for (const t of termsOfSentence(paragraph.slice(span.start, span.end))) words.push(t);
  return words.join(" ");
}

/** Loads and analyses files, in order. */
export function analyzeFiles(files: readonly string[]): ChunkAnalysis {
  const interner = new Interner();
  const results = files.map((file): AnalyzedFile => {
    const loaded = loadArticleFile(file);
    return { file, ...loaded, analysis: loaded.article ? analyzeArticle(loaded.article, interner) : undefined };
  });
  return { terms: interner.text, files: results };
}

/** Everything the index and the timeline need from a merged corpus. */
export interface Merged {
  data: Omit<IndexData, "aliasPhrases" | "related" | "lemmas" | "english" | "proper" | "collective" | "initialisms">;
  problems: CorpusProblem[];
  /** MiniSearch's documents, one per admitted article. */
  documents: IndexedArticle[];
  /** The date each passage gives, by passage id. */
  dates: (FoundDate | null)[];
}

/** Growable columns of numbers. */
class Column {
  private values = new Uint32Array(1024);
  length = 0;

  push(value: number): void {
    if (this.length === this.values.length) {
      const grown = new Uint32Array(this.values.length * 2);
      grown.set(this.values);
      this.values = grown;
    }
    this.values[this.length++] = value;
  }

  append(values: ArrayLike<number>): void {
    for (let i = 0; i < values.length; i++) this.push(values[i]!);
  }

  finish(): Uint32Array {
    return this.values.slice(0, this.length);
  }
}

/**
 * Admits analysed files in load order and renumbers their terms corpus-wide.
 * `entries` is the folder listing; chunks must be added in order and together
 * hold its files in the same order.
 */
export class Merger {
  private readonly admission = new ArticleAdmission();
  private readonly interner = new Interner();
  private readonly column = { article: new Column(), paragraph: new Column(), sentence: new Column(), start: new Column(), end: new Column(), termIds: new Column(), termOffsets: new Column() };
  private readonly titleTerms = new TermColumns();
  private readonly articleTerms = new TermColumns();
  private readonly termPassages: number[] = [];
  private readonly dates: (FoundDate | null)[] = [];
  private readonly documents: IndexedArticle[] = [];
  private next = 0;

  constructor(private readonly entries: readonly CorpusEntry[]) {
    this.column.termOffsets.push(0);
  }

  /** Merges the next chunk; returns the MiniSearch documents of the articles it admitted. */
  add(chunk: ChunkAnalysis): IndexedArticle[] {
    const remap = Uint32Array.from(chunk.terms, (t) => this.interner.id(t));
    const added: IndexedArticle[] = [];
    for (const file of chunk.files) {
      this.skipProblems();
      const entry = this.entries[this.next++];
      if (!entry || !("file" in entry) || entry.file !== file.file) throw new Error(`analysis: results for ${file.file} arrived out of order`);
      if (!this.admission.admit(file.file, file) || !file.analysis) continue;
      const document = this.admitArticle(file.analysis, remap);
      this.documents.push(document);
      added.push(document);
    }
    return added;
  }

  private skipProblems(): void {
    for (let entry = this.entries[this.next]; entry && "problem" in entry; entry = this.entries[++this.next]) this.admission.problems.push(entry.problem);
  }

  private admitArticle(analysis: ArticleAnalysis, remap: Uint32Array): IndexedArticle {
    const a = this.admission.articles.length - 1;
    const { column } = this;
    const inArticle = new Set<number>();
    for (let s = 0; s < analysis.paragraph.length; s++) {
      const local = analysis.terms.ids.subarray(analysis.terms.offsets[s]!, analysis.terms.offsets[s + 1]!);
      const ids = Uint32Array.from(local, (id) => remap[id]!).sort();
      for (const id of ids) {
        this.termPassages[id] = (this.termPassages[id] ?? 0) + 1;
        inArticle.add(id);
      }
      column.termIds.append(ids);
      column.termOffsets.push(column.termIds.length);
      column.article.push(a);
    }
    column.paragraph.append(analysis.paragraph);
    column.sentence.append(analysis.sentence);
    column.start.append(analysis.start);
    column.end.append(analysis.end);
    const title = Array.from(analysis.title, (id) => remap[id]!);
    for (const id of title) inArticle.add(id);
    this.titleTerms.add(title);
    this.articleTerms.add(inArticle);
    for (const date of analysis.dates) this.dates.push(date);
    return { id: this.admission.articles[a]!.id, terms: analysis.searchText };
  }

  /** The merged corpus, once every chunk has been added. */
  finish(): Merged {
    this.skipProblems();
    const { column, interner } = this;
    const data: Merged["data"] = {
      articles: this.admission.articles,
      passages: {
        article: column.article.finish(),
        paragraph: column.paragraph.finish(),
        sentence: column.sentence.finish(),
        start: column.start.finish(),
        end: column.end.finish(),
        terms: { ids: column.termIds.finish(), offsets: column.termOffsets.finish() },
      },
      titleTerms: this.titleTerms.finish(),
      articleTerms: this.articleTerms.finish(),
      termText: interner.text,
      termPassages: Uint32Array.from({ length: interner.text.length }, (_, id) => this.termPassages[id] ?? 0),
    };
    return { data, problems: this.admission.problems, documents: this.documents, dates: this.dates };
  }
}

/** Merges all chunks at once (see Merger). */
export function mergeChunks(entries: readonly CorpusEntry[], chunks: Iterable<ChunkAnalysis>): Merged {
  const merger = new Merger(entries);
  for (const chunk of chunks) merger.add(chunk);
  return merger.finish();
}
