/**
 * A per-user sliding-window rate limit shared by every process that uses the
 * store: each use is checked and recorded in one transaction on the user's
 * row (locked with FOR UPDATE on PostgreSQL; SQLite serialises writers), so
 * five uses in a window are five, whichever process served them.
 */
import type { StoreConnection } from "./connect.ts";

export class SharedRateLimiter {
  constructor(
    private readonly store: StoreConnection,
    private readonly max: number,
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  async allow(user: string): Promise<boolean> {
    const now = this.now();
    return this.store.transaction(async (trx) => {
      await trx.insertInto("rate_limits").values({ key: user, hits: "[]", expires_at: now }).onConflict((c) => c.column("key").doNothing()).execute();
      let query = trx.selectFrom("rate_limits").select("hits").where("key", "=", user);
      if (this.store.kind === "postgres") query = query.forUpdate();
      const row = await query.executeTakeFirstOrThrow();
      const recent = (JSON.parse(row.hits) as number[]).filter((t) => now - t < this.windowMs);
      const allowed = recent.length < this.max;
      if (allowed) recent.push(now);
      await trx.updateTable("rate_limits").set({ hits: JSON.stringify(recent), expires_at: now + this.windowMs }).where("key", "=", user).execute();
      return allowed;
    });
  }

}
