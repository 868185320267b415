import { z } from "zod";
import { defineCommand, topicOption } from "./command.ts";
import { type Block, dateLabel, text } from "../src/reply.ts";

export default defineCommand({
  name: "sources",
  description: "List the articles Daleel answers from, by tag or outlet",
  options: z.object({
    tag: topicOption("Only articles with this tag, e.g. mining"),
    outlet: z.string().trim().min(2).max(100).optional().describe("Only articles from this outlet"),
  }),
  access: "everyone",
  positional: "tag",
  autocomplete: ["tag", "outlet"],
  example: "/sources mining",
  run: ({ tag, outlet }, deps) => {
    const wantTag = tag?.toLowerCase().replace(/\s+/g, "-");
    const articles = deps
      .library()
      .articles.filter((a) => !wantTag || a.tags.some((t) => t.toLowerCase() === wantTag))
      .filter((a) => !outlet || (a.source ?? "").toLowerCase().includes(outlet.toLowerCase()))
      .sort((a, b) => (b.date ?? "").localeCompare(a.date ?? ""));
    if (articles.length === 0) return text("No articles match that filter. Try /sources with no options.");
    const blocks: Block[] = [{ type: "heading", text: `${articles.length} article${articles.length === 1 ? "" : "s"}` }];
    for (const a of articles) {
      const tags = a.tags.length > 0 ? ` · ${a.tags.join(", ")}` : "";
      blocks.push({ type: "item", title: a.title, url: a.url, meta: `${a.source ?? "unknown outlet"}, ${dateLabel(a.date ?? "", a.dateNote !== undefined)}${tags}` });
    }
    return { blocks, sources: [] };
  },
});
