/**
 * Posts digest items to a Discord channel through the REST API. Each message
 * carries a nonce derived from the item's key with enforce_nonce, so Discord
 * returns the first message instead of creating a second when a restart
 * resends an item whose first send succeeded.
 */
import { DiscordAPIError, type REST, Routes } from "discord.js";
import type { Reply } from "../../reply.ts";
import { DeliveryError, type Sender } from "../../digests/poster.ts";
import { renderDiscord } from "./render.ts";

/** Statuses that will not change by retrying: no access, no such channel. */
const PERMANENT = new Set([400, 401, 403, 404]);

export class DiscordDigestSender implements Sender {
  constructor(private readonly rest: REST) {}

  async send(channelId: string, item: Reply, key: string): Promise<void> {
    const parts = renderDiscord(item);
    for (const [j, content] of parts.entries()) {
      const nonce = parts.length === 1 ? key : `${key.slice(0, 22)}.${j}`;
      try {
        await this.rest.post(Routes.channelMessages(channelId), { body: { content, nonce, enforce_nonce: true, allowed_mentions: { parse: [] } } });
      } catch (error) {
        if (error instanceof DiscordAPIError) throw new DeliveryError(`Discord ${error.status}: ${error.message}`, PERMANENT.has(error.status));
        throw new DeliveryError(`Discord: ${(error as Error).message}`, false);
      }
    }
  }
}
