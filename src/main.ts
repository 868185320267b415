/**
 * `npm start`: reads the configuration and starts what it enables — the
 * Discord bot when DISCORD_TOKEN is set; with no platform token, the local
 * console on the bundled corpus.
 */
import "dotenv/config";
import { commands } from "../commands/index.ts";
import type { Deps } from "../commands/command.ts";
import { runConsole } from "./adapters/console/console.ts";
import type { DiscordBot } from "./adapters/discord/bot.ts";
import { type Config, ConfigError, loadConfig } from "./config.ts";
import { formatProblem } from "./core/corpus.ts";
import { openLibrary } from "./core/library.ts";
import { log } from "./log.ts";

/** discord.js is loaded only when Discord is enabled, so the console starts fast. */
async function startDiscord(config: Config & { DISCORD_TOKEN: string }, deps: Deps): Promise<DiscordBot> {
  const { DiscordBot } = await import("./adapters/discord/bot.ts");
  const bot = new DiscordBot(
    {
      token: config.DISCORD_TOKEN,
      apiBase: config.DISCORD_API_BASE,
      moderatorRoleIds: config.DISCORD_MODERATOR_ROLE_IDS ?? [],
      messageContent: config.DISCORD_MESSAGE_CONTENT ?? false,
      rateLimit: { max: config.RATE_LIMIT_MAX, windowSeconds: config.RATE_LIMIT_WINDOW_SECONDS },
    },
    deps,
    log.child({ adapter: "discord" }),
  );
  await bot.start();
  return bot;
}

async function main(): Promise<void> {
  const config = loadConfig(process.env);
  log.level = config.LOG_LEVEL;
  const library = openLibrary(config.CORPUS_DIRS);
  for (const problem of library.problems) log.warn({ file: problem.file, field: problem.field }, `corpus: ${formatProblem(problem)}`);
  const deps: Deps = { library: () => library, commands };
  const { DISCORD_TOKEN } = config;
  if (!DISCORD_TOKEN) {
    await runConsole(deps);
    return;
  }
  const bot = await startDiscord({ ...config, DISCORD_TOKEN }, deps);
  const stop = (signal: string) => {
    log.info({ signal }, "stopping");
    void bot.stop().finally(() => process.exit(0));
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

process.on("unhandledRejection", (reason) => log.error({ err: reason }, "unhandled rejection"));

main().catch((error: unknown) => {
  if (error instanceof ConfigError) process.stderr.write(`${error.message}\n`);
  else log.fatal({ err: error }, "daleel stopped");
  process.exit(1);
});
