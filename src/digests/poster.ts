/**
 * Posting a digest to its destinations, exactly once per item where the
 * platform allows it. Each item is marked pending in the store before it is
 * sent and sent after, so a restart knows what to finish. A destination that
 * fails permanently (no access, deleted channel) is marked failed and
 * reported; one that fails transiently is retried on later runs, up to
 * MAX_ATTEMPTS, then reported.
 */
import { createHash } from "node:crypto";
import type { Reply } from "../reply.ts";
import type { DestinationReport, DigestRecord, Outbox } from "../store/index.ts";

export type { DestinationReport } from "../store/index.ts";

export const MAX_ATTEMPTS = 3;

/** "discord:<channel id>" or "telegram:<chat id>". */
export type Destination = `${"discord" | "telegram"}:${string}`;

/** A failure a sender reports; permanent ones are not retried. */
export class DeliveryError extends Error {
  constructor(
    message: string,
    readonly permanent: boolean,
  ) {
    super(message);
    this.name = "DeliveryError";
  }
}

/** Sends one digest item to one chat. `key` is stable across retries, for platforms that deduplicate. */
export interface Sender {
  send(chat: string, item: Reply, key: string): Promise<void>;
}

/** A stable id for an item of a digest at a destination, short enough for a Discord nonce (≤25 characters). */
export function itemKey(digestId: string, destination: string, index: number): string {
  return createHash("sha256").update(`${digestId}|${destination}|${index}`).digest("base64url").slice(0, 25);
}

/** Posts a destination's pending items in order; stops where another process is sending or an item fails. */
async function postTo(outbox: Outbox, record: DigestRecord, destination: string, sender: Sender): Promise<void> {
  const chat = destination.slice(destination.indexOf(":") + 1);
  for (const [index, item] of record.messages.entries()) {
    try {
      const outcome = await outbox.sendItem(record.id, destination, index, () => sender.send(chat, item, itemKey(record.id, destination, index)));
      if (outcome === "busy") return;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const permanent = error instanceof DeliveryError && error.permanent;
      const attempts = permanent ? MAX_ATTEMPTS : await outbox.attempt(record.id, destination, message);
      if (attempts >= MAX_ATTEMPTS) await outbox.fail(record.id, destination, message, index);
      return;
    }
  }
}

/** Posts (or finishes posting) a digest to each of its destinations; returns what happened at each. */
export async function postDigest(outbox: Outbox, record: DigestRecord, senders: Partial<Record<"discord" | "telegram", Sender>>): Promise<DestinationReport[]> {
  for (const destination of record.destinations) {
    const platform = destination.split(":")[0] as "discord" | "telegram";
    const sender = senders[platform];
    if (sender) await postTo(outbox, record, destination, sender);
    else await outbox.fail(record.id, destination, `no ${platform} bot is running`);
  }
  const reports = await Promise.all(record.destinations.map((d) => outbox.report(record.id, d)));
  if (reports.some((r) => r.sent > 0)) await outbox.markPosted(record.articleIds);
  return reports;
}
