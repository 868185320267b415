/**
 * Turning a digest into a stored record ready to post: its items, and an id
 * derived from its content and destinations, so composing the same digest
 * again (after a restart, or in another process) finds the same record
 * instead of posting twice.
 */
import { createHash } from "node:crypto";
import { digestItems } from "../reply.ts";
import type { Digest } from "../core/digest.ts";
import type { DigestRecord, Outbox } from "../store/index.ts";

export function digestId(digest: Digest, destinations: readonly string[]): string {
  const articles = digest.groups.flat().map((i) => i.id).sort();
  const key = JSON.stringify({ articles, since: digest.since ?? null, until: digest.until ?? null, topic: digest.topic ?? null, destinations: [...destinations].sort() });
  return createHash("sha256").update(key).digest("hex").slice(0, 16);
}

/** The stored record for a digest at these destinations (created on first use). Undefined for an empty digest. */
export async function recordDigest(outbox: Outbox, digest: Digest, destinations: readonly string[], now = new Date()): Promise<DigestRecord | undefined> {
  if (digest.count === 0) return undefined;
  return outbox.add(
    { id: digestId(digest, destinations), createdAt: now.toISOString(), messages: digestItems(digest), articleIds: digest.groups.flat().map((i) => i.id) },
    destinations,
  );
}
