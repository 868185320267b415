import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { once } from "node:events";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { type AddressInfo, createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { FakeDiscord } from "./fakes/discord.ts";
import { FakeTelegram, checkHtml } from "./fakes/telegram.ts";
import { NEW_RAW_ARTICLE, ROOT, scratchCorpus } from "./helpers.ts";
import { corpusKey } from "../src/core/index-cache.ts";
import { prepareArticle } from "../src/core/ingest.ts";
import { DEFAULT_CACHE_DIR, openLibrary } from "../src/core/library.ts";

const MAIN = ["--import", "tsx", `${ROOT}src/main.ts`];
const children: ChildProcess[] = [];
afterAll(() => children.forEach((c) => c.kill("SIGKILL")));

describe("npm start", () => {
  it("with Discord variables set, serves /ask against Discord (here a fake) instead of opening the console", async () => {
    const fake = await new FakeDiscord().start();
    const child = spawn(process.execPath, MAIN, {
      cwd: ROOT,
      env: { PATH: process.env.PATH, STORE_FILE: join(mkdtempSync(join(tmpdir(), "daleel-main-")), "daleel.sqlite"), DISCORD_TOKEN: "MTAxfakeDiscordBotToken.abcdef.ghijklmnopqrstuvwxyz0123", DISCORD_APP_ID: "900000000000000001", DISCORD_API_BASE: fake.apiBase, LOG_LEVEL: "warn" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    children.push(child);
    let stdout = "";
    child.stdout!.on("data", (d) => (stdout += String(d)));
    try {
      await fake.waitForBot(15_000);
      const { token } = fake.interaction("ask", { question: "What is PVARA?" });
      await fake.waitUntil(() => fake.forToken(token).some((r) => r.method === "PATCH"), 10_000);
      const edit = fake.forToken(token).find((r) => r.method === "PATCH")!;
      expect(edit.body.content).toContain("Pakistan Virtual Assets Regulatory Authority (PVARA)");
      expect(edit.body.allowed_mentions).toEqual({ parse: [], replied_user: false });
      expect(stdout).not.toContain("daleel>");
    } finally {
      child.kill("SIGTERM");
      await fake.stop();
    }
  });

  it("with TELEGRAM_BOT_TOKEN=123:abc, answers /ask and /timeline in escaped HTML and pages the timeline", async () => {
    const fake = await new FakeTelegram().start();
    const child = spawn(process.execPath, MAIN, {
      cwd: ROOT,
      env: { PATH: process.env.PATH, STORE_FILE: join(mkdtempSync(join(tmpdir(), "daleel-main-")), "daleel.sqlite"), TELEGRAM_BOT_TOKEN: "123:abc", TELEGRAM_API_ROOT: fake.apiRoot, LOG_LEVEL: "warn" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    children.push(child);
    try {
      await fake.waitUntil(() => fake.calls.some((c) => c.method === "getUpdates"), 15_000);
      fake.message("/ask What is PVARA?");
      fake.message("/timeline");
      await fake.waitUntil(() => fake.sent().length >= 2, 10_000);
      const [answer, timeline] = fake.sent();
      expect(answer!.body.text).toContain("Pakistan Virtual Assets Regulatory Authority (PVARA)");
      expect(answer!.body.text).toMatch(/\[1\] <a href="https:/);
      expect(checkHtml(answer!.body.text)).toBeUndefined();
      expect(timeline!.body.text).toContain("Page 1 of");
      fake.press(timeline!.body.reply_markup.inline_keyboard[0][0].callback_data, timeline!);
      await fake.waitUntil(() => fake.sent("editMessageText").length === 1, 10_000);
      expect(fake.sent("editMessageText")[0]!.body.text).toContain("Page 2 of");
    } finally {
      child.kill("SIGTERM");
      await new Promise((r) => child.once("exit", r));
      await fake.stop();
    }
  });

  it("takes an article dropped into the corpus folder into its index, and saves that index when stopped", { timeout: 60_000 }, async () => {
    const { dir } = scratchCorpus();
    const child = spawn(process.execPath, MAIN, {
      cwd: ROOT,
      env: { PATH: process.env.PATH, STORE_FILE: join(mkdtempSync(join(tmpdir(), "daleel-main-")), "daleel.sqlite"), CORPUS_DIRS: dir, DALEEL_ROLES: "worker", LOG_LEVEL: "info" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    children.push(child);
    let stderr = "";
    child.stderr!.on("data", (d) => (stderr += String(d)));
    const waitFor = async (text: string) => {
      // The log goes to standard error.
      for (const start = Date.now(); !stderr.includes(text); ) {
        if (Date.now() - start > 20_000) throw new Error(`no "${text}" in: ${stderr}`);
        await new Promise((r) => setTimeout(r, 50));
      }
    };
    await waitFor("daleel running");
    const prepared = prepareArticle(NEW_RAW_ARTICLE, { date: "2026-02-01" }, []);
    writeFileSync(join(dir, prepared.fileName), prepared.markdown);
    await waitFor('"how":"updated"');
    const saved = join(DEFAULT_CACHE_DIR, `index-${corpusKey([dir])}.v8`);
    expect(existsSync(saved)).toBe(false);
    child.kill("SIGTERM");
    await once(child, "exit");
    try {
      expect(existsSync(saved)).toBe(true);
      expect(openLibrary([dir], { cacheDir: DEFAULT_CACHE_DIR }).fromCache).toBe(true);
    } finally {
      rmSync(saved, { force: true });
      rmSync(saved.replace("index-", "dates-"), { force: true });
    }
  });

  it("stops with exit code 1 and one message naming every bad variable, printing no secret", () => {
    const run = spawnSync(process.execPath, MAIN, {
      cwd: ROOT,
      env: { PATH: process.env.PATH, STORE_FILE: join(mkdtempSync(join(tmpdir(), "daleel-main-")), "daleel.sqlite"), DISCORD_TOKEN: "tooshort-secret", DISCORD_GUILD_ID: "not-a-number", RATE_LIMIT_MAX: "0" },
      encoding: "utf8",
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/^Invalid configuration:/);
    for (const name of ["DISCORD_TOKEN", "DISCORD_GUILD_ID", "RATE_LIMIT_MAX"]) expect(run.stderr).toContain(name);
    expect(run.stderr).not.toContain("tooshort-secret");
  });
});

describe("npm start when a platform cannot be reached", () => {
  const run = (env: Record<string, string>) => {
    const child = spawn(process.execPath, MAIN, { cwd: ROOT, env: { PATH: process.env.PATH!, LOG_LEVEL: "info", STORE_FILE: `${mkdtempSync(join(tmpdir(), "daleel-main-"))}/daleel.sqlite`, ...env }, stdio: ["ignore", "pipe", "pipe"] });
    children.push(child);
    let stderr = "";
    child.stderr!.on("data", (d) => (stderr += String(d)));
    const started = Date.now();
    return new Promise<{ code: number | null; stderr: string; ms: number }>((resolve) => child.on("exit", (code) => resolve({ code, stderr, ms: Date.now() - started })));
  };
  const fatal = (stderr: string) => stderr.split("\n").filter((l) => l.includes('"level":"fatal"')).map((l) => (JSON.parse(l) as { msg: string }).msg);

  it("says in one line within about 10 s that Telegram does not answer, and exits 1", { timeout: 40_000 }, async () => {
    const silent = createServer(() => undefined).listen(0, "127.0.0.1");
    await once(silent, "listening");
    try {
      const result = await run({ TELEGRAM_BOT_TOKEN: "123:abc", TELEGRAM_API_ROOT: `http://127.0.0.1:${(silent.address() as AddressInfo).port}` });
      expect(result.code).toBe(1);
      expect(fatal(result.stderr)).toEqual(["Telegram did not answer within 10 s: is TELEGRAM_API_ROOT (and TELEGRAM_BOT_TOKEN) right and reachable?"]);
      expect(result.stderr).not.toContain("123:abc");
    } finally {
      silent.close();
    }
  });

  it("says in one line that Telegram refused the token, and exits 1", { timeout: 40_000 }, async () => {
    const fake = await new FakeTelegram().start();
    fake.script("getMe", { ok: false, error_code: 401, description: "Unauthorized" });
    try {
      const result = await run({ TELEGRAM_BOT_TOKEN: "123:abc", TELEGRAM_API_ROOT: fake.apiRoot });
      expect(result.code).toBe(1);
      expect(result.ms).toBeLessThan(15_000);
      expect(fatal(result.stderr)).toEqual([expect.stringMatching(/^Telegram refused to start: .*401.*Unauthorized/)]);
    } finally {
      await fake.stop();
    }
  });
});
