/**
 * `npm run discord:deploy`: registers the slash commands built from
 * commands/ — to DISCORD_GUILD_ID when set (instant), globally otherwise
 * (may take up to an hour to show). Never run at start-up.
 */
import "dotenv/config";
import { REST, Routes } from "discord.js";
import { commands } from "../commands/index.ts";
import { slashCommand } from "../src/adapters/discord/slash.ts";
import { ConfigError, loadConfig } from "../src/config.ts";
import { redact } from "../src/log.ts";

async function deploy(): Promise<void> {
  const config = loadConfig(process.env);
  if (!config.DISCORD_TOKEN || !config.DISCORD_APP_ID) throw new ConfigError("discord:deploy needs DISCORD_TOKEN and DISCORD_APP_ID.");
  const rest = new REST({ api: config.DISCORD_API_BASE }).setToken(config.DISCORD_TOKEN);
  const body = commands.map(slashCommand);
  const route = config.DISCORD_GUILD_ID ? Routes.applicationGuildCommands(config.DISCORD_APP_ID, config.DISCORD_GUILD_ID) : Routes.applicationCommands(config.DISCORD_APP_ID);
  await rest.put(route, { body });
  process.stdout.write(`Registered ${body.length} commands ${config.DISCORD_GUILD_ID ? `to server ${config.DISCORD_GUILD_ID}` : "globally"}: ${body.map((c) => `/${c.name}`).join(" ")}\n`);
}

deploy().catch((error: unknown) => {
  process.stderr.write(`${error instanceof ConfigError ? error.message : `discord:deploy failed: ${redact(String((error as Error).message ?? error))}`}\n`);
  process.exit(1);
});
