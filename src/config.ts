/**
 * The environment, parsed once with zod. Every problem is listed at once, by
 * variable name, and no value is ever printed. Empty variables count as unset.
 */
import { Cron } from "croner";
import { z } from "zod";

function isCron(pattern: string): boolean {
  try {
    new Cron(pattern, { paused: true }).stop();
    return true;
  } catch {
    return false;
  }
}

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** What one process can run; by default all of them (see the README's "Scaling out"). */
export const ROLES = ["discord", "telegram", "worker"] as const;
export type Role = (typeof ROLES)[number];

const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;

const snowflake = z.string().regex(/^\d{1,20}$/, "expected a numeric Discord id");
const idList = (what: string) =>
  z
    .string()
    .regex(/^\s*-?\d+(\s*,\s*-?\d+)*\s*$/, `expected comma-separated numeric ${what}`)
    .transform((v) => v.split(",").map((id) => id.trim()))
    .optional();
const flag = z
  .enum(["true", "false", "1", "0", "yes", "no"])
  .transform((v) => v === "true" || v === "1" || v === "yes")
  .optional();

export const Config = z.object({
  CORPUS_DIRS: z
    .string()
    .optional()
    .transform((v) => (v ? v.split(",").map((d) => d.trim()).filter(Boolean) : undefined))
    .describe("Comma-separated corpus folders; the bundled corpus/ by default"),
  LOG_LEVEL: z.enum(LOG_LEVELS).default("info").describe("Operator log level (logs go to stderr)"),
  FEEDS: z
    .string()
    .optional()
    .transform((v) => (v ? v.split(",").map((u) => u.trim()).filter(Boolean) : []))
    .refine((urls) => urls.every((u) => /^https?:\/\/\S+$/i.test(u)), "expected comma-separated http(s) feed URLs")
    .describe("Feeds to follow from the start (moderators add more with /feeds add)"),
  FEED_POLL_MINUTES: z.coerce.number().int().min(1).max(1440).default(15).describe("How often a worker polls each feed"),
  FEED_TOPIC: z.string().trim().min(2).max(300).optional().describe("Key terms a feed item must mention to be added (| = and, , = or); moderators can change it with /feeds topic"),
  FETCH_ALLOW_HOSTS: z
    .string()
    .optional()
    .transform((v) => (v ? v.split(",").map((h) => h.trim().toLowerCase()).filter(Boolean) : []))
    .describe("Hosts /ingest url: may fetch although they are loopback or private (e.g. a test server); none by default"),
  DISCORD_TOKEN: z.string().min(20, "does not look like a bot token").optional().describe("Discord bot token; starts the Discord bot"),
  DISCORD_APP_ID: snowflake.optional().describe("Discord application id (needed by discord:deploy)"),
  DISCORD_GUILD_ID: snowflake.optional().describe("Register commands to this server only (instant); global otherwise"),
  DISCORD_MODERATOR_ROLE_IDS: idList("role ids").describe("Roles whose members may run moderator commands"),
  DISCORD_API_BASE: z.url().default("https://discord.com/api").describe("Discord REST base URL (a proxy or a test fake)"),
  DISCORD_MESSAGE_CONTENT: flag.describe("Request the privileged Message Content intent"),
  TELEGRAM_BOT_TOKEN: z.string().regex(/^\d+:[A-Za-z0-9_-]+$/, "expected a BotFather token like 123456:ABC-…").optional().describe("Telegram bot token; starts the Telegram bot"),
  TELEGRAM_API_ROOT: z.url().default("https://api.telegram.org").describe("Bot API root (a local Bot API server or a test fake)"),
  TELEGRAM_MODERATOR_IDS: idList("user ids").describe("Telegram user ids who may run moderator commands in private chats"),
  TELEGRAM_WEBHOOK_URL: z.url().optional().describe("Public HTTPS URL for webhook mode (instead of long polling)"),
  TELEGRAM_WEBHOOK_SECRET: z.string().regex(/^[A-Za-z0-9_-]{16,256}$/, "expected 16–256 characters of A-Z, a-z, 0-9, _ and -").optional().describe("Secret Telegram sends with each webhook request"),
  PORT: z.coerce.number().int().min(1).max(65535).default(8080).describe("Port the webhook server listens on"),
  DIGEST_DISCORD_CHANNEL_IDS: idList("channel ids").describe("Discord channels digests are posted to"),
  DIGEST_TELEGRAM_CHAT_IDS: idList("chat ids").describe("Telegram chats digests are posted to"),
  DIGEST_SCHEDULE: z
    .string()
    .refine((v) => isCron(v), "expected a cron expression such as 0 9 * * * (every day at 09:00)")
    .optional()
    .describe("Cron expression for the scheduled digest"),
  DIGEST_TIMEZONE: z
    .string()
    .refine((v) => isTimeZone(v), "expected an IANA time zone such as Asia/Karachi")
    .default("Asia/Karachi")
    .describe("Time zone the schedule is read in"),
  DIGEST_NO_NEWS: z.string().max(500).optional().describe("Line the schedule posts when nothing is new (unset: nothing)"),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\/\S+$/i, "expected a postgres:// URL")
    .optional()
    .describe("PostgreSQL server shared by several processes; unset: the embedded store in data/daleel.sqlite"),
  SCHEDULE_LEASE_SECONDS: z.coerce.number().int().min(2).max(600).default(30).describe("How long the digest schedule's lease lasts unrenewed: a dead worker's schedule moves to another within this time"),
  STORE_FILE: z.string().optional().describe("The embedded store's file when DATABASE_URL is unset (default data/daleel.sqlite)"),
  DALEEL_ROLES: z
    .string()
    .transform((v) => v.split(",").map((r) => r.trim().toLowerCase()).filter(Boolean))
    .pipe(z.array(z.enum(ROLES)).min(1, `expected some of ${ROLES.join(", ")}`))
    .optional()
    .describe("What this process runs: discord, telegram, worker (schedule and upkeep); default all"),
  RATE_LIMIT_MAX: z.coerce.number().int().min(1).max(1000).default(5).describe("Commands per user per window"),
  RATE_LIMIT_WINDOW_SECONDS: z.coerce.number().int().min(1).max(3600).default(30).describe("Rate-limit window in seconds"),
});
export type Config = z.infer<typeof Config>;

/** Rules that span variables. */
const ConfigRules = Config.superRefine((c, ctx) => {
  if (c.DALEEL_ROLES?.includes("discord") && !c.DISCORD_TOKEN) ctx.addIssue({ code: "custom", path: ["DALEEL_ROLES"], message: "the discord role needs DISCORD_TOKEN" });
  if (c.DALEEL_ROLES?.includes("telegram") && !c.TELEGRAM_BOT_TOKEN) ctx.addIssue({ code: "custom", path: ["DALEEL_ROLES"], message: "the telegram role needs TELEGRAM_BOT_TOKEN" });
  if (c.TELEGRAM_WEBHOOK_URL && !c.TELEGRAM_WEBHOOK_SECRET) {
    ctx.addIssue({ code: "custom", path: ["TELEGRAM_WEBHOOK_SECRET"], message: "required when TELEGRAM_WEBHOOK_URL is set" });
  }
});

/** Raised with every bad variable named, for main() to print and exit 1. */
export class ConfigError extends Error {
  override readonly name = "ConfigError";
}

/** Parses the environment. Throws a ConfigError naming each bad variable (never its value). */
export function loadConfig(env: NodeJS.ProcessEnv): Config {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v.trim() !== ""));
  const result = ConfigRules.safeParse(cleaned);
  if (result.success) return result.data;
  const lines = result.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
  throw new ConfigError(`Invalid configuration:\n${lines.join("\n")}`);
}
