/**
 * Where digests go and what sends them: destination names and senders built from the configured tokens (the platform
 * libraries are loaded only for the platforms in use).
 */
import { z } from "zod";
import type { Config } from "../config.ts";
import type { Sender } from "./poster.ts";

export const DestinationFlag = z
  .string()
  .regex(/^(discord:\d+|telegram:-?\d+)$/, "expected discord:CHANNEL_ID or telegram:CHAT_ID")
  .transform((d) => d as `${"discord" | "telegram"}:${string}`);

/** Senders for the platforms whose tokens are configured (of `platforms`, by default both). */
export async function digestSenders(config: Config, platforms: readonly ("discord" | "telegram")[] = ["discord", "telegram"]): Promise<Partial<Record<"discord" | "telegram", Sender>>> {
  const senders: Partial<Record<"discord" | "telegram", Sender>> = {};
  if (config.DISCORD_TOKEN && platforms.includes("discord")) {
    const [{ REST }, { DiscordDigestSender }] = await Promise.all([import("discord.js"), import("../adapters/discord/digest-sender.ts")]);
    senders.discord = new DiscordDigestSender(new REST({ api: config.DISCORD_API_BASE }).setToken(config.DISCORD_TOKEN));
  }
  if (config.TELEGRAM_BOT_TOKEN && platforms.includes("telegram")) {
    const [{ Api }, { TelegramDigestSender }] = await Promise.all([import("grammy"), import("../adapters/telegram/digest-sender.ts")]);
    senders.telegram = new TelegramDigestSender(new Api(config.TELEGRAM_BOT_TOKEN, { apiRoot: config.TELEGRAM_API_ROOT }));
  }
  return senders;
}
