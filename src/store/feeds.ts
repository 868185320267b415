/**
 * The feeds moderators follow, in the shared store: each feed's polling state
 * (ETag and Last-Modified for conditional requests, consecutive failures,
 * whether the failure was reported, when it is next due) and the items
 * already seen, so every worker knows what is new.
 */
import type { StoreConnection } from "./connect.ts";
import type { Selectable } from "./kysely.ts";
import type { Database } from "./schema.ts";

export interface FeedState {
  url: string;
  addedBy: string;
  addedAt: number;
  etag?: string;
  lastModified?: string;
  /** False until the first poll has marked the items already there as seen. */
  seeded: boolean;
  failures: number;
  reported: boolean;
  lastError?: string;
  nextPollAt: number;
}

export type FeedUpdate = Partial<Pick<FeedState, "etag" | "lastModified" | "seeded" | "failures" | "reported" | "lastError" | "nextPollAt">>;

export class FeedStore {
  constructor(private readonly store: StoreConnection) {}

  /** Follows a feed (due at once); false when it was followed already. */
  async add(url: string, addedBy: string, now = Date.now()): Promise<boolean> {
    const result = await this.store.db.insertInto("feeds").values({ url, added_by: addedBy, added_at: now, next_poll_at: now }).onConflict((c) => c.column("url").doNothing()).executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
  }

  /** Stops following a feed, forgetting its items; false when it was not followed. */
  async remove(url: string): Promise<boolean> {
    await this.store.db.deleteFrom("feed_items").where("feed_url", "=", url).execute();
    const result = await this.store.db.deleteFrom("feeds").where("url", "=", url).executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }

  async list(): Promise<FeedState[]> {
    return this.rows(await this.store.db.selectFrom("feeds").selectAll().orderBy("added_at").orderBy("url").execute());
  }

  /** The feeds due for a poll. */
  async due(now = Date.now()): Promise<FeedState[]> {
    return this.rows(await this.store.db.selectFrom("feeds").selectAll().where("next_poll_at", "<=", now).orderBy("added_at").orderBy("url").execute());
  }

  private rows(rows: Selectable<Database["feeds"]>[]): FeedState[] {
    return rows.map((r) => ({
      url: r.url,
      addedBy: r.added_by,
      addedAt: Number(r.added_at),
      etag: r.etag ?? undefined,
      lastModified: r.last_modified ?? undefined,
      seeded: Number(r.seeded) === 1,
      failures: Number(r.failures),
      reported: Number(r.reported) === 1,
      lastError: r.last_error ?? undefined,
      nextPollAt: Number(r.next_poll_at),
    }));
  }

  async update(url: string, update: FeedUpdate): Promise<void> {
    const set: Record<string, unknown> = {};
    if ("etag" in update) set.etag = update.etag ?? null;
    if ("lastModified" in update) set.last_modified = update.lastModified ?? null;
    if (update.seeded !== undefined) set.seeded = update.seeded ? 1 : 0;
    if (update.failures !== undefined) set.failures = update.failures;
    if (update.reported !== undefined) set.reported = update.reported ? 1 : 0;
    if ("lastError" in update) set.last_error = update.lastError ?? null;
    if (update.nextPollAt !== undefined) set.next_poll_at = update.nextPollAt;
    if (Object.keys(set).length > 0) await this.store.db.updateTable("feeds").set(set).where("url", "=", url).execute();
  }

  /** Of these item keys, the ones this feed has not seen. */
  async unseen(url: string, keys: readonly string[]): Promise<string[]> {
    if (keys.length === 0) return [];
    const seen = new Set((await this.store.db.selectFrom("feed_items").select("item_key").where("feed_url", "=", url).where("item_key", "in", [...keys]).execute()).map((r) => r.item_key));
    return keys.filter((k) => !seen.has(k));
  }

  /** Marks items as seen. */
  async remember(url: string, keys: readonly string[], now = Date.now()): Promise<void> {
    if (keys.length === 0) return;
    await this.store.db
      .insertInto("feed_items")
      .values(keys.map((item_key) => ({ feed_url: url, item_key, seen_at: now })))
      .onConflict((c) => c.columns(["feed_url", "item_key"]).doNothing())
      .execute();
  }
}
