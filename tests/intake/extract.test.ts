import { describe, expect, it } from "vitest";
import { prepareArticle } from "../../src/core/ingest.ts";
import { extractArticle } from "../../src/intake/index.ts";
import { ARTICLE_PAGE } from "./pages.ts";

describe("extractArticle", () => {
  const article = extractArticle(ARTICLE_PAGE, "http://127.0.0.1:8080/article")!;

  it("reads the headline, outlet, publication day and canonical link from JSON-LD and Open Graph", () => {
    expect(article.title).toBe("Karachi pilot links idle turbines to bitcoin miners");
    expect(article.source).toBe("Indus Ledger");
    expect(article.date).toBe("2025-09-14");
    expect(article.url).toBe("https://indusledger.example/markets/karachi-mining-pilot");
  });

  it("keeps the article's paragraphs verbatim and leaves the menu, related links, caption and footer behind", () => {
    expect(article.text).toContain("The mining firm, Sindh Hashworks, said it had installed 1,200 machines in shipping containers beside the plant and expected to employ about 60 technicians in Karachi by the end of the pilot.");
    for (const chrome of ["Home", "KSE-100", "Rupee steadies", "Photo: Indus Ledger", "All rights reserved", "Follow us"]) expect(article.text).not.toContain(chrome);
  });

  it("becomes a corpus article without the newsletter box, like any scrape", () => {
    const prepared = prepareArticle(article.text, { date: article.date, title: article.title, source: article.source, url: article.url }, []);
    expect(prepared.paragraphs).toHaveLength(6);
    expect(prepared.markdown).not.toMatch(/newsletter|inbox/i);
  });

  it("finds no article on a page without one", () => {
    expect(extractArticle("<html><body><nav>Home</nav></body></html>", "http://127.0.0.1/")).toBeUndefined();
  });
});
