/**
 * Every process answers from the same articles: an article a moderator adds
 * through any process is written to that process's corpus folder and recorded
 * in the store's registry; every other process writes the registry's
 * articles it lacks into its own folder and reloads — at once when told
 * (PostgreSQL LISTEN/NOTIFY), and by polling every SYNC_POLL_MS otherwise.
 */
import { existsSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import type { Logger } from "pino";
import type { ReloadResult } from "./core/live-library.ts";
import { ARTICLES_CHANNEL, type Store, textHash } from "./store/index.ts";

/** How often a process without LISTEN/NOTIFY (the embedded store) looks for new articles. */
export const SYNC_POLL_MS = 5_000;
/** With LISTEN/NOTIFY, a safety poll in case a notification was missed (a dropped connection). */
const SAFETY_POLL_MS = 60_000;
/** Notifications arriving together cause one pull. */
const SETTLE_MS = 100;

export class ArticleSync {
  private timer?: NodeJS.Timeout;
  private settle?: NodeJS.Timeout;
  private unlisten?: () => Promise<void>;
  private pulling?: Promise<number>;
  /** Registered files already here (written, found equal, or found different and reported): not read again. */
  private readonly settled = new Set<string>();

  constructor(
    private readonly store: Store,
    /** The corpus folder moderators' articles are written to. */
    private readonly dir: string,
    private readonly reload: (written: readonly string[]) => ReloadResult,
    private readonly log: Logger,
    private readonly pollMs = SYNC_POLL_MS,
  ) {}

  /** Records an article this process has just written at `path`; false (and a log line) when the store cannot be reached. */
  async publish(path: string, addedBy: string, url?: string): Promise<boolean> {
    try {
      await this.store.articles.add({ fileName: basename(path), text: readFileSync(path, "utf8"), url, addedBy });
      return true;
    } catch (err) {
      this.log.error({ err, file: basename(path) }, "could not record an added article in the store; other processes will not have it");
      return false;
    }
  }

  /** Writes the registered articles this folder lacks, then reloads if it wrote any; returns how many it wrote. */
  pull(): Promise<number> {
    this.pulling ??= this.pullOnce().finally(() => (this.pulling = undefined));
    return this.pulling;
  }

  private async pullOnce(): Promise<number> {
    const written: string[] = [];
    for (const { fileName, textHash: hash } of await this.store.articles.list()) {
      if (this.settled.has(fileName)) continue;
      const path = join(this.dir, fileName);
      if (existsSync(path)) {
        this.settled.add(fileName);
        if (textHash(readFileSync(path, "utf8")) !== hash) this.log.warn({ file: fileName }, "a registered article differs from the local file of that name; the local file is kept");
        continue;
      }
      const text = await this.store.articles.text(fileName);
      if (text === undefined) continue;
      const temp = join(this.dir, `.${fileName}.${process.pid}.sync.tmp`);
      writeFileSync(temp, text, "utf8");
      renameSync(temp, path);
      this.settled.add(fileName);
      written.push(path);
    }
    if (written.length > 0) {
      const result = this.reload(written);
      this.log.info({ written: written.length, ok: result.ok }, "articles added elsewhere are now here");
    }
    return written.length;
  }

  /** Pulls now, then whenever told or every poll interval. */
  async start(): Promise<void> {
    const pullNow = () => void this.pull().catch((err: unknown) => this.log.warn({ err }, "could not read the article registry"));
    pullNow();
    await this.pulling?.catch(() => undefined);
    const pullSoon = () => {
      clearTimeout(this.settle);
      this.settle = setTimeout(pullNow, SETTLE_MS);
    };
    this.unlisten = await this.store.connection.listen?.(ARTICLES_CHANNEL, pullSoon).catch((err: unknown) => {
      this.log.warn({ err }, "cannot listen for new articles; polling instead");
      return undefined;
    });
    this.timer = setInterval(pullNow, this.unlisten ? SAFETY_POLL_MS : this.pollMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    clearTimeout(this.settle);
    await this.unlisten?.().catch(() => undefined);
    await this.pulling?.catch(() => undefined);
  }
}
