/**
 * Turning a digest into a stored record ready to post: its items, and an id
 * derived from its content and destinations, so composing the same digest
 * again (after a restart) finds the same record instead of posting twice.
 */
import { createHash } from "node:crypto";
import { digestItems } from "../../commands/reply.ts";
import type { Digest } from "../core/digest.ts";
import type { DigestRecord, DigestStore } from "./store.ts";

export function digestId(digest: Digest, destinations: readonly string[]): string {
  const articles = digest.groups.flat().map((i) => i.id).sort();
  const key = JSON.stringify({ articles, since: digest.since ?? null, until: digest.until ?? null, topic: digest.topic ?? null, destinations: [...destinations].sort() });
  return createHash("sha256").update(key).digest("hex").slice(0, 16);
}

/** The stored record for a digest at these destinations (created on first use). Undefined for an empty digest. */
export function recordDigest(store: DigestStore, digest: Digest, destinations: readonly string[], now = new Date()): DigestRecord | undefined {
  if (digest.count === 0) return undefined;
  return store.add(
    { id: digestId(digest, destinations), createdAt: now.toISOString(), messages: digestItems(digest), articleIds: digest.groups.flat().map((i) => i.id) },
    destinations,
  );
}
