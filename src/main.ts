/**
 * `npm start`: reads the configuration and starts what it enables — the
 * Discord bot when DISCORD_TOKEN is set, the Telegram bot when
 * TELEGRAM_BOT_TOKEN is set (both in one process when both are); with no
 * platform token, the local console on the bundled corpus.
 */
import "dotenv/config";
import type { Deps } from "../commands/command.ts";
import { commands } from "../commands/index.ts";
import { runConsole } from "./adapters/console/console.ts";
import { type Config, ConfigError, loadConfig } from "./config.ts";
import { type CorpusProblem, formatProblem } from "./core/corpus.ts";
import { DEFAULT_CACHE_DIR, DEFAULT_CORPUS_DIR, openLibrary } from "./core/library.ts";
import { LiveLibrary } from "./core/live-library.ts";
import type { Sender } from "./digests/poster.ts";
import { DEFAULT_STORE } from "./digests/senders.ts";
import { scheduleDigests } from "./digests/schedule.ts";
import { DigestService } from "./digests/service.ts";
import { addSecret, log } from "./log.ts";

interface Running {
  stop(): Promise<void>;
  /** Sends digest items on this platform. */
  digestSender(): Promise<[platform: "discord" | "telegram", Sender]>;
}

/** discord.js and grammY are loaded only when enabled, so the console starts fast. */
async function startDiscord(config: Config, token: string, deps: Deps): Promise<Running> {
  const { DiscordBot } = await import("./adapters/discord/bot.ts");
  const bot = new DiscordBot(
    {
      token,
      apiBase: config.DISCORD_API_BASE,
      moderatorRoleIds: config.DISCORD_MODERATOR_ROLE_IDS ?? [],
      messageContent: config.DISCORD_MESSAGE_CONTENT ?? false,
      rateLimit: { max: config.RATE_LIMIT_MAX, windowSeconds: config.RATE_LIMIT_WINDOW_SECONDS },
    },
    deps,
    log.child({ adapter: "discord" }),
  );
  await bot.start();
  return {
    stop: () => bot.stop(),
    digestSender: async () => ["discord", new (await import("./adapters/discord/digest-sender.ts")).DiscordDigestSender(bot.client.rest)],
  };
}

async function startTelegram(config: Config, token: string, deps: Deps): Promise<Running> {
  const { TelegramBot } = await import("./adapters/telegram/bot.ts");
  const webhook = config.TELEGRAM_WEBHOOK_URL && config.TELEGRAM_WEBHOOK_SECRET ? { url: config.TELEGRAM_WEBHOOK_URL, secret: config.TELEGRAM_WEBHOOK_SECRET, port: config.PORT } : undefined;
  const bot = new TelegramBot(
    { token, apiRoot: config.TELEGRAM_API_ROOT, moderatorIds: config.TELEGRAM_MODERATOR_IDS ?? [], rateLimit: { max: config.RATE_LIMIT_MAX, windowSeconds: config.RATE_LIMIT_WINDOW_SECONDS }, webhook },
    deps,
    log.child({ adapter: "telegram" }),
  );
  const { stopped } = await bot.start();
  stopped.catch(() => process.exit(1));
  return {
    stop: () => bot.stop(),
    digestSender: async () => ["telegram", new (await import("./adapters/telegram/digest-sender.ts")).TelegramDigestSender(bot.bot.api)],
  };
}

/** Digest previews, posting and the schedule, sending through the bots that run. */
function digestService(config: Config, live: LiveLibrary, senders: Partial<Record<"discord" | "telegram", Sender>>): DigestService {
  const destinations = [
    ...(config.DIGEST_DISCORD_CHANNEL_IDS ?? []).map((id) => `discord:${id}` as const),
    ...(config.DIGEST_TELEGRAM_CHAT_IDS ?? []).map((id) => `telegram:${id}` as const),
  ];
  return new DigestService({
    storeFile: config.DIGEST_STORE ?? DEFAULT_STORE,
    library: () => live.current(),
    destinations,
    senders: () => senders,
    noNews: config.DIGEST_NO_NEWS,
    log: log.child({ feature: "digests" }),
  });
}

async function main(): Promise<void> {
  const config = loadConfig(process.env);
  log.level = config.LOG_LEVEL;
  addSecret(config.DISCORD_TOKEN);
  addSecret(config.TELEGRAM_BOT_TOKEN);
  addSecret(config.TELEGRAM_WEBHOOK_SECRET);
  const dirs = config.CORPUS_DIRS ?? [DEFAULT_CORPUS_DIR];
  const logProblems = (problems: CorpusProblem[]) => problems.forEach((p) => log.warn({ file: p.file, field: p.field }, `corpus: ${formatProblem(p)}`));
  const live = new LiveLibrary(
    dirs,
    (result) => {
      if (result.ok) log.info({ articles: result.articles }, "corpus reloaded");
      else log.error({ err: result.error }, "corpus reload failed; the previous index keeps serving");
      logProblems(result.problems);
    },
    (folders) => openLibrary(folders, { cacheDir: DEFAULT_CACHE_DIR }),
  );
  logProblems(live.current().problems);
  live.watch();
  const senders: Partial<Record<"discord" | "telegram", Sender>> = {};
  const digests = digestService(config, live, senders);
  const deps: Deps = { library: () => live.current(), commands, articles: { dir: dirs[0]!, reload: () => live.reload() }, digests };
  const running: Running[] = [];
  if (config.DISCORD_TOKEN) running.push(await startDiscord(config, config.DISCORD_TOKEN, deps));
  if (config.TELEGRAM_BOT_TOKEN) running.push(await startTelegram(config, config.TELEGRAM_BOT_TOKEN, deps));
  if (running.length === 0) {
    await runConsole({ ...deps, digests: undefined });
    live.close();
    return;
  }
  for (const bot of running) {
    const [platform, sender] = await bot.digestSender();
    senders[platform] = sender;
  }
  const job = config.DIGEST_SCHEDULE ? scheduleDigests(config.DIGEST_SCHEDULE, config.DIGEST_TIMEZONE, digests, log.child({ feature: "digests" })) : undefined;
  const stop = (signal: string) => {
    log.info({ signal }, "stopping");
    job?.stop();
    void Promise.allSettled(running.map((r) => r.stop())).finally(() => process.exit(0));
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

process.on("unhandledRejection", (reason) => log.error({ err: reason }, "unhandled rejection"));

main().catch((error: unknown) => {
  if (error instanceof ConfigError) process.stderr.write(`${error.message}\n`);
  else log.fatal({ err: error }, "daleel stopped");
  process.exit(1);
});
