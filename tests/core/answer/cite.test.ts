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

  it("points a refusal to articles that share the question's topic, at most three and each once", async () => {
    const reply = answer(fixtureLibrary().index, "how are bonds taxed on the stock market abroad");
    expect(reply.abstained).toBe(true);
    expect(reply.related.map((r) => r.title)).toEqual(["Harbour Board approves tokenised bonds"]);
  });

  it("points a refusal nowhere when no article shares its topic, even one that has its place name", async () => {
    const reply = answer(fixtureLibrary().index, "what is the weather in Gwadar");
    expect(reply.abstained).toBe(true);
    expect(reply.related).toEqual([]);
  });
});
