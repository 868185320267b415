/**
 * The digest outbox: every digest and, per destination, the state of each of
 * its items (pending → sent | failed), persisted as one JSON file written
 * atomically (temp file, fsync, rename). A crash at any point leaves either
 * the old file or the new one, never half of one.
 */
import { closeSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, writeSync } from "node:fs";
import { dirname } from "node:path";
import { z } from "zod";
import type { Reply } from "../../commands/reply.ts";

export const ItemState = z.enum(["pending", "sent", "failed"]);
export type ItemState = z.infer<typeof ItemState>;

const Destination = z.object({
  /** State per item index. */
  items: z.record(z.string(), ItemState),
  /** The last error, for reporting a destination that keeps failing. */
  error: z.string().optional(),
  /** Runs that ended with a transient error here; after MAX_ATTEMPTS the rest is marked failed. */
  attempts: z.number().int().default(0),
});

const DigestRecord = z.object({
  id: z.string(),
  createdAt: z.string(),
  /** What to post, in order: the header, then one item per article (platform-neutral replies). */
  messages: z.array(z.custom<Reply>((v) => typeof v === "object" && v !== null && "blocks" in v)),
  articleIds: z.array(z.string()),
  destinations: z.record(z.string(), Destination),
});
export type DigestRecord = z.infer<typeof DigestRecord>;

const StoreFile = z.object({
  version: z.literal(1),
  digests: z.array(DigestRecord),
  /** Articles already included in a posted digest, so the schedule posts only what is new. */
  postedArticleIds: z.array(z.string()),
});
type StoreFile = z.infer<typeof StoreFile>;

/** The store cannot be read: digests are off until it is fixed; questions are unaffected. */
export class DigestStoreError extends Error {
  override readonly name = "DigestStoreError";
}

const EMPTY: StoreFile = { version: 1, digests: [], postedArticleIds: [] };

export class DigestStore {
  private data: StoreFile;

  /** Opens (or starts) the store at `file`. Throws DigestStoreError for an unreadable or corrupt file. */
  constructor(readonly file: string) {
    this.data = DigestStore.read(file);
  }

  private static read(file: string): StoreFile {
    let text: string;
    try {
      text = readFileSync(file, "utf8");
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return structuredClone(EMPTY);
      throw new DigestStoreError(`digest store ${file} cannot be read: ${(error as NodeJS.ErrnoException).code ?? error}`);
    }
    try {
      return StoreFile.parse(JSON.parse(text));
    } catch (error) {
      throw new DigestStoreError(`digest store ${file} is corrupt (${(error as Error).message.split("\n")[0]}); move it aside to start a new one`);
    }
  }

  private save(): void {
    mkdirSync(dirname(this.file), { recursive: true });
    const temp = `${this.file}.${process.pid}.tmp`;
    const fd = openSync(temp, "w");
    try {
      writeSync(fd, JSON.stringify(this.data));
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, this.file);
  }

  digest(id: string): DigestRecord | undefined {
    return this.data.digests.find((d) => d.id === id);
  }

  /** Digests with items not yet sent or failed somewhere: what a restart must finish. */
  unfinished(): DigestRecord[] {
    return this.data.digests.filter((d) => Object.values(d.destinations).some((dest) => d.messages.some((_, i) => (dest.items[i] ?? "pending") === "pending")));
  }

  /** Records a new digest for the given destinations (all items pending). Idempotent by id. */
  add(record: Omit<DigestRecord, "destinations">, destinations: readonly string[]): DigestRecord {
    const existing = this.digest(record.id);
    if (existing) return existing;
    const full: DigestRecord = { ...record, destinations: Object.fromEntries(destinations.map((d) => [d, { items: {}, attempts: 0 }])) };
    this.data.digests.push(full);
    this.save();
    return full;
  }

  state(id: string, destination: string, item: number): ItemState {
    return this.digest(id)?.destinations[destination]?.items[item] ?? "pending";
  }

  /** Counts a run that ended with a transient error at a destination; returns the count. */
  attempt(id: string, destination: string, error: string): number {
    const dest = this.digest(id)?.destinations[destination];
    if (!dest) throw new Error(`digest store: no destination ${destination} for digest ${id}`);
    dest.attempts += 1;
    dest.error = error;
    this.save();
    return dest.attempts;
  }

  /** Records an item's new state, durably, before returning. */
  mark(id: string, destination: string, item: number, state: ItemState, error?: string): void {
    const dest = this.digest(id)?.destinations[destination];
    if (!dest) throw new Error(`digest store: no destination ${destination} for digest ${id}`);
    dest.items[item] = state;
    if (error) dest.error = error;
    this.save();
  }

  /** Notes that these articles have been in a posted digest. */
  markPosted(articleIds: readonly string[]): void {
    this.data.postedArticleIds = [...new Set([...this.data.postedArticleIds, ...articleIds])];
    this.save();
  }

  posted(): ReadonlySet<string> {
    return new Set(this.data.postedArticleIds);
  }
}
