/**
 * The local console: ask questions in a terminal over the loaded corpus.
 * `/ask …` or a bare question, `/help`, `/quit`.
 */
import { createInterface } from "node:readline";
import type { Readable, Writable } from "node:stream";
import type { Library } from "../../core/library.ts";
import { renderAnswerText } from "./render.ts";

const HELP = `Ask a question about Pakistan's crypto agenda, or:
  /ask QUESTION   answer a question from the articles, with sources
  /help           this list
  /quit           leave`;

/** Handles one console line; returns the text to print, or null to quit. */
export function handleConsoleLine(library: Library, line: string): string | null {
  const input = line.trim();
  if (input === "") return "";
  if (input === "/quit" || input === "/exit") return null;
  if (input === "/help") return HELP;
  const question = input.startsWith("/ask") ? input.slice(4).trim() : input;
  if (question.startsWith("/")) return `Unknown command ${question.split(/\s/)[0]}. Type /help.`;
  if (question.length < 3) return "Ask a question of at least 3 characters, e.g. /ask What is PVARA?";
  return renderAnswerText(library.ask(question));
}

/** Runs the console until /quit or end of input. */
export async function runConsole(library: Library, input: Readable = process.stdin, output: Writable = process.stdout): Promise<void> {
  const rl = createInterface({ input, output, terminal: (input as NodeJS.ReadStream).isTTY ?? false });
  output.write(`Daleel — ${library.articles.length} articles loaded. Type a question, /help or /quit.\n`);
  rl.setPrompt("daleel> ");
  rl.prompt();
  for await (const line of rl) {
    const reply = handleConsoleLine(library, line);
    if (reply === null) break;
    if (reply) output.write(`${reply}\n\n`);
    rl.prompt();
  }
  rl.close();
}
