/**
 * The feeds moderators follow, as one service for the /feeds command and the
 * worker: following and dropping feeds, the topic filter (the FEED_TOPIC
 * default, or what moderators set, kept in the store), and the poller that
 * files new items about the topic as articles — the same way /ingest does.
 */
import { UserError } from "./core/errors.ts";
import { prepareArticle } from "./core/ingest.ts";
import { type ArticleShelf, fileArticle } from "./intake/file-article.ts";
import type { Library } from "./core/library.ts";
import { type ExtractedArticle, readArticleAt } from "./intake/index.ts";
import { FeedPoller, type PollResult } from "./intake/feeds.ts";
import type { Store } from "./store/index.ts";

/** The topic filter when neither FEED_TOPIC nor a moderator set one: Pakistan, and something crypto. */
export const DEFAULT_FEED_TOPIC = "pakistan|crypto,bitcoin,blockchain,virtual asset,digital asset,stablecoin,tokeni,pvara,web3";
const TOPIC_KEY = "feed-topic";

export interface FeedsOptions {
  store: Store;
  articles: ArticleShelf;
  library: () => Library;
  /** FEED_TOPIC, when set. */
  topic?: string;
  pollMinutes?: number;
  allowHosts?: readonly string[];
  report(line: string): Promise<void>;
  log: { warn(object: object, message: string): void; info(object: object, message: string): void };
}

export class FeedsService {
  readonly poller: FeedPoller;

  constructor(private readonly options: FeedsOptions) {
    this.poller = new FeedPoller({
      feeds: options.store.feeds,
      readPage: (url) => readArticleAt(url, { allowHosts: options.allowHosts }),
      addArticle: (article, feedUrl) => this.addArticle(article, feedUrl),
      topic: () => this.topic(),
      report: options.report,
      log: options.log,
      pollMinutes: options.pollMinutes,
      fetch: { allowHosts: options.allowHosts },
    });
  }

  /** Follows a feed; it is polled within a minute, its current items marked seen. */
  async add(url: string, by: string): Promise<boolean> {
    if (!/^https?:\/\//i.test(url)) throw new UserError("url: a feed's address starts with http:// or https://");
    return this.options.store.feeds.add(url, by);
  }

  remove(url: string): Promise<boolean> {
    return this.options.store.feeds.remove(url);
  }

  list() {
    return this.options.store.feeds.list();
  }

  /** The topic filter in force: what moderators set, else FEED_TOPIC, else DEFAULT_FEED_TOPIC. */
  async topic(): Promise<string> {
    return (await this.options.store.getMeta(TOPIC_KEY)) ?? this.options.topic ?? DEFAULT_FEED_TOPIC;
  }

  async setTopic(topic: string): Promise<void> {
    await this.options.store.setMeta(TOPIC_KEY, topic);
  }

  pollDue(): Promise<PollResult[]> {
    return this.poller.pollDue();
  }

  /** Files an item's article like /ingest: cleaned, checked for duplicates, written, indexed, shared. */
  private async addArticle(article: ExtractedArticle, feedUrl: string): Promise<boolean> {
    if (!article.date) {
      this.options.log.info({ item: article.url, feed: feedUrl }, "feed item not added: its page has no publication date");
      return false;
    }
    try {
      const prepared = prepareArticle(article.text, { date: article.date, title: article.title, source: article.source, url: article.url }, this.options.library().nearArticles);
      await fileArticle(this.options.articles, prepared, `feed:${feedUrl}`);
      this.options.log.info({ article: prepared.fileName, feed: feedUrl }, "article added from a feed");
      return true;
    } catch (error) {
      if (!(error instanceof UserError)) throw error;
      this.options.log.info({ item: article.url, feed: feedUrl, reason: error.message }, "feed item not added");
      return false;
    }
  }
}
