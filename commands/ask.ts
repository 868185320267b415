import { z } from "zod";
import { defineCommand } from "./command.ts";
import { answerReply } from "../src/reply.ts";

export default defineCommand({
  name: "ask",
  description: "Ask a question; the answer quotes the articles and cites them",
  options: z.object({
    question: z.string().trim().min(3).max(300).describe("Your question, e.g. What is PVARA?"),
  }),
  access: "everyone",
  positional: "question",
  example: "/ask What is PVARA?",
  run: ({ question }, deps) => answerReply(deps.library().ask(question)),
});
