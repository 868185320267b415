import { spawn } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { recordDigest } from "../../src/digests/compose.ts";
import { type Sender, postDigest } from "../../src/digests/poster.ts";
import { importLegacyOutbox } from "../../src/store/import-json.ts";
import { CONVERSATION_TTL_MS } from "../../src/store/conversations.ts";
import { ConversationStore, type Store, StoreError, openStore } from "../../src/store/index.ts";
import { sql } from "../../src/store/kysely.ts";
import { ROOT, bundledLibrary } from "../helpers.ts";
import { BACKENDS } from "./backends.ts";

const digest = () => bundledLibrary().digest({ since: "2025-06-01" });

describe.each(BACKENDS)("the store on $name", (backend) => {
  const open: Store[] = [];
  /**
   * Two handles on one fresh store: on PostgreSQL two connections, as two
   * processes have; on SQLite one (the embedded store serves one process, and
   * better-sqlite3 would wait synchronously on a second connection in the
   * same thread), so the tests show the same guarantees for concurrent work
   * in that process.
   */
  async function twoProcesses(): Promise<[Store, Store]> {
    const location = await backend.fresh();
    const first = await openStore(location);
    const second = backend.name === "postgres" ? await openStore(location) : first;
    open.push(first, second);
    return [first, second];
  }
  afterAll(async () => {
    await Promise.all([...new Set(open)].map((s) => s.close()));
    await backend.cleanUp();
  });

  describe("Outbox", () => {
    it("records a digest once, however often it is composed", async () => {
      const [a, b] = await twoProcesses();
      const [first, second] = await Promise.all([recordDigest(a.outbox, digest(), ["discord:1"]), recordDigest(b.outbox, digest(), ["discord:1"])]);
      expect(first!.id).toBe(second!.id);
      expect(await a.outbox.unfinished()).toHaveLength(1);
      expect(first!.messages).toHaveLength(5);
    });

    it("sends every item exactly once when two processes post the same digest at once", async () => {
      const [a, b] = await twoProcesses();
      const record = (await recordDigest(a.outbox, digest(), ["discord:1", "discord:2"]))!;
      const sent: string[] = [];
      const slow: Sender = { send: async (chat, _item, key) => void (await new Promise((r) => setTimeout(r, 5)), sent.push(`${chat}:${key}`)) };
      await Promise.all([postDigest(a.outbox, record, { discord: slow }), postDigest(b.outbox, record, { discord: slow }), postDigest(a.outbox, record, { discord: slow })]);
      // A process that found an item busy stops that destination; one more run finishes what it left.
      await postDigest(b.outbox, record, { discord: slow });
      expect(sent).toHaveLength(10);
      expect(new Set(sent).size).toBe(10);
      expect(await a.outbox.report(record.id, "discord:2")).toMatchObject({ sent: 5, pending: 0, failed: 0 });
      expect(await b.outbox.unfinished()).toEqual([]);
    });

    it("leaves an item pending when its send fails, and sends it on the next run", async () => {
      const [a] = await twoProcesses();
      const record = (await recordDigest(a.outbox, digest(), ["telegram:-5"]))!;
      let calls = 0;
      const flaky: Sender = { send: async () => { if (calls++ === 2) throw new Error("socket hang up"); } };
      expect((await postDigest(a.outbox, record, { telegram: flaky }))[0]).toMatchObject({ sent: 2, pending: 3 });
      expect((await postDigest(a.outbox, record, { telegram: flaky }))[0]).toMatchObject({ sent: 5, pending: 0, error: "socket hang up" });
    });
  });

  describe("Leases", () => {
    it("gives a lease to one holder, renews it for that holder, and hands it over once it lapses", async () => {
      const [a, b] = await twoProcesses();
      const now = 1_000_000;
      const results = await Promise.all([a.leases.acquire("job", "one", now, 30_000), b.leases.acquire("job", "two", now, 30_000)]);
      expect(results.filter(Boolean)).toHaveLength(1);
      const [winner, loser] = results[0] ? ["one", "two"] : ["two", "one"];
      expect(await a.leases.acquire("job", winner!, now + 10_000, 30_000)).toBe(true);
      expect(await b.leases.acquire("job", loser!, now + 39_000, 30_000)).toBe(false);
      expect(await b.leases.acquire("job", loser!, now + 41_000, 30_000)).toBe(true);
      expect(await a.leases.holder("job", now + 41_000)).toBe(loser);
    });

    it("is free at once when its holder gives it up", async () => {
      const [a, b] = await twoProcesses();
      expect(await a.leases.acquire("job", "one")).toBe(true);
      await a.leases.release("job", "one");
      expect(await b.leases.acquire("job", "two")).toBe(true);
    });
  });

  describe("SharedRateLimiter", () => {
    it("allows 5 uses per window in all, across processes asking at once", async () => {
      const [a, b] = await twoProcesses();
      const limits = [a.rateLimiter(5, 30), b.rateLimiter(5, 30)];
      const answers = await Promise.all(Array.from({ length: 12 }, (_, i) => limits[i % 2]!.allow("telegram:42")));
      expect(answers.filter(Boolean)).toHaveLength(5);
      expect(await limits[0]!.allow("telegram:43")).toBe(true);
    });
  });

  describe("PageStore", () => {
    it("keeps pages for another process and after a restart", async () => {
      const location = await backend.fresh();
      const before = await openStore(location);
      const id = await before.pages.save(["<b>one</b>", "two"]);
      await before.close();
      const after = await openStore(location);
      open.push(after);
      expect(id).toMatch(/^[\w-]{8,16}$/);
      expect(await after.pages.load(id)).toEqual({ pages: ["<b>one</b>", "two"] });
      expect(await after.pages.load("nonexistent")).toBeUndefined();
    });
  });

  describe("ConversationStore", () => {
    it("keeps what a conversation is about for another process for a day, then forgets it", async () => {
      const location = await backend.fresh();
      const one = await openStore(location);
      open.push(one);
      await one.conversations.save("telegram:5:10", "Tell me about the El Salvador letter of intent");
      await one.conversations.save("telegram:5:10", "when was that? El Salvador letter intent");
      const other = await openStore(location);
      open.push(other);
      expect(await other.conversations.load("telegram:5:10")).toBe("when was that? El Salvador letter intent");
      expect(await other.conversations.load("telegram:5:11")).toBeUndefined();
      const tomorrow = new ConversationStore(other.connection, () => Date.now() + CONVERSATION_TTL_MS + 1000);
      expect(await tomorrow.load("telegram:5:10")).toBeUndefined();
      await tomorrow.prune();
      expect(await other.conversations.load("telegram:5:10")).toBeUndefined();
    });
  });

  describe("FeedStore", () => {
    it("follows a feed once, tells new items from seen ones, keeps its state, and forgets it on removal", async () => {
      const store = await openStore(await backend.fresh());
      open.push(store);
      const url = "https://news.example/rss";
      expect(await store.feeds.add(url, "discord:1", 1000)).toBe(true);
      expect(await store.feeds.add(url, "discord:2", 2000)).toBe(false);
      await store.feeds.remember(url, ["a", "b"]);
      await store.feeds.remember(url, ["b"]);
      expect(await store.feeds.unseen(url, ["a", "b", "c"])).toEqual(["c"]);
      await store.feeds.update(url, { etag: '"v2"', seeded: true, failures: 2, lastError: "not a feed", nextPollAt: 5000 });
      expect(await store.feeds.due(4999)).toEqual([]);
      expect(await store.feeds.due(5000)).toEqual([{ url, addedBy: "discord:1", addedAt: 1000, etag: '"v2"', lastModified: undefined, seeded: true, failures: 2, reported: false, lastError: "not a feed", nextPollAt: 5000 }]);
      expect(await store.feeds.remove(url)).toBe(true);
      expect(await store.feeds.list()).toEqual([]);
      expect(await store.feeds.add(url, "discord:1")).toBe(true);
      expect(await store.feeds.unseen(url, ["a"])).toEqual(["a"]);
    });
  });

  describe("importLegacyOutbox (cli migrate-store)", () => {
    it("moves a digests.json with pending items; only the pending ones are sent afterwards, and only once", async () => {
      const [a] = await twoProcesses();
      const legacy = (await recordDigest((await twoProcesses())[0].outbox, digest(), ["discord:9"]))!;
      const file = `${(await import("node:os")).tmpdir()}/daleel-legacy-${process.pid}-${backend.name}.json`;
      writeFileSync(
        file,
        JSON.stringify({
          version: 1,
          digests: [{ id: legacy.id, createdAt: legacy.createdAt, messages: legacy.messages, articleIds: legacy.articleIds, destinations: { "discord:9": { items: { "0": "sent", "1": "sent" }, attempts: 1, error: "timeout" } } }],
          postedArticleIds: ["some-article"],
        }),
      );
      const report = await importLegacyOutbox(a, file);
      expect(report).toMatchObject({ digests: 1, pendingItems: 3, postedArticles: 1, movedTo: `${file}.migrated` });
      expect(await importLegacyOutbox(a, file)).toBeUndefined();
      const sent: number[] = [];
      const [record] = await a.outbox.unfinished();
      const sender: Sender = { send: async (_chat, item) => void sent.push(record!.messages.indexOf(record!.messages.find((m) => m === item)!)) };
      await postDigest(a.outbox, record!, { discord: sender });
      await postDigest(a.outbox, record!, { discord: sender });
      expect(sent).toEqual([2, 3, 4]);
      expect(await a.outbox.posted()).toContain("some-article");
    });
  });
});

describe("openStore", () => {
  it("lets several processes open a new embedded store at once, each migration applied once", { timeout: 60_000 }, async () => {
    const file = join(mkdtempSync(join(tmpdir(), "daleel-store-race-")), "daleel.sqlite");
    // Every process loads, then waits for the same moment to open the store.
    const at = Date.now() + 3_000;
    const code = `const { openStore } = await import(${JSON.stringify(`${ROOT}src/store/index.ts`)}); await new Promise((r) => setTimeout(r, ${at} - Date.now())); try { await (await openStore(${JSON.stringify(file)})).close(); } catch (e) { console.error(String(e)); process.exit(1); }`;
    const runs = Array.from({ length: 4 }, () => {
      const child = spawn(process.execPath, ["--import", "tsx", "--input-type=module", "-e", code], { cwd: ROOT, stdio: ["ignore", "ignore", "pipe"] });
      let stderr = "";
      child.stderr.on("data", (d) => (stderr += String(d)));
      return new Promise<string>((resolve) => child.on("exit", (status) => resolve(status === 0 ? "ok" : stderr)));
    });
    expect(await Promise.all(runs)).toEqual(["ok", "ok", "ok", "ok"]);
    const store = await openStore(file);
    try {
      const applied = await sql<{ name: string }>`select name from kysely_migration`.execute(store.connection.db);
      expect(new Set(applied.rows.map((r) => r.name)).size).toBe(applied.rows.length);
    } finally {
      await store.close();
    }
  });

  it("names the file and the cause when the embedded store is not a database", async () => {
    const file = `${(await import("node:os")).tmpdir()}/daleel-not-a-db-${process.pid}.sqlite`;
    writeFileSync(file, "this is not a database file ".repeat(200));
    await expect(openStore(file)).rejects.toThrow(StoreError);
    await expect(openStore(file)).rejects.toThrow(/store: cannot open .*daleel-not-a-db.*not a database/);
  });

  it("names the server without its password when PostgreSQL cannot be reached", async () => {
    await expect(openStore("postgres://daleel:s3cret@127.0.0.1:1/nothing")).rejects.toThrow(/^store: cannot open postgres:\/\/daleel:\*\*\*@127\.0\.0\.1:1\/nothing: ECONNREFUSED/);
  });
});
