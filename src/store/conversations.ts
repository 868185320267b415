/**
 * What conversations are about, in the shared store: a follow-up is read in
 * context on whichever process receives it, after a restart too, for a day
 * (CONVERSATION_TTL_MS).
 */
import type { StoreConnection } from "./connect.ts";

/** How long a conversation can be followed up. */
export const CONVERSATION_TTL_MS = 24 * 3600_000;

export class ConversationStore {
  constructor(
    private readonly store: StoreConnection,
    private readonly now: () => number = Date.now,
  ) {}

  async save(key: string, question: string): Promise<void> {
    const expires_at = this.now() + CONVERSATION_TTL_MS;
    await this.store.db
      .insertInto("conversations")
      .values({ key, question, expires_at })
      .onConflict((c) => c.column("key").doUpdateSet({ question, expires_at }))
      .execute();
  }

  async load(key: string): Promise<string | undefined> {
    const row = await this.store.db.selectFrom("conversations").select(["question", "expires_at"]).where("key", "=", key).executeTakeFirst();
    return row && row.expires_at >= this.now() ? row.question : undefined;
  }

  /** Forgets conversations past their day. */
  async prune(): Promise<void> {
    await this.store.db.deleteFrom("conversations").where("expires_at", "<", this.now()).execute();
  }
}
