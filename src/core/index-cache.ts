/**
 * The persisted index: everything a library builds from its corpus (the index
 * data — articles, passage columns, term ids — the MiniSearch index, timeline
 * events by passage id, load problems), saved with node:v8 under a key made
 * from the corpus files' names, sizes and modification times and the index
 * format. A start with an unchanged corpus
 * loads it instead of rebuilding; any change to the corpus or the format
 * makes a new key. Every record carries a CRC-32 of its bytes: a file that
 * was damaged on disk (a flipped byte would otherwise be quoted as evidence)
 * fails the check and the index is rebuilt. The date each passage gives is
 * kept beside it in a file of its own (`dates-<key>.v8`), read only when an
 * update needs it (index-update.ts).
 */
import { createHash } from "node:crypto";
import { closeSync, fstatSync, mkdirSync, openSync, readSync, readdirSync, renameSync, rmSync, statSync, writeSync } from "node:fs";
import { join, resolve } from "node:path";
import { deserialize, serialize } from "node:v8";
import zlib from "node:zlib";
import { type StoredSearch, loadSearch, storeSearch } from "./stored-search.ts";
import type { Article } from "./article.ts";
import { type CorpusProblem, type CorpusScan, scanCorpus } from "./corpus.ts";
import { type CorpusIndex, INDEX_OPTIONS, type IndexData, assembleIndex } from "./passage-index.ts";
import { findDate } from "./dates.ts";
import { type PassageDates, packDates } from "./passage-dates.ts";
import type { EventExtraction, ExtractedEvent } from "./timeline.ts";

/** Bump when the index's shape or the way it is built changes. */
export const INDEX_FORMAT = 31;
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
}

/** A key for the corpus as it is on disk now: file names, sizes and times, plus the index format and options. */
export function corpusKey(dirs: readonly string[], scan: CorpusScan = scanCorpus(dirs)): string {
  const hash = createHash("sha256").update(`format ${INDEX_FORMAT}|${JSON.stringify({ ...INDEX_OPTIONS, tokenize: undefined, processTerm: undefined })}`);
  for (const dir of dirs) hash.update(`|dir ${resolve(dir)}`);
  for (const entry of scan.entries) if ("problem" in entry) hash.update(`|missing ${resolve(entry.problem.file)}`);
  for (const [file, signature] of scan.signatures) hash.update(`|${resolve(file)}:${signature}`);
  return hash.digest("hex").slice(0, 24);
}

/**
 * Articles per record. The file is a run of records (a 4-byte length, then a
 * node:v8 payload), each read into a buffer that is garbage once read (unless
 * its typed arrays view it), so a load holds little more than the index itself
 * even at tens of thousands of articles.
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

function writeRecords(file: string, records: unknown[]): void {
  const fd = openSync(file, "w");
  try {
    for (const record of records) {
      const body = serialize(record);
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

function writeAtomically(file: string, records: unknown[]): void {
  const temp = `${file}.${process.pid}.tmp`;
  writeRecords(temp, records);
  renameSync(temp, file);
}

function readFully(fd: number, buffer: Buffer, length: number): boolean {
  let read = 0;
  while (read < length) {
    const n = readSync(fd, buffer, read, length - read, null);
    if (n === 0) return false;
    read += n;
  }
  return true;
}

/** Reads the records of a cache file in order. */
class RecordReader {
  private readonly fd: number;
  private readonly head = Buffer.alloc(RECORD_HEAD);
  /** Bytes not yet read: a record claiming more is damaged (and must not make us allocate it). */
  private remaining: number;

  constructor(file: string) {
    this.fd = openSync(file, "r");
    this.remaining = fstatSync(this.fd).size;
  }

  /**
   * The next record, read into a buffer of its own: node:v8 deserializes an
   * aligned typed array as a view over that buffer, so none is copied.
   */
  next(): unknown {
    const length = this.length();
    return this.payload(Buffer.allocUnsafeSlow(length), length);
  }

  close(): void {
    closeSync(this.fd);
  }

  private length(): number {
    if (!readFully(this.fd, this.head, RECORD_HEAD)) throw new Error("index cache: missing record");
    const length = this.head.readUInt32LE(0);
    this.remaining -= RECORD_HEAD + length;
    if (this.remaining < 0) throw new Error("index cache: record longer than the file");
    return length;
  }

  private payload(buffer: Buffer, length: number): unknown {
    if (!readFully(this.fd, buffer, length)) throw new Error("index cache: truncated record");
    const bytes = buffer.subarray(0, length);
    if (checksum(bytes) !== this.head.readUInt32LE(4)) throw new Error("index cache: checksum mismatch");
    return deserialize(bytes);
  }
}

/** Loads a cached build for this key, or undefined (missing, unreadable or from another version). */
export function loadCached(cacheDir: string, key: string): Built | undefined {
  let stored: Stored;
  try {
    const reader = new RecordReader(join(cacheDir, `index-${key}.v8`));
    try {
      const header = reader.next() as Header;
      if (header?.format !== INDEX_FORMAT || header.key !== key) return undefined;
      const data = reader.next() as Omit<IndexData, "articles">;
      const rest = reader.next() as Omit<Stored, "data">;
      const articles: Article[] = [];
      for (let i = 0; i < header.articleRecords; i++) for (const article of reader.next() as Article[]) articles.push(article);
      stored = { ...rest, data: { ...data, articles } };
    } finally {
      reader.close();
    }
  } catch {
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
    const batches: Article[][] = [];
    for (let i = 0; i < articles.length; i += ARTICLES_PER_RECORD) batches.push(articles.slice(i, i + ARTICLES_PER_RECORD));
    const header: Header = { format: INDEX_FORMAT, key, articleRecords: batches.length };
    const rest = {
      search: storeSearch(built.index.search),
      events: built.events().map((event) => ({ ...event, passages: event.passages.map((p) => p.id) })),
      problems: built.problems,
    };
    // The dates first: an index file is only ever found with its dates beside it.
    writeAtomically(join(cacheDir, `dates-${key}.v8`), [built.dates()]);
    writeAtomically(join(cacheDir, `index-${key}.v8`), [header, data, rest, ...batches]);
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
