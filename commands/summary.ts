import { z } from "zod";
import { defineCommand } from "./command.ts";
import { summaryReply } from "../src/reply.ts";

export default defineCommand({
  name: "summary",
  description: "A short summary of a topic, quoted from several articles",
  options: z.object({
    topic: z.string().trim().min(2).max(100).describe("What to summarise, e.g. Strategic Bitcoin Reserve"),
  }),
  access: "everyone",
  positional: "topic",
  autocomplete: ["topic"],
  example: "/summary Strategic Bitcoin Reserve",
  run: ({ topic }, deps) => summaryReply(deps.library().summarize({ topic })),
});
