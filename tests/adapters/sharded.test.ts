import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { FakeDiscord } from "../fakes/discord.ts";
import { ROOT } from "../helpers.ts";

const TOKEN = "MTAxfakeDiscordBotToken.abcdef.ghijklmnopqrstuvwxyz0123";
const DIGEST_CHANNEL = "920000000000000009";

/** Three small dated articles: a scheduled digest of them is a header and three items. */
function smallCorpus(): string {
  const dir = mkdtempSync(join(tmpdir(), "daleel-sharded-"));
  ["Karachi", "Lahore", "Quetta"].forEach((place, i) => {
    writeFileSync(
      join(dir, `2026-04-0${i + 1}-${place.toLowerCase()}-exchange-licence.md`),
      `---\ntitle: ${place} exchange wins a sandbox licence\ndate: 2026-04-0${i + 1}\nsource: Fixture Wire\nurl: https://fixtures.example/${place.toLowerCase()}\n---\n\n${place.toUpperCase()}: A crypto exchange in ${place} won a sandbox licence from the regulator this week.\n\nThe licence lets it serve ${100 * (i + 1)} customers during the pilot.\n`,
    );
  });
  return dir;
}

describe("npm run start:sharded", () => {
  it("runs two shards that each answer /ask, and posts a scheduled digest once", { timeout: 120_000 }, async () => {
    const fake = await new FakeDiscord().start();
    let manager: ChildProcess | undefined;
    try {
      const env = {
        PATH: process.env.PATH!,
        LOG_LEVEL: "info",
        DISCORD_TOKEN: TOKEN,
        DISCORD_API_BASE: fake.apiBase,
        CORPUS_DIRS: smallCorpus(),
        STORE_FILE: join(mkdtempSync(join(tmpdir(), "daleel-sharded-store-")), "daleel.sqlite"),
        DIGEST_SCHEDULE: "*/2 * * * * *",
        DIGEST_DISCORD_CHANNEL_IDS: DIGEST_CHANNEL,
      };
      manager = spawn(process.execPath, ["--import", "tsx", join(ROOT, "src/adapters/discord/sharded.ts"), "--shards", "2"], { cwd: ROOT, env, stdio: ["ignore", "pipe", "pipe"], detached: true });
      // Shards and the worker write their logs (JSON lines) to the manager's stderr.
      let logs = "";
      manager.stderr!.on("data", (chunk) => (logs += String(chunk)));
      manager.stdout!.on("data", (chunk) => (logs += String(chunk)));
      const lines = () => logs.split("\n").filter((l) => l.startsWith("{")).map((l) => JSON.parse(l) as { msg: string; roles?: string[] });
      await fake.waitUntil(() => fake.shards().length === 2, 60_000);
      expect(fake.shards()).toEqual([0, 1]);
      for (const shard of [0, 1]) {
        const { token } = fake.interaction("ask", { question: "Which city's exchange won a sandbox licence?" }, { shard });
        await fake.waitUntil(() => fake.forToken(token).some((r) => r.method === "PATCH"), 30_000);
        expect(fake.forToken(token).find((r) => r.method === "PATCH")!.body.content).toContain("sandbox licence");
      }
      // The schedule fires every 2 s in the worker only; the first run posts the digest, later runs find nothing new.
      // When no digest comes, say what the processes logged (that is how a store-migration race was found).
      await fake.waitUntil(() => (fake.created.get(DIGEST_CHANNEL) ?? []).length >= 4, 60_000).catch((error: Error) => {
        throw new Error(`${error.message}; digest messages: ${(fake.created.get(DIGEST_CHANNEL) ?? []).length}; last log lines:\n${logs.split("\n").slice(-20).join("\n")}`);
      });
      await new Promise((r) => setTimeout(r, 6_000));
      const posted = fake.created.get(DIGEST_CHANNEL)!;
      expect(posted).toHaveLength(4);
      expect(posted[0]).toContain("News digest: 3 articles");
      expect(fake.identified).toBe(2);
      const running = lines().filter((l) => l.msg === "daleel running").map((l) => l.roles!.join(","));
      expect(running.sort()).toEqual(["discord", "discord", "worker"]);
      expect(lines().filter((l) => l.msg === "digest schedule set")).toHaveLength(1);
    } finally {
      if (manager?.pid) process.kill(-manager.pid, "SIGKILL");
      await fake.stop();
    }
  });
});
