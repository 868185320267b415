/**
 * Telegram rendering: a Reply becomes HTML messages of at most 4096
 * characters, every corpus and user string escaped, split between blocks so
 * no tag is ever cut (a block longer than a message is cut at spaces after
 * escaping, never inside an entity or a surrogate pair, and each part gets
 * its own tags). Citations are numbered links, made only from http(s) URLs,
 * with outlet and date. Pageable replies (timelines) are shown a page of
 * events at a time; an event too long for one page continues on the next.
 */
import { type Block, type Reply, type Source, dateLabel } from "../../reply.ts";
import { packPieces, safeUrl, splitAtSpaces } from "../split.ts";

/** Telegram's limit on message text. */
export const MAX_MESSAGE = 4096;
/** Events per page of a paginated timeline. */
export const EVENTS_PER_PAGE = 5;
/** A single block longer than this (escaped) is split at spaces before it is wrapped in tags. */
const MAX_PIECE = 3500;

export function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

function link(title: string, url?: string): string {
  const href = safeUrl(url);
  return href ? `<a href="${escapeHtml(href)}">${escapeHtml(title)}</a>` : `<b>${escapeHtml(title)}</b>`;
}

/** A timeline event is cut into parts of at most this many characters, so a page has room for its sources. */
const MAX_PAGED_PIECE = 2000;

/** One block as one or more balanced HTML pieces of at most about `limit` characters each. */
function blockPieces(block: Block, limit = MAX_PIECE): string[] {
  const chunks = (text: string) => splitAtSpaces(escapeHtml(text), limit);
  switch (block.type) {
    case "heading":
      return chunks(block.text).map((t) => `<b>${t}</b>`);
    case "text":
      return chunks(block.text);
    case "quote": {
      const label = block.label ? `<b>${escapeHtml(block.label)}</b>\n` : "";
      const markers = block.cites.map((n) => `[${n}]`).join("");
      const parts = chunks(block.text);
      return parts.map((t, i) => `${i === 0 ? label : ""}<blockquote>${t}${i === parts.length - 1 ? ` ${markers}` : ""}</blockquote>`);
    }
    case "item":
      return chunks(block.meta).map((t, i) => (i === 0 ? `${block.n ? `[${block.n}]` : "•"} ${link(block.title, block.url)} — ${t}` : t));
  }
}

function sourceLine(c: Source): string {
  return `[${c.n}] ${link(c.title, c.url)} — ${escapeHtml(c.source || "unknown outlet")}, ${dateLabel(c.date, c.approximate)}`;
}

/** Packs balanced pieces into messages of at most `limit` characters. */
export const packHtml = (pieces: string[], limit = MAX_MESSAGE): string[] => packPieces(pieces, limit);

/** Renders a reply as HTML messages. */
export function renderTelegram(reply: Reply): string[] {
  const pieces = reply.blocks.flatMap((b) => blockPieces(b));
  if (reply.sources.length > 0) pieces.push("<b>Sources</b>", ...reply.sources.map(sourceLine));
  return packHtml(pieces);
}

/**
 * Splits a pageable reply (a heading and a list of events) into pages of at
 * most EVENTS_PER_PAGE events, fewer when the page would not fit one message.
 * Each page carries the heading, its events, the sources they cite and a
 * "Page i of n" line. An event too long for a page is cut into parts (each its
 * own blockquote) that continue on the following pages.
 */
export function paginate(reply: Reply): string[] {
  const [first] = reply.blocks;
  const lead = first?.type === "heading" ? 1 : 0;
  const heading = reply.blocks.slice(0, lead).flatMap((b) => blockPieces(b, MAX_PAGED_PIECE));
  const parts = reply.blocks.slice(lead).flatMap((block, i) => blockPieces(block, MAX_PAGED_PIECE).map((html) => ({ html, event: block.type === "quote" ? i : -1, cites: block.type === "quote" ? block.cites : [] })));
  type Part = (typeof parts)[number];
  const build = (shown: Part[], footer: string): string => {
    const cited = new Set(shown.flatMap((p) => p.cites));
    const sources = reply.sources.filter((c) => cited.has(c.n)).map(sourceLine);
    return [...heading, ...shown.map((p) => p.html), ...(sources.length ? ["<b>Sources</b>", ...sources] : []), escapeHtml(footer)].join("\n");
  };
  const events = (shown: Part[]) => new Set(shown.filter((p) => p.event >= 0).map((p) => p.event)).size;
  const groups: Part[][] = [];
  let current: Part[] = [];
  for (const part of parts) {
    const candidate = [...current, part];
    if (current.length > 0 && (events(candidate) > EVENTS_PER_PAGE || build(candidate, "Page 000 of 000").length > MAX_MESSAGE)) {
      groups.push(current);
      current = [part];
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
