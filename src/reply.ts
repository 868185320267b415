/**
 * The platform-neutral reply every command returns, and the conversions from
 * core results. Adapters render it; nothing here knows Discord or Telegram.
 */
import type { Answer } from "./core/answer/index.ts";
import type { Citation } from "./core/article.ts";
import type { Digest } from "./core/digest.ts";
import type { Summary } from "./core/summary.ts";
import type { TimelineEvent, TimelineQuery } from "./core/timeline.ts";

/** One piece of a reply. `quote` text is verbatim corpus text; the rest is fixed framing or metadata. */
export type Block =
  | { type: "heading"; text: string }
  | { type: "text"; text: string }
  | { type: "quote"; text: string; cites: number[]; label?: string }
  /** An article: title (linked), meta (outlet, date); with `n` it is also the source its quotes below cite. */
  | { type: "item"; title: string; url?: string; meta: string; n?: number };

/**
 * A source as a reply lists it: one article, numbered once however many of
 * the reply's quotes come from it (`cites` in quote blocks refer to `n`).
 */
export interface Source {
  n: number;
  title: string;
  /** The outlet. */
  source: string;
  date: string;
  url: string;
  approximate: boolean;
  /** The exact text of every quote the reply takes from it, in order. */
  quotes: string[];
}

export interface Reply {
  blocks: Block[];
  /** The articles quoted, each once. */
  sources: Source[];
  /** Show only to the person who asked (where the platform can). */
  private?: boolean;
  /** A heading and a list of quote blocks that may be shown a page at a time (timelines). */
  pageable?: boolean;
  /** Buttons: `id` comes back to the adapter when pressed (e.g. "digest-post:<preview id>"). */
  actions?: { id: string; label: string }[];
  /** An answer's question as answered: what a follow-up to this reply is read with (the adapter keeps it). */
  conversation?: string;
}

/**
 * A quote longer than this is shown up to the last space before it, then
 * " […]": what is shown is verbatim, the omission is marked, and the citation
 * links the whole article. Real sentences are far shorter (the bundled ones at
 * most ~400 characters); this bounds a reply built from a run-on scrape.
 */
export const MAX_QUOTE_CHARS = 1200;

/** A quote as shown: itself, or its first MAX_QUOTE_CHARS characters cut at a space (never inside an emoji) and " […]". */
export function clipQuote(quote: string): string {
  if (quote.length <= MAX_QUOTE_CHARS) return quote;
  const space = quote.lastIndexOf(" ", MAX_QUOTE_CHARS);
  let cut = space >= MAX_QUOTE_CHARS * 0.75 ? space : MAX_QUOTE_CHARS;
  const before = quote.charCodeAt(cut - 1);
  if (before >= 0xd800 && before <= 0xdbff) cut--;
  return `${quote.slice(0, cut)} […]`;
}

/** The sources of a result's citations: one per article (by Citation.article), with its quotes as shown. */
export function sourcesOf(citations: readonly Citation[]): Source[] {
  const sources = new Map<number, Source>();
  for (const c of citations) {
    const source = sources.get(c.article) ?? { n: c.article, title: c.title, source: c.source, date: c.date, url: c.url, approximate: c.approximate, quotes: [] };
    sources.set(c.article, source);
    const quote = clipQuote(c.quote);
    if (!source.quotes.includes(quote)) source.quotes.push(quote);
  }
  return [...sources.values()].sort((a, b) => a.n - b.n);
}

export const text = (message: string, options: { private?: boolean } = {}): Reply => ({ blocks: [{ type: "text", text: message }], sources: [], ...options });

/** The date shown for a source: "2025-06-07 (approx.)", or "undated". */
export function dateLabel(date: string, approximate: boolean): string {
  return date ? `${date}${approximate ? " (approx.)" : ""}` : "undated";
}

function related(answer: { related: Answer["related"] }): Block[] {
  if (answer.related.length === 0) return [];
  return [{ type: "text", text: "Closest articles:" }, ...answer.related.map((r): Block => ({ type: "item", title: r.title, url: r.url || undefined, meta: `${r.source || "unknown outlet"}, ${r.date || "undated"}` }))];
}

/**
 * An answer: its quoted sentences, each citing its sources; or the refusal and
 * closest articles. A follow-up read with its conversation's subject says so first.
 */
export function answerReply(answer: Answer): Reply {
  const understood: Block[] = answer.asked !== answer.question ? [{ type: "text", text: `Read with your earlier question, as: ${answer.asked}` }] : [];
  const conversation = answer.asked;
  if (answer.abstained) return { blocks: [...understood, { type: "text", text: answer.answer }, ...related(answer)], sources: [], conversation };
  return { blocks: [...understood, ...answer.sentences.map((s): Block => ({ type: "quote", text: clipQuote(s.text), cites: s.cites }))], sources: sourcesOf(answer.citations), conversation };
}

export function summaryReply(summary: Summary): Reply {
  if (summary.abstained) return { blocks: [{ type: "text", text: `The articles I have don't cover "${summary.subject}".` }, ...related(summary)], sources: [] };
  return {
    blocks: [{ type: "heading", text: `Summary: ${summary.subject}` }, ...summary.sentences.map((s): Block => ({ type: "quote", text: clipQuote(s.text), cites: [s.n] }))],
    sources: sourcesOf(summary.citations),
  };
}

/** A timeline: one quote block per event, labelled with its date, citing its articles (numbered across the timeline). */
export function timelineReply(events: TimelineEvent[], query: TimelineQuery): Reply {
  const window = query.from || query.to ? ` (${query.from ?? "…"} to ${query.to ?? "…"})` : "";
  if (events.length === 0) return text(`No dated events match${query.topic ? ` "${query.topic}"` : ""}${window}.`);
  const blocks: Block[] = [{ type: "heading", text: `Timeline${query.topic ? `: ${query.topic}` : ""}${window}` }];
  for (const event of events) {
    const cites = [...new Set(event.citations.map((c) => c.article))];
    const label = `${event.approximate ? "~" : ""}${event.date}${event.precision === "week" ? " (week of)" : ""}`;
    blocks.push({ type: "quote", text: clipQuote(event.text), cites, label });
  }
  return { blocks, sources: sourcesOf(events.flatMap((e) => e.citations)), pageable: true };
}

export function digestReply(digest: Digest): Reply {
  const window = `${digest.since ?? "the beginning"} to ${digest.until ?? "today"}`;
  const about = digest.topic ? ` about ${digest.topic}` : "";
  if (digest.count === 0) return text(`No new articles from ${window}${about}.`);
  const shown = digest.groups.flat().length;
  const newest = shown < digest.count ? ` (the newest ${shown} shown; narrow the window for the rest)` : "";
  const blocks: Block[] = [{ type: "heading", text: `News digest: ${digest.count} article${digest.count === 1 ? "" : "s"}, ${window}${about}${newest}` }];
  for (const group of digest.groups) {
    for (const [i, item] of group.entries()) {
      const meta = `${item.source || "unknown outlet"}, ${dateLabel(item.date, item.approximate)}${i > 0 ? " (same story)" : ""}`;
      const n = item.sentences[0]?.n;
      blocks.push({ type: "item", title: item.title, url: item.url || undefined, meta, n });
      for (const sentence of item.sentences) blocks.push({ type: "quote", text: clipQuote(sentence.text), cites: [sentence.n] });
    }
  }
  // Each article is named once, numbered, above its quotes: it is their source line.
  return { blocks, sources: [] };
}

/**
 * A digest as separately postable items: the header, then one reply per
 * article, its source numbered [1]. Posting item by item lets a
 * restart resume exactly where it stopped.
 */
export function digestItems(digest: Digest): Reply[] {
  if (digest.count === 0) return [];
  const [header] = digestReply(digest).blocks;
  const items: Reply[] = [{ blocks: [header!], sources: [] }];
  for (const group of digest.groups) {
    for (const [i, item] of group.entries()) {
      const meta = `${item.source || "unknown outlet"}, ${dateLabel(item.date, item.approximate)}${i > 0 ? " (same story)" : ""}`;
      // One article per item, named once above its quotes as their source [1].
      const blocks: Block[] = [{ type: "item", title: item.title, url: item.url || undefined, meta, n: 1 }, ...item.sentences.map((s): Block => ({ type: "quote", text: clipQuote(s.text), cites: [1] }))];
      items.push({ blocks, sources: [] });
    }
  }
  return items;
}

