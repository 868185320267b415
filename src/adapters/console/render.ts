/**
 * Plain-text rendering of a Reply for the terminal and the CLI: quoted
 * sentences with [n] markers, then the numbered sources (one per article) with outlet, date and link.
 */
import { quoted } from "../../core/text.ts";
import { type Block, type Reply, type Source, dateLabel } from "../../reply.ts";

function sourceLine(c: Source): string {
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
      return `${block.label ? `${block.label}  ` : "  "}${quoted(block.text)} ${markers}`;
    }
    case "item":
      return `${block.n ? `[${block.n}]` : "•"} ${block.title} — ${block.meta}${block.url ? `\n  ${block.url}` : ""}`;
  }
}

/**
 * Control characters (ANSI escapes, carriage returns, bells, C1 codes) and
 * bidirectional overrides from corpus or user text would drive the terminal;
 * they are removed, keeping newlines and tabs.
 */
const TERMINAL_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/** Text safe to print to a terminal. */
export function stripControl(text: string): string {
  return text.replace(TERMINAL_CONTROL, "");
}

/** Renders a reply as plain text, safe to print to a terminal. */
export function renderReplyText(reply: Reply): string {
  const body = reply.blocks.map(blockText).join("\n");
  if (reply.sources.length === 0) return stripControl(body);
  return stripControl(`${body}\n\nSources:\n${reply.sources.map(sourceLine).join("\n")}`);
}
