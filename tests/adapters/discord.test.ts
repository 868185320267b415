import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Writable } from "node:stream";
import { readArticleAt } from "../../src/intake/index.ts";
import { PageServer } from "../intake/pages.ts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Deps } from "../../commands/command.ts";
import { commands } from "../../commands/index.ts";
import { DiscordBot } from "../../src/adapters/discord/bot.ts";
import { DiscordDigestSender } from "../../src/adapters/discord/digest-sender.ts";
import { MAX_CONTENT, pack, renderDiscord } from "../../src/adapters/discord/render.ts";
import { slashCommand } from "../../src/adapters/discord/slash.ts";
import { openLibrary, type Library } from "../../src/core/library.ts";
import { createLogger } from "../../src/log.ts";
import { contractSuite } from "../contract.ts";
import { APP_ID, BOT_ID, CHANNEL_ID, FakeDiscord, GUILD_ID, MANAGE_GUILD, type Recorded } from "../fakes/discord.ts";
import { NEW_RAW_ARTICLE, ROOT, bundledLibrary, scratchCorpus, testDigestService, testStore } from "../helpers.ts";
import { writeSyntheticCorpus } from "../../scripts/synthetic.ts";

const TOKEN = "MTAxfakeDiscordBotToken.abcdef.ghijklmnopqrstuvwxyz0123";

/** A bot on its own fake Discord, with its log captured. */
async function startBot(library: Library | Deps, rateLimit = { max: 1000, windowSeconds: 30 }) {
  const fake = await new FakeDiscord().start();
  const lines: string[] = [];
  const sink = new Writable({ write: (chunk, _enc, done) => (lines.push(String(chunk)), done()) });
  const logger = createLogger(sink, "debug");
  const deps: Deps = "commands" in library ? library : { library: () => library, commands };
  const bot = new DiscordBot({ token: TOKEN, apiBase: fake.apiBase, moderatorRoleIds: ["555000000000000001"], messageContent: false, rateLimit }, deps, logger);
  await bot.start();
  await fake.waitForBot();
  return { fake, bot, lines };
}

/** The requests an interaction produced once the bot has finished answering it. */
async function answered(fake: FakeDiscord, token: string): Promise<Recorded[]> {
  await fake.waitUntil(() => fake.forToken(token).some((r) => r.method === "PATCH" || (r.method === "POST" && r.path.includes("/webhooks/")) || r.body?.type === 4 || r.body?.type === 8));
  await new Promise((r) => setTimeout(r, 60));
  return fake.forToken(token);
}

const visible = (requests: Recorded[]) => requests.map((r) => r.body?.content ?? r.body?.data?.content ?? "").filter(Boolean).join("\n");

let nextMessage = 990000000000000100n;
/** A member's message in a channel. */
function userMessage(content: string, channelId: string, id = String(nextMessage++)) {
  return {
    id,
    channel_id: channelId,
    guild_id: GUILD_ID,
    author: { id: "700000000000000009", username: "member", discriminator: "0", avatar: null },
    member: { roles: [], joined_at: new Date().toISOString(), deaf: false, mute: false, flags: 0 },
    content,
    timestamp: new Date().toISOString(),
    edited_timestamp: null,
    tts: false,
    mention_everyone: false,
    mentions: content.includes(`<@${BOT_ID}>`) ? [{ id: BOT_ID, username: "Daleel", discriminator: "0", avatar: null, bot: true }] : [],
    mention_roles: [],
    attachments: [],
    embeds: [],
    pinned: false,
    type: 0,
  };
}

describe("Discord adapter, against a fake Discord", () => {
  let env: Awaited<ReturnType<typeof startBot>>;
  beforeAll(async () => {
    env = await startBot(bundledLibrary());
  });
  afterAll(async () => {
    await env.bot.stop();
    await env.fake.stop();
  });

  const drive = async (name: string, options: Record<string, string | number>, moderator: boolean) => {
    const { token } = env.fake.interaction(name, options, { permissions: moderator ? MANAGE_GUILD : "0" });
    return answered(env.fake, token);
  };

  contractSuite("discord", async ({ command, options, moderator }) => visible(await drive(command, options, moderator)));

  it("defers at once, then edits the reply; every body is within limits and pings nobody", async () => {
    for (const command of commands) {
      const requests = await drive(command.name, command.name === "ask" ? { question: "What is PVARA?" } : command.name === "summary" ? { topic: "PVARA" } : {}, true);
      expect(requests[0]).toMatchObject({ method: "POST", body: { type: 5 } });
      expect(requests[0]!.path).toMatch(/^\/interactions\/\d+\/.+\/callback(\?|$)/);
      for (const r of requests.slice(1).filter((r) => r.method !== "DELETE")) {
        expect((r.body?.content ?? "").length).toBeLessThanOrEqual(MAX_CONTENT);
        expect(r.body?.allowed_mentions?.parse).toEqual([]);
      }
      const edited = requests.some((r) => r.method === "PATCH" && r.path.endsWith("/messages/@original"));
      const privately = requests.some((r) => r.method === "POST" && r.body?.flags === 64);
      expect(edited || privately).toBe(true);
    }
  });

  it("renders citations as numbered masked links with outlet and date", async () => {
    const text = visible(await drive("ask", { question: "Where did Bilal Bin Saqib meet Mayor Eric Adams?" }, false));
    expect(text).toMatch(/\[1\] \[Pakistan’s Crypto Chief Meets New York City Mayor .*\]\(<https:\/\/nextwallet\.money\/.+>\) — NextWallet, 2025-06-06/);
  });

  it("answers autocomplete with at most 25 suggestions", async () => {
    const { token } = env.fake.interaction("summary", { topic: "pak" }, { type: 4, focused: "topic" });
    const [callback] = await answered(env.fake, token);
    expect(callback!.body.type).toBe(8);
    const choices = callback!.body.data.choices as { name: string; value: string }[];
    expect(choices.length).toBeGreaterThan(0);
    expect(choices.length).toBeLessThanOrEqual(25);
    expect(choices.every((c) => c.name.length <= 100 && c.name.toLowerCase().includes("pak"))).toBe(true);
  });

  it("refuses a moderator command to a non-moderator, privately, and allows a moderator role", async () => {
    const refused = await drive("digest", {}, false);
    const follow = refused.find((r) => r.method === "POST" && r.path.includes("/webhooks/"))!;
    expect(follow.body).toMatchObject({ content: "Only moderators can use this command.", flags: 64 });
    expect(refused.some((r) => r.method === "DELETE")).toBe(true);
    const { token } = env.fake.interaction("digest", { since: "2025-06-01" }, { roles: ["555000000000000001"] });
    expect(visible(await answered(env.fake, token))).toContain("News digest: 4 articles");
  });

  it("refuses a digest outside a server, where moderator status is uncertain", async () => {
    const { token } = env.fake.interaction("digest", {}, { inGuild: false, permissions: MANAGE_GUILD });
    expect(visible(await answered(env.fake, token))).toContain("Only moderators");
  });

  it("answers an over-long question with a short private error", async () => {
    const text = visible(await drive("ask", { question: "why ".repeat(100) }, false));
    expect(text).toBe("question: too long (at most 300 characters). Usage: /ask question");
  });

  it("retries an edit that got 429 and delivers it once", async () => {
    env.fake.script((m, p) => m === "PATCH" && p.endsWith("@original"), 429, { message: "You are being rate limited.", retry_after: 0.05, global: false }, 1, { "retry-after": "0.05" });
    const requests = await drive("ask", { question: "What is PVARA?" }, false);
    await env.fake.waitUntil(() => env.fake.forToken(requests[0]!.path.split("/")[3]!).filter((r) => r.method === "PATCH").length >= 2);
    const patches = env.fake.requests.filter((r) => r.method === "PATCH" && r.path.includes(requests[0]!.path.split("/")[3]!));
    expect(patches).toHaveLength(2);
    expect(patches[1]!.body.content).toContain("PVARA");
  });

  it("logs a 10062 Unknown interaction with its id, keeps running, and redacts the token", async () => {
    env.fake.script((m, p) => m === "POST" && p.includes("/callback"), 404, { message: "Unknown interaction", code: 10062 });
    const { id, token } = env.fake.interaction("ask", { question: "What is PVARA?" });
    await env.fake.waitUntil(() => env.lines.some((l) => l.includes("interaction failed") && l.includes(id)));
    const line = env.lines.find((l) => l.includes(id))!;
    expect(line).toContain("Unknown interaction");
    expect(env.lines.join("")).not.toContain(token);
    expect(env.lines.join("")).not.toContain(TOKEN);
    expect(visible(await drive("ask", { question: "What is PVARA?" }, false))).toContain("PVARA");
  });

  it("acknowledges a burst of 200 interactions, each within 2.5 s", async () => {
    const sent = Array.from({ length: 200 }, (_, i) => ({ at: Date.now(), ...env.fake.interaction("ask", { question: i % 2 ? "What is PVARA?" : "Who is Bo Hines?" }, { userId: String(800000000000000000n + BigInt(i)) }) }));
    await env.fake.waitUntil(() => sent.every((s) => env.fake.forToken(s.token).some((r) => r.path.includes("/callback"))), 20_000);
    const delays = sent.map((s) => env.fake.forToken(s.token).find((r) => r.path.includes("/callback"))!.at - s.at);
    expect(Math.max(...delays)).toBeLessThan(2500);
  });

  it("offers a thread under an answer; a message there and an /ask there follow up the answer's question", async () => {
    env.fake.guildCreate();
    const asked = await drive("ask", { question: "What did Bilal bin Saqib discuss with Mayor Eric Adams?" }, false);
    const answer = asked.find((r) => r.method === "PATCH")!;
    expect(answer.body.content).toContain("Eric Adams");
    expect(JSON.stringify(answer.body.components)).toContain('"custom_id":"thread:open"');
    // Alone, "where did they meet?" leads with another meeting.
    const firstQuote = (content: string) => content.split("\n").find((line) => line.startsWith("> ")) ?? "";
    expect(firstQuote(visible(await drive("ask", { question: "where did they meet?" }, false)))).not.toContain("Gracie Mansion");

    const press = env.fake.button("thread:open", { messageId: answer.response.id, ephemeral: false });
    await env.fake.waitUntil(() => env.fake.forToken(press.token).some((r) => r.path.includes("/callback")));
    const opened = env.fake.requests.find((r) => r.method === "POST" && r.path === `/channels/${CHANNEL_ID}/messages/${answer.response.id}/threads`)!;
    expect(opened.body.name).toBe("What did Bilal bin Saqib discuss with Mayor Eric Adams?");
    const threadId = opened.response.id as string;
    expect(visible(env.fake.forToken(press.token))).toContain(`<#${threadId}>`);

    // /ask typed in the thread follows it up, and offers no second thread.
    const { token } = env.fake.interaction("ask", { question: "where did they meet?" }, { channelId: threadId });
    const again = (await answered(env.fake, token)).find((r) => r.method === "PATCH")!;
    expect(firstQuote(again.body.content)).toContain("Gracie Mansion");
    expect(again.body.content).toContain("Read with your earlier question");
    expect(JSON.stringify(again.body.components ?? [])).not.toContain("thread:open");

    // So does a message there that mentions the bot (any message, with the message-content intent).
    env.fake.dispatch("MESSAGE_CREATE", userMessage(`<@${BOT_ID}> and where exactly did they meet?`, threadId));
    await env.fake.waitUntil(() => env.fake.requests.some((r) => r.method === "POST" && r.path === `/channels/${threadId}/messages`));
    const inThread = env.fake.requests.find((r) => r.method === "POST" && r.path === `/channels/${threadId}/messages`)!.body.content as string;
    expect(firstQuote(inThread)).toContain("Gracie Mansion");
  });

  it("reads a reply to its answer as a follow-up", async () => {
    const asked = await drive("ask", { question: "Tell me about the El Salvador letter of intent" }, false);
    const answerId = asked.find((r) => r.method === "PATCH")!.response.id as string;
    env.fake.dispatch("MESSAGE_CREATE", { ...userMessage(`<@${BOT_ID}> when was that?`, CHANNEL_ID, "990000000000000777"), message_reference: { message_id: answerId, channel_id: CHANNEL_ID, guild_id: GUILD_ID } });
    await env.fake.waitUntil(() => env.fake.requests.some((r) => r.method === "POST" && r.path === `/channels/${CHANNEL_ID}/messages` && r.body?.message_reference?.message_id === "990000000000000777"));
    const reply = env.fake.requests.find((r) => r.body?.message_reference?.message_id === "990000000000000777")!.body.content as string;
    expect(reply).toContain("El Salvador");
    expect(reply).not.toMatch(/can.t answer/);
    expect(visible(await drive("ask", { question: "when was that?" }, false))).toMatch(/can.t answer/);
  });

  it("answers a message that mentions the bot like /ask, without pinging", async () => {
    env.fake.dispatch("MESSAGE_CREATE", {
      id: "990000000000000001",
      channel_id: CHANNEL_ID,
      guild_id: GUILD_ID,
      author: { id: "700000000000000009", username: "member", discriminator: "0", avatar: null },
      member: { roles: [], joined_at: new Date().toISOString(), deaf: false, mute: false, flags: 0 },
      content: `<@${BOT_ID}> What is PVARA?`,
      timestamp: new Date().toISOString(),
      edited_timestamp: null,
      tts: false,
      mention_everyone: false,
      mentions: [{ id: BOT_ID, username: "Daleel", discriminator: "0", avatar: null, bot: true }],
      mention_roles: [],
      attachments: [],
      embeds: [],
      pinned: false,
      type: 0,
    });
    const mine = (r: Recorded) => r.path === `/channels/${CHANNEL_ID}/messages` && r.body?.message_reference?.message_id === "990000000000000001";
    await env.fake.waitUntil(() => env.fake.requests.some(mine));
    const reply = env.fake.requests.find(mine)!;
    expect(reply.body.content).toContain("Pakistan Virtual Assets Regulatory Authority");
    expect(reply.body.allowed_mentions).toEqual({ parse: [], replied_user: false });
    expect(reply.body.message_reference.message_id).toBe("990000000000000001");
  });
});

describe("Discord adapter, with mentions in article text", () => {
  it("shows @everyone and role mentions from an article as text and pings nobody", async () => {
    const env = await startBot(openLibrary([`${ROOT}tests/fixtures/hostile-article`]));
    try {
      const { token } = env.fake.interaction("ask", { question: "What did the exchange announce to @everyone about withdrawals?" });
      const requests = await answered(env.fake, token);
      const edit = requests.find((r) => r.method === "PATCH")!;
      expect(edit.body.allowed_mentions.parse).toEqual([]);
      expect(edit.body.content).not.toMatch(/(^|[^\u200b])@everyone/);
      expect(edit.body.content).not.toMatch(/<@&123>/);
      expect(edit.body.content).toContain("@\u200beveryone");
    } finally {
      await env.bot.stop();
      await env.fake.stop();
    }
  });
});

describe("Discord adapter, /ingest", () => {
  it("adds an attached article for a moderator, answers from it, and refuses a duplicate and a non-moderator", async () => {
    const scratch = scratchCorpus();
    const env = await startBot(scratch.deps);
    try {
      const file = { file: { name: "punjab-land.txt", content: NEW_RAW_ARTICLE } };
      const added = env.fake.interaction("ingest", { date: "2026-02-01", source: "Fixture Gazette" }, { permissions: MANAGE_GUILD, files: file });
      expect(visible(await answered(env.fake, added.token))).toMatch(/Article added[\s\S]*Punjab Approves Pilot for Blockchain Land Records/);
      const asked = env.fake.interaction("ask", { question: "Which districts are in the Punjab land records pilot?" });
      expect(visible(await answered(env.fake, asked.token))).toContain("Kasur, Okara and Sahiwal");
      const again = env.fake.interaction("ingest", { date: "2026-02-01" }, { permissions: MANAGE_GUILD, files: file });
      expect(visible(await answered(env.fake, again.token))).toMatch(/Already in the corpus/);
      const downloads = () => env.fake.requests.filter((r) => r.path.startsWith("/attachments/")).length;
      const before = downloads();
      const outsider = env.fake.interaction("ingest", { date: "2026-02-02" }, { files: { file: { name: "other.txt", content: NEW_RAW_ARTICLE } } });
      expect(visible(await answered(env.fake, outsider.token))).toContain("Only moderators");
      expect(downloads()).toBe(before);
      const binary = env.fake.interaction("ingest", { date: "2026-02-02" }, { permissions: MANAGE_GUILD, files: { file: { name: "photo.png", content: Buffer.from([0x89, 0x50]) } } });
      expect(visible(await answered(env.fake, binary.token))).toContain('Only .txt and .md files can be added, not "photo.png"');
    } finally {
      await env.bot.stop();
      await env.fake.stop();
    }
  });
});

describe("Discord adapter, adding an article by its link", () => {
  it("fetches the page for a moderator, files it with the page's title, outlet and date, and answers from it at once", async () => {
    const pages = await new PageServer().start();
    const scratch = scratchCorpus();
    const env = await startBot({ ...scratch.deps, articles: { ...scratch.deps.articles!, readPage: (url) => readArticleAt(url, { allowHosts: ["127.0.0.1"] }) } });
    try {
      const added = env.fake.interaction("ingest", { url: pages.url("/article") }, { permissions: MANAGE_GUILD });
      const reply = visible(await answered(env.fake, added.token));
      expect(reply).toMatch(/Article added[\s\S]*Karachi pilot links idle turbines to bitcoin miners[\s\S]*Indus Ledger, 2025-09-14/);
      const asked = env.fake.interaction("ask", { question: "How many technicians will Sindh Hashworks employ in Karachi?" });
      expect(visible(await answered(env.fake, asked.token))).toContain("about 60 technicians");
      const refused = env.fake.interaction("ingest", { url: pages.url("/to-metadata") }, { permissions: MANAGE_GUILD });
      expect(visible(await answered(env.fake, refused.token))).toBe("Cannot add that page: 169.254.169.254 is a private, loopback or link-local address.");
    } finally {
      await env.bot.stop();
      await env.fake.stop();
      await pages.stop();
    }
  });
});

describe("Discord adapter, digest preview and Post", () => {
  it("previews privately with a Post button; Post sends the digest to the channel once and reports back", async () => {
    const deps: Deps = { library: () => bundledLibrary(), commands };
    const env = await startBot(deps);
    deps.digests = await testDigestService(() => ({ discord: new DiscordDigestSender(env.bot.client.rest) }), []);
    try {
      const asked = env.fake.interaction("digest", { since: "2025-06-01" }, { permissions: MANAGE_GUILD, userId: "700000000000000042" });
      const preview = await answered(env.fake, asked.token);
      const withButton = preview.find((r) => r.body?.components?.length)!;
      expect(withButton.body.flags).toBe(64);
      const button = withButton.body.components[0].components[0];
      expect(button).toMatchObject({ type: 2, label: "Post", custom_id: expect.stringMatching(/^digest-post:/) });
      expect(env.fake.created.get(CHANNEL_ID) ?? []).toHaveLength(0);

      const intruder = env.fake.button(button.custom_id, { userId: "700000000000000099", permissions: MANAGE_GUILD });
      expect(visible(await answered(env.fake, intruder.token))).toContain("Only the moderator who asked");

      const demoted = env.fake.button(button.custom_id, { userId: "700000000000000042", permissions: "0" });
      expect(visible(await answered(env.fake, demoted.token))).toContain("not one (any more)");
      expect(env.fake.created.get(CHANNEL_ID) ?? []).toHaveLength(0);

      const pressed = env.fake.button(button.custom_id, { userId: "700000000000000042", permissions: MANAGE_GUILD });
      const report = await answered(env.fake, pressed.token);
      expect(report[0]!.body).toMatchObject({ type: 5, data: { flags: 64 } });
      expect(visible(report)).toContain(`discord:${CHANNEL_ID}: posted (5 messages).`);
      const posted = env.fake.created.get(CHANNEL_ID)!;
      expect(posted).toHaveLength(5);
      expect(posted[0]).toContain("News digest: 4 articles");
      const again = env.fake.button(button.custom_id, { userId: "700000000000000042", permissions: MANAGE_GUILD });
      expect(visible(await answered(env.fake, again.token))).toContain("expired");
      expect(env.fake.created.get(CHANNEL_ID)!).toHaveLength(5);
    } finally {
      await env.bot.stop();
      await env.fake.stop();
    }
  });
});

describe("Discord adapter, hostile input", () => {
  let env: Awaited<ReturnType<typeof startBot>>;
  beforeAll(async () => {
    env = await startBot(bundledLibrary());
  });
  afterAll(async () => {
    await env.bot.stop();
    await env.fake.stop();
  });

  it("acknowledges an interaction with malformed permissions with the generic failure, and keeps serving", async () => {
    const rejections: unknown[] = [];
    const onRejection = (reason: unknown) => rejections.push(reason);
    process.on("unhandledRejection", onRejection);
    try {
      const { token } = env.fake.interaction("ask", { question: "What is PVARA?" }, { permissions: "abc" });
      const requests = await answered(env.fake, token);
      expect(requests[0]!.body).toMatchObject({ type: 4, data: { content: expect.stringContaining("Something went wrong"), flags: 64 } });
      expect(env.lines.join("")).toContain("malformed interaction refused");
      const next = await answered(env.fake, env.fake.interaction("ask", { question: "What is PVARA?" }).token);
      expect(visible(next)).toContain("PVARA");
      await new Promise((r) => setTimeout(r, 50));
      expect(rejections).toEqual([]);
    } finally {
      process.off("unhandledRejection", onRejection);
    }
  });

  it("shows a masked link in a topic or a question as text, never as a link", async () => {
    const masked = "[Claim PVARA airdrop](https://evil.example/x)";
    for (const [command, option] of [["timeline", "topic"], ["summary", "topic"], ["ask", "question"]] as const) {
      const text = visible(await answered(env.fake, env.fake.interaction(command, { [option]: masked }).token));
      expect(text).not.toMatch(/(?<!\\)\]\(<?https:\/\/evil/);
    }
  });
});

describe("Discord adapter, a failing digest destination", () => {
  it("reports a channel the bot cannot post in to the moderator, without retrying it", async () => {
    const deps: Deps = { library: () => bundledLibrary(), commands };
    const env = await startBot(deps);
    const forbidden = "920000000000000001";
    deps.digests = await testDigestService(() => ({ discord: new DiscordDigestSender(env.bot.client.rest) }), [`discord:${forbidden}`, `discord:${CHANNEL_ID}`]);
    env.fake.script((m, p) => m === "POST" && p === `/channels/${forbidden}/messages`, 403, { message: "Missing Access", code: 50001 });
    try {
      const asked = env.fake.interaction("digest", { since: "2025-08-01" }, { permissions: MANAGE_GUILD });
      const button = (await answered(env.fake, asked.token)).find((r) => r.body?.components?.length)!.body.components[0].components[0];
      const pressed = env.fake.button(button.custom_id, { permissions: MANAGE_GUILD });
      const text = visible(await answered(env.fake, pressed.token));
      expect(text).toContain(`discord:${forbidden}: 0 sent, 2 failed — Discord 403: Missing Access. Check the bot can post there.`);
      expect(text).toContain(`discord:${CHANNEL_ID}: posted (2 messages).`);
      expect(env.fake.requests.filter((r) => r.path === `/channels/${forbidden}/messages`)).toHaveLength(1);
    } finally {
      await env.bot.stop();
      await env.fake.stop();
    }
  });
});

describe("Discord adapter, rate limit", () => {
  it("answers the request over the limit with a private notice", async () => {
    const env = await startBot(bundledLibrary(), { max: 2, windowSeconds: 30 });
    try {
      const tokens = [1, 2, 3].map(() => env.fake.interaction("about", {}).token);
      const last = await answered(env.fake, tokens[2]!);
      expect(last[0]!.body).toMatchObject({ type: 4, data: { flags: 64, content: expect.stringMatching(/wait a few seconds/) } });
    } finally {
      await env.bot.stop();
      await env.fake.stop();
    }
  });
});

describe("renderDiscord", () => {
  it("splits a long reply on block boundaries into messages of at most 2000 characters, losing nothing", () => {
    const reply = bundledLibrary().timeline();
    const blocks = reply.map((e, i) => ({ type: "quote" as const, text: e.text, cites: [i + 1] }));
    const messages = renderDiscord({ blocks: [...blocks, ...blocks, ...blocks], sources: [] });
    expect(messages.length).toBeGreaterThan(1);
    for (const m of messages) expect(m.length).toBeLessThanOrEqual(MAX_CONTENT);
    expect(messages.join("\n").split("\n")).toHaveLength(blocks.length * 3);
  });

  it("splits a single over-long block at spaces rather than truncating it", () => {
    const long = "word ".repeat(900).trim();
    const messages = pack([long]);
    expect(messages.every((m) => m.length <= MAX_CONTENT)).toBe(true);
    expect(messages.join(" ")).toBe(long);
  });

  it("escapes markdown in corpus text", () => {
    const [message] = renderDiscord({ blocks: [{ type: "quote", text: "a *bold* claim_with_underscores", cites: [1] }], sources: [] });
    expect(message).toContain("a \\*bold\\* claim\\_with\\_underscores");
  });
});

describe("slashCommand", () => {
  it("builds option types and limits from the zod schemas, and Manage Guild for moderator commands", () => {
    const ask = slashCommand(commands.find((c) => c.name === "ask")!);
    expect(ask.options).toEqual([expect.objectContaining({ name: "question", type: 3, required: true, min_length: 1, max_length: 300 })]);
    const digest = slashCommand(commands.find((c) => c.name === "digest")!);
    expect(digest.default_member_permissions).toBe("32");
    expect(digest.options).toContainEqual(expect.objectContaining({ name: "days", type: 4, min_value: 1, max_value: 366 }));
    expect(slashCommand(commands.find((c) => c.name === "summary")!).options![0]).toMatchObject({ autocomplete: true });
    expect(slashCommand(commands.find((c) => c.name === "ingest")!).options).toContainEqual(expect.objectContaining({ name: "file", type: 11, required: false }));
    expect(APP_ID).toMatch(/^\d+$/);
  });
});

describe("Discord adapter, long replies in pages", () => {
  it("shows a 300-article timeline as one message with page buttons that the asker turns, others get their own copy, and pages still turn after a restart", { timeout: 120_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), "daleel-pages-"));
    writeSyntheticCorpus(dir, 300);
    const library = openLibrary([dir], { warmUp: false });
    const store = await testStore();
    const fake = await new FakeDiscord().start();
    const quiet = createLogger(new Writable({ write: (_c, _e, done) => done() }), "silent");
    const botWith = () => new DiscordBot({ token: TOKEN, apiBase: fake.apiBase, moderatorRoleIds: [], messageContent: false, rateLimit: { max: 1000, windowSeconds: 30 }, pages: store.pages }, { library: () => library, commands }, quiet);
    let bot = botWith();
    try {
      await bot.start();
      await fake.waitForBot();
      const asker = "700000000000000001";
      const { token } = fake.interaction("timeline", {}, { userId: asker });
      const requests = await answered(fake, token);
      expect(requests.filter((r) => r.method === "POST" && r.path.includes("/webhooks/"))).toEqual([]);
      const first = requests.find((r) => r.method === "PATCH")!;
      expect(first.body.content.length).toBeLessThanOrEqual(2000);
      const buttons = first.body.components[0].components as { custom_id: string; label: string; disabled?: boolean }[];
      expect(buttons.map((b) => b.label)).toEqual(["◀", expect.stringMatching(/^1 \/ \d+$/), "▶"]);
      const pages = Number(buttons[1]!.label.split(" / ")[1]);
      expect(pages).toBeGreaterThan(5);
      const next = buttons[2]!.custom_id;

      const turn = fake.button(next, { userId: asker, ephemeral: false });
      await fake.waitUntil(() => fake.forToken(turn.token).length > 0);
      const turned = fake.forToken(turn.token)[0]!.body;
      expect(turned.type).toBe(7);
      expect(turned.data.content).not.toBe(first.body.content);
      expect(turned.data.components[0].components[1].label).toBe(`2 / ${pages}`);

      const other = fake.button(next, { userId: "700000000000000002", ephemeral: false });
      await fake.waitUntil(() => fake.forToken(other.token).length > 0);
      expect(fake.forToken(other.token)[0]!.body).toMatchObject({ type: 4, data: { content: turned.data.content, flags: 64 } });

      await bot.stop();
      bot = botWith();
      await bot.start();
      await fake.waitUntil(() => fake.identified >= 2);
      const again = fake.button(next, { userId: asker, ephemeral: false });
      await fake.waitUntil(() => fake.forToken(again.token).length > 0);
      expect(fake.forToken(again.token)[0]!.body).toMatchObject({ type: 7, data: { content: turned.data.content } });

      // /sources over 300 articles (23 messages once) is one message with pages too.
      const sources = await answered(fake, fake.interaction("sources", {}, { userId: asker }).token);
      expect(sources.filter((r) => r.method === "POST" && r.path.includes("/webhooks/"))).toEqual([]);
      expect(sources.find((r) => r.method === "PATCH")!.body.components[0].components[1].label).toMatch(/^1 \/ \d+$/);
    } finally {
      await bot.stop();
      await fake.stop();
      await store.close();
    }
  });
});
