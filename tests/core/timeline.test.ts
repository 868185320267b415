import { describe, expect, it } from "vitest";
import { openLibrary } from "../../src/core/library.ts";
import { NEW_ARTICLES, ROOT, bundledLibrary } from "../helpers.ts";

const library = bundledLibrary();

describe("timeline over the bundled corpus", () => {
  const events = library.timeline();

  it("lists the story's milestones in chronological order, each cited", () => {
    const find = (pattern: RegExp) => events.findIndex((e) => pattern.test(e.text));
    const milestones = [
      find(/El Salvador, the first country .* legal tender in 2021/),
      find(/allocation of 2,000 megawatts/),
      find(/met with Robert ‘Bo’ Hines/),
      find(/Gracie Mansion/),
      find(/Pakistan and El Salvador have taken a significant step/),
      find(/crypto diplomacy continues to secure its place/),
    ];
    expect(milestones.every((i) => i >= 0)).toBe(true);
    expect([...milestones].sort((a, b) => a - b)).toEqual(milestones);
    for (const event of events) {
      expect(event.citations.length).toBeGreaterThan(0);
      expect(event.citations[0]!.quote).toBe(event.text);
    }
    const starts = events.map((e) => (e.date.length === 4 ? `${e.date}-01-01` : e.date.length === 7 ? `${e.date}-01` : e.date));
    expect([...starts].sort()).toEqual(starts);
  });

  it("gives each milestone its honest date and precision", () => {
    const by = (pattern: RegExp) => events.find((e) => pattern.test(e.text))!;
    expect(by(/legal tender in 2021/)).toMatchObject({ date: "2021", precision: "year", approximate: false });
    expect(by(/allocation of 2,000 megawatts/)).toMatchObject({ date: "2025-05-26", precision: "week", approximate: true });
    expect(by(/met with Robert ‘Bo’ Hines/)).toMatchObject({ date: "2025-06-04", precision: "day" });
    expect(by(/Gracie Mansion/)).toMatchObject({ date: "2025-06-06", precision: "day" });
    expect(by(/have taken a significant step/).date.startsWith("2025-07")).toBe(true);
    expect(by(/crypto diplomacy continues/)).toMatchObject({ date: "2025-08-25", precision: "day" });
    expect(by(/Earlier this month, the State Bank/)).toMatchObject({ date: "2025-07", precision: "month" });
  });

  it("filters by date range, by topic, and says nothing when nothing matches", () => {
    const june = library.timeline({ from: "2025-06-01", to: "2025-06-30" });
    expect(june.length).toBeGreaterThan(2);
    expect(june.every((e) => e.date >= "2025-06" && e.date <= "2025-06-30")).toBe(true);
    const salvador = library.timeline({ topic: "El Salvador" });
    expect(salvador.map((e) => e.date)).toEqual(["2021", "2025-07-18"]);
    expect(library.timeline({ from: "2030-01-01" })).toEqual([]);
    expect(library.timeline({ topic: "FIFA World Cup" })).toEqual([]);
  });
});

describe("timeline over new articles", () => {
  it("dates events by the dates written in their text, not only by publication", () => {
    const events = openLibrary([NEW_ARTICLES]).timeline();
    const dates = events.map((e) => [e.date, e.precision]);
    expect(dates).toContainEqual(["2026-02-03", "day"]);
    expect(dates).toContainEqual(["2026-03-11", "day"]);
    expect(dates).toContainEqual(["2026-03-02", "week"]);
    expect(dates).toContainEqual(["2026-03-25", "day"]);
    expect(dates).toContainEqual(["2026-01-09", "day"]);
  });

  it("merges the same event reported by two outlets into one entry citing both", () => {
    const events = openLibrary([`${ROOT}tests/fixtures/same-story`]).timeline();
    const rules = events.filter((e) => e.date === "2026-03-30");
    expect(rules).toHaveLength(1);
    expect(rules[0]!.citations.map((c) => c.source).sort()).toEqual(["Fixture Gazette", "Fixture Herald"]);
  });
});
