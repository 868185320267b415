import { describe, expect, it } from "vitest";
import { featuresOf } from "../../src/core/features.ts";

describe("featuresOf(…).reason", () => {
  it("finds a cause, a purpose or a motive", () => {
    for (const text of [
      "He stepped down, a step required because government rules do not allow an adviser to chair a regulator.",
      "It dropped the index, having concluded that it gave too much weight to a niche behaviour.",
      "The bank moved slowly amid concerns about volatility.",
      "The council was set up to attract foreign investment.",
      "Transfers on a blockchain would bypass correspondent banks.",
    ]) expect(featuresOf(text).reason, text).toBe(true);
  });

  it("does not take a date for a cause, nor a plain report", () => {
    for (const text of ["The ban has stood since 2018.", "Prices have risen since July.", "The minister met the mayor in New York on Monday."]) expect(featuresOf(text).reason, text).toBe(false);
  });
});
