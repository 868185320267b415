import { describe, expect, it } from "vitest";
import { answer } from "../../../src/core/answer/index.ts";
import { MAX_SENTENCES } from "../../../src/core/answer/weights.ts";
import { articleFile, fixtureLibrary, libraryOf, libraryOfArticles } from "./fixture.ts";

const ask = (question: string) => answer(fixtureLibrary().index, question);

describe("choose (compose)", () => {
  it("quotes, for a how-question, the sentence that goes on about what the chosen one names", () => {
    const { index } = libraryOfArticles(
      articleFile("2025-11-26", "FIA arrests two over wallet theft", "KARACHI: The FIA arrested two former employees of a wallet startup over the theft of digital assets.\n\nThe suspects worked as backend developers at the startup until September. Investigators allege they copied private keys from the company's servers and used them to drain 41 customer wallets."),
    );
    expect(answer(index, "how did the suspects steal the money").answer).toContain("copied private keys");
    // Not for a question about something else of theirs.
    expect(answer(index, "where did the suspects work").answer).not.toContain("copied private keys");
  });

  it("quotes before a paragraph opening with a definite description the sentence that named its topic, not a leaning one between", () => {
    const { index } = libraryOfArticles(
      articleFile("2026-03-04", "Qureshi pitches tokenised bonds", "GWADAR: Farida Qureshi opened Harbour Week in Gwadar on Monday. The task now, she said, was to find buyers for the event's bonds abroad.\n\nThe three-day fair, held at the Marina Pavilion, drew 4,000 visitors."),
      articleFile("2026-02-11", "Harbour board approves bonds", "The Karachi Harbour Board approved tokenised bonds on Tuesday."),
    );
    const texts = answer(index, "how many visitors did the event in gwadar draw").sentences.map((s) => s.text);
    expect(texts).toContain("The three-day fair, held at the Marina Pavilion, drew 4,000 visitors.");
    expect(texts.join(" ")).not.toContain("The task now");
  });

  it("quotes a quantity of what \"how much X\" measures, not the dateline's date or a head count beside it", () => {
    const { index } = libraryOfArticles(
      articleFile("2026-11-14", "Harbour state shares notes on bitcoin mining", "THIMPHU, Nov 14 (Reuters) - The harbour state agreed on Friday to share how its government mines and holds bitcoin.\n\nThe harbour state, a kingdom of fewer than 800,000 people, has mined bitcoin since 2019 through Druk Holding. Blockchain analytics firm Arkham estimates its holdings at about 10,000 bitcoin."),
    );
    const texts = answer(index, "how much bitcoin does the harbour state hold").sentences.map((s) => s.text).join(" ");
    expect(texts).toContain("about 10,000 bitcoin");
  });

  it("quotes, for a question about an office's holder, the next paragraph's sentence that names the person the chosen one only calls by the office", () => {
    const { index } = libraryOfArticles(
      articleFile("2026-11-03", "Harbour college to teach tokenised bonds", "ISLAMABAD: The Harbour College will run tokenised bond courses at 100 campuses from next term, its chairman said on Monday.\n\nDr Mukhtar Ahmed said the programme would train around 25,000 students in its first year."),
    );
    for (const question of ["who heads the harbour college", "who is the chairman of the harbour college"]) {
      const texts = answer(index, question).sentences.map((s) => s.text).join(" ");
      expect(texts, question).toContain("Dr Mukhtar Ahmed");
    }
  });

  it("answers with an interview's reply to the question it asks, over a sentence elsewhere that shares some of its words", () => {
    const { index } = libraryOfArticles(
      articleFile("2025-12-08", "The harbour regulator's compliance chief on the licensing rules", "Rabia Anwar joined the harbour regulator in September as director of compliance.\n\nQ: What happens to platforms that operate without a licence?\n\nA: They will be blocked, and their local partners can be fined."),
      articleFile("2025-12-15", "Harbour exchanges cleared", "The framework sets clear timelines on the road to licensing. \"No platform will be allowed entry without full disclosures and verification,\" he said."),
    );
    const texts = answer(index, "what happens to unlicensed platforms").sentences.map((s) => s.text);
    const reply = texts.findIndex((t) => t.includes("They will be blocked"));
    const elsewhere = texts.findIndex((t) => t.includes("No platform will be allowed"));
    expect(reply).toBeGreaterThanOrEqual(0);
    if (elsewhere >= 0) expect(reply).toBeLessThan(elsewhere);
  });

  it("quotes, for who-said, from the sentence naming the speaker when the quote leans on a \"he said\" that names nobody", () => {
    const { index } = libraryOfArticles(
      articleFile("2025-10-02", "Harbour pilot draws foreign miners", "Provincial energy minister Nasir Shah told reporters that the pilot would sell electricity at a low tariff. \"The harbour produces more power at night than the grid can absorb,\" he said. \"Mining lets us sell it instead of wasting it.\""),
    );
    const texts = answer(index, "who said mining lets the harbour sell power instead of wasting it").sentences.map((s) => s.text).join(" ");
    expect(texts).toContain("Nasir Shah");
  });

  it("leads a yes/no answer with the quote that settles it when the best-ranked one only speaks of the subject", () => {
    const { index } = libraryOfArticles(
      articleFile("2026-06-03", "Senators question the harbour council", "ISLAMABAD: Senators questioned the Karachi Harbour Council on Monday.\n\nFinance Secretary Imdad Ullah Bosal spoke for the ministry. He described the harbour council as an advisory forum with no legal powers of its own, rather than a regulator.\n\nThe Karachi Harbour Council met the regulator and the harbour board in May to discuss tokenised bonds."),
      articleFile("2026-05-11", "Harbour council meets regulator", "KARACHI: The Karachi Harbour Council met the regulator on Friday to discuss a regulator's role in tokenised bonds."),
    );
    const reply = answer(index, "is the karachi harbour council a regulator");
    expect(reply.abstained).toBe(false);
    expect(reply.sentences[0]!.text).toContain("an advisory forum with no legal powers of its own, rather than a regulator");
  });

  it("quotes the next sentence with the chosen one when it carries the explanation", () => {
    const reply = ask("why were officials cautious about the timetable");
    expect(reply.sentences[0]!.text).toBe("Officials were cautious about the timetable. They said no issuance would happen before the regulator publishes its rules.");
  });

  it("quotes the speaker's own words that follow a reported reason, for a why-question", () => {
    const { index } = libraryOfArticles(
      articleFile("2025-10-02", "Traders push back on crypto tax", "Omer Farooq, president of the traders association, said the tax rate would drive users away from regulated platforms. “People will simply move to peer-to-peer deals, where the revenue board sees nothing,” he said."),
    );
    const reply = answer(index, "why does the traders association oppose the tax");
    expect(reply.sentences[0]!.text).toContain("People will simply move to peer-to-peer deals");
  });

  it("quotes the next sentence with a chosen one too short to say more than that something follows", () => {
    const reply = ask("why were some traders unhappy with the platform");
    expect(reply.sentences[0]!.text).toBe("Some traders were unhappy. Withdrawals had been frozen for three weeks before the audit began.");
  });

  it("quotes the next sentence with a chosen one that says little beyond the question's words", () => {
    const { index } = libraryOfArticles(
      articleFile("2025-06-20", "Lender questions power plan", "Within weeks, however, the International Monetary Fund raised objections to the power plan. The lender asked for the legal basis of the discounted tariff."),
    );
    const reply = answer(index, "what did the international monetary fund object to in the power plan");
    expect(reply.sentences[0]!.text).toContain("The lender asked for the legal basis of the discounted tariff.");
  });

  it("quotes, for a why-question, the next sentence when it gives the reason the chosen one lacks", () => {
    const { index } = libraryOfArticles(
      articleFile("2025-10-20", "Stablecoin bill", "Non-bank companies such as wallet apps and payment firms would not be allowed to issue stablecoins for the first three years after the law takes effect. Officials said the restriction was meant to protect consumers."),
    );
    const reply = answer(index, "why are non-bank companies kept from issuing stablecoins");
    expect(reply.sentences[0]!.text).toMatch(/^Non-bank companies .* Officials said the restriction was meant to protect consumers\.$/);
  });

  it("quotes, for a how-much question, the next sentence of the paragraph when it gives the figure the chosen one lacks", () => {
    const { index } = libraryOfArticles(
      articleFile("2026-11-26", "Assembly passes Virtual Assets Act", "The law minister said the act added stronger penalties for unlicensed firms. Operating without a licence will now carry a fine of up to Rs100 million."),
    );
    expect(answer(index, "what is the penalty for unlicensed firms").sentences[0]!.text).toContain("a fine of up to Rs100 million");
  });

  it("quotes the reply with a sentence that reports the question asked, and does not take the question for the answer", () => {
    const { index } = libraryOfArticles(
      articleFile("2026-11-20", "Senate panel questions reserve", "Senator Mohsin Aziz asked whether the reserve could be sold to pay debt. Bosal said the law did not allow it, because the reserve was meant to be held for the long term."),
    );
    const reply = answer(index, "can the government sell the reserve to repay debt");
    expect(reply.sentences[0]!.text).toBe("Senator Mohsin Aziz asked whether the reserve could be sold to pay debt. Bosal said the law did not allow it, because the reserve was meant to be held for the long term.");
  });

  it("answers from an interview with the reply to the question it asked, quoted after the whole question", () => {
    const { index } = libraryOfArticles(
      articleFile("2026-11-30", "PVARA chief on licensing and scams", "Nadia Farooqui took over as chairperson of the regulator in September.\n\nQ: When will stablecoins be allowed?\n\nA: Not before the end of 2027. A rupee stablecoin needs its own law.\n\nQ: Some people say crypto is gambling. Do you agree?\n\nA: Trading can be reckless, but the technology is not a casino."),
    );
    expect(answer(index, "when will stablecoins be allowed").sentences.map((s) => s.text).slice(0, 2)).toEqual(["Q: When will stablecoins be allowed?", "A: Not before the end of 2027."]);
    expect(answer(index, "does the regulator's chief think crypto is gambling").sentences.map((s) => s.text).slice(0, 2)).toEqual(["Q: Some people say crypto is gambling. Do you agree?", "A: Trading can be reckless, but the technology is not a casino."]);
  });

  it("does not take a paragraph of reporting that ends on someone's question for an interviewer's question", () => {
    const { index } = libraryOfArticles(
      articleFile("2025-07-10", "Senators question legal footing of crypto council", "Senator Kamran Murtaza pressed the officials on which law would govern the council. If a major fraud took place under the council's watch, he asked, who would be held responsible?\n\nOne member likened the government's approach to \"having children before marriage\"."),
    );
    expect(answer(index, "what did one senator liken the council approach to").sentences[0]!.text).toBe('One member likened the government\'s approach to "having children before marriage".');
  });

  it("answers with the sentence that says how, not the one that reports the question", () => {
    const { index } = libraryOfArticles(
      articleFile("2026-11-20", "Senate panel questions reserve", "Senators on Thursday pressed officials to explain how the reserve is stored and who can move its coins.\n\nSenator Farooq Naek said parliament had been told almost nothing about the reserve.\n\nBosal told the committee that the reserve is held in cold storage using a multi-signature arrangement."),
    );
    const reply = answer(index, "how is the reserve stored");
    expect(reply.sentences[0]!.text).toBe("Bosal told the committee that the reserve is held in cold storage using a multi-signature arrangement.");
  });

  it("quotes the sentence before when the chosen one leans on it for what the question names", () => {
    // "They said …" names no officials; the sentence before does.
    const reply = ask("did officials rule out any issuance before the regulator publishes its rules");
    expect(reply.sentences[0]!.text).toMatch(/^Officials were cautious about the timetable\. They said no issuance/);
  });

  it("quotes the sentence that names the speaker when a who-question's quote says only \"she said\"", () => {
    const reply = ask("who said a centre with two classrooms cannot train a generation");
    expect(reply.sentences[0]!.text).toMatch(/^Amina Siddiqui, an economist, doubted the plan\. "A centre with two classrooms/);
  });

  it("quotes the sentence that opens with the speaker's surname when a who-question's quote says only \"he said\"", () => {
    const { index } = libraryOfArticles(
      articleFile("2026-04-02", "Ministry cool on harbour bonds", "KARACHI: Finance Secretary Imdad Ullah Bosal briefed the committee on Thursday.\n\nBosal noted that the talks were in their infancy. “The work on tokenised bonds is at a very, very early stage,” he said."),
    );
    const reply = answer(index, "which official said work on tokenised bonds is at an early stage");
    expect(reply.sentences[0]!.text).toMatch(/^Bosal noted that the talks were in their infancy\. “The work/);
    const who = answer(index, "who said work on tokenised bonds is at an early stage");
    expect(who.sentences[0]!.text).toMatch(/^Bosal noted that the talks were in their infancy\. “The work/);
  });

  it("quotes the next sentence of the paragraph when it points back to the chosen one and holds words of the question it lacks", () => {
    const { index } = libraryOfArticles(
      articleFile("2026-05-06", "Harbour board approves a complaint desk", "KARACHI: The harbour board met on Monday. With that in mind, the board approved a complaint desk to be built jointly with the port police. Shippers will be able to use it to report delays and lost cargo.\n\nThe board meets again in June."),
    );
    const reply = answer(index, "what will the complaint desk let shippers do");
    expect(reply.sentences[0]!.text).toContain("Shippers will be able to use it to report delays and lost cargo.");
    // A next sentence that points back but holds none of the question's words is not quoted.
    const { index: quoted } = libraryOfArticles(
      articleFile("2026-05-07", "Minister praises harbour desk", "KARACHI: The minister called the complaint desk a milestone for traders, shipping agents and customs officers at the port. The port police would run it with the board, he said."),
    );
    expect(answer(quoted, "what did the minister call the complaint desk").sentences[0]!.text).toBe("KARACHI: The minister called the complaint desk a milestone for traders, shipping agents and customs officers at the port.");
  });

  it("adds what was asked from the best answer's own article before another article's", () => {
    const { index } = libraryOf({
      "2025-10-01-tariff.md": `---
title: Government sets electricity tariff for bitcoin miners
date: 2025-10-01
source: Fixture Times
url: https://example.com/tariff
---
The government set an electricity tariff for bitcoin miners on Monday.

Each miner will pay for its electricity with dollars every month, officials said.

Miners must sign five-year supply contracts for their electricity with the national grid.

The power will come from idle plants in the south of the country.
`,
      "2025-10-02-hydropower.md": `---
title: Foreign firms eye hydropower
date: 2025-10-02
source: Fixture Times
url: https://example.com/hydropower
---
Foreign firms want electricity for mining from plants in Gilgit.
`,
    });
    const reply = answer(index, "where will the electricity for the miners come from");
    expect(reply.sentences.map((s) => s.text)).toContain("The power will come from idle plants in the south of the country.");
    expect(reply.sentences.some((s) => s.text.includes("Gilgit"))).toBe(false);
  });

  it("quotes only verbatim text of the articles", () => {
    const { index } = fixtureLibrary();
    const paragraphs = index.articles.flatMap((a) => a.paragraphs);
    for (const question of ["who signed the approval", "how much electricity did miners get", "what will the council fund", "is the skills council a regulator"]) {
      const reply = ask(question);
      expect(reply.abstained).toBe(false);
      for (const { text } of reply.sentences) expect(paragraphs.some((p) => p.includes(text))).toBe(true);
    }
  });

  it("quotes at most MAX_SENTENCES sentences", () => {
    expect(ask("bonds board electricity council ministry centre").sentences.length).toBeLessThanOrEqual(MAX_SENTENCES);
  });

  it("quotes the next paragraph's names when the chosen sentence speaks of the X a which-question asks for without naming them, whatever other X it names", () => {
    const { index } = libraryOfArticles(
      articleFile("2025-11-19", "Central bank to test a rupee stablecoin", "KARACHI: The State Bank of Pakistan will run a pilot of a rupee stablecoin with three commercial banks.\n\nThe banks taking part are Meezan Bank, Bank Alfalah and Habib Bank."),
    );
    const reply = answer(index, "which banks are in the stablecoin pilot");
    expect(reply.sentences.map((s) => s.text).join(" ")).toContain("Meezan Bank");
  });

  it("adds the sentence that names what a which-question asks for", () => {
    const reply = ask("which city hosted the approval ceremony");
    expect(reply.answer).toContain("Gwadar");
  });
});
