import { describe, expect, it } from "vitest";
import { recordDigest } from "../../src/digests/compose.ts";
import { DeliveryError, MAX_ATTEMPTS, type Sender, itemKey, postDigest } from "../../src/digests/poster.ts";
import { bundledLibrary, testStore } from "../helpers.ts";

const digest = () => bundledLibrary().digest({ since: "2025-06-01" });
const outbox = async () => (await testStore()).outbox;

describe("postDigest", () => {
  const collecting = (): Sender & { got: string[] } => {
    const got: string[] = [];
    return { got, send: async (chat, item, key) => void got.push(`${chat}:${key}`) };
  };

  it("posts the header and one item per article to each destination, in order", async () => {
    const store = await outbox();
    const record = (await recordDigest(store, digest(), ["discord:1", "telegram:-2"]))!;
    const discord = collecting();
    const telegram = collecting();
    const reports = await postDigest(store, record, { discord, telegram });
    expect(record.messages).toHaveLength(5);
    expect(discord.got).toEqual(record.messages.map((_, i) => `1:${itemKey(record.id, "discord:1", i)}`));
    expect(reports).toEqual([
      { destination: "discord:1", sent: 5, failed: 0, pending: 0, error: undefined },
      { destination: "telegram:-2", sent: 5, failed: 0, pending: 0, error: undefined },
    ]);
    expect([...(await store.posted())].sort()).toEqual(record.articleIds.sort());
  });

  it("reports a destination that fails permanently and does not retry it", async () => {
    const store = await outbox();
    const record = (await recordDigest(store, digest(), ["discord:1"]))!;
    let calls = 0;
    const forbidden: Sender = { send: async () => { calls++; throw new DeliveryError("Discord 403: Missing Access", true); } };
    const [first] = await postDigest(store, record, { discord: forbidden });
    expect(first).toMatchObject({ sent: 0, failed: 5, pending: 0, error: "Discord 403: Missing Access" });
    await postDigest(store, record, { discord: forbidden });
    expect(calls).toBe(1);
  });

  it("retries a transient failure on later runs, then gives up and reports it", async () => {
    const store = await outbox();
    const record = (await recordDigest(store, digest(), ["discord:1"]))!;
    const flaky: Sender = { send: async () => { throw new DeliveryError("Discord: socket hang up", false); } };
    for (let i = 1; i < MAX_ATTEMPTS; i++) expect((await postDigest(store, record, { discord: flaky }))[0]!.pending).toBe(5);
    expect((await postDigest(store, record, { discord: flaky }))[0]).toMatchObject({ failed: 5, pending: 0, error: "Discord: socket hang up" });
  });

  it("marks a destination failed when its platform's bot is not running", async () => {
    const store = await outbox();
    const record = (await recordDigest(store, digest(), ["telegram:-2"]))!;
    expect((await postDigest(store, record, {}))[0]).toMatchObject({ failed: 5, error: "no telegram bot is running" });
  });
});
