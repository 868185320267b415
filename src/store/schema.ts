/**
 * The shared store's tables, as kysely sees them. Times are milliseconds since
 * the epoch (bigint columns, read back as numbers); lists and replies are JSON
 * text, so the same SQL runs on PostgreSQL and SQLite.
 */
import type { Generated } from "./kysely.ts";

export interface Database {
  digests: { id: string; created_at: string; messages: string; article_ids: string };
  /** Per destination: the runs that ended with a transient error, and the last error. */
  digest_destinations: { digest_id: string; destination: string; attempts: Generated<number>; error: string | null };
  /** One row per item per destination: pending → sent | failed. */
  digest_items: { digest_id: string; destination: string; idx: number; state: string; error: string | null };
  posted_articles: { article_id: string; posted_at: number };
  /** Who runs a singleton job (the digest schedule) until when. */
  leases: { name: string; holder: string; expires_at: number };
  /** Per key, the times of its recent uses (JSON array of ms). */
  rate_limits: { key: string; hits: string; expires_at: number };
  /** Paged replies (Telegram timelines) for their buttons, by id. */
  pages: { id: string; pages: string; expires_at: number };
  /** Articles added by moderators through any process, with their corpus-file text, so every process can have them. */
  articles: { file_name: string; text: string; text_hash: string; url: string | null; added_by: string; added_at: number };
  /** The question a conversation is about, by where a follow-up would come from (a thread, a bot message). */
  conversations: { key: string; question: string; expires_at: number };
  /** Feeds moderators follow, and how their polling goes (see store/feeds.ts). */
  feeds: { url: string; added_by: string; added_at: number; etag: string | null; last_modified: string | null; seeded: Generated<number>; failures: Generated<number>; reported: Generated<number>; last_error: string | null; next_poll_at: number };
  /** The items of each feed already seen (added, skipped as off-topic, or there before the feed was added). */
  feed_items: { feed_url: string; item_key: string; seen_at: number };
  /** Small facts the processes share: the last scheduled digest run. */
  meta: { key: string; value: string };
}
