/**
 * `npm run start:sharded`: runs the bot under discord.js's ShardingManager for
 * large deployments. Discord says how many shards to use; each shard is a
 * process running src/main.ts with the same commands.
 */
import "dotenv/config";
import { fileURLToPath } from "node:url";
import { ShardingManager } from "discord.js";
import { ConfigError, loadConfig } from "../../config.ts";
import { log } from "../../log.ts";

const MAIN = fileURLToPath(new URL("../../main.ts", import.meta.url));

async function startSharded(): Promise<void> {
  const config = loadConfig(process.env);
  if (!config.DISCORD_TOKEN) throw new ConfigError("start:sharded needs DISCORD_TOKEN.");
  const manager = new ShardingManager(MAIN, { token: config.DISCORD_TOKEN, totalShards: "auto", execArgv: ["--import", "tsx"], respawn: true });
  manager.on("shardCreate", (shard) => {
    log.info({ shard: shard.id }, "shard started");
    shard.on("death", () => log.warn({ shard: shard.id }, "shard process exited; respawning"));
  });
  await manager.spawn();
}

startSharded().catch((error: unknown) => {
  if (error instanceof ConfigError) process.stderr.write(`${error.message}\n`);
  else log.fatal({ err: error }, "sharding manager stopped");
  process.exit(1);
});
