/**
 * Several Daleel processes on one real PostgreSQL server: two Telegram
 * webhook workers and two schedule workers, against the fake Bot API and the
 * fake Discord. Runs when TEST_DATABASE_URL is set (CI sets it).
 */
import { type ChildProcess, spawn } from "node:child_process";
import { cpSync, mkdtempSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FakeDiscord } from "../fakes/discord.ts";
import { FakeTelegram } from "../fakes/telegram.ts";
import { corpusOf29, random } from "../fixtures/digest-corpus.ts";
import { ROOT, TEST_TELEGRAM_TOKEN } from "../helpers.ts";
import { BACKENDS, TEST_DATABASE_URL } from "./backends.ts";

const DISCORD_TOKEN = "MTAxfakeDiscordBotToken.abcdef.ghijklmnopqrstuvwxyz0123";
const SECRET = "scale-out-secret-0123456789";
const DISCORD_CHANNEL = "930000000000000001";
const TELEGRAM_CHAT = "-100777";
const SLOW_DOWN = /asking a lot at once/;
/** A Telegram user listed in TELEGRAM_MODERATOR_IDS. */
const MODERATOR = 640_001;

async function freePort(): Promise<number> {
  const server = createServer().listen(0, "127.0.0.1");
  await new Promise((r) => server.once("listening", r));
  const { port } = server.address() as { port: number };
  await new Promise((r) => server.close(r));
  return port;
}

let nextUpdate = 1;
let nextMessage = 1;

/** A private message from a user, as Telegram would post it to the webhook. */
function textUpdate(text: string, userId: number) {
  const entities = text.startsWith("/") ? [{ type: "bot_command", offset: 0, length: text.split(/\s/)[0]!.length }] : undefined;
  return { update_id: nextUpdate++, message: { message_id: nextMessage++, date: Math.floor(Date.now() / 1000), chat: { id: userId, type: "private", first_name: "U" }, from: { id: userId, is_bot: false, first_name: "U" }, text, ...(entities ? { entities } : {}) } };
}

function pressUpdate(data: string, userId: number, messageId: number) {
  return { update_id: nextUpdate++, callback_query: { id: String(nextUpdate * 7), from: { id: userId, is_bot: false, first_name: "U" }, chat_instance: "ci", data, message: { message_id: messageId, date: 0, chat: { id: userId, type: "private", first_name: "U" }, from: { id: 1, is_bot: true, first_name: "Daleel" }, text: "…" } } };
}

class Daleel {
  child!: ChildProcess;
  constructor(
    readonly role: "telegram" | "worker",
    private readonly env: Record<string, string>,
  ) {}

  start(): this {
    this.child = spawn(process.execPath, ["--import", "tsx", join(ROOT, "src/main.ts")], { cwd: ROOT, env: { PATH: process.env.PATH!, LOG_LEVEL: "silent", DALEEL_ROLES: this.role, ...this.env }, stdio: "ignore" });
    return this;
  }

  kill(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return Promise.resolve();
    const gone = new Promise<void>((r) => this.child.once("exit", () => r()));
    this.child.kill("SIGKILL");
    return gone;
  }
}

describe.skipIf(!TEST_DATABASE_URL)("scaling out on PostgreSQL: two Telegram webhook workers and two schedule workers", () => {
  const postgres = BACKENDS.find((b) => b.name === "postgres")!;
  const processes: Daleel[] = [];
  let telegram: FakeTelegram;
  let discord: FakeDiscord;
  let databaseUrl: string;
  let ports: number[];
  let shared: Record<string, string>;

  const webhook = (i: number, update: object) =>
    fetch(`http://127.0.0.1:${ports[i]}/`, { method: "POST", body: JSON.stringify(update), headers: { "content-type": "application/json", "x-telegram-bot-api-secret-token": SECRET } });

  /** Each Telegram worker has a corpus folder of its own, as if on its own machine. */
  let corpora: string[];
  const startTelegram = (i: number) => {
    const p = new Daleel("telegram", { ...shared, CORPUS_DIRS: corpora[i]!, TELEGRAM_MODERATOR_IDS: String(MODERATOR), PORT: String(ports[i]), TELEGRAM_WEBHOOK_URL: "https://bot.example/telegram", TELEGRAM_WEBHOOK_SECRET: SECRET }).start();
    processes.push(p);
    return p;
  };

  async function webhookReady(i: number): Promise<void> {
    const start = Date.now();
    for (;;) {
      const ok = await fetch(`http://127.0.0.1:${ports[i]}/`, { method: "POST", body: "{}", headers: { "x-telegram-bot-api-secret-token": SECRET } }).then(() => true, () => false);
      if (ok) return;
      if (Date.now() - start > 60_000) throw new Error(`webhook worker ${i} did not start`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  beforeAll(async () => {
    telegram = await new FakeTelegram().start();
    discord = await new FakeDiscord().start();
    databaseUrl = await postgres.fresh();
    ports = [await freePort(), await freePort()];
    corpora = [0, 1].map(() => {
      const dir = mkdtempSync(join(tmpdir(), "daleel-scale-corpus-"));
      cpSync(join(ROOT, "corpus"), dir, { recursive: true });
      return dir;
    });
    shared = { DATABASE_URL: databaseUrl, TELEGRAM_BOT_TOKEN: TEST_TELEGRAM_TOKEN, TELEGRAM_API_ROOT: telegram.apiRoot, RATE_LIMIT_MAX: "5", RATE_LIMIT_WINDOW_SECONDS: "30" };
    startTelegram(0);
    startTelegram(1);
    await Promise.all([webhookReady(0), webhookReady(1)]);
  }, 120_000);

  afterAll(async () => {
    await Promise.all(processes.map((p) => p.kill()));
    await telegram?.stop();
    await discord?.stop();
    await postgres.cleanUp();
  });

  it("answers 200 updates spread over both workers, each once", { timeout: 120_000 }, async () => {
    const users = Array.from({ length: 200 }, (_, i) => 500_000 + i);
    const before = telegram.sent().length;
    const responses = await Promise.all(users.map((user, i) => webhook(i % 2, textUpdate(i % 3 ? "What is PVARA?" : "/about", user))));
    expect(responses.every((r) => r.status === 200)).toBe(true);
    await telegram.waitUntil(() => telegram.sent().length - before >= 200, 60_000);
    await new Promise((r) => setTimeout(r, 500));
    const replies = telegram.sent().slice(before);
    expect(replies).toHaveLength(200);
    expect(new Set(replies.map((c) => Number(c.body.chat_id)))).toEqual(new Set(users));
  });

  it("holds a rate limit of 5 per 30 s across both workers", { timeout: 60_000 }, async () => {
    const user = 610_001;
    for (let i = 0; i < 10; i++) expect((await webhook(i % 2, textUpdate("What is PVARA?", user))).status).toBe(200);
    await telegram.waitUntil(() => telegram.sent().filter((c) => Number(c.body.chat_id) === user).length >= 10, 30_000);
    const texts = telegram.sent().filter((c) => Number(c.body.chat_id) === user).map((c) => String(c.body.text));
    expect(texts.filter((t) => SLOW_DOWN.test(t))).toHaveLength(5);
    expect(texts.filter((t) => !SLOW_DOWN.test(t))).toHaveLength(5);
  });

  it("turns a timeline page after the worker that sent it restarts, on either worker", { timeout: 120_000 }, async () => {
    const user = 620_001;
    await webhook(0, textUpdate("/timeline", user));
    await telegram.waitUntil(() => telegram.sent().some((c) => Number(c.body.chat_id) === user && c.body.reply_markup), 30_000);
    const first = telegram.sent().find((c) => Number(c.body.chat_id) === user && c.body.reply_markup)!;
    const later = (first.body.reply_markup.inline_keyboard as { text: string; callback_data: string }[][]).flat().find((b) => /Later/.test(b.text))!;
    await processes[0]!.kill();
    startTelegram(0);
    await webhookReady(0);
    for (const worker of [0, 1]) {
      const edits = telegram.sent("editMessageText").length;
      await webhook(worker, pressUpdate(later.callback_data, user, first.body.message_id_sent));
      await telegram.waitUntil(() => telegram.sent("editMessageText").length > edits, 30_000);
      const edit = telegram.sent("editMessageText").at(-1)!;
      expect(edit.body.text).not.toBe(first.body.text);
      expect(JSON.stringify(edit.body.reply_markup)).toContain("Earlier");
    }
  });

  it("makes an article a moderator adds through one worker answerable by the other within 10 s", { timeout: 60_000 }, async () => {
    const question = "Which districts are in the Thar coal tokenisation pilot?";
    const asker = 650_001;
    await webhook(1, textUpdate(question, asker));
    await telegram.waitUntil(() => telegram.sent().some((c) => Number(c.body.chat_id) === asker), 30_000);
    expect(telegram.sent().find((c) => Number(c.body.chat_id) === asker)!.body.text).not.toMatch(/Tharparkar/);
    const article = "Sindh Tests Tokenised Thar Coal Royalties\n\nKARACHI: The Sindh government began a pilot that records Thar coal royalties as tokens in the Tharparkar and Umerkot districts, officials said.\n\nThe pilot will run for six months, and the provincial energy department will publish a report on the royalty tokens, the mining companies involved and the costs of the ledger before deciding whether to extend it to other districts of the province.";
    await webhook(0, textUpdate(`/ingest date:2026-05-01 source:Fixture ${article}`, MODERATOR));
    await telegram.waitUntil(() => telegram.sent().some((c) => Number(c.body.chat_id) === MODERATOR && /Article added/.test(c.body.text)), 30_000);
    const added = Date.now();
    const askAgain = 650_002;
    for (;;) {
      const before = telegram.sent().filter((c) => Number(c.body.chat_id) === askAgain).length;
      await webhook(1, textUpdate(question, askAgain));
      await telegram.waitUntil(() => telegram.sent().filter((c) => Number(c.body.chat_id) === askAgain).length > before, 30_000);
      if (/Tharparkar/.test(telegram.sent().filter((c) => Number(c.body.chat_id) === askAgain).at(-1)!.body.text)) break;
      expect(Date.now() - added).toBeLessThan(10_000);
      await new Promise((r) => setTimeout(r, 500));
    }
    expect(Date.now() - added).toBeLessThan(10_000);
  });

  it("posts a scheduled 30-item digest exactly once per Discord channel and at least once on Telegram while a worker is killed at 10 points", { timeout: 240_000 }, async () => {
    // A database of its own: the article the test above added would (rightly) reach these workers and their digest.
    const digestDatabase = await postgres.fresh();
    const env = {
      ...shared,
      DATABASE_URL: digestDatabase,
      CORPUS_DIRS: corpusOf29(),
      DISCORD_TOKEN,
      DISCORD_API_BASE: discord.apiBase,
      DIGEST_SCHEDULE: "* * * * * *",
      DIGEST_DISCORD_CHANNEL_IDS: DISCORD_CHANNEL,
      DIGEST_TELEGRAM_CHAT_IDS: TELEGRAM_CHAT,
      SCHEDULE_LEASE_SECONDS: "2",
    };
    const workers = [new Daleel("worker", env).start(), new Daleel("worker", env).start()];
    processes.push(...workers);
    const db = new pg.Client({ connectionString: digestDatabase });
    await db.connect();
    const holderPid = async () => {
      const { rows } = await db.query<{ holder: string }>("select holder from leases where name = 'digest-schedule' and expires_at >= $1", [Date.now()]);
      return rows[0] ? Number(rows[0].holder.split(":").at(-2)) : undefined;
    };
    const discordPosts = () => discord.requests.filter((r) => r.method === "POST" && r.path === `/channels/${DISCORD_CHANNEL}/messages`).length;
    const telegramPosts = () => telegram.sent().filter((c) => String(c.body.chat_id) === TELEGRAM_CHAT).length;
    const finished = () => (discord.created.get(DISCORD_CHANNEL)?.length ?? 0) >= 30 && new Set(telegram.sent().filter((c) => String(c.body.chat_id) === TELEGRAM_CHAT).map((c) => c.body.text)).size >= 30;
    const next = random(20261122);
    const killedWhilePosting: number[] = [];
    const takeovers: number[] = [];
    try {
      for (let kill = 0; kill < 10; kill++) {
        const target = discordPosts() + telegramPosts() + 1 + Math.floor(next() * 5);
        await discord.waitUntil(() => discordPosts() + telegramPosts() >= target || finished(), 60_000);
        const pid = await holderPid();
        const victim = workers.find((w) => w.child.pid === pid) ?? workers[kill % 2]!;
        const survivor = workers.find((w) => w !== victim)!;
        if (!finished()) killedWhilePosting.push(discordPosts() + telegramPosts());
        await victim.kill();
        // The survivor takes the schedule over within the lease; a fresh worker replaces the dead one.
        const killedAt = Date.now();
        for (;;) {
          if ((await holderPid()) === survivor.child.pid) break;
          if (Date.now() - killedAt > 30_000) throw new Error("the surviving worker did not take over the schedule");
          await new Promise((r) => setTimeout(r, 50));
        }
        takeovers.push(Date.now() - killedAt);
        const fresh = new Daleel("worker", env).start();
        processes.push(fresh);
        workers.splice(workers.indexOf(victim), 1, fresh);
      }
      await discord.waitUntil(() => (discord.created.get(DISCORD_CHANNEL)?.length ?? 0) >= 30 && telegramPosts() >= 30, 60_000);
      await new Promise((r) => setTimeout(r, 3_000));
      const created = discord.created.get(DISCORD_CHANNEL)!;
      expect(created).toHaveLength(30);
      expect(new Set(created).size).toBe(30);
      expect(created[0]).toContain("News digest: 29 articles");
      const texts = telegram.sent().filter((c) => String(c.body.chat_id) === TELEGRAM_CHAT).map((c) => c.body.text);
      expect(new Set(texts).size).toBe(30);
      expect(texts.length - 30).toBeLessThanOrEqual(10);
      expect(takeovers).toHaveLength(10);
      // The kills fell while the digest was being posted, on both platforms.
      expect(killedWhilePosting).toHaveLength(10);
      expect(killedWhilePosting.at(-1)).toBeGreaterThan(30);
      expect(Math.max(...takeovers)).toBeLessThan(10_000);
    } finally {
      await db.end();
    }
  });
});
