import { spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { FakeDiscord } from "../fakes/discord.ts";
import { FakeTelegram } from "../fakes/telegram.ts";
import { corpusOf29, random } from "../fixtures/digest-corpus.ts";
import { ROOT, TEST_TELEGRAM_TOKEN } from "../helpers.ts";

function post(env: Record<string, string>, args: string[]) {
  const child = spawn(process.execPath, ["--import", "tsx", `${ROOT}src/cli.ts`, "digest-post", ...args], { cwd: ROOT, env: { PATH: process.env.PATH!, LOG_LEVEL: "silent", ...env }, stdio: ["ignore", "pipe", "pipe"] });
  let out = "";
  child.stdout!.on("data", (d) => (out += String(d)));
  child.stderr!.on("data", (d) => (out += String(d)));
  const done = new Promise<{ code: number | null; out: string }>((resolve) => child.on("exit", (code) => resolve({ code, out })));
  return { child, done };
}

describe("digest posting survives crashes", () => {
  it("posts every item of a 30-item digest exactly once per Discord channel, killed at 20 points", { timeout: 120_000 }, async () => {
    const fake = await new FakeDiscord().start();
    const corpus = corpusOf29();
    const store = join(mkdtempSync(join(tmpdir(), "daleel-store-")), "daleel.sqlite");
    const channels = ["910000000000000001", "910000000000000002"];
    const env = { DISCORD_TOKEN: "MTAxfakeDiscordBotToken.abcdef.ghijklmnopqrstuvwxyz0123", DISCORD_API_BASE: fake.apiBase };
    const args = ["--corpus", corpus, "--store", store, ...channels.flatMap((c) => ["--dest", `discord:${c}`])];
    const next = random(20251121);
    let kills = 0;
    try {
      for (let round = 0; round < 20; round++) {
        const posts = () => fake.requests.filter((r) => r.method === "POST" && r.path.startsWith("/channels/")).length;
        const target = posts() + 1 + Math.floor(next() * 2);
        const run = post(env, args);
        fake.onRequest = (r) => {
          if (r.method === "POST" && r.path.startsWith("/channels/") && posts() >= target) {
            fake.onRequest = undefined;
            kills++;
            setTimeout(() => run.child.kill("SIGKILL"), Math.floor(next() * 3));
          }
        };
        await run.done;
        fake.onRequest = undefined;
      }
      const last = await post(env, args).done;
      expect(last.out).toContain(`discord:${channels[0]}: 30 sent, 0 failed, 0 pending`);
      expect(kills).toBe(20);
      for (const channel of channels) {
        const created = fake.created.get(channel)!;
        expect(created).toHaveLength(30);
        expect(new Set(created).size).toBe(30);
        expect(created[0]).toContain("News digest: 29 articles");
      }
      const resent = fake.requests.filter((r) => r.method === "POST" && r.path.startsWith("/channels/")).length;
      expect(resent).toBeGreaterThanOrEqual(60);
      const again = await post(env, args).done;
      expect(again.out).toContain(`discord:${channels[0]}: 30 sent`);
      expect(fake.created.get(channels[0]!)!).toHaveLength(30);
    } finally {
      await fake.stop();
    }
  });

  it("on Telegram, never skips an item: at least once, duplicated at most once per crash", { timeout: 120_000 }, async () => {
    const fake = await new FakeTelegram().start();
    const corpus = corpusOf29();
    const store = join(mkdtempSync(join(tmpdir(), "daleel-store-")), "daleel.sqlite");
    const env = { TELEGRAM_BOT_TOKEN: TEST_TELEGRAM_TOKEN, TELEGRAM_API_ROOT: fake.apiRoot };
    const args = ["--corpus", corpus, "--store", store, "--dest", "telegram:-100555"];
    const next = random(7);
    try {
      for (let round = 0; round < 5; round++) {
        const target = fake.sent().length + 1 + Math.floor(next() * 6);
        const run = post(env, args);
        const timer = setInterval(() => fake.sent().length >= target && run.child.kill("SIGKILL"), 1);
        await run.done;
        clearInterval(timer);
      }
      expect((await post(env, args).done).out).toContain("telegram:-100555: 30 sent");
      const texts = fake.sent().map((c) => c.body.text);
      expect(new Set(texts).size).toBe(30);
      expect(texts.length - 30).toBeLessThanOrEqual(5);
    } finally {
      await fake.stop();
    }
  });
});
