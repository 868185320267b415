/**
 * The local console: the same commands as Discord and Telegram, in a
 * terminal. A bare line is a question; `/name options` runs a command.
 * The person at the console runs the bot, so moderator commands are allowed.
 */
import { readFileSync } from "node:fs";
import { createInterface } from "node:readline";
import type { Readable, Writable } from "node:stream";
import type { Deps } from "../../../commands/command.ts";
import { findCommand } from "../../../commands/index.ts";
import { type Caller, parseText } from "../../../commands/run.ts";
import { UserError } from "../../core/errors.ts";
import { commandReply } from "../platform.ts";
import { renderReplyText } from "./render.ts";

/** At the console a file option names a file on this machine. */
function readLocalFile(path: string): string {
  try {
    return readFileSync(path, "utf8");
  } catch (error) {
    throw new UserError(`Cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? "error"}`);
  }
}

const OPERATOR: Caller = { isModerator: async () => true, id: "console" };

/** Handles one console line; returns the text to print, or null to quit. */
export async function handleConsoleLine(deps: Deps, line: string, caller: Caller = OPERATOR): Promise<string | null> {
  const input = line.trim();
  if (input === "") return "";
  if (input === "/quit" || input === "/exit") return null;
  const [, head, rest] = input.startsWith("/") ? (input.match(/^\/(\S+)\s*([\s\S]*)$/) ?? []) : [input, "ask", input];
  const command = findCommand(head ?? "");
  if (!command) return `Unknown command /${head}. Type /help.`;
  const options = () => {
    const raw = parseText(command, rest ?? "");
    if (typeof raw.file === "string") raw.file = readLocalFile(raw.file);
    return raw;
  };
  return renderReplyText(await commandReply(command, { caller, options }, deps));
}

/** Runs the console until /quit or end of input. */
export async function runConsole(deps: Deps, input: Readable = process.stdin, output: Writable = process.stdout): Promise<void> {
  const rl = createInterface({ input, output, terminal: (input as NodeJS.ReadStream).isTTY ?? false });
  output.write(`Daleel — ${deps.library().articles.length} articles loaded. Type a question, /help or /quit.\n`);
  rl.setPrompt("daleel> ");
  rl.prompt();
  for await (const line of rl) {
    const reply = await handleConsoleLine(deps, line);
    if (reply === null) break;
    if (reply) output.write(`${reply}\n\n`);
    rl.prompt();
  }
  rl.close();
}
