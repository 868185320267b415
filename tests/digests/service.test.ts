import { afterEach, describe, expect, it, vi } from "vitest";
import type { Reply } from "../../src/reply.ts";
import { scheduleDigests } from "../../src/digests/schedule.ts";
import { DigestService } from "../../src/digests/service.ts";
import type { Sender } from "../../src/digests/poster.ts";
import { createLogger } from "../../src/log.ts";
import type { Outbox } from "../../src/store/index.ts";
import { bundledLibrary, testStore } from "../helpers.ts";
import { Writable } from "node:stream";

const quiet = createLogger(new Writable({ write: (_c, _e, done) => done() }), "silent");
/** The platform's answer at the press: the presser is still a moderator where the digest was asked. */
const stillModerator = async () => true;
const freshOutbox = async () => (await testStore()).outbox;

function collector(): Sender & { got: { chat: string; item: Reply }[] } {
  const got: { chat: string; item: Reply }[] = [];
  return { got, send: async (chat, item) => void got.push({ chat, item }) };
}

async function service(options: { destinations?: `${"discord" | "telegram"}:${string}`[]; noNews?: string; outbox?: Outbox | null; sender?: Sender } = {}) {
  const sender = options.sender ?? collector();
  return {
    sender,
    service: new DigestService({
      outbox: options.outbox === null ? undefined : (options.outbox ?? (await freshOutbox())),
      library: () => bundledLibrary(),
      destinations: options.destinations ?? [],
      senders: () => ({ discord: sender, telegram: sender }),
      noNews: options.noNews,
      log: quiet,
    }),
  };
}

describe("DigestService", () => {
  afterEach(() => vi.useRealTimers());

  it("posts a preview where it was asked when no destination is configured, once", async () => {
    const { service: digests, sender } = await service();
    const { id, digest } = digests.preview({ since: "2025-06-01" }, "discord:1", "discord:55");
    expect(digest.count).toBe(4);
    expect(await digests.post(id, "discord:1", stillModerator)).toEqual(["discord:55: posted (5 messages)."]);
    expect((sender as ReturnType<typeof collector>).got.map((g) => g.chat)).toEqual(Array(5).fill("55"));
    await expect(digests.post(id, "discord:1", stillModerator)).rejects.toThrow(/expired/);
  });

  it("lets only the moderator who asked post a preview", async () => {
    const { service: digests } = await service();
    const { id } = digests.preview({}, "telegram:7", "telegram:-100");
    await expect(digests.post(id, "telegram:8", stillModerator)).rejects.toThrow("Only the moderator who asked for this digest can post it.");
  });

  it("refuses the requester who is no longer a moderator where it was asked, and posts nothing", async () => {
    const { service: digests, sender } = await service();
    const { id } = digests.preview({ since: "2025-06-01" }, "telegram:7", "telegram:-100");
    const asked: string[] = [];
    await expect(digests.post(id, "telegram:7", async (here) => (asked.push(here), false))).rejects.toThrow(/not one \(any more\)/);
    expect(asked).toEqual(["telegram:-100"]);
    expect((sender as ReturnType<typeof collector>).got).toEqual([]);
  });

  it("reports a destination that refuses, in one line for the moderator", async () => {
    const refusing: Sender = { send: async () => { throw Object.assign(new (await import("../../src/digests/poster.ts")).DeliveryError("Discord 403: Missing Access", true)); } };
    const { service: digests } = await service({ destinations: ["discord:9"], sender: refusing });
    const { id } = digests.preview({ since: "2025-06-01" }, "discord:1", "discord:55");
    expect(await digests.post(id, "discord:1", stillModerator)).toEqual(["discord:9: 0 sent, 5 failed — Discord 403: Missing Access. Check the bot can post there."]);
  });

  it("disables digests with a clear message when the store could not be opened, while questions still work", async () => {
    const { service: digests } = await service({ outbox: null });
    const { id } = digests.preview({}, "discord:1", "discord:55");
    await expect(digests.post(id, "discord:1", stillModerator)).rejects.toThrow(/Digests are unavailable right now/);
    expect(bundledLibrary().ask("What is PVARA?").abstained).toBe(false);
  });

  it("fires on schedule in Asia/Karachi, posts only what is new, then posts nothing or the no-news line", async () => {
    vi.useFakeTimers({ now: new Date("2026-03-01T03:59:58Z") });
    const store = await testStore();
    const first = await service({ destinations: ["telegram:-100"], outbox: store.outbox });
    const job = scheduleDigests("0 9 * * *", "Asia/Karachi", first.service, store, quiet);
    try {
      await vi.advanceTimersByTimeAsync(3000);
      const got = (first.sender as ReturnType<typeof collector>).got;
      expect(got).toHaveLength(6);
      expect(got[0]!.item.blocks[0]).toMatchObject({ type: "heading", text: expect.stringMatching(/^News digest: 5 articles/) });
      await vi.advanceTimersByTimeAsync(24 * 3600 * 1000);
      expect(got).toHaveLength(6);
    } finally {
      await job.stop();
    }
    const withLine = await service({ destinations: ["telegram:-100"], outbox: store.outbox, noNews: "No new articles today." });
    await withLine.service.postNew();
    expect((withLine.sender as ReturnType<typeof collector>).got.map((g) => g.item.blocks[0])).toEqual([{ type: "text", text: "No new articles today." }]);
  });
});
