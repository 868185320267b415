/**
 * Posts digest items to a Telegram chat. Telegram has no idempotency key, so
 * the policy is at-least-once: an item whose send was cut off by a crash
 * before it was recorded is sent again on restart (a duplicate is possible
 * only in that window of milliseconds); no item is ever skipped.
 */
import { type Api, GrammyError } from "grammy";
import type { Reply } from "../../reply.ts";
import { DeliveryError, type Sender } from "../../digests/poster.ts";
import { renderTelegram } from "./render.ts";

export class TelegramDigestSender implements Sender {
  constructor(private readonly api: Api) {}

  async send(chatId: string, item: Reply): Promise<void> {
    for (const html of renderTelegram(item)) {
      try {
        await this.api.sendMessage(chatId, html, { parse_mode: "HTML", link_preview_options: { is_disabled: true } });
      } catch (error) {
        if (error instanceof GrammyError) throw new DeliveryError(`Telegram ${error.error_code}: ${error.description}`, error.error_code === 400 || error.error_code === 403);
        throw new DeliveryError(`Telegram: ${(error as Error).message}`, false);
      }
    }
  }
}
