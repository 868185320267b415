import { z } from "zod";
import { UserError } from "../src/core/errors.ts";
import { dateOption, defineCommand, topicOption } from "./command.ts";
import { timelineReply } from "../src/reply.ts";

export default defineCommand({
  name: "timeline",
  description: "What happened when, each event quoted and cited",
  options: z.object({
    topic: topicOption("Only events about this, e.g. El Salvador"),
    from: dateOption("Earliest date, YYYY-MM-DD"),
    to: dateOption("Latest date, YYYY-MM-DD"),
  }),
  access: "everyone",
  positional: "topic",
  autocomplete: ["topic"],
  example: "/timeline El Salvador from:2025-01-01",
  run: (query, deps) => {
    if (query.from && query.to && query.from > query.to) throw new UserError(`"from" (${query.from}) is after "to" (${query.to}).`);
    return timelineReply(deps.library().timeline(query), query);
  },
});
