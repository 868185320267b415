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

/** Splits an over-long piece at spaces so no message exceeds the limit and nothing is dropped. */
function splitLong(piece: string, limit: number): string[] {
  const parts: string[] = [];
  let rest = piece;
  while (rest.length > limit) {
    let cut = rest.lastIndexOf(" ", limit);
    if (cut < limit / 2) cut = limit;
    parts.push(rest.slice(0, cut));
    rest = rest.slice(cut).trimStart();
  }
  return [...parts, rest];
}

/** Packs pieces into messages of at most `limit` characters, joining with newlines. */
export function pack(pieces: string[], limit = MAX_CONTENT): string[] {
  const messages: string[] = [];
  let current = "";
  for (const piece of pieces.flatMap((p) => splitLong(p, limit))) {
    const joined = current ? `${current}\n${piece}` : piece;
    if (joined.length <= limit) current = joined;
    else {
      messages.push(current);
      current = piece;
    }
  }
  if (current) messages.push(current);
  return messages;
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
