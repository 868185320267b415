import { z } from "zod";
import { UserError } from "../src/core/errors.ts";
import { answerReply, type Reply } from "../src/reply.ts";
import { defineCommand } from "./command.ts";
import { EXAMPLE_QUESTIONS, isGreeting } from "./examples.ts";

/** Shorter than this, a line is not a question to look up ("ok", "?"). */
const MIN_QUESTION = 3;

/** Who Daleel is and what to ask: the answer to a greeting. */
function introduction(articles: number): Reply {
  return {
    blocks: [
      { type: "text", text: `Salaam! I'm Daleel. I answer questions about Pakistan's crypto agenda from ${articles} news articles, quoting them and citing every source. Try:` },
      ...EXAMPLE_QUESTIONS.map((q) => ({ type: "text" as const, text: `• ${q}` })),
    ],
    sources: [],
  };
}

export default defineCommand({
  name: "ask",
  description: "Ask a question; the answer quotes the articles and cites them",
  options: z.object({
    question: z.string().trim().min(1).max(300).describe("Your question, e.g. What is PVARA?"),
  }),
  access: "everyone",
  positional: "question",
  example: "/ask What is PVARA?",
  run: ({ question }, deps, caller) => {
    if (isGreeting(question)) return introduction(deps.library().articles.length);
    if (question.length < MIN_QUESTION) throw new UserError(`That is too short to look up. Ask me a whole question, e.g. ${EXAMPLE_QUESTIONS[0]}`);
    // A follow-up ("and who signed it?") is read with the question its conversation is about.
    return answerReply(deps.library().ask(question, { previous: caller.previousQuestion }));
  },
});
