/**
 * Following feeds, end to end on the embedded store: a local server plays a
 * news site with an RSS 2.0 feed (ETags), an Atom feed and a broken feed; the
 * poller files new items about the topic as articles the library answers from.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { handleConsoleLine } from "../../src/adapters/console/console.ts";
import { FeedsService } from "../../src/feeds.ts";
import { aboutTopic, parseFeed } from "../../src/intake/feeds.ts";
import type { Store } from "../../src/store/index.ts";
import { scratchCorpus, testStore } from "../helpers.ts";
import { ARTICLE_PAGE, LocalSite } from "./pages.ts";

const OFF_TOPIC_PAGE = ARTICLE_PAGE.replaceAll("bitcoin", "cotton").replaceAll("Pakistan Crypto Council", "Cotton Board").replaceAll("mining", "ginning").replaceAll("2025-09-14", "2025-09-20");

/** The site: feed items can be added while the test runs; /broken-feed serves a truncated document until fixed. */
class NewsSite extends LocalSite {
  readonly items: { guid: string; path: string; title: string }[] = [{ guid: "old-1", path: "/old", title: "An older story" }];
  brokenFixed = false;
  readonly requests: { path: string; ifNoneMatch?: string }[] = [];
  protected handle(req: IncomingMessage, res: ServerResponse): void {
    const path = req.url ?? "/";
    this.requests.push({ path, ifNoneMatch: req.headers["if-none-match"] as string | undefined });
    if (path === "/rss") {
      const etag = `"v${this.items.length}"`;
      if (req.headers["if-none-match"] === etag) return void res.writeHead(304).end();
      const items = this.items.map((i) => `<item><title>${i.title}</title><link>${this.url(i.path)}</link><guid>${i.guid}</guid><description>${i.title}</description></item>`).join("");
      return void res.writeHead(200, { "content-type": "application/rss+xml", etag }).end(`<?xml version="1.0"?><rss version="2.0"><channel><title>Indus Ledger</title><link>${this.url("/")}</link>${items}</channel></rss>`);
    }
    if (path === "/atom") {
      return void res.writeHead(200, { "content-type": "application/atom+xml" }).end(`<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Ledger</title><entry><id>urn:a1</id><title>Karachi pilot</title><link href="${this.url("/article")}"/><updated>2025-09-14T00:00:00Z</updated></entry></feed>`);
    }
    if (path === "/broken-feed") {
      if (this.brokenFixed) return void res.writeHead(200, { "content-type": "application/rss+xml" }).end(`<?xml version="1.0"?><rss version="2.0"><channel><title>Fixed</title></channel></rss>`);
      return void res.writeHead(200, { "content-type": "application/rss+xml" }).end("<rss><channel><item><title>cut off");
    }
    if (path === "/article") return void res.writeHead(200, { "content-type": "text/html" }).end(ARTICLE_PAGE);
    if (path === "/cotton") return void res.writeHead(200, { "content-type": "text/html" }).end(OFF_TOPIC_PAGE);
    res.writeHead(404).end();
  }
}

describe("parseFeed and aboutTopic", () => {
  it("reads RSS and JSON Feed entries, and refuses a malformed document", () => {
    expect(parseFeed(`<?xml version="1.0"?><rss version="2.0"><channel><item><title>A</title><link>https://a.example/1</link><guid>g1</guid></item></channel></rss>`)).toEqual([{ key: "g1", title: "A", link: "https://a.example/1", description: "" }]);
    expect(parseFeed(JSON.stringify({ version: "https://jsonfeed.org/version/1.1", title: "J", items: [{ id: "j1", url: "https://c.example/1", title: "C" }] }))[0]).toMatchObject({ key: "j1", link: "https://c.example/1" });
    expect(() => parseFeed("<rss><channel><item>cut off")).toThrow(/not a feed/);
  });

  it("needs a term of every group, at the start of a word", () => {
    expect(aboutTopic("pakistan|crypto,bitcoin", "Pakistan's bitcoin pilot")).toBe(true);
    expect(aboutTopic("pakistan|crypto,bitcoin", "Pakistan's cotton crop")).toBe(false);
    expect(aboutTopic("pakistan|crypto,bitcoin", "Bitcoin in El Salvador")).toBe(false);
    expect(aboutTopic("pakistan|crypto", "The cryptocurrency bill in Pakistan")).toBe(true);
  });
});

describe("FeedsService", () => {
  let site: NewsSite;
  let store: Store;
  const notices: string[] = [];
  let scratch: ReturnType<typeof scratchCorpus>;
  let feeds: FeedsService;
  const quiet = { warn: () => undefined, info: () => undefined };

  beforeAll(async () => {
    site = await new NewsSite().start();
    store = await testStore();
    scratch = scratchCorpus();
    feeds = new FeedsService({ store, articles: scratch.deps.articles!, library: scratch.deps.library, allowHosts: ["127.0.0.1"], report: async (line) => void notices.push(line), log: quiet, pollMinutes: 15 });
  });
  afterAll(async () => {
    await site.stop();
    await store.close();
  });

  const pollNow = async (url: string) => {
    const feed = (await feeds.list()).find((f) => f.url === url)!;
    return feeds.poller.poll(feed);
  };

  it("marks a feed's items seen on its first poll, then adds a new item about the topic, answerable at once", async () => {
    const rss = site.url("/rss");
    expect(await feeds.add(rss, "discord:1")).toBe(true);
    expect(await feeds.add(rss, "discord:1")).toBe(false);
    const articles = scratch.deps.library().articles.length;
    expect(await pollNow(rss)).toMatchObject({ added: 0 });
    expect(scratch.deps.library().articles.length).toBe(articles);

    expect(await pollNow(rss)).toMatchObject({ notModified: true, added: 0 });
    expect(site.requests.at(-1)!.ifNoneMatch).toBe('"v1"');

    site.items.push({ guid: "new-1", path: "/article", title: "Karachi pilot links idle turbines to bitcoin miners" });
    site.items.push({ guid: "new-2", path: "/cotton", title: "Karachi pilot links idle turbines to cotton gins" });
    expect(await pollNow(rss)).toMatchObject({ added: 1, skipped: 1 });
    const library = scratch.deps.library();
    expect(library.articles.length).toBe(articles + 1);
    expect(library.ask("How many technicians will Sindh Hashworks employ in Karachi?").answer).toContain("about 60 technicians");
    expect(await pollNow(rss)).toMatchObject({ added: 0, notModified: true });
  });

  it("reads Atom feeds", async () => {
    const atom = site.url("/atom");
    await feeds.add(atom, "telegram:1");
    await pollNow(atom);
    expect((await feeds.list()).find((f) => f.url === atom)).toMatchObject({ seeded: true, failures: 0 });
  });

  it("reports a feed failing 3 polls in a row once, backs off, and reports it again when it works", async () => {
    const broken = site.url("/broken-feed");
    await feeds.add(broken, "discord:1");
    for (let i = 0; i < 5; i++) expect((await pollNow(broken)).error).toMatch(/not a feed/);
    expect(notices.filter((n) => n.includes(broken))).toEqual([`The feed ${broken} has failed 3 polls in a row: not a feed (The XML document is not well-formed)`]);
    const state = (await feeds.list()).find((f) => f.url === broken)!;
    expect(state.nextPollAt - Date.now()).toBeGreaterThan(15 * 60_000 * 8);
    site.brokenFixed = true;
    expect((await pollNow(broken)).error).toBeUndefined();
    expect(notices.at(-1)).toBe(`The feed ${broken} works again.`);
    expect(notices.filter((n) => n.includes(broken))).toHaveLength(2);
  });

  it("lets moderators see and change the topic", async () => {
    expect(await feeds.topic()).toMatch(/^pakistan\|crypto,bitcoin/);
    await feeds.setTopic("pakistan|cotton");
    expect(await feeds.topic()).toBe("pakistan|cotton");
  });
});

describe("/feeds", () => {
  it("adds, lists and removes feeds and shows the topic, for moderators", async () => {
    const store = await testStore();
    const scratch = scratchCorpus();
    const feeds = new FeedsService({ store, articles: scratch.deps.articles!, library: scratch.deps.library, report: async () => undefined, log: { warn: () => undefined, info: () => undefined } });
    const deps = { ...scratch.deps, feeds };
    try {
      expect(await handleConsoleLine(deps, "/feeds add url:https://news.example/rss")).toBe("Following https://news.example/rss. Its current items are marked seen; new ones about the topic are added from the next poll.");
      const listed = await handleConsoleLine(deps, "/feeds");
      expect(listed).toContain("Feeds: 1");
      expect(listed).toContain("https://news.example/rss — first poll pending");
      expect(listed).toContain("Topic: pakistan|crypto,bitcoin");
      expect(await handleConsoleLine(deps, '/feeds topic terms:"pakistan|bitcoin,crypto"')).toContain("The topic is now: pakistan|bitcoin,crypto");
      expect(await handleConsoleLine(deps, "/feeds remove url:https://news.example/rss")).toBe("No longer following https://news.example/rss.");
      expect(await handleConsoleLine(deps, "/feeds add")).toBe("Tell me the feed's address, e.g. /feeds add url:https://example.com/rss");
      expect(await handleConsoleLine(scratch.deps, "/feeds")).toBe("Feeds are not enabled on this bot (they need the store and a worker).");
    } finally {
      await store.close();
    }
  });
});
