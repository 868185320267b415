/**
 * The registry of articles moderators added, through any process: each with
 * its corpus-file text, its hash, who added it and when. The bundled corpus
 * stays files; these are what every process (on any machine) writes into its
 * own corpus folder, so all of them answer from the same articles.
 */
import { createHash } from "node:crypto";
import type { StoreConnection } from "./connect.ts";

/** The channel a process notifies after adding an article (PostgreSQL LISTEN/NOTIFY). */
export const ARTICLES_CHANNEL = "daleel_articles";

export function textHash(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

export class ArticleRegistry {
  constructor(private readonly store: StoreConnection) {}

  /** Records an article and tells the other processes; false when one of that file name is there already. */
  async add(article: { fileName: string; text: string; url?: string; addedBy: string }, now = Date.now()): Promise<boolean> {
    const inserted = await this.store.db
      .insertInto("articles")
      .values({ file_name: article.fileName, text: article.text, text_hash: textHash(article.text), url: article.url ?? null, added_by: article.addedBy, added_at: now })
      .onConflict((c) => c.column("file_name").doNothing())
      .executeTakeFirst();
    const added = Number(inserted.numInsertedOrUpdatedRows ?? 0) > 0;
    if (added) await this.store.notify(ARTICLES_CHANNEL);
    return added;
  }

  /** The file names and text hashes of every registered article: cheap enough to poll. */
  async list(): Promise<{ fileName: string; textHash: string }[]> {
    const rows = await this.store.db.selectFrom("articles").select(["file_name", "text_hash"]).orderBy("added_at").orderBy("file_name").execute();
    return rows.map((r) => ({ fileName: r.file_name, textHash: r.text_hash }));
  }

  /** One registered article's corpus-file text. */
  async text(fileName: string): Promise<string | undefined> {
    return (await this.store.db.selectFrom("articles").select("text").where("file_name", "=", fileName).executeTakeFirst())?.text;
  }
}
