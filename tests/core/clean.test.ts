import { readFileSync, readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { cleanScrape, deriveTitle } from "../../src/core/clean.ts";
import { SEEDS } from "../helpers.ts";

const seeds = readdirSync(SEEDS).filter((f) => f.endsWith(".txt"));
const read = (file: string) => readFileSync(`${SEEDS}/${file}`, "utf8");

describe("cleanScrape", () => {
  it.each(seeds)("removes the sidebar chrome from %s and keeps every article paragraph verbatim", (file) => {
    const raw = read(file);
    const { paragraphs } = cleanScrape(raw);
    const text = paragraphs.join("\n");
    for (const chrome of ["Hot this week", "Topics", "Related Articles", "Popular Categories", "spot_img", "Bithumb", "Riyadh", "SECP Chairman"]) {
      expect(text).not.toContain(chrome);
    }
    for (const paragraph of paragraphs) expect(raw).toContain(paragraph);
    expect(paragraphs.at(-1)).toMatch(/[.”]$/);
  });

  it("takes the headline line as the title when the scrape starts with one", () => {
    const { title, paragraphs } = cleanScrape(read("000_b22c424695f05218.txt"));
    expect(title).toBe("Pakistan’s Crypto Chief Meets New York City Mayor to Foster Global Blockchain Collaboration");
    expect(paragraphs[0]).toMatch(/^In a significant diplomatic engagement/);
  });

  it("finds no title when the scrape starts with article text", () => {
    expect(cleanScrape(read("004_410ea5615a0655f2.txt")).title).toBeUndefined();
  });

  it("keeps a closing section that has a subheading, because one pair is not a headline list", () => {
    const raw = "Title Line Here\n\nFirst paragraph of the article ends here.\n\nWhat Comes Next\n\nThe final paragraph explains the next steps.";
    expect(cleanScrape(raw).paragraphs).toEqual(["First paragraph of the article ends here.", "What Comes Next", "The final paragraph explains the next steps."]);
  });

  it("drops bylines, time-stamped update lines and comment counts wherever they stand, and keeps sentences that open alike", () => {
    const raw = [
      "SECP floats draft rules for crypto custody",
      "Business Desk",
      "By Staff Reporter",
      "Updated 22 Jul, 2025 09:14pm",
      "Published May 29, 2025 at 10:15 am PKT",
      "ISLAMABAD: The commission published draft regulations on Monday.",
      "By the end of the year, the rules will apply to every custodian.",
      "Comments (12)",
      "The commission will review all comments before finalising the rules.",
    ].join("\n\n");
    expect(cleanScrape(raw).paragraphs).toEqual([
      "ISLAMABAD: The commission published draft regulations on Monday.",
      "By the end of the year, the rules will apply to every custodian.",
      "The commission will review all comments before finalising the rules.",
    ]);
  });

  it("takes the longest line before the first sentence for the headline, drops the section and byline beside it, and keeps the note on who the writer is", () => {
    const raw = ["Opinion", "Why Pakistan's youth are betting on crypto", "Sana Rizvi", "ISLAMABAD: Ask a student how they save.", "The writer is a journalist based in Islamabad."].join("\n\n");
    expect(cleanScrape(raw)).toEqual({ title: "Why Pakistan's youth are betting on crypto", paragraphs: ["ISLAMABAD: Ask a student how they save.", "The writer is a journalist based in Islamabad."] });
  });

  it("drops a wire story's credits, its standards footer, copyright and press-contact lines", () => {
    const raw = ["IMF presses Pakistan on mining power", "KARACHI (Reuters) - The fund asked how power would be priced.", "(Reporting by Staff; Editing by Desk)", "Our Standards: The Trust Principles.", "For media inquiries contact: media@pvara.example", "© 2025 PVARA. All rights reserved."].join("\n\n");
    expect(cleanScrape(raw).paragraphs).toEqual(["KARACHI (Reuters) - The fund asked how power would be priced."]);
  });

  it("drops share buttons, bracketed photo credits, follow-us and comment-policy lines, and keeps sentences like them", () => {
    const raw = [
      "KP regulator objects to mining tariff",
      "PESHAWAR: The provincial regulator objected to the tariff.",
      "Facebook Twitter WhatsApp",
      "(AP/File)",
      "[Reuters]",
      "The letter was signed by the chairman (Tariq Marwat).",
      "Like Business on Facebook, follow @TribuneBiz on Twitter to stay informed and join in the conversation.",
      "Comments are moderated and generally will be posted if they are on-topic and not abusive.",
      "Follow TechJuice on Google News",
      "Follow the money, the chairman said, and the subsidy falls on households.",
    ].join("\n\n");
    expect(cleanScrape(raw).paragraphs).toEqual([
      "PESHAWAR: The provincial regulator objected to the tariff.",
      "The letter was signed by the chairman (Tariq Marwat).",
      "Follow the money, the chairman said, and the subsidy falls on households.",
    ]);
  });

  it("drops timestamps, bylines with an editor, captions and photo credits of any agency, summary labels, comment prompts and disclosure notes", () => {
    const raw = [
      "Regulator fines trading platform",
      "What to know:",
      "The regulator fined the platform Rs10 million.",
      "By Jane Holloway | Edited by Omar Faruk",
      "Dec 1, 2025, 3:04 p.m.",
      "14 October 2025 21:05",
      "LAHORE: The platform had about 150,000 users.",
      "Header image: The Parliament House in Islamabad. — APP/File",
      "The building was lit up. — Reuters",
      "(Photo: WAM)",
      "Officials exchange documents after the signing ceremony. — WAM",
      "The bill was opposed by one party — the PTI.",
      "What do you think about this? Let us know in the comments below.",
      "Comments are closed on this story.",
      "Published in The Express Tribune, December 1st, 2026.",
      "It will appeal within 30 days, the company said.",
      "Disclosure & Polices: The outlet is an award-winning media outlet.",
    ].join("\n\n");
    expect(cleanScrape(raw).paragraphs).toEqual([
      "The regulator fined the platform Rs10 million.",
      "LAHORE: The platform had about 150,000 users.",
      "The bill was opposed by one party — the PTI.",
      "It will appeal within 30 days, the company said.",
    ]);
  });

  it("drops a press release's closing boilerplate about its issuer and its contact line", () => {
    const raw = [
      "PVARA and Bahrain sign agreement",
      "Manama, 20 November 2025 – The two regulators signed a memorandum today.",
      "The memorandum takes effect immediately.",
      "About PVARA",
      "The Pakistan Virtual Assets Regulatory Authority is the federal regulator for virtual assets.",
      "For more information, please contact:",
      "media@pvara.example",
    ].join("\n\n");
    expect(cleanScrape(raw).paragraphs).toEqual(["Manama, 20 November 2025 – The two regulators signed a memorandum today.", "The memorandum takes effect immediately."]);
  });

  it("drops the other stories after a label inviting to read more, and the label", () => {
    for (const label of ["You may also like:", "Most Popular", "Trending now", "Don't miss"]) {
      const raw = ["Ministry to sell tokenised sukuk", "The ministry will sell tokenised sukuk in March.", "Analysts expect strong demand.", label, "PSX hits new high as foreign buying continues"].join("\n\n");
      expect(cleanScrape(raw).paragraphs, label).toEqual(["The ministry will sell tokenised sukuk in March.", "Analysts expect strong demand."]);
    }
  });

  it("drops the headlines of other stories set inside the article after a label standing alone, and keeps the sentence after them", () => {
    const raw = ["Ministry to sell tokenised sukuk", "The ministry will sell tokenised sukuk in March.", "ALSO READ", "SBP keeps policy rate unchanged at 11pc", "Gold climbs Rs2,500 per tola", "Analysts expect strong demand."].join("\n\n");
    expect(cleanScrape(raw).paragraphs).toEqual(["The ministry will sell tokenised sukuk in March.", "Analysts expect strong demand."]);
  });

  it("drops a wire or agency footer of sentence-like lines: update notes, credits, whom to contact, a ban on copying, the site's links", () => {
    const raw = [
      "The ministry will sell tokenised sukuk in March.",
      "Analysts expect strong demand.",
      "Reporting by Asif Shahzad; Editing by Kim Coghill",
      "(Updates with minister's comment in fourth paragraph)",
      "— With assistance from Faseeh Mangi",
      "Most Read from Bloomberg",
      "To contact the reporter on this story: Faseeh Mangi in Karachi at fmangi@example.com",
      "Attention: Please do not copy this article without permission.",
      "Privacy Policy | Terms of Use | Contact Us",
      "We will send you breaking news right to your inbox",
      "Email address",
      "Load more",
      "Next Story >>",
      "Topics",
    ].join("\n\n");
    expect(cleanScrape(raw).paragraphs).toEqual(["The ministry will sell tokenised sukuk in March.", "Analysts expect strong demand."]);
  });

  it("drops a trailing list of other stories even without a section label", () => {
    const raw = [
      "Article Title",
      "The article's only paragraph says something.",
      "Another Story Headline",
      "A teaser sentence for another story.",
      "A Third Story Headline",
      "Its teaser sentence.",
    ].join("\n\n");
    expect(cleanScrape(raw).paragraphs).toEqual(["The article's only paragraph says something."]);
  });
});

describe("deriveTitle", () => {
  it("uses the first sentence without its dateline, shortened", () => {
    const title = deriveTitle(cleanScrape(read("004_410ea5615a0655f2.txt")).paragraphs);
    expect(title.startsWith("Pakistan and El Salvador have taken")).toBe(true);
    expect(title.split(" ").length).toBeLessThanOrEqual(14);
  });
});
