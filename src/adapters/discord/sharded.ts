/**
 * `npm run start:sharded [-- --shards N]`: runs the Discord bot under
 * discord.js's ShardingManager for large deployments — each shard a process
 * running the bot (src/main.ts) with only the `discord` role — plus one `worker`
 * process for the digest schedule and the store's upkeep, respawned if it
 * dies. Shards never run the schedule or Telegram; run Telegram as its own
 * process (DALEEL_ROLES=telegram, see "Scaling out" in the README).
 * Discord says how many shards to use unless --shards fixes the count.
 */
import "dotenv/config";
import { type ChildProcess, fork } from "node:child_process";
import { parseArgs } from "node:util";
import { ShardingManager } from "discord.js";
import { ConfigError, loadConfig } from "../../config.ts";
import { log } from "../../log.ts";
import { entryPoint } from "../../paths.ts";

const MAIN = entryPoint("src/main.ts");
/** How long to wait before starting a worker that died again. */
const RESPAWN_DELAY_MS = 2_000;

const USAGE = "usage: npm run start:sharded [-- --shards N]   (N: a fixed shard count; default: what Discord recommends)\n";

function shardCount(value: string | undefined): number | "auto" {
  if (value === undefined) return "auto";
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 1000) throw new ConfigError(`--shards: expected a whole number from 1 to 1000, got "${value}"`);
  return n;
}

/** Keeps one worker process running (schedule and upkeep), restarting it after a crash. */
function superviseWorker(): { stop(): void } {
  let child: ChildProcess | undefined;
  let stopping = false;
  const start = () => {
    child = fork(MAIN.file, [], { execArgv: MAIN.execArgv, env: { ...process.env, DALEEL_ROLES: "worker" } });
    log.info({ pid: child.pid }, "worker started");
    child.on("exit", (code, signal) => {
      if (stopping) return;
      log.warn({ code, signal }, "worker exited; restarting");
      setTimeout(start, RESPAWN_DELAY_MS).unref();
    });
  };
  start();
  return {
    stop() {
      stopping = true;
      child?.kill("SIGTERM");
    },
  };
}

async function startSharded(): Promise<void> {
  const { values } = parseArgs({ options: { shards: { type: "string" }, help: { type: "boolean", short: "h" } } });
  if (values.help) return void process.stdout.write(USAGE);
  const config = loadConfig(process.env);
  if (!config.DISCORD_TOKEN) throw new ConfigError("start:sharded needs DISCORD_TOKEN.");
  const totalShards = shardCount(values.shards);
  // Shards inherit this environment: they run Discord only.
  process.env.DALEEL_ROLES = "discord";
  const manager = new ShardingManager(MAIN.file, { token: config.DISCORD_TOKEN, totalShards, execArgv: MAIN.execArgv, respawn: true });
  manager.on("shardCreate", (shard) => {
    log.info({ shard: shard.id }, "shard started");
    shard.on("death", () => log.warn({ shard: shard.id }, "shard process exited; respawning"));
  });
  const worker = superviseWorker();
  const stop = () => {
    worker.stop();
    for (const shard of manager.shards.values()) shard.kill();
    process.exit(0);
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
  await manager.spawn({ timeout: 60_000 });
}

startSharded().catch((error: unknown) => {
  if (error instanceof ConfigError) process.stderr.write(`${error.message}\n`);
  else log.fatal({ err: error }, "sharding manager stopped");
  process.exit(1);
});
