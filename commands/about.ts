import { z } from "zod";
import { defineCommand } from "./command.ts";
import { text } from "../src/reply.ts";

export default defineCommand({
  name: "about",
  description: "What Daleel is and where its answers come from",
  options: z.object({}),
  access: "everyone",
  example: "/about",
  run: (_input, deps) => {
    const articles = deps.library().articles;
    const outlets = new Set(articles.map((a) => a.source).filter(Boolean)).size;
    const dates = articles.map((a) => a.date).filter((d): d is string => Boolean(d)).sort();
    const span = dates.length > 0 ? `, published ${dates[0]} to ${dates.at(-1)}` : "";
    return text(
      `Daleel ("evidence") answers questions about Pakistan's crypto agenda from ${articles.length} news articles by ${outlets} outlets${span}. ` +
        "Every answer is quoted word for word from an article and cites it; when the articles don't cover a question, Daleel says so.",
    );
  },
});
