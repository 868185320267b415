/**
 * The corpus file format: YAML front matter validated here, then the article
 * text in paragraphs. Parsed at the edge (corpus loading); inside, trust the types.
 */
import { z } from "zod";

export function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

/** A calendar date written YYYY-MM-DD that names a real day. */
export const IsoDate = z.string().refine(isIsoDate, "expected an ISO date (YYYY-MM-DD)");

export const FrontMatter = z.strictObject({
  title: z.string({ error: "a title is required" }).trim().min(1, "a title is required").max(300, "a title is at most 300 characters"),
  date: IsoDate.optional(),
  source: z.string().trim().min(1).optional(),
  /** Only http(s): a `javascript:` or `data:` link must never reach a citation. */
  url: z
    .url({ protocol: /^https?$/, error: "expected an http(s) URL" })
    .refine((url) => !/[\s<>"'`]/.test(url), "a URL may not contain spaces, <, >, quotes or backticks")
    .optional(),
  tags: z.array(z.string().trim().min(1)).default([]),
  date_note: z.string().trim().min(1).optional(),
});
export type FrontMatter = z.infer<typeof FrontMatter>;

/** An article as the core uses it: metadata plus its paragraphs, verbatim. */
export interface Article {
  /** The file name without extension, e.g. `2025-06-06-pakistans-crypto-chief-meets-…`. */
  id: string;
  /** Path of the file it was loaded from. */
  file: string;
  title: string;
  /** Publication date (YYYY-MM-DD), absent for raw text files. */
  date?: string;
  source?: string;
  url?: string;
  tags: string[];
  dateNote?: string;
  /** For an approximate date, the earliest and latest days its note allows. */
  dateRange?: { earliest: string; latest: string };
  paragraphs: string[];
}

/** One quote and the article it is from: what a citation shows. */
export interface Citation {
  /** This quote's number in its result. */
  n: number;
  /**
   * Its article's number in the result: articles are numbered in order of
   * first citation, and every quote from one article shares its number — the
   * [n] users see and the source list's numbering.
   */
  article: number;
  /** The article's corpus id. */
  articleId: string;
  title: string;
  source: string;
  date: string;
  url: string;
  /** True when the article's date is only approximate (it has a `date_note`). */
  approximate: boolean;
  /** The exact text quoted from the article. */
  quote: string;
}
