/**
 * The shared store's front door: one connection (PostgreSQL or embedded
 * SQLite, see connect.ts) and what is kept there — the digest outbox, leases
 * for singleton jobs, shared rate limits, paged replies, the articles
 * moderators added, and a few shared facts.
 */
import { type StoreConnection, DEFAULT_STORE_FILE, connectStore } from "./connect.ts";
import { ArticleRegistry } from "./articles.ts";
import { Leases } from "./lease.ts";
import { SharedRateLimiter } from "./limits.ts";
import { Outbox } from "./outbox.ts";
import { PageStore } from "./pages.ts";
import { ConversationStore } from "./conversations.ts";
import { FeedStore } from "./feeds.ts";

export { DEFAULT_STORE_FILE, StoreError, isPostgresUrl, type StoreConnection, type StoreKind } from "./connect.ts";
export { ARTICLES_CHANNEL, ArticleRegistry, textHash } from "./articles.ts";
export { LEASE_MS, Leases } from "./lease.ts";
export { SharedRateLimiter } from "./limits.ts";
export { type DestinationReport, type DigestRecord, type ItemState, Outbox, type SendOutcome } from "./outbox.ts";
export { PAGES_TTL_MS, PageStore } from "./pages.ts";
export { ConversationStore } from "./conversations.ts";
export { type FeedState, FeedStore } from "./feeds.ts";

export class Store {
  readonly outbox: Outbox;
  readonly leases: Leases;
  readonly pages: PageStore;
  readonly conversations: ConversationStore;
  readonly feeds: FeedStore;
  readonly articles: ArticleRegistry;

  constructor(readonly connection: StoreConnection) {
    this.articles = new ArticleRegistry(connection);
    this.outbox = new Outbox(connection);
    this.leases = new Leases(connection);
    this.pages = new PageStore(connection);
    this.conversations = new ConversationStore(connection);
    this.feeds = new FeedStore(connection);
  }

  get kind() {
    return this.connection.kind;
  }

  /** A rate limit of `max` uses per `windowSeconds`, shared by every process on this store. */
  rateLimiter(max: number, windowSeconds: number): SharedRateLimiter {
    return new SharedRateLimiter(this.connection, max, windowSeconds * 1000);
  }

  async getMeta(key: string): Promise<string | undefined> {
    return (await this.connection.db.selectFrom("meta").select("value").where("key", "=", key).executeTakeFirst())?.value;
  }

  async setMeta(key: string, value: string): Promise<void> {
    await this.connection.db.insertInto("meta").values({ key, value }).onConflict((c) => c.column("key").doUpdateSet({ value })).execute();
  }

  /** Forgets expired pages, conversations and ended rate-limit windows (the worker calls it now and then). */
  async forgetExpired(now = Date.now()): Promise<void> {
    await this.connection.db.deleteFrom("rate_limits").where("expires_at", "<", now).execute();
    await this.pages.prune();
    await this.conversations.prune();
  }

  close(): Promise<void> {
    return this.connection.close();
  }
}

/**
 * Opens the store: `location` is a `postgres://` URL (DATABASE_URL) or a
 * SQLite file (default data/daleel.sqlite). Applies migrations.
 */
export async function openStore(location: string = DEFAULT_STORE_FILE): Promise<Store> {
  return new Store(await connectStore(location));
}

/** Where the configuration says the store is: DATABASE_URL, else the embedded file (STORE_FILE or its default). */
export function storeLocation(config: { DATABASE_URL?: string | undefined; STORE_FILE?: string | undefined }): string {
  return config.DATABASE_URL ?? config.STORE_FILE ?? DEFAULT_STORE_FILE;
}

