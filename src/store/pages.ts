/**
 * Paged replies kept for their buttons (Telegram's « Earlier / Later »), in
 * the shared store: a page turn works after a restart and on whichever
 * process receives it. Kept for PAGES_TTL_MS.
 */
import { randomBytes } from "node:crypto";
import type { StoreConnection } from "./connect.ts";

/** How long a paged reply's buttons keep working. */
export const PAGES_TTL_MS = 7 * 24 * 3600_000;

export class PageStore {
  constructor(
    private readonly store: StoreConnection,
    private readonly now: () => number = Date.now,
  ) {}

  /** Keeps the pages (and who asked for them); returns their id (short enough for callback data). */
  async save(pages: readonly string[], owner?: string): Promise<string> {
    const id = randomBytes(9).toString("base64url");
    await this.store.db.insertInto("pages").values({ id, pages: JSON.stringify({ pages, owner }), expires_at: this.now() + PAGES_TTL_MS }).execute();
    return id;
  }

  /** The pages under `id`, or undefined when they expired or never were. */
  async load(id: string): Promise<{ pages: string[]; owner?: string } | undefined> {
    const row = await this.store.db.selectFrom("pages").select(["pages", "expires_at"]).where("id", "=", id).executeTakeFirst();
    if (!row || row.expires_at < this.now()) return undefined;
    const kept = JSON.parse(row.pages) as string[] | { pages: string[]; owner?: string };
    // Pages kept before owners were recorded are a bare list.
    return Array.isArray(kept) ? { pages: kept } : kept;
  }

  /** Forgets expired pages. */
  async prune(): Promise<void> {
    await this.store.db.deleteFrom("pages").where("expires_at", "<", this.now()).execute();
  }
}
