import { z } from "zod";
import { UserError } from "../src/core/errors.ts";
import type { Block, Reply } from "../src/reply.ts";
import { defineCommand } from "./command.ts";

const when = (ms: number) => new Date(ms).toISOString().slice(0, 16).replace("T", " ");

export default defineCommand({
  name: "feeds",
  description: "Follow news feeds: new articles about the topic are added",
  options: z.object({
    action: z.enum(["list", "add", "remove", "topic"]).default("list").describe("list, add, remove, or topic (show or set the filter)"),
    url: z.url().max(500).optional().describe("The feed's address (RSS, Atom or JSON Feed), for add and remove"),
    terms: z.string().trim().min(2).max(300).optional().describe('For topic: key terms, e.g. "pakistan|crypto,bitcoin" (| = and, , = or)'),
  }),
  access: "moderators",
  positional: "action",
  example: "/feeds add url:https://example.com/rss",
  run: async ({ action, url, terms }, deps, caller): Promise<Reply> => {
    const feeds = deps.feeds;
    if (!feeds) throw new UserError("Feeds are not enabled on this bot (they need the store and a worker).");
    const reply = (blocks: Block[]): Reply => ({ blocks, sources: [] });
    if (action === "add" || action === "remove") {
      if (!url) throw new UserError(`Tell me the feed's address, e.g. /feeds ${action} url:https://example.com/rss`);
      if (action === "add") {
        const added = await feeds.add(url, caller.id ?? "unknown");
        return reply([{ type: "text", text: added ? `Following ${url}. Its current items are marked seen; new ones about the topic are added from the next poll.` : `Already following ${url}.` }]);
      }
      return reply([{ type: "text", text: (await feeds.remove(url)) ? `No longer following ${url}.` : `Not following ${url}.` }]);
    }
    if (action === "topic") {
      if (terms) await feeds.setTopic(terms);
      return reply([{ type: "text", text: `${terms ? "The topic is now" : "Feed items are added when they mention"}: ${await feeds.topic()} (groups joined by | must each match; terms within a group by , are alternatives).` }]);
    }
    const list = await feeds.list();
    const blocks: Block[] = [{ type: "heading", text: `Feeds: ${list.length}` }];
    for (const feed of list) {
      const state = feed.failures > 0 ? `failing (${feed.failures} in a row: ${feed.lastError ?? "unknown"})` : feed.seeded ? "ok" : "first poll pending";
      blocks.push({ type: "item", title: feed.url, url: feed.url, meta: `${state}; next poll ${when(feed.nextPollAt)} UTC` });
    }
    blocks.push({ type: "text", text: `Topic: ${await feeds.topic()}` });
    return reply(blocks);
  },
});
