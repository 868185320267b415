/**
 * The persisted index: everything a library builds from its corpus (the index
 * data — articles, passage columns, term ids — the MiniSearch index, timeline
 * events by passage id, load problems), saved with node:v8 under a key made from the corpus files' names, sizes and
 * modification times and the index format. A start with an unchanged corpus
 * loads it instead of rebuilding; any change to the corpus or the format
 * makes a new key.
 */
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { deserialize, serialize } from "node:v8";
import MiniSearch, { type AsPlainObject } from "minisearch";
import type { CorpusProblem } from "./corpus.ts";
import { type CorpusIndex, INDEX_OPTIONS, type IndexData, assembleIndex } from "./passage-index.ts";
import type { ExtractedEvent } from "./timeline.ts";

/** Bump when the index's shape or the way it is built changes. */
export const INDEX_FORMAT = 5;
/** Cache files kept; older ones are removed. */
const KEEP = 4;

export interface Built {
  index: CorpusIndex;
  events: ExtractedEvent[];
  problems: CorpusProblem[];
}

/** What is written: plain data and typed arrays only; events name their passages by id. */
interface Stored {
  data: IndexData;
  search: AsPlainObject;
  events: (Omit<ExtractedEvent, "passages"> & { passages: number[] })[];
  problems: CorpusProblem[];
}

/** A key for the corpus as it is on disk now: file names, sizes and times, plus the index format and options. */
export function corpusKey(dirs: readonly string[]): string {
  const hash = createHash("sha256").update(`format ${INDEX_FORMAT}|${JSON.stringify({ ...INDEX_OPTIONS, tokenize: undefined, processTerm: undefined })}`);
  for (const dir of dirs) {
    const absolute = resolve(dir);
    hash.update(`|dir ${absolute}`);
    let names: string[] = [];
    try {
      names = readdirSync(absolute).filter((n) => /\.(md|txt|yml)$/i.test(n) && !n.startsWith(".")).sort();
    } catch {
      hash.update("|missing");
    }
    for (const name of names) {
      const stat = statSync(join(absolute, name));
      hash.update(`|${name}:${stat.size}:${stat.mtimeMs}`);
    }
  }
  return hash.digest("hex").slice(0, 24);
}

/**
 * node:v8 deserializes an aligned typed array as a view over the file's whole
 * buffer, which would keep that buffer alive; copying them lets it be freed.
 */
function detach<T>(value: T): T {
  if (ArrayBuffer.isView(value)) return (value as unknown as Uint8Array).slice() as unknown as T;
  if (value && typeof value === "object" && !Array.isArray(value)) {
    const record = value as Record<string, unknown>;
    for (const key of Object.keys(record)) record[key] = detach(record[key]);
  }
  return value;
}

/** Loads a cached build for this key, or undefined (missing, unreadable or from another version). */
export function loadCached(cacheDir: string, key: string): Built | undefined {
  let stored: Stored;
  try {
    stored = deserialize(readFileSync(join(cacheDir, `index-${key}.v8`))) as Stored;
  } catch {
    return undefined;
  }
  const index: CorpusIndex = assembleIndex(detach(stored.data), MiniSearch.loadJS(stored.search, INDEX_OPTIONS));
  const events = stored.events.map((event) => ({ ...event, passages: event.passages.map((id) => index.passages.at(id)!) }));
  return { index, events, problems: stored.problems };
}

/** Saves a build for this key (atomically), and removes old cache files. A failure to save is not fatal. */
export function saveCached(cacheDir: string, key: string, built: Built): boolean {
  try {
    mkdirSync(cacheDir, { recursive: true });
    const stored: Stored = {
      data: built.index.data,
      search: built.index.search.toJSON(),
      events: built.events.map((event) => ({ ...event, passages: event.passages.map((p) => p.id) })),
      problems: built.problems,
    };
    const file = join(cacheDir, `index-${key}.v8`);
    const temp = `${file}.${process.pid}.tmp`;
    writeFileSync(temp, serialize(stored));
    renameSync(temp, file);
    const old = readdirSync(cacheDir)
      .filter((n) => /^index-.*\.v8$/.test(n))
      .map((n) => ({ n, t: statSync(join(cacheDir, n)).mtimeMs }))
      .sort((a, b) => b.t - a.t)
      .slice(KEEP);
    for (const { n } of old) rmSync(join(cacheDir, n), { force: true });
    return true;
  } catch {
    return false;
  }
}
