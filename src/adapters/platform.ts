/**
 * The contract every chat platform serves commands through, so its rules
 * live once: who may run a command (asked once, before anything else),
 * reading the command's options (an attachment is fetched only once access is
 * granted), running it, showing a UserError privately to the caller, and the
 * texts people see when something goes wrong. An adapter supplies a Turn —
 * who is asking, how to read the options, how to send a reply — in a few
 * lines; escaping, limits and buttons stay in its renderer. Anything that is
 * not a UserError is the adapter's to log and answer with GENERIC_FAILURE.
 *
 * @example
 * await serveCommand(command, { caller, options: () => parseText(command, args), send: (reply) => show(ctx, reply) }, deps);
 */
import type { AnyCommand, Deps } from "../../commands/command.ts";
import { type Caller, NOT_A_MODERATOR, runCommand } from "../../commands/run.ts";
import { UserError } from "../core/errors.ts";
import type { Destination } from "../digests/poster.ts";
import { type Reply, text } from "../reply.ts";

/** What a user sees when a command fails for a reason that is ours, not theirs (the error is logged). */
export const GENERIC_FAILURE = "Something went wrong on our side and the operators have been told. Please try again later.";
/** What a user over the rate limit sees. */
export const SLOW_DOWN = "You're asking a lot at once — please wait a few seconds and try again.";

/** One incoming command, as a platform presents it. */
export interface Turn {
  caller: Caller;
  /** The command's raw options; may download an attachment, so it is read only once access is granted. */
  options(): Record<string, unknown> | Promise<Record<string, unknown>>;
  /** Shows a reply where the command came from; a `private` reply only to the caller. */
  send(reply: Reply): Promise<void>;
}

/** The reply to one command: access, options, run; a UserError becomes a private reply. */
export async function commandReply(command: AnyCommand, turn: Pick<Turn, "caller" | "options">, deps: Deps): Promise<Reply> {
  if (command.access === "moderators" && !(await turn.caller.isModerator().catch(() => false))) return text(NOT_A_MODERATOR, { private: true });
  // Access is settled: the command is not asked about it again.
  const caller = command.access === "moderators" ? { ...turn.caller, isModerator: async () => true } : turn.caller;
  let raw: Record<string, unknown>;
  try {
    raw = await turn.options();
  } catch (error) {
    // An attachment that is not an article, say: the caller's to fix, shown only to them.
    if (error instanceof UserError) return text(error.message, { private: true });
    throw error;
  }
  return runCommand(command, raw, deps, caller);
}

/** Serves one command on a platform: its reply, sent through the turn. */
export async function serveCommand(command: AnyCommand, turn: Turn, deps: Deps): Promise<void> {
  await turn.send(await commandReply(command, turn, deps));
}

/**
 * A digest preview's Post button, on any platform: the lines to show the
 * presser. `stillModerator` asks the platform again at the press.
 */
export async function pressPost(deps: Deps, previewId: string, presser: string, stillModerator: (here: Destination) => Promise<boolean>): Promise<string[]> {
  if (!deps.digests) return ["Digests are not enabled on this bot."];
  try {
    return await deps.digests.post(previewId, presser, stillModerator);
  } catch (error) {
    if (error instanceof UserError) return [error.message];
    throw error;
  }
}
