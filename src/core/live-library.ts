/**
 * A library that follows its corpus folders: articles added by moderators (or
 * dropped into the folder by hand), edited or removed are answered from
 * without a restart. The index is updated in place (index-update.ts) — at
 * 10,000 articles an added article is answerable in tens of milliseconds —
 * and rebuilt only when a glossary changes or most of the corpus did. The
 * persisted index is brought up to date a little later, off the path of the
 * change. An update or rebuild that fails leaves the previous index serving.
 */
import { type FSWatcher, watch } from "node:fs";
import { type CorpusProblem, type CorpusScan, isCorpusFileName, scanCorpus, scanWith } from "./corpus.ts";
import { GLOSSARY_FILE } from "./glossary.ts";
import { corpusKey, saveCached } from "./index-cache.ts";
import { type Library, openLibrary, updateLibrary } from "./library.ts";

/** Quiet time after the last file change before updating, so a burst of writes updates once. */
const SETTLE_MS = 300;
/** Quiet time after the last update before the persisted index is saved (~1 s of work at 10,000 articles). */
const SAVE_AFTER_MS = 10_000;
/** When more than this share of the articles changed at once, a full build (on worker threads) is as quick. */
const REBUILD_SHARE = 0.5;

export interface ReloadResult {
  ok: boolean;
  articles: number;
  problems: CorpusProblem[];
  /** How the library followed the folders: updated in place, built anew, or nothing had changed. */
  how?: "updated" | "rebuilt" | "unchanged";
  error?: Error;
}

export interface LiveOptions {
  /** Hears about every reload, e.g. to log its problems. */
  onReload?: (result: ReloadResult) => void;
  /** Builds a library from scratch, from the folders as scanned (default: openLibrary without a cache). */
  open?: (dirs: readonly string[], scan: CorpusScan) => Library;
  /** Where the persisted index is saved after updates (absent: it is not). Also where WordNet's table is kept. */
  cacheDir?: string;
}

/** The glossaries' part of a scan: a changed glossary is a full build. */
function glossarySignature(scan: CorpusScan): string {
  return [...scan.signatures].filter(([file]) => file.endsWith(GLOSSARY_FILE)).join("|");
}

export class LiveLibrary {
  private library: Library;
  /** The folders as they were when the serving library was made. */
  private scanned: CorpusScan;
  private watchers: FSWatcher[] = [];
  private timer?: NodeJS.Timeout;
  private saveTimer?: NodeJS.Timeout;
  private pendingSave?: () => void;
  private readonly open: NonNullable<LiveOptions["open"]>;

  constructor(
    readonly dirs: readonly string[],
    private readonly options: LiveOptions = {},
  ) {
    this.open = options.open ?? ((folders, scan) => openLibrary(folders, { scan }));
    this.scanned = scanCorpus(dirs);
    this.library = this.open(dirs, this.scanned);
  }

  /** The library currently serving. */
  current(): Library {
    return this.library;
  }

  /**
   * Brings the library up to the folders now: the files added, edited or
   * removed since it was made update the index in place. Given the files just
   * written (an ingest), it takes those without listing the folders. On
   * failure the previous library keeps serving.
   */
  reload(written?: readonly string[]): ReloadResult {
    return this.follow(written ? () => scanWith(this.scanned, this.dirs, written) : () => scanCorpus(this.dirs), (scan) => {
      const changed = this.changedFiles(scan);
      const removed = [...this.scanned.signatures.keys()].some((file) => !scan.signatures.has(file));
      if (glossarySignature(scan) !== glossarySignature(this.scanned) || changed.length > REBUILD_SHARE * Math.max(1, this.library.articles.length)) return this.rebuilt(scan);
      if (changed.length === 0 && !removed) return "unchanged";
      this.library = updateLibrary(this.library, scan, changed, this.options.cacheDir);
      this.saveSoon(scan);
      return "updated";
    });
  }

  /** Builds the library from scratch (as at start). On failure the previous library keeps serving. */
  rebuild(): ReloadResult {
    return this.follow(() => scanCorpus(this.dirs), (scan) => this.rebuilt(scan));
  }

  private rebuilt(scan: CorpusScan): "rebuilt" {
    this.library = this.open(this.dirs, scan);
    return "rebuilt";
  }

  private follow(scanned: () => CorpusScan, change: (scan: CorpusScan) => NonNullable<ReloadResult["how"]>): ReloadResult {
    let result: ReloadResult;
    try {
      const scan = scanned();
      const how = change(scan);
      this.scanned = scan;
      result = { ok: true, how, articles: this.library.articles.length, problems: this.library.problems };
    } catch (error) {
      result = { ok: false, articles: this.library.articles.length, problems: [], error: error as Error };
    }
    if (result.how !== "unchanged") this.options.onReload?.(result);
    return result;
  }

  /** Article files new or edited since the last scan, and those that did not load then (a clash or a problem may be gone). */
  private changedFiles(scan: CorpusScan): string[] {
    const loaded = new Set(this.library.articles.map((article) => article.file));
    return scan.entries.flatMap((entry) => {
      if ("problem" in entry) return [];
      const same = this.scanned.signatures.get(entry.file) === scan.signatures.get(entry.file);
      return same && loaded.has(entry.file) ? [] : [entry.file];
    });
  }

  /** Saves the persisted index once updates have settled, so the next start loads it instead of building. */
  private saveSoon(scan: CorpusScan): void {
    const { cacheDir } = this.options;
    if (!cacheDir) return;
    clearTimeout(this.saveTimer);
    const library = this.library;
    this.pendingSave = () => {
      this.pendingSave = undefined;
      // The key is the folders' as scanned before the update read them: a file changed since makes another key.
      if (this.library === library) saveCached(cacheDir, corpusKey(this.dirs, scan), library.built);
    };
    this.saveTimer = setTimeout(this.pendingSave, SAVE_AFTER_MS);
    this.saveTimer.unref();
  }

  /**
   * Watches the folders and updates shortly after files change — unless the
   * corpus is as it was (an ingest already updated it).
   */
  watch(): void {
    for (const dir of this.dirs) {
      const watcher = watch(dir, (_event, name) => {
        if (name && !isCorpusFileName(name)) return;
        clearTimeout(this.timer);
        this.timer = setTimeout(() => this.reload(), SETTLE_MS);
      });
      watcher.on("error", () => undefined);
      this.watchers.push(watcher);
    }
  }

  /** Stops watching; an index update not yet persisted is saved now. */
  close(): void {
    clearTimeout(this.timer);
    for (const watcher of this.watchers) watcher.close();
    this.watchers = [];
    clearTimeout(this.saveTimer);
    this.pendingSave?.();
  }
}
