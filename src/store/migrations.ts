/**
 * The store's migrations, versioned and applied in order at start-up by
 * kysely's Migrator, which records them in its own table. On PostgreSQL it
 * locks while it runs; on SQLite processes take turns on a lock file
 * (connect.ts). Either way, processes starting at once apply each migration once.
 * Never edit a migration that has shipped: add the next one.
 */
import { type Kysely, type Migration, type MigrationProvider, Migrator, sql } from "./kysely.ts";

const MIGRATIONS: Record<string, Migration> = {
  "001-shared-state": {
    async up(db: Kysely<unknown>) {
      await db.schema.createTable("digests").addColumn("id", "text", (c) => c.primaryKey()).addColumn("created_at", "text", (c) => c.notNull()).addColumn("messages", "text", (c) => c.notNull()).addColumn("article_ids", "text", (c) => c.notNull()).execute();
      await db.schema
        .createTable("digest_destinations")
        .addColumn("digest_id", "text", (c) => c.notNull().references("digests.id").onDelete("cascade"))
        .addColumn("destination", "text", (c) => c.notNull())
        .addColumn("attempts", "integer", (c) => c.notNull().defaultTo(0))
        .addColumn("error", "text")
        .addPrimaryKeyConstraint("digest_destinations_pk", ["digest_id", "destination"])
        .execute();
      await db.schema
        .createTable("digest_items")
        .addColumn("digest_id", "text", (c) => c.notNull().references("digests.id").onDelete("cascade"))
        .addColumn("destination", "text", (c) => c.notNull())
        .addColumn("idx", "integer", (c) => c.notNull())
        .addColumn("state", "text", (c) => c.notNull().check(sqlIn("state", ["pending", "sent", "failed"])))
        .addColumn("error", "text")
        .addPrimaryKeyConstraint("digest_items_pk", ["digest_id", "destination", "idx"])
        .execute();
      await db.schema.createIndex("digest_items_pending").on("digest_items").columns(["state", "digest_id"]).execute();
      await db.schema.createTable("posted_articles").addColumn("article_id", "text", (c) => c.primaryKey()).addColumn("posted_at", "bigint", (c) => c.notNull()).execute();
      await db.schema.createTable("leases").addColumn("name", "text", (c) => c.primaryKey()).addColumn("holder", "text", (c) => c.notNull()).addColumn("expires_at", "bigint", (c) => c.notNull()).execute();
      await db.schema.createTable("rate_limits").addColumn("key", "text", (c) => c.primaryKey()).addColumn("hits", "text", (c) => c.notNull()).addColumn("expires_at", "bigint", (c) => c.notNull()).execute();
      await db.schema.createTable("pages").addColumn("id", "text", (c) => c.primaryKey()).addColumn("pages", "text", (c) => c.notNull()).addColumn("expires_at", "bigint", (c) => c.notNull()).execute();
      await db.schema.createTable("meta").addColumn("key", "text", (c) => c.primaryKey()).addColumn("value", "text", (c) => c.notNull()).execute();
    },
  },
  "002-article-registry": {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable("articles")
        .addColumn("file_name", "text", (c) => c.primaryKey())
        .addColumn("text", "text", (c) => c.notNull())
        .addColumn("text_hash", "text", (c) => c.notNull())
        .addColumn("url", "text")
        .addColumn("added_by", "text", (c) => c.notNull())
        .addColumn("added_at", "bigint", (c) => c.notNull())
        .execute();
      await db.schema.createIndex("articles_added_at").on("articles").column("added_at").execute();
    },
  },
  "003-conversations": {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable("conversations")
        .addColumn("key", "text", (c) => c.primaryKey())
        .addColumn("question", "text", (c) => c.notNull())
        .addColumn("expires_at", "bigint", (c) => c.notNull())
        .execute();
    },
  },
  "004-feeds": {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable("feeds")
        .addColumn("url", "text", (c) => c.primaryKey())
        .addColumn("added_by", "text", (c) => c.notNull())
        .addColumn("added_at", "bigint", (c) => c.notNull())
        .addColumn("etag", "text")
        .addColumn("last_modified", "text")
        .addColumn("seeded", "integer", (c) => c.notNull().defaultTo(0))
        .addColumn("failures", "integer", (c) => c.notNull().defaultTo(0))
        .addColumn("reported", "integer", (c) => c.notNull().defaultTo(0))
        .addColumn("last_error", "text")
        .addColumn("next_poll_at", "bigint", (c) => c.notNull())
        .execute();
      await db.schema
        .createTable("feed_items")
        .addColumn("feed_url", "text", (c) => c.notNull().references("feeds.url").onDelete("cascade"))
        .addColumn("item_key", "text", (c) => c.notNull())
        .addColumn("seen_at", "bigint", (c) => c.notNull())
        .addPrimaryKeyConstraint("feed_items_pk", ["feed_url", "item_key"])
        .execute();
    },
  },
};

/** A CHECK that a column holds one of the values. */
function sqlIn(column: string, values: string[]) {
  return sql`${sql.ref(column)} in (${sql.join(values.map((v) => sql.lit(v)))})`;
}

const provider: MigrationProvider = { getMigrations: async () => MIGRATIONS };

/** Applies every migration not yet applied; throws with the failing one's name. */
export async function migrate(db: Kysely<unknown>): Promise<void> {
  const { error, results } = await new Migrator({ db, provider }).migrateToLatest();
  if (!error) return;
  const failed = results?.find((r) => r.status === "Error")?.migrationName;
  // No migration failed: the database itself could not be reached or read.
  if (!failed) throw error;
  throw new Error(`migration ${failed} failed: ${error instanceof Error ? error.message : String(error)}`);
}
