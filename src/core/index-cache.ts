/**
 * The persisted index: everything a library builds from its corpus (passages,
 * the MiniSearch index, the vocabulary, timeline events, load problems),
 * saved with node:v8 under a key made from the corpus files' names, sizes and
 * modification times and the index format. A start with an unchanged corpus
 * loads it instead of rebuilding; any change to the corpus or the format
 * makes a new key.
 */
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { deserialize, serialize } from "node:v8";
import MiniSearch, { type AsPlainObject } from "minisearch";
import SearchableMap from "minisearch/SearchableMap";
import type { CorpusProblem } from "./corpus.ts";
import { type CorpusIndex, INDEX_OPTIONS } from "./passage-index.ts";
import type { ExtractedEvent } from "./timeline.ts";

/** Bump when the index's shape or the way it is built changes. */
export const INDEX_FORMAT = 3;
/** Cache files kept; older ones are removed. */
const KEEP = 4;

export interface Built {
  index: CorpusIndex;
  events: ExtractedEvent[];
  problems: CorpusProblem[];
}

type Stored = Omit<Built, "index"> & { index: Omit<CorpusIndex, "search" | "vocabulary"> & { search: AsPlainObject; vocabulary: [string, number][] } };

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

/** Loads a cached build for this key, or undefined (missing, unreadable or from another version). */
export function loadCached(cacheDir: string, key: string): Built | undefined {
  let stored: Stored;
  try {
    stored = deserialize(readFileSync(join(cacheDir, `index-${key}.v8`))) as Stored;
  } catch {
    return undefined;
  }
  const index: CorpusIndex = {
    ...stored.index,
    search: MiniSearch.loadJS(stored.index.search, INDEX_OPTIONS),
    vocabulary: SearchableMap.from(stored.index.vocabulary) as SearchableMap<number>,
  };
  return { index, events: stored.events, problems: stored.problems };
}

/** Saves a build for this key (atomically), and removes old cache files. A failure to save is not fatal. */
export function saveCached(cacheDir: string, key: string, built: Built): boolean {
  try {
    mkdirSync(cacheDir, { recursive: true });
    const stored: Stored = {
      ...built,
      index: { ...built.index, search: built.index.search.toJSON(), vocabulary: [...built.index.vocabulary.entries()] },
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
