/**
 * Running a command the same way on every adapter: check who may run it,
 * parse its options with zod into a one-line message on failure, run it, and
 * turn a UserError into a private reply. Any other error is left to the
 * adapter to log and answer generically.
 */
import { z } from "zod";
import { UserError } from "../src/core/errors.ts";
import type { Destination } from "../src/digests/poster.ts";
import type { AnyCommand, Deps } from "./command.ts";
import { type Reply, text } from "../src/reply.ts";

export const NOT_A_MODERATOR = "Only moderators can use this command.";

/** The usage line: "/timeline [topic] [from:YYYY-MM-DD] [to:YYYY-MM-DD]". */
export function usage(command: AnyCommand): string {
  const shape = (command.options as z.ZodObject).shape;
  const parts = Object.entries(shape).map(([name, field]) => {
    const description = (field as z.ZodType).description ?? "";
    const value = /YYYY-MM-DD/.test(description) ? "YYYY-MM-DD" : /\d{4}-\d{2}-\d{2}/.test(description) ? "date" : "…";
    const hint = name === command.positional ? name : `${name}:${value}`;
    return (field as z.ZodType).isOptional() ? `[${hint}]` : hint;
  });
  return [`/${command.name}`, ...parts].join(" ");
}

/**
 * A command's options did not parse: which option, what is wrong with it,
 * and the usage line. Its message is for chat ("question: too short (at
 * least 3 characters). Usage: /ask question"); the CLI names the flag instead.
 */
export class OptionError extends UserError {
  constructor(
    /** The option's name, or undefined for an unknown option. */
    readonly option: string | undefined,
    readonly problem: string,
    readonly usageLine: string,
    /** For a missing option: the command's example, which the message offers instead of the usage. */
    example?: string,
  ) {
    super(example ? `Tell me the ${option}, e.g. ${example}` : `${option ? `${option}: ` : ""}${problem}. Usage: ${usageLine}`);
  }
}

/** The first zod issue as an option and what is wrong with it ("too short (at least 3 characters)"). */
function describeIssue(error: z.ZodError): { option?: string; problem: string } {
  const issue = error.issues[0]!;
  const option = issue.path.join(".") || "input";
  if (issue.code === "too_small" && issue.origin === "string") return { option, problem: `too short (at least ${issue.minimum} characters)` };
  if (issue.code === "too_big" && issue.origin === "string") return { option, problem: `too long (at most ${issue.maximum} characters)` };
  if (issue.code === "unrecognized_keys") return { problem: `unknown option ${issue.keys.join(", ")}` };
  return { option, problem: issue.message };
}

/** Validates raw options against a command's schema. Throws an OptionError (a UserError) with a usage hint. */
export function parseOptions(command: AnyCommand, raw: Record<string, unknown>): Record<string, unknown> {
  const cleaned = Object.fromEntries(Object.entries(raw).filter(([, v]) => v !== undefined && v !== null && v !== ""));
  const result = (command.options as z.ZodObject).strict().safeParse(cleaned);
  if (result.success) return result.data as Record<string, unknown>;
  const { option, problem } = describeIssue(result.error);
  const missing = option !== undefined && !(option in cleaned);
  throw new OptionError(option, missing ? "missing" : problem, usage(command), missing ? command.example : undefined);
}

/**
 * Reads options from message text: `name:value` (or `name:"a value"`) pairs for
 * named options, and the rest — whitespace and line breaks kept — for the
 * positional one. Numbers are converted for numeric options.
 *
 * @example parseText(timeline, "El Salvador from:2025-01-01") // { topic: "El Salvador", from: "2025-01-01" }
 */
export function parseText(command: AnyCommand, rest: string): Record<string, unknown> {
  const shape = (command.options as z.ZodObject).shape as Record<string, z.ZodType>;
  const raw: Record<string, unknown> = {};
  const free = rest.replace(/(^|\s)([a-z]+):(?:"([^"]*)"|(\S*))/gi, (whole, lead: string, name: string, quoted?: string, bare?: string) => {
    const key = name.toLowerCase();
    if (!(key in shape)) return whole;
    const value = quoted ?? bare ?? "";
    const field = shape[key]!;
    const inner = field instanceof z.ZodOptional || field instanceof z.ZodDefault ? field.unwrap() : field;
    raw[key] = inner instanceof z.ZodNumber && /^-?\d+$/.test(value) ? Number(value) : value;
    return lead;
  });
  const text = free.trim();
  if (text) {
    if (!command.positional) throw new UserError(`/${command.name} takes no text. Usage: ${usage(command)}`);
    raw[command.positional] = command.positional === "text" ? text : text.replace(/\s+/g, " ");
  }
  return raw;
}

/** Who is running a command, as far as the adapter can tell. */
export interface Caller {
  /** Resolves whether the caller may run moderator commands; anything uncertain must resolve false. */
  isModerator(): Promise<boolean>;
  /** "discord:<user id>", "telegram:<user id>" or "console". */
  id?: string;
  /** The chat the command came from, as a digest destination. */
  here?: Destination;
  /**
   * When this is a follow-up (a reply to the bot's answer, a message in its
   * thread): the question that conversation is about.
   */
  previousQuestion?: string;
}

/** Checks access, parses, runs. A UserError becomes a private reply; other errors are thrown. */
export async function runCommand(command: AnyCommand, raw: Record<string, unknown>, deps: Deps, caller: Caller): Promise<Reply> {
  try {
    if (command.access === "moderators" && !(await caller.isModerator().catch(() => false))) {
      return text(NOT_A_MODERATOR, { private: true });
    }
    return await command.run(parseOptions(command, raw), deps, caller);
  } catch (error) {
    if (error instanceof UserError) return text(error.message, { private: true });
    throw error;
  }
}
