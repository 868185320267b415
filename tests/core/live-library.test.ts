import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { prepareArticle, writeArticle } from "../../src/core/ingest.ts";
import { LiveLibrary, type ReloadResult } from "../../src/core/live-library.ts";
import { openLibrary } from "../../src/core/library.ts";
import { NEW_RAW_ARTICLE, ROOT, scratchCorpus } from "../helpers.ts";

describe("LiveLibrary", () => {
  it("answers from an article as soon as it is written and reloaded", () => {
    const { dir, live } = scratchCorpus();
    expect(live.current().ask("How many land parcels does the Punjab pilot cover?").abstained).toBe(true);
    writeArticle(dir, prepareArticle(NEW_RAW_ARTICLE, { date: "2026-02-01", source: "Fixture Gazette" }, live.current().articles));
    expect(live.reload()).toMatchObject({ ok: true, articles: 6 });
    expect(live.current().ask("How many land parcels does the Punjab pilot cover?").answer).toContain("12,000 land parcels");
  });

  it("keeps serving every good article when a malformed file is dropped in, and reports it", () => {
    const { dir, live } = scratchCorpus();
    writeFileSync(join(dir, "broken.md"), readFileSync(`${ROOT}tests/fixtures/broken-corpus/bad-date.md`));
    const result = live.reload();
    expect(result.problems.map((p) => p.field)).toEqual(["date"]);
    expect(live.current().articles).toHaveLength(5);
    expect(live.current().ask("What is PVARA?").abstained).toBe(false);
  });

  it("keeps the previous index when a rebuild throws", () => {
    let calls = 0;
    const live = new LiveLibrary([`${ROOT}corpus`], {
      open: (dirs) => {
        if (calls++ > 0) throw new Error("disk on fire");
        return openLibrary(dirs);
      },
    });
    const before = live.current();
    expect(live.rebuild()).toMatchObject({ ok: false, error: expect.any(Error) });
    expect(live.current()).toBe(before);
  });

  it("takes no folder for an article, and a new file on the next reload", () => {
    const { dir, live } = scratchCorpus();
    const prepared = prepareArticle(NEW_RAW_ARTICLE, { date: "2026-02-01" }, []);
    mkdirSync(join(dir, prepared.fileName));
    expect(live.reload()).toMatchObject({ ok: true, how: "unchanged", articles: 5 });
    rmSync(join(dir, prepared.fileName), { recursive: true });
    writeFileSync(join(dir, prepared.fileName), prepared.markdown);
    expect(live.reload()).toMatchObject({ ok: true, how: "updated", articles: 6 });
    expect(live.current().ask("How many land parcels does the Punjab pilot cover?").answer).toContain("12,000 land parcels");
  });

  it("picks up a file dropped into the folder by hand", async () => {
    const { dir, live } = scratchCorpus();
    live.watch();
    try {
      const prepared = prepareArticle(NEW_RAW_ARTICLE, { date: "2026-02-01" }, []);
      writeFileSync(join(dir, prepared.fileName), prepared.markdown);
      const start = Date.now();
      while (live.current().articles.length < 6 && Date.now() - start < 5000) await new Promise((r) => setTimeout(r, 50));
      expect(live.current().articles).toHaveLength(6);
    } finally {
      live.close();
    }
  });
});

describe("LiveLibrary.watch after a reload", () => {
  it("does not update again for a change a reload already picked up", async () => {
    const { dir } = scratchCorpus();
    const reloads: ReloadResult[] = [];
    const live = new LiveLibrary([dir], { onReload: (result) => reloads.push(result) });
    live.watch();
    try {
      writeArticle(dir, prepareArticle(NEW_RAW_ARTICLE, { date: "2026-02-01" }, live.current().articles));
      live.reload();
      await new Promise((r) => setTimeout(r, 800));
      expect(reloads.map((r) => r.how)).toEqual(["updated"]);
      expect(live.current().articles).toHaveLength(6);
    } finally {
      live.close();
    }
  });
});
