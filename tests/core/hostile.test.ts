import { describe, expect, it } from "vitest";
import { hostileQueries } from "../../scripts/synthetic.ts";
import { bundledLibrary } from "../helpers.ts";

describe("hostile queries", () => {
  it("10,000 of them (one-letter words, noise, Unicode, repetition, operators) never throw, and anything answered is corpus text", { timeout: 120_000 }, () => {
    const library = bundledLibrary();
    const text = new Map(library.articles.map((a) => [a.title, a.paragraphs.join("\n")]));
    let answered = 0;
    for (const query of hostileQueries(10_000)) {
      const result = library.ask(query);
      if (result.abstained) continue;
      answered++;
      for (const citation of result.citations) expect(text.get(citation.title)).toContain(citation.quote);
    }
    expect(answered).toBeLessThan(10_000);
  });
});
