/**
 * A library that follows its corpus folders: articles added by moderators (or
 * dropped into the folder by hand) are answered from without a restart. A
 * rebuild that fails leaves the previous index serving.
 */
import { type FSWatcher, watch } from "node:fs";
import type { CorpusProblem } from "./corpus.ts";
import { corpusKey } from "./index-cache.ts";
import { type Library, openLibrary } from "./library.ts";

/** Quiet time after the last file change before rebuilding, so a burst of writes rebuilds once. */
const SETTLE_MS = 300;

export interface ReloadResult {
  ok: boolean;
  articles: number;
  problems: CorpusProblem[];
  error?: Error;
}

export class LiveLibrary {
  private library: Library;
  /** The corpus as it was when the serving library was built; the watcher rebuilds only when it differs. */
  private builtFrom: string;
  private watchers: FSWatcher[] = [];
  private timer?: NodeJS.Timeout;

  /** `onReload` hears about every rebuild, e.g. to log its problems. */
  constructor(
    readonly dirs: readonly string[],
    private readonly onReload: (result: ReloadResult) => void = () => undefined,
    private readonly open: (dirs: readonly string[]) => Library = openLibrary,
  ) {
    this.builtFrom = corpusKey(dirs);
    this.library = open(dirs);
  }

  /** The library currently serving. */
  current(): Library {
    return this.library;
  }

  /** Rebuilds from the folders now. On failure the previous library keeps serving. */
  reload(): ReloadResult {
    let result: ReloadResult;
    try {
      const key = corpusKey(this.dirs);
      const next = this.open(this.dirs);
      this.library = next;
      this.builtFrom = key;
      result = { ok: true, articles: next.articles.length, problems: next.problems };
    } catch (error) {
      result = { ok: false, articles: this.library.articles.length, problems: [], error: error as Error };
    }
    this.onReload(result);
    return result;
  }

  /**
   * Watches the folders and rebuilds shortly after files change — unless the
   * corpus is as it was at the last build (an ingest already reloaded it).
   */
  watch(): void {
    for (const dir of this.dirs) {
      const watcher = watch(dir, (_event, name) => {
        if (name && (name.startsWith(".") || !/\.(md|txt|yml)$/i.test(name))) return;
        clearTimeout(this.timer);
        this.timer = setTimeout(() => {
          if (corpusKey(this.dirs) !== this.builtFrom) this.reload();
        }, SETTLE_MS);
      });
      watcher.on("error", () => undefined);
      this.watchers.push(watcher);
    }
  }

  close(): void {
    clearTimeout(this.timer);
    for (const watcher of this.watchers) watcher.close();
    this.watchers = [];
  }
}
