/**
 * Plain-text rendering of a Reply for the terminal and the CLI: quoted
 * sentences with [n] markers, then numbered sources with outlet, date and link.
 */
import type { Citation } from "../../core/article.ts";
import { type Block, type Reply, dateLabel } from "../../../commands/reply.ts";

function sourceLine(c: Citation): string {
  return `[${c.n}] ${c.title} — ${c.source || "unknown outlet"}, ${dateLabel(c.date, c.approximate)}${c.url ? `\n    ${c.url}` : ""}`;
}

function blockText(block: Block): string {
  switch (block.type) {
    case "heading":
      return `== ${block.text} ==`;
    case "text":
      return block.text;
    case "quote": {
      const markers = block.cites.map((n) => `[${n}]`).join("");
      return `${block.label ? `${block.label}  ` : "  "}“${block.text}” ${markers}`;
    }
    case "item":
      return `• ${block.title} — ${block.meta}${block.url ? `\n  ${block.url}` : ""}`;
  }
}

/** Renders a reply as plain text. */
export function renderReplyText(reply: Reply): string {
  const body = reply.blocks.map(blockText).join("\n");
  if (reply.citations.length === 0) return body;
  return `${body}\n\nSources:\n${reply.citations.map(sourceLine).join("\n")}`;
}
