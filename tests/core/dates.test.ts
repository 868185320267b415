import { describe, expect, it } from "vitest";
import { findDate, noteRange } from "../../src/core/dates.ts";

describe("findDate", () => {
  it.each([
    ["On July 8, 2025, the council met.", "2025-09-01", { date: "2025-07-08", precision: "day" }],
    ["The seminar is on 9th February 2026 at LUMS.", "2026-01-20", { date: "2026-02-09", precision: "day" }],
    ["It happened on Saturday, April 26, 2025.", "2025-05-01", { date: "2025-04-26", precision: "day" }],
    ["Bitcoin became legal tender in 2021.", "2025-07-18", { date: "2021", precision: "year" }],
  ])("reads the absolute date in %j", (sentence, reference, expected) => {
    expect(findDate(sentence, reference)).toMatchObject(expected);
  });

  it("resolves 'last week' to the week before publication, as a week starting on Monday", () => {
    expect(findDate("In a related move last week, the ministry acted.", "2025-06-07")).toEqual({
      date: "2025-05-26",
      precision: "week",
      start: "2025-05-26",
      end: "2025-06-01",
      phrase: "last week",
    });
  });

  it("resolves 'this week' to the week of publication", () => {
    expect(findDate("The bill passed this week.", "2025-06-07")).toMatchObject({ date: "2025-06-02", precision: "week" });
  });

  it("resolves 'on Thursday' to the Thursday before publication", () => {
    expect(findDate("On Thursday, officials spoke.", "2025-06-07")).toMatchObject({ date: "2025-06-05", precision: "day" });
  });

  it("resolves 'earlier this month' to the month of publication", () => {
    expect(findDate("Earlier this month, the bank announced a pilot.", "2025-07-18")).toMatchObject({ date: "2025-07", precision: "month", start: "2025-07-01", end: "2025-07-31" });
  });

  it("resolves 'a day prior' to the day before publication", () => {
    expect(findDate("Just a day prior, he met lawmakers.", "2025-06-07")).toMatchObject({ date: "2025-06-06", precision: "day" });
  });

  it("ignores a year inside a name, figurative 'today', and relative dates with no publication date", () => {
    expect(findDate("at the Bitcoin 2025 Conference in Las Vegas", "2025-06-04")).toBeUndefined();
    expect(findDate("building strong foundations today will help", "2025-08-25")).toBeUndefined();
    expect(findDate("On Thursday, officials spoke.", undefined)).toBeUndefined();
    expect(findDate("No date here at all.", "2025-06-07")).toBeUndefined();
  });
});

describe("noteRange", () => {
  it("reads the range an approximate date's note gives", () => {
    expect(noteRange("approximate: reports place it between 2025-05-31 and 2025-06-08", "2025-06-07")).toEqual({ earliest: "2025-05-31", latest: "2025-06-08" });
    expect(noteRange("approximate", "2025-06-07")).toBeUndefined();
  });
});
