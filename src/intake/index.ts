/**
 * Intake: articles from the web. `readArticleAt` fetches a page safely
 * (fetch-page.ts) and extracts its article and metadata (extract.ts); the
 * caller then cleans and files it like any other article (core/ingest.ts).
 */
import { UserError } from "../core/errors.ts";
import { type ExtractedArticle, extractArticle } from "./extract.ts";
import { type FetchOptions, fetchPage } from "./fetch-page.ts";

export { type ExtractedArticle, extractArticle } from "./extract.ts";
export { type FetchOptions, fetchPage } from "./fetch-page.ts";

/** The article at a web address, with what its page says of its title, outlet, date and canonical link. */
export async function readArticleAt(url: string, options: FetchOptions = {}): Promise<ExtractedArticle> {
  const page = await fetchPage(url, options);
  const article = /^text\/plain/i.test(page.contentType) ? { text: page.body, url: page.url } : extractArticle(page.body, page.url);
  if (!article) throw new UserError("Cannot add that page: no article text was found on it.");
  return article;
}
