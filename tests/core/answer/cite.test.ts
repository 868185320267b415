import { describe, expect, it } from "vitest";
import { answer } from "../../../src/core/answer/index.ts";
import { fixtureLibrary } from "./fixture.ts";

describe("citations (cite)", () => {
  it("cites each quote with its article's title, outlet, date and link, and the exact words", () => {
    const reply = answer(fixtureLibrary().index, "how much surplus electricity did the miners get");
    expect(reply.citations[0]).toMatchObject({
      n: 1,
      title: "Solar miners get grid power",
      source: "Fixture Times",
      date: "2025-06-10",
      url: "https://example.com/solar-miners",
      approximate: false,
    });
    expect(reply.sentences[0]!.text).toContain(reply.citations[0]!.quote);
    expect(reply.answer).toMatch(/\[1\]/);
  });

  it("points a refusal to at most three different nearby articles", () => {
    const reply = answer(fixtureLibrary().index, "what is the weather in Gwadar");
    expect(reply.abstained).toBe(true);
    expect(reply.related.length).toBeGreaterThan(0);
    expect(reply.related.length).toBeLessThanOrEqual(3);
    expect(new Set(reply.related.map((r) => r.url)).size).toBe(reply.related.length);
  });
});
