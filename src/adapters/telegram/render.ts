/**
 * Telegram rendering: a Reply becomes HTML messages of at most 4096
 * characters, every corpus and user string escaped, split between blocks so
 * no tag is ever cut. Citations are numbered links with outlet and date.
 * Pageable replies (timelines) are shown a page of events at a time.
 */
import type { Citation } from "../../core/article.ts";
import { type Block, type Reply, dateLabel } from "../../../commands/reply.ts";
import { packPieces, splitAtSpaces } from "../split.ts";

/** Telegram's limit on message text. */
export const MAX_MESSAGE = 4096;
/** Events per page of a paginated timeline. */
export const EVENTS_PER_PAGE = 5;
/** A single block longer than this is split at spaces before it is wrapped in tags. */
const MAX_PIECE = 3500;

export function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

function link(title: string, url?: string): string {
  return url && /^https?:\/\//.test(url) ? `<a href="${escapeHtml(url)}">${escapeHtml(title)}</a>` : `<b>${escapeHtml(title)}</b>`;
}

const chunks = (text: string) => splitAtSpaces(text, MAX_PIECE);

/** One block as one or more balanced HTML pieces. */
function blockPieces(block: Block): string[] {
  switch (block.type) {
    case "heading":
      return chunks(block.text).map((t) => `<b>${escapeHtml(t)}</b>`);
    case "text":
      return chunks(block.text).map(escapeHtml);
    case "quote": {
      const label = block.label ? `<b>${escapeHtml(block.label)}</b>\n` : "";
      const markers = block.cites.map((n) => `[${n}]`).join("");
      const parts = chunks(block.text);
      return parts.map((t, i) => `${i === 0 ? label : ""}<blockquote>${escapeHtml(t)}${i === parts.length - 1 ? ` ${markers}` : ""}</blockquote>`);
    }
    case "item":
      return [`• ${link(block.title, block.url)} — ${escapeHtml(block.meta)}`];
  }
}

function citationLine(c: Citation): string {
  return `[${c.n}] ${link(c.title, c.url)} — ${escapeHtml(c.source || "unknown outlet")}, ${dateLabel(c.date, c.approximate)}`;
}

/** Packs balanced pieces into messages of at most `limit` characters. */
export const packHtml = (pieces: string[], limit = MAX_MESSAGE): string[] => packPieces(pieces, limit);

/** Renders a reply as HTML messages. */
export function renderTelegram(reply: Reply): string[] {
  const pieces = reply.blocks.flatMap(blockPieces);
  if (reply.citations.length > 0) pieces.push("<b>Sources</b>", ...reply.citations.map(citationLine));
  return packHtml(pieces);
}

/**
 * Splits a pageable reply (a heading and a list of events) into pages of at
 * most EVENTS_PER_PAGE events, fewer when the page would not fit one message.
 * Each page carries the heading, its events, the sources they cite and a
 * "Page i of n" line.
 */
export function paginate(reply: Reply): string[] {
  const heading = reply.blocks.filter((b) => b.type !== "quote");
  const events = reply.blocks.filter((b) => b.type === "quote");
  const build = (shown: Block[], footer: string): string => {
    const cited = new Set(shown.flatMap((b) => (b.type === "quote" ? b.cites : [])));
    const blocks: Block[] = [...heading, ...shown, { type: "text", text: footer }];
    return renderTelegram({ blocks, citations: reply.citations.filter((c) => cited.has(c.n)) }).join("\n");
  };
  const groups: Block[][] = [];
  let current: Block[] = [];
  for (const event of events) {
    const candidate = [...current, event];
    if (current.length > 0 && (candidate.length > EVENTS_PER_PAGE || build(candidate, "Page 000 of 000").length > MAX_MESSAGE)) {
      groups.push(current);
      current = [event];
    } else current = candidate;
  }
  if (current.length > 0) groups.push(current);
  return groups.map((shown, i) => build(shown, `Page ${i + 1} of ${groups.length}`));
}

/** Plain text from our HTML, for when Telegram rejects the entities. */
export function toPlainText(html: string): string {
  return html
    .replace(/<a href="([^"]*)">([\s\S]*?)<\/a>/g, "$2 ($1)")
    .replace(/<[^>]+>/g, "")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
}
