import { z } from "zod";
import { defineCommand } from "./command.ts";
import type { Block } from "../src/reply.ts";
import { EXAMPLE_QUESTIONS } from "./examples.ts";

export default defineCommand({
  name: "help",
  description: "What Daleel can do, and how to ask",
  options: z.object({}),
  access: "everyone",
  example: "/help",
  run: (_input, deps) => ({
    blocks: [
      { type: "heading", text: "Daleel commands" },
      ...deps.commands.map((c): Block => ({ type: "text", text: `/${c.name} — ${c.description}${c.access === "moderators" ? " (moderators)" : ""}. Example: ${c.example}` })),
      { type: "heading", text: "Try asking" },
      ...EXAMPLE_QUESTIONS.map((q): Block => ({ type: "text", text: `• ${q}` })),
    ],
    sources: [],
  }),
});
