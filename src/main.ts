/**
 * `npm start`: reads the configuration and starts what it enables — the
 * Discord bot when DISCORD_TOKEN is set, the Telegram bot when
 * TELEGRAM_BOT_TOKEN is set, and the worker (digest schedule, upkeep of
 * the store) — all in one process unless DALEEL_ROLES
 * names fewer; with no platform token, the local console on the bundled
 * corpus. State shared between processes lives in the store (DATABASE_URL,
 * else the embedded data/daleel.sqlite).
 */
import "dotenv/config";
import { randomBytes } from "node:crypto";
import { hostname } from "node:os";
import type { Deps } from "../commands/command.ts";
import { commands } from "../commands/index.ts";
import { runConsole } from "./adapters/console/console.ts";
import { type Config, ConfigError, ROLES, type Role, loadConfig } from "./config.ts";
import { type CorpusProblem, formatProblem } from "./core/corpus.ts";
import { DEFAULT_CACHE_DIR, DEFAULT_CORPUS_DIR, openLibrary } from "./core/library.ts";
import { LiveLibrary } from "./core/live-library.ts";
import type { Sender } from "./digests/poster.ts";
import { type Schedule, scheduleDigests } from "./digests/schedule.ts";
import { digestSenders } from "./digests/senders.ts";
import { DigestService } from "./digests/service.ts";
import { FeedsService } from "./feeds.ts";
import { readArticleAt } from "./intake/index.ts";
import { text } from "./reply.ts";
import { addSecret, log } from "./log.ts";
import { ArticleSync } from "./article-sync.ts";
import { type Store, openStore, storeLocation } from "./store/index.ts";

/** How long a platform may take to accept the bot at start-up before Daleel says so and exits 1. */
const START_DEADLINE_MS = 10_000;

/**
 * A platform's start-up, bounded: an unreachable API or a black-holed address
 * would otherwise leave the process silent for minutes. On failure the one
 * error line names the platform and the variable to check; main exits 1 and
 * a supervisor (systemd, Docker, pm2) restarts it with its own backoff.
 */
async function within<T>(platform: string, variable: string, start: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new StartupError(`${platform} did not answer within ${START_DEADLINE_MS / 1000} s: is ${variable} right and reachable?`)), START_DEADLINE_MS);
  });
  try {
    return await Promise.race([start, late]);
  } catch (error) {
    if (error instanceof StartupError) throw error;
    throw new StartupError(`${platform} refused to start: ${(error as Error).message}`);
  } finally {
    clearTimeout(timer);
  }
}

/** A platform could not be started: its message is the one line the operator needs. */
class StartupError extends Error {
  override readonly name = "StartupError";
}

/** How often a worker forgets expired pages and rate-limit windows. */
const UPKEEP_MS = 3600_000;

interface Running {
  stop(): Promise<void>;
  /** Sends digest items on this platform. */
  digestSender(): Promise<[platform: "discord" | "telegram", Sender]>;
}

/** discord.js and grammY are loaded only when enabled, so the console starts fast. */
async function startDiscord(config: Config, token: string, deps: Deps, store: Store | undefined): Promise<Running> {
  const { DiscordBot } = await import("./adapters/discord/bot.ts");
  const bot = new DiscordBot(
    {
      token,
      apiBase: config.DISCORD_API_BASE,
      moderatorRoleIds: config.DISCORD_MODERATOR_ROLE_IDS ?? [],
      messageContent: config.DISCORD_MESSAGE_CONTENT ?? false,
      rateLimit: { max: config.RATE_LIMIT_MAX, windowSeconds: config.RATE_LIMIT_WINDOW_SECONDS },
      limiter: store?.rateLimiter(config.RATE_LIMIT_MAX, config.RATE_LIMIT_WINDOW_SECONDS),
      pages: store?.pages,
      conversations: store?.conversations,
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

async function startTelegram(config: Config, token: string, deps: Deps, store: Store | undefined): Promise<Running> {
  const { TelegramBot } = await import("./adapters/telegram/bot.ts");
  const webhook = config.TELEGRAM_WEBHOOK_URL && config.TELEGRAM_WEBHOOK_SECRET ? { url: config.TELEGRAM_WEBHOOK_URL, secret: config.TELEGRAM_WEBHOOK_SECRET, port: config.PORT } : undefined;
  const bot = new TelegramBot(
    {
      token,
      apiRoot: config.TELEGRAM_API_ROOT,
      moderatorIds: config.TELEGRAM_MODERATOR_IDS ?? [],
      rateLimit: { max: config.RATE_LIMIT_MAX, windowSeconds: config.RATE_LIMIT_WINDOW_SECONDS },
      limiter: store?.rateLimiter(config.RATE_LIMIT_MAX, config.RATE_LIMIT_WINDOW_SECONDS),
      pages: store?.pages,
      conversations: store?.conversations,
      webhook,
    },
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

/** The configured digest destinations: where digests go, and where feed problems are reported. */
function digestDestinations(config: Config) {
  return [
    ...(config.DIGEST_DISCORD_CHANNEL_IDS ?? []).map((id) => `discord:${id}` as const),
    ...(config.DIGEST_TELEGRAM_CHAT_IDS ?? []).map((id) => `telegram:${id}` as const),
  ];
}

/** Digest previews, posting and the schedule, sending through the bots that run. */
function digestService(config: Config, live: LiveLibrary, store: Store | undefined, senders: Partial<Record<"discord" | "telegram", Sender>>): DigestService {
  return new DigestService({
    outbox: store?.outbox,
    library: () => live.current(),
    destinations: digestDestinations(config),
    senders: () => senders,
    noNews: config.DIGEST_NO_NEWS,
    log: log.child({ feature: "digests" }),
  });
}

/** How often a worker looks for feeds that are due; each feed is polled every FEED_POLL_MINUTES. */
const FEED_CHECK_MS = 60_000;
/** The feeds lease: one worker polls the feeds at a time. */
const FEEDS_LEASE_MS = 5 * 60_000;

/** Tells the moderators a line about the feeds, in the digest destinations (and the log). */
function moderatorNotice(config: Config, senders: Partial<Record<"discord" | "telegram", Sender>>): (line: string) => Promise<void> {
  return async (line) => {
    log.warn({ notice: line }, "feed notice");
    for (const destination of digestDestinations(config)) {
      const [platform, chat] = destination.split(":") as ["discord" | "telegram", string];
      await senders[platform]?.send(chat, text(line), `feed-${randomBytes(8).toString("hex")}`).catch((err: unknown) => log.warn({ err, destination }, "feed notice could not be sent"));
    }
  };
}

/** The worker's feed polling: every minute the lease holder polls the feeds that are due. */
function pollFeeds(feeds: FeedsService, store: Store): NodeJS.Timeout {
  const holder = `${hostname()}:${process.pid}`;
  const tick = async () => {
    if (!(await store.leases.acquire("feeds", holder, Date.now(), FEEDS_LEASE_MS))) return;
    for (const result of await feeds.pollDue()) if (result.added > 0) log.info(result, "feed polled");
  };
  void tick().catch((err: unknown) => log.warn({ err }, "feed polling failed"));
  return setInterval(() => void tick().catch((err: unknown) => log.warn({ err }, "feed polling failed")), FEED_CHECK_MS);
}

/** Articles from which an index build reports its progress. */
const PROGRESS_FROM = 1000;

/** Logs a long index build at every tenth of the way, so an operator sees it move. */
function buildProgress(): (done: number, total: number) => void {
  let reported = 0;
  return (done, total) => {
    if (total < PROGRESS_FROM) return;
    const tenth = Math.floor((done / total) * 10);
    if (tenth <= reported && done < total) return;
    reported = tenth;
    log.info({ done, total }, `indexing the corpus: ${done.toLocaleString("en")} of ${total.toLocaleString("en")} files`);
  };
}

/** The store, or undefined when it cannot be opened: questions go on; digests say they are unavailable. */
async function openSharedStore(config: Config): Promise<Store | undefined> {
  try {
    const store = await openStore(storeLocation(config));
    log.info({ store: store.connection.where, kind: store.kind }, "store open");
    return store;
  } catch (error) {
    log.error({ err: error }, "the store cannot be opened: digests are off, limits and pages stay in this process");
    return undefined;
  }
}

/** The worker's periodic upkeep: expired pages and rate-limit windows are forgotten. */
function upkeep(store: Store | undefined): NodeJS.Timeout {
  const timer = setInterval(() => {
    void store?.forgetExpired().catch((err: unknown) => log.warn({ err }, "store upkeep failed"));
  }, UPKEEP_MS);
  timer.unref();
  return timer;
}

async function main(): Promise<void> {
  const config = loadConfig(process.env);
  log.level = config.LOG_LEVEL;
  addSecret(config.DISCORD_TOKEN);
  addSecret(config.TELEGRAM_BOT_TOKEN);
  addSecret(config.TELEGRAM_WEBHOOK_SECRET);
  addSecret(config.DATABASE_URL);
  const roles = new Set<Role>(config.DALEEL_ROLES ?? ROLES);
  const dirs = config.CORPUS_DIRS ?? [DEFAULT_CORPUS_DIR];
  const logProblems = (problems: CorpusProblem[]) => problems.forEach((p) => log.warn({ file: p.file, field: p.field }, `corpus: ${formatProblem(p)}`));
  const live = new LiveLibrary(dirs, {
    onReload: (result) => {
      if (result.ok) log.info({ articles: result.articles, how: result.how }, "corpus reloaded");
      else log.error({ err: result.error }, "corpus reload failed; the previous index keeps serving");
      logProblems(result.problems);
    },
    open: (folders, scan) => openLibrary(folders, { cacheDir: DEFAULT_CACHE_DIR, scan, onProgress: buildProgress(), onWorkerError: (err) => log.warn({ err }, "analysis workers failed; building on the main thread") }),
    cacheDir: DEFAULT_CACHE_DIR,
  });
  logProblems(live.current().problems);
  // Every process watches the corpus folder, so an article added through any process on this machine is
  // answerable in all of them (see "Scaling out").
  live.watch();
  const store = await openSharedStore(config);
  // Articles added through any process reach this one's corpus folder (and its index).
  const sync = store ? new ArticleSync(store, dirs[0]!, (written) => live.reload(written), log.child({ feature: "articles" })) : undefined;
  await sync?.start();
  const senders: Partial<Record<"discord" | "telegram", Sender>> = {};
  const digests = digestService(config, live, store, senders);
  const articles: Deps["articles"] = {
    dir: dirs[0]!,
    reload: (written) => live.reload(written),
    publish: sync ? (path, by, url) => sync.publish(path, by, url) : undefined,
    readPage: (url) => readArticleAt(url, { allowHosts: config.FETCH_ALLOW_HOSTS }),
  };
  const feeds = store ? new FeedsService({ store, articles, library: () => live.current(), topic: config.FEED_TOPIC, pollMinutes: config.FEED_POLL_MINUTES, allowHosts: config.FETCH_ALLOW_HOSTS, report: moderatorNotice(config, senders), log: log.child({ feature: "feeds" }) }) : undefined;
  for (const url of config.FEEDS) await feeds?.add(url, "config");
  const deps: Deps = { library: () => live.current(), commands, articles, digests, feeds };
  const running: Running[] = [];
  if (roles.has("discord") && config.DISCORD_TOKEN) running.push(await within("Discord", "DISCORD_API_BASE (and DISCORD_TOKEN)", startDiscord(config, config.DISCORD_TOKEN, deps, store)));
  if (roles.has("telegram") && config.TELEGRAM_BOT_TOKEN) running.push(await within("Telegram", "TELEGRAM_API_ROOT (and TELEGRAM_BOT_TOKEN)", startTelegram(config, config.TELEGRAM_BOT_TOKEN, deps, store)));
  if (running.length === 0 && !config.DALEEL_ROLES) {
    await runConsole({ ...deps, digests: undefined });
    live.close();
    await sync?.stop();
    await store?.close();
    return;
  }
  for (const bot of running) {
    const [platform, sender] = await bot.digestSender();
    senders[platform] = sender;
  }
  // Where this process runs no bot (a worker; a Discord shard posting to Telegram), digests go through the REST API.
  Object.assign(senders, await digestSenders(config, (["discord", "telegram"] as const).filter((platform) => !senders[platform])));
  let schedule: Schedule | undefined;
  let timer: NodeJS.Timeout | undefined;
  let feedTimer: NodeJS.Timeout | undefined;
  if (roles.has("worker")) {
    timer = upkeep(store);
    if (feeds && store) feedTimer = pollFeeds(feeds, store);
    if (config.DIGEST_SCHEDULE) schedule = scheduleDigests(config.DIGEST_SCHEDULE, config.DIGEST_TIMEZONE, digests, store, log.child({ feature: "digests" }), { leaseMs: config.SCHEDULE_LEASE_SECONDS * 1000 });
  }
  log.info({ roles: [...roles], bots: running.length }, "daleel running");
  const keepAlive = running.length === 0 ? setInterval(() => undefined, 1 << 30) : undefined;
  const stop = (signal: string) => {
    log.info({ signal }, "stopping");
    clearInterval(timer);
    clearInterval(feedTimer);
    clearInterval(keepAlive);
    void Promise.allSettled([schedule?.stop(), sync?.stop(), ...running.map((r) => r.stop())])
      // Stops watching, and saves the persisted index if an update has not been saved yet.
      .then(() => live.close())
      .then(() => store?.close())
      .finally(() => process.exit(0));
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

process.on("unhandledRejection", (reason) => log.error({ err: reason }, "unhandled rejection"));

main().catch((error: unknown) => {
  if (error instanceof ConfigError) process.stderr.write(`${error.message}\n`);
  else if (error instanceof StartupError) log.fatal(error.message);
  else log.fatal({ err: error }, "daleel stopped");
  process.exit(1);
});
