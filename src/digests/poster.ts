/**
 * Posting a digest to its destinations, exactly once per item where the
 * platform allows it. Each item is marked pending in the store before it is
 * sent and sent after, so a restart knows what to finish. A destination that
 * fails permanently (no access, deleted channel) is marked failed and
 * reported; one that fails transiently is retried on later runs, up to
 * MAX_ATTEMPTS, then reported.
 */
import { createHash } from "node:crypto";
import type { Reply } from "../../commands/reply.ts";
import type { DigestRecord, DigestStore } from "./store.ts";

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

export interface DestinationReport {
  destination: string;
  sent: number;
  failed: number;
  pending: number;
  error?: string;
}

/** A stable id for an item of a digest at a destination, short enough for a Discord nonce (≤25 characters). */
export function itemKey(digestId: string, destination: string, index: number): string {
  return createHash("sha256").update(`${digestId}|${destination}|${index}`).digest("base64url").slice(0, 25);
}

function report(record: DigestRecord, destination: string): DestinationReport {
  const dest = record.destinations[destination]!;
  const states = record.messages.map((_, i) => dest.items[i] ?? "pending");
  return { destination, sent: states.filter((s) => s === "sent").length, failed: states.filter((s) => s === "failed").length, pending: states.filter((s) => s === "pending").length, error: dest.error };
}

async function postTo(store: DigestStore, record: DigestRecord, destination: string, sender: Sender): Promise<void> {
  const chat = destination.slice(destination.indexOf(":") + 1);
  for (const [index, item] of record.messages.entries()) {
    if (store.state(record.id, destination, index) !== "pending") continue;
    try {
      await sender.send(chat, item, itemKey(record.id, destination, index));
      store.mark(record.id, destination, index, "sent");
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const permanent = error instanceof DeliveryError && error.permanent;
      const attempts = permanent ? MAX_ATTEMPTS : store.attempt(record.id, destination, message);
      if (attempts >= MAX_ATTEMPTS) {
        for (let i = index; i < record.messages.length; i++) if (store.state(record.id, destination, i) === "pending") store.mark(record.id, destination, i, "failed", message);
      }
      return;
    }
  }
}

/** Posts (or finishes posting) a digest to each of its destinations; returns what happened at each. */
export async function postDigest(store: DigestStore, record: DigestRecord, senders: Partial<Record<"discord" | "telegram", Sender>>): Promise<DestinationReport[]> {
  for (const destination of Object.keys(record.destinations)) {
    const sender = senders[destination.split(":")[0] as "discord" | "telegram"];
    if (!sender) {
      const pending = record.messages.map((_, i) => i).filter((i) => store.state(record.id, destination, i) === "pending");
      for (const i of pending) store.mark(record.id, destination, i, "failed", `no ${destination.split(":")[0]} bot is running`);
      continue;
    }
    await postTo(store, record, destination, sender);
  }
  const fresh = store.digest(record.id)!;
  if (Object.values(fresh.destinations).some((d) => Object.values(d.items).includes("sent"))) store.markPosted(fresh.articleIds);
  return Object.keys(fresh.destinations).map((d) => report(fresh, d));
}
