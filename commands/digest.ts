import { z } from "zod";
import { UserError } from "../src/core/errors.ts";
import type { DigestQuery } from "../src/core/digest.ts";
import { digestReply } from "../src/reply.ts";
import { defineCommand, looseDateOption, topicOption } from "./command.ts";
import { type ReadDate, datesRead, readDate } from "./dates.ts";

/** The start of a window of the last `days` days, counted from `today`. */
export function daysAgo(days: number, today = new Date()): string {
  const d = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate()));
  d.setUTCDate(d.getUTCDate() - (days - 1));
  return d.toISOString().slice(0, 10);
}

/** The core's query for the command's options: "days" or dates read as people write them, "since" before "until". */
export function digestQuery(input: { since?: string; until?: string; days?: number; topic?: string }): { query: DigestQuery; since?: ReadDate; until?: ReadDate } {
  if (input.days !== undefined && input.since) throw new UserError('Give either "since" or "days", not both.');
  const since = input.since === undefined ? undefined : readDate("since", input.since);
  const until = input.until === undefined ? undefined : readDate("until", input.until);
  const start = input.days !== undefined ? daysAgo(input.days) : since?.start;
  if (start && until && start > until.end) throw new UserError(`"since" (${start}) is after "until" (${until.end}).`);
  return { query: { since: start, until: until?.end, topic: input.topic }, since, until };
}

export default defineCommand({
  name: "digest",
  description: "A digest of the news in a window, for moderators to post",
  options: z.object({
    since: looseDateOption("Published on or after: 2025-06-01, May 2025, last week"),
    until: looseDateOption("Published on or before: 2025-06-30, 2025-06, yesterday"),
    days: z.number().int().min(1).max(366).optional().describe("Or: the last N days"),
    topic: topicOption("Only articles about this"),
  }),
  access: "moderators",
  positional: "topic",
  autocomplete: ["topic"],
  example: "/digest since:2025-06-01",
  run: (input, deps, caller) => {
    const { query, since, until } = digestQuery(input);
    const read = datesRead([{ word: "since", read: since, edge: "start" }, { word: "until", read: until, edge: "end" }]);
    const withDates = (reply: ReturnType<typeof digestReply>) => ({ ...reply, blocks: [...read, ...reply.blocks] });
    if (!deps.digests || !caller.id || !caller.here) return withDates(digestReply(deps.library().digest(query)));
    const { id, digest } = deps.digests.preview(query, caller.id, caller.here);
    const reply = withDates(digestReply(digest));
    if (digest.count === 0) return { ...reply, private: true };
    const where = deps.digests.destinationsFor(caller.here).join(", ");
    return { ...reply, blocks: [...reply.blocks, { type: "text", text: `Preview, only you can see this. Post sends it to ${where}.` }], private: true, actions: [{ id: `digest-post:${id}`, label: "Post" }] };
  },
});
