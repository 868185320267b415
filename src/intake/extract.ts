/**
 * A fetched page's own article: its text by Mozilla's Readability (the
 * reader view of Firefox) on linkedom's light DOM, one paragraph per block,
 * verbatim; and its metadata — headline, outlet, publication date, canonical
 * link — from the page's JSON-LD (schema.org NewsArticle), then Open Graph and
 * article: tags, then plain meta tags and <title>. What the page does not say
 * is left undefined for the moderator to give.
 */
import { createRequire } from "node:module";
import { IsoDate } from "../core/article.ts";

const require = createRequire(import.meta.url);
type Linkedom = typeof import("linkedom");
type ReadabilityModule = typeof import("@mozilla/readability");
/** The DOM and Readability, loaded on first use (as CommonJS): ~0.16 s that a start without /ingest url: never pays. */
let libraries: { parseHTML: Linkedom["parseHTML"]; Readability: ReadabilityModule["Readability"] } | undefined;
function dom() {
  libraries ??= { parseHTML: (require("linkedom") as Linkedom).parseHTML, Readability: (require("@mozilla/readability") as ReadabilityModule).Readability };
  return libraries;
}

export interface ExtractedArticle {
  /** Paragraphs separated by blank lines, as the corpus keeps them. */
  text: string;
  title?: string;
  source?: string;
  /** YYYY-MM-DD. */
  date?: string;
  /** The canonical link, else the address it was fetched from. */
  url: string;
}

/** Block elements whose text is a paragraph of the article. */
const BLOCKS = "p, h2, h3, h4, li, blockquote";

type Json = Record<string, unknown>;
type Document = ReturnType<Linkedom["parseHTML"]>["document"];

/** The schema.org objects in the page's JSON-LD scripts (graphs and arrays flattened). */
function jsonLd(document: Document): Json[] {
  const out: Json[] = [];
  const visit = (value: unknown) => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (value && typeof value === "object") {
      out.push(value as Json);
      if ("@graph" in value) visit((value as Json)["@graph"]);
    }
  };
  for (const script of document.querySelectorAll('script[type="application/ld+json"]')) {
    try {
      visit(JSON.parse(script.textContent ?? ""));
    } catch {
      // a broken JSON-LD block says nothing
    }
  }
  return out;
}

const isArticle = (o: Json) => [o["@type"]].flat().some((t) => typeof t === "string" && /Article|Posting|Report/i.test(t));
const text = (v: unknown): string | undefined => (typeof v === "string" && v.trim() ? v.trim() : undefined);

function meta(document: Document, ...names: string[]): string | undefined {
  for (const name of names) {
    const element = document.querySelector(`meta[property="${name}"], meta[name="${name}"], meta[itemprop="${name}"]`);
    const content = text(element?.getAttribute("content"));
    if (content) return content;
  }
  return undefined;
}

/** The calendar day a date-time names, as the page wrote it (its own offset, not converted). */
function day(value: string | undefined): string | undefined {
  const match = value ? /^(\d{4}-\d{2}-\d{2})/.exec(value.trim()) : null;
  return match && IsoDate.safeParse(match[1]).success ? match[1] : undefined;
}

/** The article's metadata, best source first. */
function metadata(document: Document, pageUrl: string): Omit<ExtractedArticle, "text"> {
  const article = jsonLd(document).find(isArticle) ?? {};
  const publisher = article.publisher as Json | undefined;
  const canonical = text(document.querySelector('link[rel="canonical"]')?.getAttribute("href")) ?? meta(document, "og:url");
  let url = pageUrl;
  try {
    if (canonical) url = new URL(canonical, pageUrl).href;
  } catch {
    // a malformed canonical link: keep the address fetched
  }
  return {
    title: text(article.headline) ?? meta(document, "og:title", "twitter:title") ?? text(document.querySelector("title")?.textContent),
    source: text(publisher?.name) ?? meta(document, "og:site_name", "application-name"),
    date: day(text(article.datePublished) ?? meta(document, "article:published_time", "datePublished", "pubdate", "date", "DC.date.issued") ?? text(document.querySelector("time[datetime]")?.getAttribute("datetime"))),
    url,
  };
}

/**
 * The article a page holds, or undefined when Readability finds none.
 *
 * @example extractArticle(html, "https://example.com/news/1")?.date // "2025-06-04"
 */
export function extractArticle(html: string, pageUrl: string): ExtractedArticle | undefined {
  const { parseHTML, Readability } = dom();
  const { document } = parseHTML(html);
  const found = metadata(document, pageUrl);
  // Readability types its input as the browser DOM; linkedom provides the same interface.
  const readable = new Readability(document as never, { charThreshold: 200 }).parse();
  if (!readable?.content) return undefined;
  const { document: body } = parseHTML(`<html><body>${readable.content}</body></html>`);
  const paragraphs = [...body.querySelectorAll(BLOCKS)]
    // A block inside another listed block (a <p> in a <blockquote>) is read with it.
    .filter((element) => !element.parentElement?.closest(BLOCKS))
    .map((element) => (element.textContent ?? "").replace(/\s+/g, " ").trim())
    .filter((line) => line.length > 0);
  if (paragraphs.length === 0) return undefined;
  return { ...found, title: found.title ?? text(readable.title), text: paragraphs.join("\n\n") };
}
