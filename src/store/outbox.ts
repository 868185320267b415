/**
 * The digest outbox in the shared store: every digest, and per destination
 * the state of each item (pending → sent | failed). An item is sent inside a
 * transaction that holds its row (FOR UPDATE SKIP LOCKED on PostgreSQL, the
 * write lock on SQLite) and marked sent before the transaction ends, so two
 * processes never send the same item at once, and a process that dies
 * mid-send leaves the item pending — the lock goes with its connection — for
 * the next run to send again (with the same key: Discord drops the repeat).
 */
import type { Reply } from "../reply.ts";
import type { ExpressionBuilder } from "./kysely.ts";
import type { StoreConnection } from "./connect.ts";
import type { Database } from "./schema.ts";

export type ItemState = "pending" | "sent" | "failed";

export interface DigestRecord {
  id: string;
  createdAt: string;
  /** What to post, in order: the header, then one item per article (platform-neutral replies). */
  messages: Reply[];
  articleIds: string[];
  destinations: string[];
}

export interface DestinationReport {
  destination: string;
  sent: number;
  failed: number;
  pending: number;
  error?: string;
}

/** What became of an attempt to send an item. */
export type SendOutcome = "sent" | "done already" | "busy";

/** The row of one item of a digest at a destination. */
function theItem(id: string, destination: string, idx: number) {
  return (eb: ExpressionBuilder<Database, "digest_items">) => eb.and({ digest_id: id, destination, idx });
}

export class Outbox {
  constructor(private readonly store: StoreConnection) {}

  private get db() {
    return this.store.db;
  }

  /** Records a new digest for the given destinations (all items pending). Idempotent by id. */
  async add(record: Omit<DigestRecord, "destinations">, destinations: readonly string[]): Promise<DigestRecord> {
    await this.store.transaction(async (trx) => {
      const inserted = await trx
        .insertInto("digests")
        .values({ id: record.id, created_at: record.createdAt, messages: JSON.stringify(record.messages), article_ids: JSON.stringify(record.articleIds) })
        .onConflict((c) => c.column("id").doNothing())
        .executeTakeFirst();
      if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 0) return;
      for (const destination of destinations) {
        await trx.insertInto("digest_destinations").values({ digest_id: record.id, destination, error: null }).execute();
        await trx
          .insertInto("digest_items")
          .values(record.messages.map((_, idx) => ({ digest_id: record.id, destination, idx, state: "pending", error: null })))
          .execute();
      }
    });
    return (await this.digest(record.id))!;
  }

  async digest(id: string): Promise<DigestRecord | undefined> {
    const row = await this.db.selectFrom("digests").selectAll().where("id", "=", id).executeTakeFirst();
    if (!row) return undefined;
    const destinations = await this.db.selectFrom("digest_destinations").select("destination").where("digest_id", "=", id).orderBy("destination").execute();
    return { id, createdAt: row.created_at, messages: JSON.parse(row.messages) as Reply[], articleIds: JSON.parse(row.article_ids) as string[], destinations: destinations.map((d) => d.destination) };
  }

  /** Digests with items still pending somewhere, oldest first: what a restart must finish. */
  async unfinished(): Promise<DigestRecord[]> {
    const rows = await this.db.selectFrom("digest_items").innerJoin("digests", "digests.id", "digest_items.digest_id").select(["digests.id", "digests.created_at"]).distinct().where("digest_items.state", "=", "pending").orderBy("digests.created_at").orderBy("digests.id").execute();
    const records = await Promise.all(rows.map((r) => this.digest(r.id)));
    return records.filter((r): r is DigestRecord => r !== undefined);
  }

  /**
   * Sends one pending item with `send`, holding its row while it does, and
   * marks it sent. "busy": another process is sending it now; "done already":
   * it was sent or failed before. If `send` throws, the item stays pending and
   * the error is rethrown.
   */
  async sendItem(id: string, destination: string, idx: number, send: () => Promise<void>): Promise<SendOutcome> {
    return this.store.transaction(async (trx) => {
      let query = trx.selectFrom("digest_items").select("state").where(theItem(id, destination, idx));
      if (this.store.kind === "postgres") query = query.forUpdate().skipLocked();
      const row = await query.executeTakeFirst();
      if (!row) {
        // Locked by another process (PostgreSQL skips it), or no such item.
        const seen = await trx.selectFrom("digest_items").select("state").where(theItem(id, destination, idx)).executeTakeFirst();
        return seen?.state === "pending" ? "busy" : "done already";
      }
      if (row.state !== "pending") return "done already";
      await send();
      await trx.updateTable("digest_items").set({ state: "sent" }).where(theItem(id, destination, idx)).execute();
      return "sent";
    });
  }

  /** Counts a run that ended with a transient error at a destination; returns the count. */
  async attempt(id: string, destination: string, error: string): Promise<number> {
    const row = await this.db
      .updateTable("digest_destinations")
      .set((eb) => ({ attempts: eb("attempts", "+", 1), error }))
      .where("digest_id", "=", id)
      .where("destination", "=", destination)
      .returning("attempts")
      .executeTakeFirst();
    if (!row) throw new Error(`outbox: no destination ${destination} for digest ${id}`);
    return row.attempts;
  }

  /** Marks every pending item of a destination failed, from `fromIdx` on. */
  async fail(id: string, destination: string, error: string, fromIdx = 0): Promise<void> {
    await this.store.transaction(async (trx) => {
      await trx.updateTable("digest_items").set({ state: "failed", error }).where("digest_id", "=", id).where("destination", "=", destination).where("idx", ">=", fromIdx).where("state", "=", "pending").execute();
      await trx.updateTable("digest_destinations").set({ error }).where("digest_id", "=", id).where("destination", "=", destination).execute();
    });
  }

  /** Sets one item's state (for imports and tests). */
  async mark(id: string, destination: string, idx: number, state: ItemState): Promise<void> {
    await this.db.updateTable("digest_items").set({ state }).where(theItem(id, destination, idx)).execute();
  }

  /** How a digest stands at a destination. */
  async report(id: string, destination: string): Promise<DestinationReport> {
    const items = await this.db.selectFrom("digest_items").select("state").where("digest_id", "=", id).where("destination", "=", destination).execute();
    const dest = await this.db.selectFrom("digest_destinations").select("error").where("digest_id", "=", id).where("destination", "=", destination).executeTakeFirst();
    const count = (state: ItemState) => items.filter((i) => i.state === state).length;
    return { destination, sent: count("sent"), failed: count("failed"), pending: count("pending"), error: dest?.error ?? undefined };
  }

  /** Notes that these articles have been in a posted digest. */
  async markPosted(articleIds: readonly string[], now = Date.now()): Promise<void> {
    if (articleIds.length === 0) return;
    await this.db
      .insertInto("posted_articles")
      .values(articleIds.map((article_id) => ({ article_id, posted_at: now })))
      .onConflict((c) => c.column("article_id").doNothing())
      .execute();
  }

  async posted(): Promise<ReadonlySet<string>> {
    const rows = await this.db.selectFrom("posted_articles").select("article_id").execute();
    return new Set(rows.map((r) => r.article_id));
  }
}
