import { z } from "zod";
import { UserError } from "../src/core/errors.ts";
import { prepareArticle } from "../src/core/ingest.ts";
import { fileArticle } from "../src/intake/file-article.ts";
import { dateOption, defineCommand, fileOption } from "./command.ts";
import type { ExtractedArticle } from "../src/intake/index.ts";
import type { Block } from "../src/reply.ts";

/** The largest article text accepted from chat. */
export const MAX_ARTICLE_CHARS = 200_000;

export default defineCommand({
  name: "ingest",
  description: "Add a news article: its link, a .txt/.md file or pasted text",
  options: z.object({
    url: z.url().max(500).optional().describe("Link to the article: fetched when no file or text is given"),
    date: dateOption("Publication date, YYYY-MM-DD (read from the page for a link)"),
    file: fileOption("The article as a .txt or .md file"),
    text: z.string().max(MAX_ARTICLE_CHARS).optional().describe("Or: the article text, pasted"),
    title: z.string().trim().min(3).max(300).optional().describe("Headline (taken from the text if it has one)"),
    source: z.string().trim().min(2).max(100).optional().describe("Outlet, e.g. Dawn"),
    tags: z.string().trim().max(200).optional().describe("Comma-separated tags, e.g. mining,regulation"),
  }),
  access: "moderators",
  positional: "text",
  example: "/ingest url:https://… (or date:2025-09-01 source:Dawn with the article attached)",
  run: async ({ date, file, text: pasted, title, source, url, tags }, deps, caller) => {
    if (!deps.articles) throw new UserError("Adding articles is not enabled on this bot.");
    // "/ingest https://…" typed in chat: the lone link is the url, not the text.
    if (!file && !url && pasted && /^https?:\/\/\S+$/i.test(pasted.trim())) [url, pasted] = [pasted.trim(), undefined];
    let raw = file ?? pasted;
    let page: ExtractedArticle | undefined;
    if (!raw?.trim()) {
      if (!url) throw new UserError("Give the article's link (url:https://…), attach it as a .txt or .md file, or paste it in the text option.");
      if (!deps.articles.readPage) throw new UserError("Adding articles by link is not enabled on this bot; attach the article as a file instead.");
      page = await deps.articles.readPage(url);
      raw = page.text;
    }
    const published = date ?? page?.date;
    if (!published) throw new UserError(page ? "date: the page does not say when it was published — add date:YYYY-MM-DD." : "Tell me the date, e.g. /ingest date:2025-09-01 source:Dawn (with the article attached)");
    const library = deps.library();
    const meta = { date: published, title: title ?? page?.title, source: source ?? page?.source, url: page?.url ?? url, tags: tags?.split(",").map((t) => t.trim()).filter(Boolean) };
    const prepared = prepareArticle(raw, meta, library.nearArticles);
    const { shared } = await fileArticle(deps.articles, prepared, caller.id ?? "unknown");
    const added = deps.library().articles.find((a) => a.file.endsWith(prepared.fileName));
    const passages = added ? deps.library().index.passages.ofArticle(deps.library().articles.indexOf(added)).length : 0;
    const blocks: Block[] = [
      { type: "heading", text: "Article added" },
      { type: "item", title: prepared.frontMatter.title, url: prepared.frontMatter.url, meta: `${prepared.frontMatter.source ?? "unknown outlet"}, ${published} · ${prepared.paragraphs.length} paragraphs, ${passages} passages` },
      { type: "text", text: shared ? "It can be asked about now." : "It can be asked about here now; the other bot processes could not be told (the store is unreachable) and the operators have been told." },
    ];
    return { blocks, sources: [] };
  },
});
