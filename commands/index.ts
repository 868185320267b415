/** Every command, in the order help lists them. A new command is one file plus one line here. */
import about from "./about.ts";
import ask from "./ask.ts";
import type { AnyCommand } from "./command.ts";
import digest from "./digest.ts";
import feeds from "./feeds.ts";
import help from "./help.ts";
import ingest from "./ingest.ts";
import sources from "./sources.ts";
import summary from "./summary.ts";
import timeline from "./timeline.ts";

export const commands: readonly AnyCommand[] = [ask, summary, timeline, digest, sources, ingest, feeds, help, about];

export function findCommand(name: string): AnyCommand | undefined {
  return commands.find((c) => c.name === name.toLowerCase());
}
