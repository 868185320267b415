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
import { sentenceSpans, terms } from "./text.ts";

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
      const found = terms(text);
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
  data: Omit<IndexData, "aliasPhrases">;
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
 * Admits analysed files in load order (`entries`: the folder listing, whose
 * files the chunks hold in the same order) and renumbers their terms
 * corpus-wide.
 */
export function mergeChunks(entries: readonly CorpusEntry[], chunks: readonly ChunkAnalysis[]): Merged {
  const admission = new ArticleAdmission();
  const interner = new Interner();
  const results = chunks.flatMap((chunk) => chunk.files.map((file) => ({ file, chunk })));
  const remaps = new Map<ChunkAnalysis, Uint32Array>();
  const remapOf = (chunk: ChunkAnalysis) => remaps.get(chunk) ?? remaps.set(chunk, Uint32Array.from(chunk.terms, (t) => interner.id(t))).get(chunk)!;
  const column = { article: new Column(), paragraph: new Column(), sentence: new Column(), start: new Column(), end: new Column(), termIds: new Column(), termOffsets: new Column() };
  const titleTerms = new TermColumns();
  const articleTerms = new TermColumns();
  const termPassages: number[] = [];
  const documents: IndexedArticle[] = [];
  const dates: (FoundDate | null)[] = [];
  column.termOffsets.push(0);
  let next = 0;
  for (const entry of entries) {
    if ("problem" in entry) {
      admission.problems.push(entry.problem);
      continue;
    }
    const { file, chunk } = results[next++]!;
    if (file.file !== entry.file) throw new Error(`analysis: expected results for ${entry.file}, got ${file.file}`);
    if (!admission.admit(file.file, file) || !file.analysis) continue;
    const a = admission.articles.length - 1;
    const analysis = file.analysis;
    const remap = remapOf(chunk);
    const inArticle = new Set<number>();
    for (let s = 0; s < analysis.paragraph.length; s++) {
      const local = analysis.terms.ids.subarray(analysis.terms.offsets[s]!, analysis.terms.offsets[s + 1]!);
      const ids = Uint32Array.from(local, (id) => remap[id]!).sort();
      for (const id of ids) {
        termPassages[id] = (termPassages[id] ?? 0) + 1;
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
    titleTerms.add(title);
    articleTerms.add(inArticle);
    documents.push({ id: a, terms: analysis.searchText });
    for (const date of analysis.dates) dates.push(date);
  }
  const data: Merged["data"] = {
    articles: admission.articles,
    passages: {
      article: column.article.finish(),
      paragraph: column.paragraph.finish(),
      sentence: column.sentence.finish(),
      start: column.start.finish(),
      end: column.end.finish(),
      terms: { ids: column.termIds.finish(), offsets: column.termOffsets.finish() },
    },
    titleTerms: titleTerms.finish(),
    articleTerms: articleTerms.finish(),
    termText: interner.text,
    termPassages: Uint32Array.from({ length: interner.text.length }, (_, id) => termPassages[id] ?? 0),
  };
  return { data, problems: admission.problems, documents, dates };
}
