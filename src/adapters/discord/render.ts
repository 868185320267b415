/**
 * Discord rendering: a Reply becomes one or more message contents of at most
 * 2000 characters, split between blocks (never inside one unless a single
 * block is longer than a message, and then never inside an escape or a
 * surrogate pair). Corpus and user text is markdown-escaped, masked links
 * included, so the only links are the citations the bot makes from http(s)
 * URLs. Pings are prevented by allowed_mentions, set on every message by the bot.
 */
import { type Block, type Reply, type Source, dateLabel } from "../../reply.ts";
import { packPieces, safeUrl, splitAtSpaces } from "../split.ts";

/** Discord's limit on message content. */
export const MAX_CONTENT = 2000;

/** Characters that are markdown anywhere in a line: emphasis, code, spoilers, masked links, `<…>` links and mentions. */
const INLINE_MARKDOWN = /[\\*_~`|[\]<]/g;
/** Markdown that only counts at the start of a line: headings, quotes, lists, subtext. */
const LINE_MARKDOWN = /^([ \t]*)([#>+-]|\d+\.)/gm;

/**
 * Shows text as written: every markdown character is backslash-escaped
 * (`[x](https://…)` stays text, not a link); `@everyone`, `@here` and
 * `<@id>` get a zero-width break. One pass per rule, so the cost is linear in the text.
 */
export function escapeText(text: string): string {
  return text
    .replace(INLINE_MARKDOWN, "\\$&")
    .replace(LINE_MARKDOWN, (_, lead: string, mark: string) => `${lead}${mark.replace(/[#>+\-.]/, "\\$&")}`)
    .replace(/@(everyone|here)/g, "@\u200b$1")
    .replace(/<([@#][!&]?\d+>)/g, "<\u200b$1");
}

function linkTitle(title: string, url?: string): string {
  const label = escapeText(title);
  const href = safeUrl(url);
  return href ? `[${label}](<${href}>)` : `**${label}**`;
}

/** One block as one or more pieces, each within a message. */
function blockPieces(block: Block, limit: number): string[] {
  switch (block.type) {
    case "heading":
      return splitAtSpaces(escapeText(block.text), limit - 4).map((t) => `**${t}**`);
    case "text":
      return splitAtSpaces(escapeText(block.text), limit);
    case "quote": {
      const label = block.label ? `**${escapeText(block.label)}** ` : "";
      const markers = block.cites.map((n) => `[${n}]`).join("");
      const parts = splitAtSpaces(escapeText(block.text), limit - label.length - markers.length - 4);
      return parts.map((t, i) => `> ${i === 0 ? label : ""}${t}${i === parts.length - 1 && markers ? ` ${markers}` : ""}`);
    }
    case "item":
      return splitAtSpaces(`${block.n ? `[${block.n}]` : "•"} ${linkTitle(block.title, block.url)} — ${escapeText(block.meta)}`, limit);
  }
}

/** A source's line, then any of its quotes the body does not show (another article's wording of an event). */
function sourcePieces(source: Source, shown: ReadonlySet<string>, limit: number): string[] {
  const head = `[${source.n}] ${linkTitle(source.title, source.url || undefined)} — ${escapeText(source.source || "unknown outlet")}, ${dateLabel(source.date, source.approximate)}`;
  const quotes = source.quotes.filter((q) => !shown.has(q)).flatMap((q) => blockPieces({ type: "quote", text: q, cites: [] }, limit));
  return [...splitAtSpaces(head, limit), ...quotes];
}

/** Packs pieces into messages of at most `limit` characters; an over-long piece is cut at spaces first. */
export function pack(pieces: string[], limit = MAX_CONTENT): string[] {
  return packPieces(pieces.flatMap((p) => splitAtSpaces(p, limit)), limit);
}

/** Renders a reply as message contents, each at most 2000 characters. */
export function renderDiscord(reply: Reply, limit = MAX_CONTENT): string[] {
  const pieces = reply.blocks.flatMap((block) => blockPieces(block, limit));
  const shown = new Set(reply.blocks.flatMap((b) => (b.type === "quote" ? [b.text] : [])));
  if (reply.sources.length > 0) {
    pieces.push("**Sources**");
    for (const source of reply.sources) pieces.push(...sourcePieces(source, shown, limit));
  }
  return pack(pieces, limit);
}
