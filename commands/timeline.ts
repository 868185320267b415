import { z } from "zod";
import { UserError } from "../src/core/errors.ts";
import type { TimelineQuery } from "../src/core/timeline.ts";
import { timelineReply } from "../src/reply.ts";
import { defineCommand, looseDateOption, topicOption } from "./command.ts";
import { type ReadDate, datesRead, readDate } from "./dates.ts";

/** The core's query for the command's options: dates read as people write them, "from" before "to". */
export function timelineQuery(input: { topic?: string; from?: string; to?: string }): { query: TimelineQuery; from?: ReadDate; to?: ReadDate } {
  const from = input.from === undefined ? undefined : readDate("from", input.from);
  const to = input.to === undefined ? undefined : readDate("to", input.to);
  if (from && to && from.start > to.end) throw new UserError(`"from" (${from.start}) is after "to" (${to.end}).`);
  return { query: { topic: input.topic, from: from?.start, to: to?.end }, from, to };
}

export default defineCommand({
  name: "timeline",
  description: "What happened when, each event quoted and cited",
  options: z.object({
    topic: topicOption("Only events about this, e.g. El Salvador"),
    from: looseDateOption("Earliest date: 2025-06-01, 2025-06, May 2025, last month"),
    to: looseDateOption("Latest date: 2025-06-30, 2025, last week"),
  }),
  access: "everyone",
  positional: "topic",
  autocomplete: ["topic"],
  example: "/timeline El Salvador from:2025-01-01",
  run: (input, deps) => {
    const { query, from, to } = timelineQuery(input);
    const reply = timelineReply(deps.library().timeline(query), query);
    return { ...reply, blocks: [...datesRead([{ word: "from", read: from, edge: "start" }, { word: "to", read: to, edge: "end" }]), ...reply.blocks] };
  },
});
