/**
 * Leases: a named job (the digest schedule) runs in one process at a time.
 * The holder renews its lease well before it runs out; if the holder dies,
 * the lease lapses and the next process to ask takes it over.
 */
import type { StoreConnection } from "./connect.ts";

/** How long a lease lasts without renewal: a dead holder's job moves within this time. */
export const LEASE_MS = 30_000;

export class Leases {
  constructor(private readonly store: StoreConnection) {}

  /**
   * Takes or renews the lease `name` for `holder` when it is free, lapsed or
   * already the holder's; true when `holder` holds it afterwards.
   */
  async acquire(name: string, holder: string, now = Date.now(), ttl = LEASE_MS): Promise<boolean> {
    return this.store.transaction(async (trx) => {
      await trx.insertInto("leases").values({ name, holder, expires_at: now + ttl }).onConflict((c) => c.column("name").doNothing()).execute();
      const updated = await trx
        .updateTable("leases")
        .set({ holder, expires_at: now + ttl })
        .where("name", "=", name)
        .where((eb) => eb.or([eb("holder", "=", holder), eb("expires_at", "<", now)]))
        .executeTakeFirst();
      return Number(updated.numUpdatedRows) === 1;
    });
  }

  /** Gives the lease up, if `holder` has it, so another process can take over at once. */
  async release(name: string, holder: string): Promise<void> {
    await this.store.db.deleteFrom("leases").where("name", "=", name).where("holder", "=", holder).execute();
  }

  async holder(name: string, now = Date.now()): Promise<string | undefined> {
    const row = await this.store.db.selectFrom("leases").select(["holder", "expires_at"]).where("name", "=", name).executeTakeFirst();
    return row && row.expires_at >= now ? row.holder : undefined;
  }
}
