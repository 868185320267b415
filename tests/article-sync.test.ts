import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Writable } from "node:stream";
import { afterAll, describe, expect, it } from "vitest";
import { ArticleSync } from "../src/article-sync.ts";
import { createLogger } from "../src/log.ts";
import { type Store, openStore } from "../src/store/index.ts";
import { BACKENDS } from "./store/backends.ts";

const ARTICLE = "---\ntitle: Quetta exchange opens\ndate: 2026-05-01\n---\n\nA crypto exchange opened in Quetta.\n";

describe.each(BACKENDS)("ArticleSync on $name", (backend) => {
  const stores: Store[] = [];
  afterAll(async () => {
    await Promise.all([...new Set(stores)].map((s) => s.close()));
    await backend.cleanUp();
  });

  async function twoProcesses() {
    const location = await backend.fresh();
    const a = await openStore(location);
    const b = backend.name === "postgres" ? await openStore(location) : a;
    stores.push(a, b);
    const log = createLogger(new Writable({ write: (_c, _e, done) => done() }), "silent");
    const folders = [mkdtempSync(join(tmpdir(), "daleel-sync-a-")), mkdtempSync(join(tmpdir(), "daleel-sync-b-"))] as const;
    const reloads = [0, 0];
    const reload = (i: number) => () => (reloads[i]!++, { ok: true, articles: 1, problems: [] });
    return { folders, reloads, a: new ArticleSync(a, folders[0], reload(0), log, 50), b: new ArticleSync(b, folders[1], reload(1), log, 50) };
  }

  it("writes an article added in one process into the other's folder and reloads it, once", async () => {
    const { folders, reloads, a, b } = await twoProcesses();
    writeFileSync(join(folders[0], "2026-05-01-quetta-exchange-opens.md"), ARTICLE);
    expect(await a.publish(join(folders[0], "2026-05-01-quetta-exchange-opens.md"), "telegram:7")).toBe(true);
    expect(await b.pull()).toBe(1);
    expect(readFileSync(join(folders[1], "2026-05-01-quetta-exchange-opens.md"), "utf8")).toBe(ARTICLE);
    expect(reloads).toEqual([0, 1]);
    expect(await b.pull()).toBe(0);
    expect(await a.pull()).toBe(0);
    expect(reloads).toEqual([0, 1]);
  });

  it("hears of a new article by itself within a few seconds", { timeout: 15_000 }, async () => {
    const { folders, a, b } = await twoProcesses();
    await b.start();
    try {
      writeFileSync(join(folders[0], "2026-05-02-gwadar-pilot.md"), ARTICLE.replace("Quetta", "Gwadar"));
      await a.publish(join(folders[0], "2026-05-02-gwadar-pilot.md"), "discord:8");
      const start = Date.now();
      while (!existsSync(join(folders[1], "2026-05-02-gwadar-pilot.md"))) {
        if (Date.now() - start > 10_000) throw new Error("the article did not arrive within 10 s");
        await new Promise((r) => setTimeout(r, 20));
      }
    } finally {
      await b.stop();
    }
  });

  it("keeps a different local file of the same name rather than overwrite it", async () => {
    const { folders, a, b } = await twoProcesses();
    writeFileSync(join(folders[0], "2026-05-03-same-name.md"), ARTICLE);
    writeFileSync(join(folders[1], "2026-05-03-same-name.md"), "local text");
    await a.publish(join(folders[0], "2026-05-03-same-name.md"), "telegram:7");
    expect(await b.pull()).toBe(0);
    expect(readFileSync(join(folders[1], "2026-05-03-same-name.md"), "utf8")).toBe("local text");
  });
});
