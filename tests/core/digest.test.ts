import { describe, expect, it } from "vitest";
import { openLibrary } from "../../src/core/library.ts";
import { ROOT, bundledLibrary } from "../helpers.ts";

const library = bundledLibrary();

describe("digest", () => {
  it("lists the four seed articles certainly published since 2025-06-01, newest first", () => {
    const digest = library.digest({ since: "2025-06-01" });
    expect(digest.count).toBe(4);
    const items = digest.groups.flat();
    expect(items.map((i) => i.date)).toEqual(["2025-08-25", "2025-07-18", "2025-06-06", "2025-06-04"]);
    for (const item of items) {
      expect(item).toMatchObject({ title: expect.any(String), source: expect.any(String), url: expect.stringMatching(/^https:/) });
      expect(item.sentences.length).toBeGreaterThanOrEqual(1);
      expect(item.sentences.length).toBeLessThanOrEqual(2);
    }
    expect(digest.citations.map((c) => c.n)).toEqual(digest.citations.map((_, i) => i + 1));
  });

  it("includes the approximately dated article once its whole range is inside the window", () => {
    expect(library.digest({ since: "2025-05-30" }).count).toBe(5);
    expect(library.digest({ until: "2025-06-05" }).groups.flat().map((i) => i.date)).toEqual(["2025-06-04"]);
  });

  it("filters by topic", () => {
    const digest = library.digest({ topic: "El Salvador" });
    expect(digest.groups.flat().map((i) => i.date)).toEqual(["2025-07-18"]);
  });

  it("returns an empty digest, not an error, for a window with no articles", () => {
    expect(library.digest({ since: "2030-01-01" })).toMatchObject({ count: 0, groups: [] });
  });

  it("groups two outlets' reports of the same story", () => {
    const digest = openLibrary([`${ROOT}tests/fixtures/same-story`]).digest();
    expect(digest.count).toBe(2);
    expect(digest.groups).toHaveLength(1);
    expect(digest.groups[0]!.map((i) => i.source)).toEqual(["Fixture Herald", "Fixture Gazette"]);
  });
});
