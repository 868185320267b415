import { spawn } from "node:child_process";
import { Writable } from "node:stream";
import { readArticleAt } from "../../src/intake/index.ts";
import { PageServer } from "../intake/pages.ts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Deps } from "../../commands/command.ts";
import { commands } from "../../commands/index.ts";
import { TelegramBot } from "../../src/adapters/telegram/bot.ts";
import { TelegramDigestSender } from "../../src/adapters/telegram/digest-sender.ts";
import { MAX_MESSAGE, renderTelegram } from "../../src/adapters/telegram/render.ts";
import { openLibrary, type Library } from "../../src/core/library.ts";
import { addSecret, createLogger } from "../../src/log.ts";
import { commandLine, contractSuite } from "../contract.ts";
import { ANONYMOUS_ADMIN, BOT_USER, type Call, FakeTelegram, checkHtml } from "../fakes/telegram.ts";
import { NEW_RAW_ARTICLE, ROOT, TEST_TELEGRAM_TOKEN, bundledLibrary, scratchCorpus, testDigestService } from "../helpers.ts";

const TOKEN = TEST_TELEGRAM_TOKEN;
const MODERATOR = 1001;
addSecret(TOKEN);

async function startBot(library: Library | Deps, options: { rateLimit?: number; webhookSecret?: string; retryBudgetSeconds?: number } = {}) {
  const fake = await new FakeTelegram().start();
  const lines: string[] = [];
  const sink = new Writable({ write: (chunk, _enc, done) => (lines.push(String(chunk)), done()) });
  const bot = new TelegramBot(
    {
      token: TOKEN,
      apiRoot: fake.apiRoot,
      moderatorIds: [String(MODERATOR)],
      rateLimit: { max: options.rateLimit ?? 1000, windowSeconds: 30 },
      webhook: options.webhookSecret ? { url: "https://bot.example/telegram", secret: options.webhookSecret, port: 0 } : undefined,
      retryBudgetSeconds: options.retryBudgetSeconds,
    },
    "commands" in library ? library : { library: () => library, commands },
    createLogger(sink, "debug"),
  );
  const { stopped } = await bot.start();
  return { fake, bot, lines, stopped };
}

let nextChat = 5000;
/** Sends a message and returns what the bot sent to that chat once it has gone quiet. */
async function exchange(fake: FakeTelegram, text: string, options: { userId?: number; chatId?: number; type?: "private" | "supergroup"; senderChat?: any; replyTo?: any } = {}): Promise<Call[]> {
  const chatId = options.chatId ?? (options.type === "supergroup" ? -100 - nextChat++ : nextChat++);
  fake.message(text, { ...options, chatId, userId: options.userId ?? (chatId > 0 ? chatId : 3003) });
  const mine = () => fake.calls.filter((c) => (c.method === "sendMessage" || c.method === "editMessageText") && Number(c.body.chat_id) === chatId);
  await fake.waitUntil(() => mine().length > 0);
  let count = -1;
  while (count !== mine().length) {
    count = mine().length;
    await new Promise((r) => setTimeout(r, 80));
  }
  return mine();
}

const seen = (calls: Call[]) => calls.map((c) => c.body.text).join("\n");

describe("Telegram adapter, against a fake Bot API", () => {
  let env: Awaited<ReturnType<typeof startBot>>;
  beforeAll(async () => {
    env = await startBot(bundledLibrary());
  });
  afterAll(async () => {
    await env.bot.stop();
    await env.fake.stop();
  });

  contractSuite("telegram", async (call) => seen(await exchange(env.fake, commandLine(call), call.moderator ? { chatId: MODERATOR } : {})));

  it("sets the command menus at start-up: public commands for everyone, moderator commands only for admins and moderators", () => {
    const menus = Object.fromEntries(env.fake.sent("setMyCommands").map((c) => [JSON.stringify(c.body.scope), c.body.commands.map((m: { command: string }) => m.command)]));
    const everyone = commands.filter((c) => c.access === "everyone").map((c) => c.name);
    expect(menus[JSON.stringify({ type: "default" })]).toEqual([...everyone, "start"]);
    expect(menus[JSON.stringify({ type: "default" })]).not.toContain("digest");
    expect(menus[JSON.stringify({ type: "default" })]).not.toContain("ingest");
    expect(menus[JSON.stringify({ type: "all_chat_administrators" })]).toEqual([...commands.map((c) => c.name), "start"]);
    expect(menus[JSON.stringify({ type: "chat", chat_id: MODERATOR })]).toEqual([...commands.map((c) => c.name), "start"]);
  });

  it("sends HTML that Telegram accepts, with numbered links to sources", async () => {
    const calls = await exchange(env.fake, "/ask Where did Bilal Bin Saqib meet Mayor Eric Adams?");
    expect(calls[0]!.body.parse_mode).toBe("HTML");
    expect(checkHtml(calls[0]!.body.text)).toBeUndefined();
    expect(calls[0]!.body.text).toMatch(/\[1\] <a href="https:\/\/nextwallet\.money\/[^"]+">Pakistan’s Crypto Chief Meets/);
  });

  it("treats a plain private message as a question, and /start as help", async () => {
    expect(seen(await exchange(env.fake, "What is PVARA?"))).toContain("Pakistan Virtual Assets Regulatory Authority (PVARA)");
    expect(seen(await exchange(env.fake, "/start"))).toContain("/timeline");
  });

  it("in groups answers only commands, @mentions and replies to the bot", async () => {
    const group = -4242;
    env.fake.message("What is PVARA?", { chatId: group, userId: 3003 });
    await new Promise((r) => setTimeout(r, 300));
    expect(env.fake.sent().filter((c) => Number(c.body.chat_id) === group)).toHaveLength(0);
    expect(seen(await exchange(env.fake, `@${BOT_USER.username} What is PVARA?`, { chatId: -4243 }))).toContain("PVARA");
    const botMessage = { message_id: 1, date: 0, chat: { id: -4244, type: "supergroup" }, from: BOT_USER, text: "earlier answer" };
    expect(seen(await exchange(env.fake, "Who is Bo Hines?", { chatId: -4244, replyTo: botMessage }))).toContain("Hines");
  });

  it("reads a reply to its answer as a follow-up about the same subject", async () => {
    const chatId = nextChat++;
    const [answer] = await exchange(env.fake, "Tell me about the El Salvador letter of intent", { chatId });
    expect(answer!.body.text).toContain("Letter of Intent");
    // Alone, "when was that?" has no subject: it is refused.
    expect(seen(await exchange(env.fake, "when was that?"))).toMatch(/can.t answer/);
    const replyTo = { message_id: answer!.body.message_id_sent, date: 0, chat: { id: chatId, type: "private" }, from: BOT_USER, text: "…" };
    const before = env.fake.sent().length;
    env.fake.message("when was that?", { chatId, userId: chatId, replyTo });
    await env.fake.waitUntil(() => env.fake.sent().length > before);
    const followUp = env.fake.sent().at(-1)!.body.text as string;
    expect(followUp).toContain("Read with your earlier question, as: when was that? El Salvador");
    expect(followUp).toContain("El Salvador");
    expect(followUp).not.toMatch(/can.t answer/);
    // A reply to a message that is not one of its answers is a fresh question.
    const stranger = { ...replyTo, message_id: 999_999 };
    expect(seen(await exchange(env.fake, "when was that?", { replyTo: stranger }))).toMatch(/can.t answer/);
  });

  it("pages through a long timeline with Earlier and Later, editing the message", async () => {
    const [first] = await exchange(env.fake, "/timeline");
    expect(first!.body.text).toContain("Page 1 of");
    expect(first!.body.reply_markup.inline_keyboard[0]).toEqual([{ text: "Later »", callback_data: expect.stringMatching(/^tl:\d+:1$/) }]);
    env.fake.press(first!.body.reply_markup.inline_keyboard[0][0].callback_data, first!);
    await env.fake.waitUntil(() => env.fake.sent("editMessageText").length >= 1);
    const later = env.fake.sent("editMessageText").at(-1)!;
    expect(later.body.text).toContain("Page 2 of");
    expect(later.body.message_id).toBe(first!.body.message_id_sent);
    const back = later.body.reply_markup.inline_keyboard[0].find((b: { text: string }) => b.text === "« Earlier");
    env.fake.press(back.callback_data, first!);
    await env.fake.waitUntil(() => env.fake.sent("editMessageText").length >= 2);
    expect(env.fake.sent("editMessageText").at(-1)!.body.text).toBe(first!.body.text);
    for (const edit of env.fake.sent("editMessageText")) expect(checkHtml(edit.body.text)).toBeUndefined();
  });

  it("says a timeline page has expired when its button outlives the bot's memory", async () => {
    const [first] = await exchange(env.fake, "/timeline");
    env.fake.press("tl:999999:1", first!);
    await env.fake.waitUntil(() => env.fake.sent("answerCallbackQuery").some((c) => /expired/.test(c.body.text ?? "")));
  });

  it("refuses /digest to a group member who is not an admin, and when the lookup fails", async () => {
    expect(seen(await exchange(env.fake, "/digest", { type: "supergroup", userId: 3003 }))).toMatch(/Only moderators/);
    env.fake.script("getChatMember", { ok: false, error_code: 400, description: "Bad Request: user not found" });
    expect(seen(await exchange(env.fake, "/digest", { type: "supergroup", userId: 3004 }))).toMatch(/Only moderators/);
  });

  it("allows /digest to a group admin and to an anonymous admin", async () => {
    env.fake.setMember(-777, 3005, "administrator");
    expect(seen(await exchange(env.fake, "/digest since:2025-06-01", { chatId: -777, userId: 3005 }))).toContain("News digest: 4 articles");
    const anonymous = await exchange(env.fake, "/digest since:2025-06-01", { chatId: -778, userId: ANONYMOUS_ADMIN, senderChat: { id: -778, type: "supergroup", title: "Crypto Pakistan" } });
    expect(seen(anonymous)).toContain("News digest: 4 articles");
  });

  it("gives a one-line usage hint for bad arguments", async () => {
    expect(seen(await exchange(env.fake, "/timeline from:someday"))).toBe("from: cannot read &quot;someday&quot; as a date; try 2025-06-01, 2025-06, &quot;May 2025&quot; or &quot;last month&quot; (words in quotes).");
  });

  it("retries a 429 and delivers the message once", async () => {
    env.fake.script("sendMessage", { ok: false, error_code: 429, description: "Too Many Requests: retry after 1", parameters: { retry_after: 1 } });
    const chatId = nextChat++;
    env.fake.message("/about", { chatId, userId: chatId });
    const calls = () => env.fake.sent().filter((c) => Number(c.body.chat_id) === chatId);
    await env.fake.waitUntil(() => calls().length >= 2, 5000);
    await new Promise((r) => setTimeout(r, 300));
    expect(calls()).toHaveLength(2);
    expect(calls()[1]!.body.text).toBe(calls()[0]!.body.text);
    expect(calls()[1]!.at - calls()[0]!.at).toBeGreaterThanOrEqual(900);
  });

  it("resends as plain text when Telegram rejects the entities", async () => {
    env.fake.script("sendMessage", { ok: false, error_code: 400, description: "Bad Request: can't parse entities: unsupported start tag" });
    const calls = await exchange(env.fake, "/about");
    expect(calls).toHaveLength(2);
    expect(calls[1]!.body.parse_mode).toBeUndefined();
  });

  it("logs a network failure without the bot token, tells the user, and keeps serving", async () => {
    env.fake.script("sendMessage", "drop");
    const chatId = nextChat++;
    env.fake.message("/about", { chatId, userId: chatId });
    await env.fake.waitUntil(() => env.lines.some((l) => l.includes("telegram update failed")), 15_000);
    await env.fake.waitUntil(() => env.fake.sent().some((c) => Number(c.body.chat_id) === chatId && /went wrong/.test(c.body.text)));
    const logs = env.lines.join("");
    expect(logs).toMatch(/HttpError|Network request/);
    expect(logs).not.toContain(TOKEN);
    expect(logs).not.toContain(TOKEN.split(":")[1]);
    expect(seen(await exchange(env.fake, "/about"))).toContain("Daleel");
  });

  it("confirms the update offset when it stops", async () => {
    const fresh = await startBot(bundledLibrary());
    await exchange(fresh.fake, "/about");
    const last = fresh.fake.calls.filter((c) => c.method === "getUpdates").length;
    await fresh.bot.stop();
    await fresh.fake.stop();
    const confirm = fresh.fake.calls.filter((c) => c.method === "getUpdates").slice(last);
    expect(confirm.at(-1)!.body).toMatchObject({ offset: 2, timeout: 0 });
  });
});

describe("Telegram adapter, with markup in article text", () => {
  it("escapes <b>, & and <script> from the corpus", async () => {
    const env = await startBot(openLibrary([`${ROOT}tests/fixtures/hostile-article`]));
    try {
      const [reply] = await exchange(env.fake, "/ask When will withdrawals and deposits resume?");
      expect(checkHtml(reply!.body.text)).toBeUndefined();
      expect(reply!.body.text).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
      expect(reply!.body.text).toContain("withdrawals &amp; deposits");
      expect(reply!.body.text).toContain("Exchange Posts &lt;b&gt;Urgent&lt;/b&gt; Notice &amp; Warning");
    } finally {
      await env.bot.stop();
      await env.fake.stop();
    }
  });
});

describe("Telegram adapter, adding articles", () => {
  it("adds a document sent by a moderator with an /ingest caption, and answers from it", async () => {
    const env = await startBot(scratchCorpus().deps);
    try {
      env.fake.document("punjab-land.txt", NEW_RAW_ARTICLE, '/ingest date:2026-02-01 source:"Fixture Gazette"', { chatId: MODERATOR });
      await env.fake.waitUntil(() => env.fake.sent().length === 1);
      expect(env.fake.sent()[0]!.body.text).toMatch(/Article added[\s\S]*Punjab Approves Pilot for Blockchain Land Records/);
      expect(seen(await exchange(env.fake, "Which districts are in the Punjab land records pilot?"))).toContain("Kasur, Okara and Sahiwal");
    } finally {
      await env.bot.stop();
      await env.fake.stop();
    }
  });

  it("adds an article from its link for a moderator and answers from it; a PDF link is refused in one line", async () => {
    const pages = await new PageServer().start();
    const scratch = scratchCorpus();
    const env = await startBot({ ...scratch.deps, articles: { ...scratch.deps.articles!, readPage: (url) => readArticleAt(url, { allowHosts: ["127.0.0.1"] }) } });
    try {
      const added = seen(await exchange(env.fake, `/ingest url:${pages.url("/article")}`, { chatId: MODERATOR }));
      expect(added).toMatch(/Article added[\s\S]*Karachi pilot links idle turbines to bitcoin miners[\s\S]*Indus Ledger, 2025-09-14/);
      expect(seen(await exchange(env.fake, "How many technicians will Sindh Hashworks employ in Karachi?"))).toContain("about 60 technicians");
      expect((await exchange(env.fake, `/ingest ${pages.url("/report.pdf")}`, { chatId: MODERATOR })).at(-1)!.body.text).toBe("Cannot add that page: it is application/pdf, not a web page or text.");
    } finally {
      await env.bot.stop();
      await env.fake.stop();
      await pages.stop();
    }
  });

  it("refuses a document from a non-moderator without downloading it", async () => {
    const env = await startBot(scratchCorpus().deps);
    try {
      env.fake.document("punjab-land.txt", NEW_RAW_ARTICLE, "/ingest date:2026-02-01", { chatId: 7007 });
      await env.fake.waitUntil(() => env.fake.sent().length === 1);
      expect(env.fake.sent()[0]!.body.text).toContain("Only moderators");
      expect(env.fake.calls.some((c) => c.method === "getFile")).toBe(false);
    } finally {
      await env.bot.stop();
      await env.fake.stop();
    }
  });
});

describe("Telegram adapter, digest preview and Post", () => {
  it("sends a group admin the preview privately; Post sends it to the group and reports back", async () => {
    const deps: Deps = { library: () => bundledLibrary(), commands };
    const env = await startBot(deps);
    deps.digests = await testDigestService(() => ({ telegram: new TelegramDigestSender(env.bot.bot.api) }), []);
    try {
      const group = -100777;
      env.fake.setMember(group, 4004, "administrator");
      env.fake.message("/digest since:2025-06-01", { chatId: group, userId: 4004 });
      await env.fake.waitUntil(() => env.fake.sent().some((c) => Number(c.body.chat_id) === 4004 && c.body.reply_markup));
      const preview = env.fake.sent().find((c) => Number(c.body.chat_id) === 4004 && c.body.reply_markup)!;
      const data = preview.body.reply_markup.inline_keyboard[0][0].callback_data as string;
      expect(data).toMatch(/^digest-post:/);
      await env.fake.waitUntil(() => env.fake.sent().some((c) => Number(c.body.chat_id) === group && /private message/.test(c.body.text)));
      env.fake.setMember(group, 4004, "member");
      env.fake.press(data, preview, 4004);
      await env.fake.waitUntil(() => env.fake.sent().some((c) => Number(c.body.chat_id) === 4004 && /not one \(any more\)/.test(c.body.text)));
      expect(env.fake.sent().filter((c) => Number(c.body.chat_id) === group && !/private message/.test(c.body.text))).toHaveLength(0);
      env.fake.setMember(group, 4004, "administrator");
      env.fake.press(data, preview, 4004);
      await env.fake.waitUntil(() => env.fake.sent().some((c) => /posted \(5 messages\)/.test(c.body.text)));
      const inGroup = env.fake.sent().filter((c) => Number(c.body.chat_id) === group && !/private message/.test(c.body.text));
      expect(inGroup).toHaveLength(5);
      expect(inGroup[0]!.body.text).toContain("News digest: 4 articles");
      expect(inGroup.every((c) => checkHtml(c.body.text) === undefined)).toBe(true);
    } finally {
      await env.bot.stop();
      await env.fake.stop();
    }
  });
});

describe("Telegram adapter, rate limit", () => {
  it("answers a user over the limit politely", async () => {
    const env = await startBot(bundledLibrary(), { rateLimit: 2 });
    try {
      for (let i = 0; i < 3; i++) env.fake.message("/about", { chatId: 6006, userId: 6006 });
      await env.fake.waitUntil(() => env.fake.sent().length >= 3);
      expect(env.fake.sent().at(-1)!.body.text).toMatch(/wait a few seconds/);
    } finally {
      await env.bot.stop();
      await env.fake.stop();
    }
  });
});

describe("Telegram adapter, webhook mode", () => {
  it("rejects a request without the right secret (401) and runs nothing; accepts the right one", async () => {
    const secret = "webhook-secret-0123456789";
    const env = await startBot(bundledLibrary(), { webhookSecret: secret });
    try {
      expect(env.fake.sent("setWebhook")[0]!.body).toMatchObject({ url: "https://bot.example/telegram", secret_token: secret });
      const url = `http://127.0.0.1:${env.bot.webhookPort}/`;
      const update = (id: number) => JSON.stringify({ update_id: id, message: { message_id: 1, date: 0, chat: { id: 9009, type: "private", first_name: "A" }, from: { id: 9009, is_bot: false, first_name: "A" }, text: "/about", entities: [{ type: "bot_command", offset: 0, length: 6 }] } });
      const none = await fetch(url, { method: "POST", body: update(1), headers: { "content-type": "application/json" } });
      const wrong = await fetch(url, { method: "POST", body: update(2), headers: { "content-type": "application/json", "x-telegram-bot-api-secret-token": "wrong" } });
      expect([none.status, wrong.status]).toEqual([401, 401]);
      await new Promise((r) => setTimeout(r, 200));
      expect(env.fake.sent()).toHaveLength(0);
      const right = await fetch(url, { method: "POST", body: update(3), headers: { "content-type": "application/json", "x-telegram-bot-api-secret-token": secret } });
      expect(right.status).toBe(200);
      await env.fake.waitUntil(() => env.fake.sent().length === 1);
    } finally {
      await env.bot.stop();
      await env.fake.stop();
    }
  });
});

describe("Telegram adapter, webhook mode with malformed bodies", () => {
  it("answers 400 to a body that is not an update, and keeps serving", async () => {
    const secret = "webhook-secret-0123456789";
    const env = await startBot(bundledLibrary(), { webhookSecret: secret });
    try {
      const url = `http://127.0.0.1:${env.bot.webhookPort}/`;
      const post = (body: string) => fetch(url, { method: "POST", body, headers: { "content-type": "application/json", "x-telegram-bot-api-secret-token": secret }, signal: AbortSignal.timeout(5000) });
      for (const body of ["{not json", "[]", "null", '{"message":{}}', '{"update_id":"1"}']) expect((await post(body)).status).toBe(400);
      expect(env.lines.join("")).toContain("malformed update");
      const good = JSON.stringify({ update_id: 7, message: { message_id: 1, date: 0, chat: { id: 9010, type: "private", first_name: "A" }, from: { id: 9010, is_bot: false, first_name: "A" }, text: "/about", entities: [{ type: "bot_command", offset: 0, length: 6 }] } });
      expect((await post(good)).status).toBe(200);
      await env.fake.waitUntil(() => env.fake.sent().length === 1);
    } finally {
      await env.bot.stop();
      await env.fake.stop();
    }
  });
});

describe("Telegram adapter, a failing Bot API", () => {
  it("gives up on a request that keeps failing with 5xx once its retry budget is spent", async () => {
    const env = await startBot(bundledLibrary(), { retryBudgetSeconds: 4 });
    try {
      for (let i = 0; i < 20; i++) env.fake.script("sendMessage", { ok: false, error_code: 502, description: "Bad Gateway" });
      const started = Date.now();
      env.fake.message("/about", { chatId: 9020, userId: 9020 });
      await env.fake.waitUntil(() => env.lines.some((l) => l.includes("telegram update failed")), 15_000);
      const elapsed = Date.now() - started;
      expect(elapsed).toBeGreaterThanOrEqual(3_000);
      expect(elapsed).toBeLessThan(5_500);
      // The reply was tried at once and after auto-retry's 3 s wait; its next wait (6 s) was cut by the deadline.
      const tries = env.fake.sent("sendMessage").filter((c) => Number(c.body.chat_id) === 9020 && !/Something went wrong/.test(c.body.text));
      expect(tries).toHaveLength(2);
    } finally {
      await env.bot.stop();
      await env.fake.stop();
    }
  }, 20_000);
});

describe("Telegram adapter, hostile input", () => {
  it("shows a masked link in a topic as text, and pages a timeline event longer than a message", async () => {
    const env = await startBot(bundledLibrary());
    try {
      const calls = await exchange(env.fake, "/timeline [Claim PVARA airdrop](https://evil.example/x)");
      expect(seen(calls)).toContain("[Claim PVARA airdrop](https://evil.example/x)");
      expect(seen(calls)).not.toMatch(/<a href="https:\/\/evil/);
    } finally {
      await env.bot.stop();
      await env.fake.stop();
    }
  });
});

describe("Telegram adapter, 409 Conflict", () => {
  it("logs a clear line and exits non-zero when another instance polls the same token", async () => {
    const fake = await new FakeTelegram().start();
    fake.script("getUpdates", { ok: false, error_code: 409, description: "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running" });
    const child = spawn(process.execPath, ["--import", "tsx", `${ROOT}src/main.ts`], {
      cwd: ROOT,
      env: { PATH: process.env.PATH, TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: fake.apiRoot },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stderr = "";
    child.stderr!.on("data", (d) => (stderr += String(d)));
    const code = await new Promise<number | null>((resolve) => child.on("exit", (exitCode) => resolve(exitCode)));
    await fake.stop();
    expect(code).toBe(1);
    expect(stderr).toContain("another instance is polling this bot token (409 Conflict)");
    expect(stderr).not.toContain(TOKEN);
  });
});

describe("renderTelegram", () => {
  it("splits a long reply at block boundaries into valid HTML messages of at most 4096 characters", () => {
    const quote = { type: "quote" as const, text: "A sentence with <tags> & ampersands that must be escaped. ".repeat(20), cites: [1] };
    const messages = renderTelegram({ blocks: Array.from({ length: 12 }, () => quote), sources: [] });
    expect(messages.length).toBeGreaterThan(1);
    for (const m of messages) {
      expect(m.length).toBeLessThanOrEqual(MAX_MESSAGE);
      expect(checkHtml(m)).toBeUndefined();
    }
  });

  it("splits one over-long block at spaces into balanced pieces, dropping nothing", () => {
    const long = "word ".repeat(2000).trim();
    const messages = renderTelegram({ blocks: [{ type: "text", text: long }], sources: [] });
    expect(messages.every((m) => m.length <= MAX_MESSAGE && checkHtml(m) === undefined)).toBe(true);
    expect(messages.join(" ").replace(/\n/g, " ")).toBe(long);
  });
});
