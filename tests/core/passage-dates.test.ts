import { describe, expect, it } from "vitest";
import { findDate } from "../../src/core/dates.ts";
import { PassageDatesBuilder, packDates, unpackDates } from "../../src/core/passage-dates.ts";
import { bundledLibrary } from "../helpers.ts";

describe("packDates / unpackDates", () => {
  it("give back every date the bundled corpus's sentences give, exactly", () => {
    const { index } = bundledLibrary();
    const dates = Array.from(index.passages, (p) => findDate(p.text, index.articles[p.article]!.date) ?? null);
    expect(dates.filter(Boolean).length).toBeGreaterThan(5);
    expect(unpackDates(packDates(dates), dates.length)).toEqual(dates);
  });

  it("keep days, weeks, months, years and a year the columns cannot say", () => {
    const dates = [
      { date: "2025-06-04", precision: "day", start: "2025-06-04", end: "2025-06-04", phrase: "June 4" },
      null,
      { date: "2025-05-26", precision: "week", start: "2025-05-26", end: "2025-06-01", phrase: "last week" },
      { date: "2024-02", precision: "month", start: "2024-02-01", end: "2024-02-29", phrase: "February 2024" },
      { date: "1947", precision: "year", start: "1947-01-01", end: "1947-12-31", phrase: "1947" },
      { date: "950", precision: "year", start: "950-01-01", end: "950-12-31", phrase: "950" },
    ] as const;
    expect(unpackDates(packDates(dates), dates.length)).toEqual(dates);
  });
});

describe("PassageDatesBuilder.copy", () => {
  it("moves a range of passages' dates to new ids", () => {
    const day = (d: string) => ({ date: d, precision: "day" as const, start: d, end: d, phrase: d });
    const packed = packDates([day("2025-01-01"), null, day("2025-01-03"), day("2025-01-04")]);
    const builder = new PassageDatesBuilder();
    builder.add(0, day("2024-12-31"));
    builder.copy(packed, 1, 4, 1);
    expect(unpackDates(builder.finish(), 4)).toEqual([day("2024-12-31"), null, day("2025-01-03"), day("2025-01-04")]);
  });
});
