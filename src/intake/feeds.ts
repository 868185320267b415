/**
 * Following news feeds (RSS, Atom, JSON Feed, read by
 * @extractus/feed-extractor): a worker polls each due feed — with its ETag and
 * Last-Modified, so an unchanged feed costs a 304 — and adds the new items
 * about the topic as articles, fetched like any link (readArticleAt). On a
 * feed's first poll the items already there are marked seen, not added (no
 * flood). A feed that fails FAILURES_BEFORE_REPORT polls in a row is reported
 * to the moderators once, and again when it recovers; meanwhile it is polled
 * less often (doubling, up to MAX_BACKOFF).
 */
import { createRequire } from "node:module";
import { UserError } from "../core/errors.ts";
import type { FeedState, FeedStore } from "../store/feeds.ts";
import type { ExtractedArticle } from "./extract.ts";
import { type FetchOptions, fetchPage } from "./fetch-page.ts";

export const DEFAULT_POLL_MINUTES = 15;
export const FAILURES_BEFORE_REPORT = 3;
/** At most this many new items are fetched per feed per poll; the rest wait for the next poll. */
export const MAX_ITEMS_PER_POLL = 10;
/** Polling a failing feed backs off to at most this many intervals. */
const MAX_BACKOFF = 16;
const FEED_TYPES = /^(?:application\/(?:rss\+xml|atom\+xml|rdf\+xml|xml|feed\+json|json)|text\/(?:xml|plain|html))\b/i;

const require = createRequire(import.meta.url);
type FeedExtractor = typeof import("@extractus/feed-extractor");

export interface FeedEntry {
  key: string;
  title: string;
  link: string;
  description: string;
}

/** A feed's entries, from RSS/Atom XML or JSON Feed; a feed that cannot be read is a UserError. */
export function parseFeed(body: string): FeedEntry[] {
  const { extractFromXml, extractFromJson } = require("@extractus/feed-extractor") as FeedExtractor;
  let feed: ReturnType<typeof extractFromXml>;
  try {
    feed = body.trimStart().startsWith("{") ? extractFromJson(JSON.parse(body)) : extractFromXml(body);
  } catch (error) {
    throw new UserError(`not a feed (${(error as Error).message.slice(0, 80)})`);
  }
  if (!feed || !Array.isArray(feed.entries)) throw new UserError("not a feed");
  return feed.entries
    .filter((e) => typeof e.link === "string" && /^https?:\/\//i.test(e.link))
    .map((e) => ({ key: String(e.id || e.link), title: e.title ?? "", link: e.link!, description: e.description ?? "" }));
}

/**
 * The topic filter: groups of key terms separated by "|", terms within a group
 * by ","; an article is about the topic when it mentions a term of every
 * group, e.g. "pakistan|crypto,bitcoin,blockchain" — Pakistan and any of the
 * crypto terms. A term matches at a word's start, in any case.
 */
export function aboutTopic(topic: string, text: string): boolean {
  const lower = ` ${text.toLowerCase()}`;
  return topic
    .split("|")
    .map((group) => group.split(",").map((t) => t.trim().toLowerCase()).filter(Boolean))
    .filter((group) => group.length > 0)
    .every((group) => group.some((term) => new RegExp(`[^\\p{L}\\p{N}]${term.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`, "u").test(lower)));
}

export interface FeedPollerOptions {
  feeds: FeedStore;
  /** Fetches an item's page as an article (readArticleAt with the fetch fence). */
  readPage(url: string): Promise<ExtractedArticle>;
  /** Files an article read from an item; false when it was not added (a duplicate, too short…). */
  addArticle(article: ExtractedArticle, feedUrl: string): Promise<boolean>;
  /** The topic filter in force (see aboutTopic). */
  topic(): Promise<string>;
  /** Tells the moderators (the digest destinations) something about a feed. */
  report(line: string): Promise<void>;
  log: { warn(object: object, message: string): void; info(object: object, message: string): void };
  pollMinutes?: number;
  fetch?: FetchOptions;
  now?: () => number;
}

/** What one poll did. */
export interface PollResult {
  url: string;
  added: number;
  skipped: number;
  error?: string;
  notModified?: boolean;
}

export class FeedPoller {
  constructor(private readonly options: FeedPollerOptions) {}

  private get intervalMs(): number {
    return (this.options.pollMinutes ?? DEFAULT_POLL_MINUTES) * 60_000;
  }

  private now(): number {
    return this.options.now?.() ?? Date.now();
  }

  /** Polls every feed that is due, one after another. */
  async pollDue(): Promise<PollResult[]> {
    const results: PollResult[] = [];
    for (const feed of await this.options.feeds.due(this.now())) results.push(await this.poll(feed));
    return results;
  }

  /** Polls one feed: new items about the topic become articles; failures are counted and reported once. */
  async poll(feed: FeedState): Promise<PollResult> {
    const { feeds } = this.options;
    try {
      const headers: Record<string, string> = {};
      if (feed.etag) headers["if-none-match"] = feed.etag;
      if (feed.lastModified) headers["if-modified-since"] = feed.lastModified;
      const page = await fetchPage(feed.url, { ...this.options.fetch, accept: FEED_TYPES, headers });
      let added = 0;
      let skipped = 0;
      if (!page.notModified) {
        const entries = parseFeed(page.body);
        const fresh = await feeds.unseen(feed.url, entries.map((e) => e.key));
        if (!feed.seeded) await feeds.remember(feed.url, fresh, this.now());
        else {
          const topic = await this.options.topic();
          for (const entry of entries.filter((e) => fresh.includes(e.key)).slice(0, MAX_ITEMS_PER_POLL)) {
            if ((await this.addEntry(entry, feed.url, topic)) === "added") added++;
            else skipped++;
            await feeds.remember(feed.url, [entry.key], this.now());
          }
        }
      }
      if (feed.reported) await this.options.report(`The feed ${feed.url} works again.`);
      await feeds.update(feed.url, { etag: page.notModified ? feed.etag : page.etag, lastModified: page.notModified ? feed.lastModified : page.lastModified, seeded: true, failures: 0, reported: false, lastError: undefined, nextPollAt: this.now() + this.intervalMs });
      return { url: feed.url, added, skipped, notModified: page.notModified };
    } catch (error) {
      if (!(error instanceof UserError)) this.options.log.warn({ err: error, feed: feed.url }, "feed poll failed");
      const message = error instanceof UserError ? error.message.replace(/^Cannot add that page: /, "") : "an unexpected error (logged)";
      const failures = feed.failures + 1;
      const report = failures >= FAILURES_BEFORE_REPORT && !feed.reported;
      if (report) await this.options.report(`The feed ${feed.url} has failed ${failures} polls in a row: ${message}`);
      const backoff = Math.min(2 ** Math.max(0, failures - 1), MAX_BACKOFF);
      await feeds.update(feed.url, { failures, reported: feed.reported || report, lastError: message, nextPollAt: this.now() + backoff * this.intervalMs });
      return { url: feed.url, added: 0, skipped: 0, error: message };
    }
  }

  /** One new item: fetched, checked against the topic (its summary, else the article itself), added. */
  private async addEntry(entry: FeedEntry, feedUrl: string, topic: string): Promise<"added" | "skipped"> {
    const page = await this.readQuietly(entry.link);
    if (!page || !(aboutTopic(topic, `${entry.title} ${entry.description}`) || aboutTopic(topic, `${page.title ?? ""} ${page.text}`))) return "skipped";
    return (await this.options.addArticle(page, feedUrl)) ? "added" : "skipped";
  }

  private async readQuietly(url: string): Promise<ExtractedArticle | undefined> {
    try {
      return await this.options.readPage(url);
    } catch (error) {
      this.options.log.info({ item: url, reason: (error as Error).message }, "feed item not added");
      return undefined;
    }
  }
}
