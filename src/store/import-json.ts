/**
 * `cli migrate-store`: moves the outbox of earlier versions (data/digests.json)
 * into the store once — every digest with each item's state, attempts and
 * last error, and the articles already posted — then renames the file to
 * `….migrated`, so a second run finds nothing to move. Digests the store
 * already has are left as the store has them.
 */
import { existsSync, readFileSync, renameSync } from "node:fs";
import { z } from "zod";
import type { Reply } from "../reply.ts";
import type { Store } from "./index.ts";
import { projectPath } from "../paths.ts";

/** Where earlier versions kept the outbox. */
export const LEGACY_OUTBOX_FILE = projectPath("data", "digests.json");

const LegacyOutbox = z.object({
  version: z.literal(1),
  digests: z.array(
    z.object({
      id: z.string(),
      createdAt: z.string(),
      messages: z.array(z.custom<Reply>((v) => typeof v === "object" && v !== null && "blocks" in v)),
      articleIds: z.array(z.string()),
      destinations: z.record(z.string(), z.object({ items: z.record(z.string(), z.enum(["pending", "sent", "failed"])), error: z.string().optional(), attempts: z.number().int().default(0) })),
    }),
  ),
  postedArticleIds: z.array(z.string()),
});

export interface ImportReport {
  digests: number;
  skipped: number;
  pendingItems: number;
  postedArticles: number;
  movedTo?: string;
}

/** Imports a legacy outbox file into the store; undefined when there is no file. Throws on a file that is not one. */
export async function importLegacyOutbox(store: Store, file = LEGACY_OUTBOX_FILE): Promise<ImportReport | undefined> {
  if (!existsSync(file)) return undefined;
  const parsed = LegacyOutbox.safeParse(JSON.parse(readFileSync(file, "utf8")));
  if (!parsed.success) throw new Error(`migrate-store: ${file} is not a digest outbox: ${parsed.error.issues[0]?.message ?? "unknown shape"}`);
  const report: ImportReport = { digests: 0, skipped: 0, pendingItems: 0, postedArticles: parsed.data.postedArticleIds.length };
  for (const digest of parsed.data.digests) {
    if (await store.outbox.digest(digest.id)) {
      report.skipped++;
      continue;
    }
    const destinations = Object.keys(digest.destinations);
    await store.outbox.add({ id: digest.id, createdAt: digest.createdAt, messages: digest.messages, articleIds: digest.articleIds }, destinations);
    for (const [destination, dest] of Object.entries(digest.destinations)) {
      for (let idx = 0; idx < digest.messages.length; idx++) {
        const state = dest.items[String(idx)] ?? "pending";
        if (state === "pending") report.pendingItems++;
        else await store.outbox.mark(digest.id, destination, idx, state);
      }
      for (let k = 0; k < dest.attempts; k++) await store.outbox.attempt(digest.id, destination, dest.error ?? "");
    }
    report.digests++;
  }
  await store.outbox.markPosted(parsed.data.postedArticleIds);
  const movedTo = `${file}.migrated`;
  renameSync(file, movedTo);
  return { ...report, movedTo };
}
