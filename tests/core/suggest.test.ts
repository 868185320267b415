import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { prepareArticle } from "../../src/core/ingest.ts";
import { openLibrary } from "../../src/core/library.ts";
import { MAX_SUGGESTIONS, suggestTopics } from "../../src/core/suggest.ts";
import { NEW_RAW_ARTICLE, bundledLibrary, scratchCorpus } from "../helpers.ts";

describe("suggestTopics", () => {
  it("offers acronyms, the names they stand for, people and titles containing what was typed, those starting with it first", () => {
    const { index } = bundledLibrary();
    const found = suggestTopics(index, "pv");
    expect(found[0]).toBe("PVARA");
    expect(suggestTopics(index, "bilal")).toContain("Bilal Bin Saqib");
    expect(suggestTopics(index, "")).toHaveLength(MAX_SUGGESTIONS);
  });

  it("offers an added article's title and names at once, as a fresh library would", () => {
    const { dir, live } = scratchCorpus();
    suggestTopics(live.current().index, "");
    const prepared = prepareArticle(NEW_RAW_ARTICLE, { date: "2026-02-01" }, []);
    writeFileSync(join(dir, prepared.fileName), prepared.markdown);
    live.reload([join(dir, prepared.fileName)]);
    const typed = prepared.frontMatter.title.slice(0, 12).toLowerCase();
    expect(suggestTopics(live.current().index, typed)).toContain(prepared.frontMatter.title);
    for (const query of ["", "pa", "saqib", typed]) expect(new Set(suggestTopics(live.current().index, query))).toEqual(new Set(suggestTopics(openLibrary([dir]).index, query)));
  });
});
