import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { afterAll, describe, expect, it } from "vitest";
import { FakeDiscord } from "./fakes/discord.ts";
import { ROOT } from "./helpers.ts";

const MAIN = ["--import", "tsx", `${ROOT}src/main.ts`];
const children: ChildProcess[] = [];
afterAll(() => children.forEach((c) => c.kill("SIGKILL")));

describe("npm start", () => {
  it("with Discord variables set, serves /ask against Discord (here a fake) instead of opening the console", async () => {
    const fake = await new FakeDiscord().start();
    const child = spawn(process.execPath, MAIN, {
      cwd: ROOT,
      env: { PATH: process.env.PATH, DISCORD_TOKEN: "MTAxfakeDiscordBotToken.abcdef.ghijklmnopqrstuvwxyz0123", DISCORD_APP_ID: "900000000000000001", DISCORD_API_BASE: fake.apiBase, LOG_LEVEL: "warn" },
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

  it("stops with exit code 1 and one message naming every bad variable, printing no secret", () => {
    const run = spawnSync(process.execPath, MAIN, {
      cwd: ROOT,
      env: { PATH: process.env.PATH, DISCORD_TOKEN: "tooshort-secret", DISCORD_GUILD_ID: "not-a-number", RATE_LIMIT_MAX: "0" },
      encoding: "utf8",
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/^Invalid configuration:/);
    for (const name of ["DISCORD_TOKEN", "DISCORD_GUILD_ID", "RATE_LIMIT_MAX"]) expect(run.stderr).toContain(name);
    expect(run.stderr).not.toContain("tooshort-secret");
  });
});
