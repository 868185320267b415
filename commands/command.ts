/**
 * What a command is: declared once, served by every adapter.
 *
 * @example
 * export default defineCommand({
 *   name: "about", description: "What Daleel is", options: z.object({}), access: "everyone",
 *   run: (_input, deps) => text(`Daleel answers from ${deps.library().articles.length} articles.`),
 * });
 */
import { z } from "zod";
import { IsoDate } from "../src/core/article.ts";
import type { Library } from "../src/core/library.ts";
import type { ReloadResult } from "../src/core/live-library.ts";
import type { DigestService } from "../src/digests/service.ts";
import type { FeedsService } from "../src/feeds.ts";
import type { ExtractedArticle } from "../src/intake/index.ts";
import type { Reply } from "../src/reply.ts";
import type { Caller } from "./run.ts";

export type Access = "everyone" | "moderators";

/** What commands may use: the current library (it can be reloaded) and the command list. */
export interface Deps {
  library(): Library;
  commands: readonly AnyCommand[];
  /**
   * Where moderators' new articles are written, how the library picks them up,
   * and how other processes hear of them (the store's registry; false when it
   * could not be reached). Absent: adding is off.
   */
  articles?: {
    dir: string;
    /** Brings the library up to the folder; `written`: the files just written, taken without listing the folder. */
    reload(written?: readonly string[]): ReloadResult;
    publish?(path: string, addedBy: string, url?: string): Promise<boolean>;
    /** Fetches the article at a link (safely: see src/intake); absent, adding by link is off. */
    readPage?(url: string): Promise<ExtractedArticle>;
  };
  /** Digest previews and posting; absent (console, CLI): /digest just shows the digest. */
  digests?: DigestService;
  /** The feeds moderators follow (needs the store); absent: /feeds says feeds are off. */
  feeds?: FeedsService;
}

export interface Command<Options extends z.ZodObject = z.ZodObject> {
  /** Lowercase, 1–32 characters: the slash command and bot command name. */
  name: string;
  /** At most 100 characters (Discord's limit). */
  description: string;
  /** A flat object of options with limits; `.describe()` last on each field. */
  options: Options;
  access: Access;
  /** The option filled from free text after the command ("/ask What is PVARA?"). */
  positional?: keyof z.infer<Options> & string;
  /** Options that offer suggestions as the user types (topics, names, titles). */
  autocomplete?: ReadonlyArray<keyof z.infer<Options> & string>;
  /** A one-line example, shown in help and in usage hints. */
  example: string;
  run(input: z.infer<Options>, deps: Deps, caller: Caller): Reply | Promise<Reply>;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyCommand = Command<any>;

/** Declares a command, keeping its option types. */
export function defineCommand<Options extends z.ZodObject>(command: Command<Options>): Command<Options> {
  return command;
}

/** A date option: YYYY-MM-DD and a real day. */
export const dateOption = (description: string) => IsoDate.optional().describe(description);

/** A date as people write it (2025-06-01, 2025-06, May 2025, last month), read by the command (see dates.ts). */
export const looseDateOption = (description: string) => z.string().trim().min(1).max(60).optional().describe(description);

/**
 * A file option: on Discord an attachment, in Telegram the document the
 * command is the caption of. Adapters read the file and pass its text.
 */
export const fileOption = (description: string) => z.string().optional().meta({ attachment: true }).describe(description);

/** True for an option declared with fileOption. */
export const isFileOption = (field: z.ZodType): boolean => (field.meta() as { attachment?: boolean } | undefined)?.attachment === true;

/** A topic option: 2–100 characters. */
export const topicOption = (description: string) => z.string().trim().min(2).max(100).optional().describe(description);
