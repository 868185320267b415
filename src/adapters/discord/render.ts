/**
 * Discord rendering: a Reply becomes one or more message contents of at most
 * 2000 characters, split between blocks (never inside one unless a single
 * block is longer than a message). Corpus text is markdown-escaped; citations
 * are numbered masked links with outlet and date. Pings are prevented by
 * allowed_mentions, set on every message by the bot.
 */
import { escapeMarkdown } from "discord.js";
import type { Citation } from "../../core/article.ts";
import { type Block, type Reply, dateLabel } from "../../../commands/reply.ts";
import { packPieces, splitAtSpaces } from "../split.ts";

/** Discord's limit on message content. */
export const MAX_CONTENT = 2000;

/** Escapes markdown and neutralises mention syntax so corpus text shows as written. */
export function escapeText(text: string): string {
  return escapeMarkdown(text).replace(/@(everyone|here)/g, "@\u200b$1").replace(/<([@#][!&]?\d+)>/g, "<\u200b$1>");
}

function linkTitle(title: string, url?: string): string {
  const label = escapeText(title).replace(/[[\]]/g, (c) => `\\${c}`);
  return url ? `[${label}](<${url}>)` : `**${label}**`;
}

function blockLines(block: Block): string {
  switch (block.type) {
    case "heading":
      return `**${escapeText(block.text)}**`;
    case "text":
      return escapeText(block.text);
    case "quote": {
      const label = block.label ? `**${escapeText(block.label)}** ` : "";
      return `> ${label}${escapeText(block.text)} ${block.cites.map((n) => `[${n}]`).join("")}`;
    }
    case "item":
      return `• ${linkTitle(block.title, block.url)} — ${escapeText(block.meta)}`;
  }
}

function citationLine(citation: Citation, shownInBody: boolean): string {
  const head = `[${citation.n}] ${linkTitle(citation.title, citation.url || undefined)} — ${escapeText(citation.source || "unknown outlet")}, ${dateLabel(citation.date, citation.approximate)}`;
  return shownInBody ? head : `${head}\n> ${escapeText(citation.quote)}`;
}

/** Packs pieces into messages of at most `limit` characters; an over-long piece is cut at spaces first. */
export function pack(pieces: string[], limit = MAX_CONTENT): string[] {
  return packPieces(pieces.flatMap((p) => splitAtSpaces(p, limit)), limit);
}

/** Renders a reply as message contents, each at most 2000 characters. */
export function renderDiscord(reply: Reply): string[] {
  const pieces = reply.blocks.map(blockLines);
  const shown = new Set(reply.blocks.flatMap((b) => (b.type === "quote" ? [b.text] : [])));
  if (reply.citations.length > 0) {
    pieces.push("**Sources**");
    for (const citation of reply.citations) pieces.push(citationLine(citation, shown.has(citation.quote)));
  }
  return pack(pieces);
}
