import { z } from "zod";
import { UserError } from "../src/core/errors.ts";
import { dateOption, defineCommand, topicOption } from "./command.ts";
import { digestReply } from "../src/reply.ts";

/** The start of a window of the last `days` days, counted from `today`. */
export function daysAgo(days: number, today = new Date()): string {
  const d = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate()));
  d.setUTCDate(d.getUTCDate() - (days - 1));
  return d.toISOString().slice(0, 10);
}

export default defineCommand({
  name: "digest",
  description: "A digest of the news in a window, for moderators to post",
  options: z.object({
    since: dateOption("Articles published on or after, YYYY-MM-DD"),
    until: dateOption("Articles published on or before, YYYY-MM-DD"),
    days: z.number().int().min(1).max(366).optional().describe("Or: the last N days"),
    topic: topicOption("Only articles about this"),
  }),
  access: "moderators",
  positional: "topic",
  autocomplete: ["topic"],
  example: "/digest since:2025-06-01",
  run: ({ since, until, days, topic }, deps, caller) => {
    if (days !== undefined && since) throw new UserError('Give either "since" or "days", not both.');
    const start = days !== undefined ? daysAgo(days) : since;
    if (start && until && start > until) throw new UserError(`"since" (${start}) is after "until" (${until}).`);
    const query = { since: start, until, topic };
    if (!deps.digests || !caller.id || !caller.here) return digestReply(deps.library().digest(query));
    const { id, digest } = deps.digests.preview(query, caller.id, caller.here);
    const reply = digestReply(digest);
    if (digest.count === 0) return { ...reply, private: true };
    const where = deps.digests.destinationsFor(caller.here).join(", ");
    return { ...reply, blocks: [...reply.blocks, { type: "text", text: `Preview, only you can see this. Post sends it to ${where}.` }], private: true, actions: [{ id: `digest-post:${id}`, label: "Post" }] };
  },
});
