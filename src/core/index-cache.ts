/**
 * The persisted index: everything a library builds from its corpus (the index
 * data — articles, passage columns, term ids — the MiniSearch index, timeline
 * events by passage id, load problems), saved with node:v8 under a key made
 * from the corpus files' names, sizes and modification times and the index
 * format. A start with an unchanged corpus
 * loads it instead of rebuilding; any change to the corpus or the format
 * makes a new key. Every record carries a CRC-32 of its bytes: a file that
 * was damaged on disk (a flipped byte would otherwise be quoted as evidence)
 * fails the check and the index is rebuilt. The articles' text (over half
 * the file at 10,000 articles) ends the file, one record an article, and is
 * read when an article's paragraphs are first asked for (StoredTexts): a start
 * reads what finds passages, not every sentence, so it pays neither for
 * reading nor for keeping text no question reaches. The date each passage
 * gives is kept beside it in a file of its own (`dates-<key>.v8`), read only
 * when an update needs it (index-update.ts).
 */
import { createHash } from "node:crypto";
import { closeSync, fstatSync, mkdirSync, openSync, readSync, readdirSync, renameSync, rmSync, statSync, writeSync } from "node:fs";
import { join, resolve } from "node:path";
import { deserialize, serialize } from "node:v8";
import zlib from "node:zlib";
import { type StoredSearch, loadSearch, storeSearch } from "./stored-search.ts";
import type { Article } from "./article.ts";
import { type CorpusProblem, type CorpusScan, loadArticleFile, scanCorpus } from "./corpus.ts";
import { type CorpusIndex, INDEX_OPTIONS, type IndexData, assembleIndex } from "./passage-index.ts";
import { findDate } from "./dates.ts";
import { type PassageDates, packDates } from "./passage-dates.ts";
import type { EventExtraction, ExtractedEvent } from "./timeline.ts";

/** Bump when the index's shape or the way it is built changes. */
export const INDEX_FORMAT = 34;
/** Cache files kept; older ones are removed. */
const KEEP = 4;

export interface Built {
  index: CorpusIndex;
  /** The timeline's events; from the cache they are made on first use (~0.1 s at 10,000 articles, not on the way to the first answer). */
  events(): ExtractedEvent[];
  /**
   * The date each passage gives, by passage id: what an update needs to make
   * the events again (index-update.ts). From the cache they are read on first
   * use, from a file of their own, so a start does not pay for them.
   */
  dates(): PassageDates;
  /** The extraction that made the events, when they were made in this process (an update may go on from it). */
  extraction(): EventExtraction | undefined;
  problems: CorpusProblem[];
}

/** What is written: plain data and typed arrays only; events name their passages by id. */
interface Stored {
  data: IndexData;
  search: StoredSearch;
  events: (Omit<ExtractedEvent, "passages"> & { passages: number[] })[];
  problems: CorpusProblem[];
  /** Where each article's text record starts, from the start of the text: article i's is textOffsets[i] .. textOffsets[i+1]. */
  textOffsets: Float64Array;
}

/** An article as its record in the file holds it: all but its paragraphs. */
type ArticleHead = Omit<Article, "paragraphs">;

/** A key for the corpus as it is on disk now: file names, sizes and times, plus the index format and options. */
export function corpusKey(dirs: readonly string[], scan: CorpusScan = scanCorpus(dirs)): string {
  const hash = createHash("sha256").update(`format ${INDEX_FORMAT}|${JSON.stringify({ ...INDEX_OPTIONS, tokenize: undefined, processTerm: undefined })}`);
  for (const dir of dirs) hash.update(`|dir ${resolve(dir)}`);
  for (const entry of scan.entries) if ("problem" in entry) hash.update(`|missing ${resolve(entry.problem.file)}`);
  for (const [file, signature] of scan.signatures) hash.update(`|${resolve(file)}:${signature}`);
  return hash.digest("hex").slice(0, 24);
}

/**
 * Articles (all but their text) per record. The file is a run of records (a
 * length and a checksum, then a node:v8 payload), each read into a buffer that
 * is garbage once read (unless its typed arrays view it), so a load holds
 * little more than the index itself even at tens of thousands of articles.
 */
const ARTICLES_PER_RECORD = 500;

interface Header {
  format: number;
  key: string;
  articleRecords: number;
}

/** CRC-32 of a record's bytes (zlib's, from Node 20.15; a SHA-1 prefix before that). */
const checksum: (bytes: Uint8Array) => number =
  typeof (zlib as { crc32?: unknown }).crc32 === "function"
    ? (bytes) => (zlib as unknown as { crc32: (b: Uint8Array) => number }).crc32(bytes)
    : (bytes) => createHash("sha1").update(bytes).digest().readUInt32LE(0);

/** Each record: its length and the CRC-32 of its payload (4 bytes each, little-endian), then the payload. */
const RECORD_HEAD = 8;

function writeRecords(file: string, bodies: readonly Uint8Array[]): void {
  const fd = openSync(file, "w");
  try {
    for (const body of bodies) {
      const head = Buffer.alloc(RECORD_HEAD);
      head.writeUInt32LE(body.length, 0);
      head.writeUInt32LE(checksum(body), 4);
      writeSync(fd, head);
      writeSync(fd, body);
    }
  } finally {
    closeSync(fd);
  }
}

function writeAtomically(file: string, bodies: readonly Uint8Array[]): void {
  const temp = `${file}.${process.pid}.tmp`;
  writeRecords(temp, bodies);
  renameSync(temp, file);
}

/** Reads `length` bytes at `position` (or where the file is, when null); false when the file ends first. */
function readFully(fd: number, buffer: Buffer, length: number, position: number | null = null): boolean {
  let read = 0;
  while (read < length) {
    const n = readSync(fd, buffer, read, length - read, position === null ? null : position + read);
    if (n === 0) return false;
    read += n;
  }
  return true;
}

/** A record's payload, once its length and checksum are checked. */
function checkedPayload(head: Buffer, bytes: Buffer): unknown {
  if (checksum(bytes) !== head.readUInt32LE(4)) throw new Error("index cache: checksum mismatch");
  return deserialize(bytes);
}

/** Reads the records of a cache file in order. */
class RecordReader {
  readonly fd: number;
  private readonly head = Buffer.alloc(RECORD_HEAD);
  readonly size: number;
  /** Bytes read so far: where the next record starts. */
  position = 0;

  constructor(file: string) {
    this.fd = openSync(file, "r");
    this.size = fstatSync(this.fd).size;
  }

  /**
   * The next record, read into a buffer of its own: node:v8 deserializes an
   * aligned typed array as a view over that buffer, so none is copied.
   */
  next(): unknown {
    if (!readFully(this.fd, this.head, RECORD_HEAD)) throw new Error("index cache: missing record");
    const length = this.head.readUInt32LE(0);
    // A record claiming more than the file holds is damaged (and must not make us allocate it).
    if (this.position + RECORD_HEAD + length > this.size) throw new Error("index cache: record longer than the file");
    const buffer = Buffer.allocUnsafeSlow(length);
    if (!readFully(this.fd, buffer, length)) throw new Error("index cache: truncated record");
    this.position += RECORD_HEAD + length;
    return checkedPayload(this.head, buffer);
  }

  close(): void {
    closeSync(this.fd);
  }
}

/** Closes the file of texts no article reaches any more. */
const closeUnreached = new FinalizationRegistry<number>((fd) => closeSync(fd));

/**
 * The articles' text at the end of a cache file, read one article at a time
 * when first asked for. The file stays open while any of its articles lives,
 * so a newer process replacing or removing it does not take the text away.
 * A record that fails its check (a damaged disk) is read from the article's
 * own file instead: the key says that file is as it was when the index was
 * made, and a damaged byte is never quoted.
 */
class StoredTexts {
  constructor(
    private readonly fd: number,
    private readonly start: number,
    private readonly offsets: Float64Array,
  ) {
    closeUnreached.register(this, fd);
  }

  paragraphs(i: number, head: ArticleHead): string[] {
    try {
      const at = this.offsets[i]!;
      const buffer = Buffer.allocUnsafe(this.offsets[i + 1]! - at);
      if (!readFully(this.fd, buffer, buffer.length, this.start + at)) throw new Error("index cache: truncated text");
      if (buffer.readUInt32LE(0) !== buffer.length - RECORD_HEAD) throw new Error("index cache: text of the wrong length");
      const paragraphs = checkedPayload(buffer, buffer.subarray(RECORD_HEAD));
      if (Array.isArray(paragraphs) && paragraphs.every((p) => typeof p === "string")) return paragraphs;
    } catch {
      // Read from the article's file below.
    }
    const paragraphs = loadArticleFile(head.file).article?.paragraphs;
    if (!paragraphs) throw new Error(`index cache: the stored text of "${head.id}" is damaged and ${head.file} no longer reads as an article`);
    return paragraphs;
  }

  /** The article, its paragraphs read on first use and kept. */
  article(i: number, head: ArticleHead): Article {
    Object.defineProperty(head, STORED, { value: { texts: this, i, paragraphs: undefined } satisfies StoredText });
    return Object.defineProperty(head, "paragraphs", STORED_PARAGRAPHS) as Article;
  }
}

/** Where an article's paragraphs are stored, and the paragraphs once read. */
interface StoredText {
  texts: StoredTexts;
  i: number;
  paragraphs: string[] | undefined;
}

const STORED = Symbol("stored text");

/**
 * One accessor for every stored article's paragraphs: a getter of its own on
 * each would give each article an object shape of its own and make every
 * read of an article's fields slower.
 */
const STORED_PARAGRAPHS = {
  enumerable: true,
  configurable: true,
  get(this: ArticleHead & { [STORED]: StoredText }) {
    const stored = this[STORED];
    return (stored.paragraphs ??= stored.texts.paragraphs(stored.i, this));
  },
};

/** Loads a cached build for this key, or undefined (missing, unreadable or from another version). */
export function loadCached(cacheDir: string, key: string): Built | undefined {
  let stored: Stored;
  let reader: RecordReader | undefined;
  try {
    reader = new RecordReader(join(cacheDir, `index-${key}.v8`));
    const header = reader.next() as Header;
    if (header?.format !== INDEX_FORMAT || header.key !== key) throw new Error("index cache: another format or key");
    const data = reader.next() as Omit<IndexData, "articles">;
    const rest = reader.next() as Omit<Stored, "data">;
    const heads: ArticleHead[] = [];
    for (let i = 0; i < header.articleRecords; i++) for (const head of reader.next() as ArticleHead[]) heads.push(head);
    const offsets = rest.textOffsets;
    if (offsets.length !== heads.length + 1 || reader.position + offsets[heads.length]! !== reader.size) throw new Error("index cache: the text does not end the file");
    const texts = new StoredTexts(reader.fd, reader.position, offsets);
    const articles = heads.map((head, i) => texts.article(i, head));
    stored = { ...rest, data: { ...data, articles } };
  } catch {
    reader?.close();
    return undefined;
  }
  const index: CorpusIndex = assembleIndex(stored.data, loadSearch(stored.search, INDEX_OPTIONS));
  let events: ExtractedEvent[] | undefined;
  const made = () => (events ??= stored.events.map((event) => ({ ...event, passages: event.passages.map((id) => index.passages.at(id)!) })));
  let dates: PassageDates | undefined;
  const datesOf = () => (dates ??= loadDates(join(cacheDir, `dates-${key}.v8`)) ?? packDates(readDates(index)));
  return { index, events: made, dates: datesOf, extraction: () => undefined, problems: stored.problems };
}

/** The stored passage dates, or undefined when the file is missing or damaged. */
function loadDates(file: string): PassageDates | undefined {
  try {
    const reader = new RecordReader(file);
    try {
      return reader.next() as PassageDates;
    } finally {
      reader.close();
    }
  } catch {
    return undefined;
  }
}

/** Reads every passage's date again (~8 µs a passage): only when the stored dates are lost. */
function readDates(index: CorpusIndex) {
  return Array.from(index.passages, (passage) => findDate(passage.text, index.articles[passage.article]!.date) ?? null);
}

/** Saves a build for this key (atomically), and removes old cache files. A failure to save is not fatal. */
export function saveCached(cacheDir: string, key: string, built: Built): boolean {
  try {
    mkdirSync(cacheDir, { recursive: true });
    const { articles, ...data } = built.index.data;
    const heads: ArticleHead[][] = [];
    for (let i = 0; i < articles.length; i += ARTICLES_PER_RECORD) heads.push(articles.slice(i, i + ARTICLES_PER_RECORD).map(({ paragraphs: _, ...head }) => head));
    const texts = articles.map((article) => serialize(article.paragraphs));
    const textOffsets = new Float64Array(texts.length + 1);
    texts.forEach((text, i) => (textOffsets[i + 1] = textOffsets[i]! + RECORD_HEAD + text.length));
    const header: Header = { format: INDEX_FORMAT, key, articleRecords: heads.length };
    const rest: Omit<Stored, "data"> = {
      search: storeSearch(built.index.search),
      events: built.events().map((event) => ({ ...event, passages: event.passages.map((p) => p.id) })),
      problems: built.problems,
      textOffsets,
    };
    // The dates first: an index file is only ever found with its dates beside it.
    writeAtomically(join(cacheDir, `dates-${key}.v8`), [serialize(built.dates())]);
    writeAtomically(join(cacheDir, `index-${key}.v8`), [...[header, data, rest, ...heads].map((record) => serialize(record)), ...texts]);
    const old = readdirSync(cacheDir)
      .filter((n) => /^index-.*\.v8$/.test(n))
      .map((n) => ({ n, t: statSync(join(cacheDir, n)).mtimeMs }))
      .sort((a, b) => b.t - a.t)
      .slice(KEEP);
    for (const { n } of old) for (const kind of ["index", "dates"]) rmSync(join(cacheDir, n.replace(/^index/, kind)), { force: true });
    return true;
  } catch {
    return false;
  }
}
