/**
 * The core's front door: load corpus folders into a searchable library and
 * ask it things. Adapters and the CLI hold one Library and call its methods.
 */
import { projectPath } from "../paths.ts";
import MiniSearch from "minisearch";
import { type Answer, type AnswerOptions, answer } from "./answer/index.ts";
import type { Article } from "./article.ts";
import { Merger } from "./analysis.ts";
import { analyzeFiles } from "./analysis.ts";
import { type CorpusProblem, type CorpusScan, listCorpusFiles } from "./corpus.ts";
import { learnAcronyms, learnInitialisms, loadGlossaries } from "./glossary.ts";
import { type Digest, type DigestQuery, digest } from "./digest.ts";
import { type Built, corpusKey, loadCached, saveCached } from "./index-cache.ts";
import { updateIndex } from "./index-update.ts";
import type { Candidate } from "./ingest.ts";
import { analyzeFilesInParallel } from "./parallel.ts";
import { packDates } from "./passage-dates.ts";
import { nearArticles } from "./similar.ts";
import { lexiconFor, wordnetLexicon } from "./lexicon.ts";
import { type CorpusIndex, INDEX_OPTIONS, type IndexedArticle, assembleIndex } from "./passage-index.ts";
import { type Summary, type SummaryRequest, summarize } from "./summary.ts";
import { EventExtraction, type ExtractedEvent, type TimelineEvent, type TimelineQuery, timeline } from "./timeline.ts";

/** The bundled corpus folder, found from this file so it works from any working directory. */
export const DEFAULT_CORPUS_DIR = projectPath("corpus");

export interface Library {
  /** The folders this library was loaded from. */
  dirs: readonly string[];
  index: CorpusIndex;
  /** Files that could not be loaded, with why. The rest still serve. */
  problems: CorpusProblem[];
  articles: readonly Article[];
  /** Dated events, extracted once per library (from the persisted index, on first use). */
  readonly events: readonly ExtractedEvent[];
  /** What the library was made from: what an update starts from, and what is persisted. */
  built: Built;
  /** True when the index came from the persisted index rather than a build. */
  fromCache: boolean;
  /** The articles a new one might repeat (for the duplicate check; see similar.ts). */
  nearArticles(candidate: Candidate): Article[];
  ask(question: string, options?: AnswerOptions): Answer;
  summarize(request: SummaryRequest): Summary;
  timeline(query?: TimelineQuery): TimelineEvent[];
  digest(query?: DigestQuery): Digest;
}

/**
 * Answers one question made from the corpus's own first title, so the JIT has
 * compiled the answer path before the first user asks (≈20 ms cold, ≈2 ms warm),
 * and makes the tables the index makes on first use.
 */
function warmUp(index: CorpusIndex): void {
  const title = index.articles[0]?.title;
  if (title) answer(index, `What about ${title}?`);
  // The tables made on first use — initials for acronyms no article has, English words, proper nouns,
  // nouns for people — are made now, so no user's question waits for them.
  index.namesFor("");
  index.isEnglish("");
  index.isProperNoun("");
  index.isCollective("");
}

/** Where persisted indexes are kept by default (gitignored). */
export const DEFAULT_CACHE_DIR = projectPath(".cache");

export interface OpenOptions {
  /** Load the index from this folder when the corpus is unchanged, and save it there after a build. */
  cacheDir?: string;
  /** Threads that analyse a large corpus (default: the machine's cores, at most 4; 1 analyses on this thread). */
  threads?: number;
  /** Answer one question at once so the first user's is fast (default true; a one-shot CLI run skips it). */
  warmUp?: boolean;
  /** Hears how a build goes: files analysed so far, of all (not called when the index comes from the cache). */
  onProgress?: (done: number, total: number) => void;
  /** The folders as already scanned (saves listing them again). */
  scan?: CorpusScan;
  /** Hears why a build gave up on its worker threads (it goes on, slower, on this thread). */
  onWorkerError?: (error: Error) => void;
}

/**
 * Loads, analyses and indexes the folders: a large corpus is analysed on
 * worker threads while this thread merges and indexes the chunks already done.
 */
function build(dirs: readonly string[], { threads, cacheDir = DEFAULT_CACHE_DIR, onProgress, onWorkerError, scan }: OpenOptions): Built {
  const entries = scan?.entries ?? listCorpusFiles(dirs);
  const files = entries.flatMap((entry) => ("file" in entry ? [entry.file] : []));
  const merger = new Merger(entries);
  const search = new MiniSearch<IndexedArticle>(INDEX_OPTIONS);
  let done = 0;
  for (const chunk of analyzeFilesInParallel(files, { threads, onWorkerError })) {
    search.addAll(merger.add(chunk));
    done += chunk.files.length;
    onProgress?.(done, files.length);
  }
  const merged = merger.finish();
  const glossary = loadGlossaries(dirs);
  const aliasPhrases = [...glossary.groups, ...learnAcronyms(merged.data.articles)];
  const lexicon = lexiconFor(wordnetLexicon(cacheDir), new Set(merged.data.termText));
  const index = assembleIndex({ ...merged.data, aliasPhrases, ...lexicon, initialisms: learnInitialisms(merged.data.articles) }, search);
  const extraction = new EventExtraction(index).extend(index, (passage) => merged.dates[passage.id]);
  const events = extraction.events();
  const dates = packDates(merged.dates);
  return { index, events: () => events, dates: () => dates, extraction: () => extraction, problems: [...merged.problems, ...glossary.problems] };
}

/** Loads and indexes the given corpus folders (the bundled corpus by default), from the cache when it can. */
export function openLibrary(dirs: readonly string[] = [DEFAULT_CORPUS_DIR], options: OpenOptions = {}): Library {
  const key = options.cacheDir ? corpusKey(dirs, options.scan) : "";
  const cached = options.cacheDir ? loadCached(options.cacheDir, key) : undefined;
  const built = cached ?? build(dirs, options);
  if (options.cacheDir && !cached) saveCached(options.cacheDir, key, built);
  if (options.warmUp !== false) warmUp(built.index);
  return libraryOf(dirs, built, cached !== undefined);
}

/**
 * The library with some files read anew — added, edited, or with problems
 * before — and files no longer in `scan` gone, by updating its index in place
 * of a rebuild (index-update.ts). `library` must not be used afterwards.
 * A changed glossary needs `openLibrary` instead.
 */
export function updateLibrary(library: Library, scan: CorpusScan, files: readonly string[], cacheDir: string = DEFAULT_CACHE_DIR): Library {
  const built = updateIndex(library.built, {
    entries: scan.entries,
    fresh: analyzeFiles(files),
    glossaryGroups: loadGlossaries(library.dirs).groups,
    lexicon: () => wordnetLexicon(cacheDir),
  });
  return libraryOf(library.dirs, built, false);
}

function libraryOf(dirs: readonly string[], built: Built, fromCache: boolean): Library {
  const { index, events, problems } = built;
  return {
    dirs,
    built,
    fromCache,
    index,
    problems,
    articles: index.articles,
    get events() {
      return events();
    },
    ask: (question, options) => answer(index, question, options),
    summarize: (request) => summarize(index, request),
    timeline: (query) => timeline(index, events(), query),
    digest: (query) => digest(index, query),
    nearArticles: (candidate) => nearArticles(index, candidate),
  };
}
