import { describe, expect, it } from "vitest";
import { analyze, coverage, rank } from "../../../src/core/answer/index.ts";
import { ANTECEDENT_CREDIT, NEIGHBOUR_CREDIT } from "../../../src/core/answer/weights.ts";
import { articleFile, fixtureLibrary, fixturePassage, harbourWeek, libraryOf, libraryOfArticles } from "./fixture.ts";

describe("coverage (score)", () => {
  it("credits a paragraph that opens with a definite description with what the paragraph before named first (\"The three-day fair, held at …\")", () => {
    const { index } = harbourWeek();
    const fair = [...index.passages].find((p) => p.text.startsWith("The three-day fair"))!;
    // Two sentences back, by way of "The task now, she said, …", which names no event.
    expect(coverage(index, analyze(index, "which venue hosted harbour week"), fair)).toBeGreaterThan(0.45);
    expect(coverage(index, analyze(index, "which venue hosted harbour week"), fair)).toBeLessThan(1);
  });

  it("gives nothing to a passage about somewhere other than the place the question names, however its article mentions that place", () => {
    const { index } = fixtureLibrary();
    const cautious = fixturePassage("Officials were cautious");
    expect(coverage(index, analyze(index, "why were officials cautious about the timetable"), cautious)).toBeGreaterThan(0);
    // The article's first sentence names Karachi; this one, its neighbours and the headline do not.
    expect(coverage(index, analyze(index, "why were officials in karachi cautious about the timetable"), cautious)).toBe(0);
  });

  it("does not take another person's name that holds the asked person's surname for that person: \"Imdad Ullah Bosal\" is not Saleem Ullah", () => {
    const { index } = libraryOfArticles(
      articleFile("2026-10-14", "State Bank picks lenders for digital rupee pilot", "Deputy Governor Saleem Ullah said the digital rupee would not be a cryptocurrency.\n\nThe pilot will run for nine months.\n\nUllah said offline payments were the hardest problem."),
      articleFile("2026-11-20", "Senate panel questions reserve", "Finance Secretary Imdad Ullah Bosal said the reserve is held in cold storage."),
    );
    const question = analyze(index, "what did saleem ullah say");
    const passage = (start: string) => [...index.passages].find((p) => p.text.startsWith(start))!;
    expect(coverage(index, question, passage("Finance Secretary Imdad Ullah Bosal"))).toBeLessThan(0.5);
    expect(coverage(index, question, passage("Deputy Governor Saleem Ullah"))).toBe(1);
    expect(coverage(index, question, passage("Ullah said offline"))).toBe(1);
    // A relative may share the surname: "elon musk's dad" is Errol Musk.
    expect(coverage(index, analyze(index, "what did saleem ullah's brother say"), passage("Finance Secretary Imdad Ullah Bosal"))).toBeGreaterThan(0);
  });

  it("takes a country's adjective for the country its article's headline is about: \"american\" for \"US lawmakers\"", () => {
    const { index } = libraryOfArticles(
      articleFile("2026-11-27", "US lawmakers visit Islamabad to discuss crypto", "A delegation of four lawmakers met officials on Thursday. The delegation was led by Representative French Hill, who chairs the House Financial Services Committee.\n\nThe visit lasted two days.\n\nHe said American investors wanted clear rules."),
      articleFile("2026-11-02", "Regulator fines two platforms", "The regulator fined two platforms on Monday. A delegation of its officials led the inquiry."),
      articleFile("2026-10-22", "Pakistan and Kazakhstan sign memorandum", "The two countries signed a memorandum in Astana. The minister led a delegation of officials."),
      articleFile("2026-10-03", "Bootcamp to train young programmers", "A training programme for young people was launched in Quetta."),
      articleFile("2026-09-19", "Power auction for miners", "The power division sold 600 megawatts to miners."),
      articleFile("2026-11-12", "Tax on crypto gains proposed", "Profits from crypto would be taxed at 15 percent."),
      articleFile("2026-11-20", "Senate panel questions reserve", "Senators asked who holds the keys to the reserve."),
    );
    const led = [...index.passages].find((p) => p.text.startsWith("The delegation was led"))!;
    expect(coverage(index, analyze(index, "who led the american delegation"), led)).toBeGreaterThan(0.5);
  });

  it("does not take an acronym's long form inside a longer name for the acronym: PVARA's full name is not VARA", () => {
    const { index } = libraryOf({
      "2025-11-18-regulators-sign-pact.md": `---
title: Regulators sign pact
date: 2025-11-18
source: Fixture Times
url: https://example.com/pact
---
Dubai's Virtual Assets Regulatory Authority (VARA) signed agreements with regulators in Singapore.
`,
      "2025-12-02-licences-granted.md": `---
title: Licences granted
date: 2025-12-02
source: Fixture Times
url: https://example.com/licences
---
The Pakistan Virtual Assets Regulatory Authority (PVARA) signed agreements with three exchanges.

The Special Assistant to the Prime Minister (SAPM) said the Prime Minister (PM) approved them.
`,
    });
    // A name governed by another ("to the Prime Minister") is still that name: "SAPM" does not outrank "PM".
    const pm = analyze(index, "what did the prime minister approve").concepts.find((c) => c.label === "prime minister")!;
    expect(pm.outrankedBy?.every((names) => names.size === 0)).toBe(true);
    const question = analyze(index, "which agreements has vara signed");
    const [best] = rank(index, question);
    expect(best!.passage.text).toMatch(/^Dubai's/);
    const pvara = [...index.passages].find((p) => p.text.includes("(PVARA)"))!;
    expect(coverage(index, question, pvara)).toBeLessThan(coverage(index, analyze(index, "which agreements has pvara signed"), pvara));
  });

  it("credits a place from the headline only when the headline puts it first, as what the article is about", () => {
    const { index } = libraryOf({
      "2025-09-03-ranking.md": `---
title: Pakistan ranks third behind India and China in crypto adoption
date: 2025-09-03
source: Fixture Times
url: https://example.com/ranking
---
The ranking was published on Monday by a research firm.

The country's regulator plans to license foreign exchanges next year.

Retail trading volumes rose by a third over the year.

Most users are under 35 and trade on their phones.

The firm changed how it weighs institutional trading.

Stablecoins made up half of all transfers.

Analysts expect the ranking to move again next year.

The research firm surveyed 150 markets.
`,
    });
    const regulator = [...index.passages].find((p) => p.text.startsWith("The country's regulator"))!;
    expect(coverage(index, analyze(index, "how will pakistan's regulator license foreign exchanges"), regulator)).toBeGreaterThan(0);
    expect(coverage(index, analyze(index, "how will india's regulator license foreign exchanges"), regulator)).toBe(0);
  });

  it("counts the whole question when a sentence holds all its words", () => {
    const { index } = fixtureLibrary();
    expect(coverage(index, analyze(index, "who signed the approval in Gwadar"), fixturePassage("signed the approval"))).toBe(1);
  });

  it("credits a word found only in the next sentence at NEIGHBOUR_CREDIT", () => {
    const { index } = fixtureLibrary();
    const question = analyze(index, "cautious regulator");
    const own = fixturePassage("Officials were cautious");
    const cautious = question.concepts.find((c) => c.label === "cautious")!.weight;
    const regulator = question.concepts.find((c) => c.label === "regulator")!.weight;
    expect(coverage(index, question, own)).toBeCloseTo((cautious + NEIGHBOUR_CREDIT * regulator) / (cautious + regulator));
  });

  it("reads a month the question names as a time, credited by the article's date, never as a name it must hold", () => {
    const { index } = libraryOfArticles(
      articleFile("2025-11-18", "Pakistan and Kazakhstan sign pact", "Pakistan signed a memorandum with Kazakhstan on Monday."),
      articleFile("2025-12-13", "Pakistan and Binance sign pact", "Pakistan signed a memorandum with Binance on Friday."),
    );
    const question = analyze(index, "which country did pakistan sign a memorandum with in november");
    expect(question.concepts.find((c) => c.label === "november")).toMatchObject({ entity: false, name: false });
    const [best] = rank(index, question);
    expect(best!.passage.text).toContain("Kazakhstan");
  });

  it("credits a word of the headline at ANTECEDENT_CREDIT to a sentence that leans back: its subject is the article's", () => {
    const { index } = fixtureLibrary();
    // "The centre has two classrooms." — which centre the headline says: "Council opens training centre".
    const question = analyze(index, "classrooms of the training centre");
    const weight = (label: string) => question.concepts.find((c) => c.label === label)!.weight;
    const expected = (weight("classrooms") + weight("centre") + ANTECEDENT_CREDIT * weight("training")) / (weight("classrooms") + weight("centre") + weight("training"));
    expect(coverage(index, question, fixturePassage("The centre has two classrooms"))).toBeCloseTo(expected);
  });

  it("credits a word naming the kind of answer to a sentence that offers that kind, whatever its words", () => {
    const { index } = fixtureLibrary();
    const question = analyze(index, "what is farida qureshi's job");
    // "The board's chairman, Farida Qureshi, …" gives her title without saying "job".
    expect(coverage(index, question, fixturePassage("The board's chairman, Farida Qureshi"))).toBe(1);
  });

  it("credits an interviewee's answer with the name the article's opening gives them", () => {
    const { index } = libraryOfArticles(
      articleFile("2025-11-18", "The regulator's enforcement chief on scams", "Rabia Anwar heads the enforcement wing of the regulator.\n\nQ: What should people watch out for?\n\nA: Anyone who promises guaranteed returns. Never send money to someone you met on a dating app."),
    );
    const question = analyze(index, "what warning did anwar give about dating apps");
    const anwar = question.concepts.find((c) => c.label === "anwar")!;
    const reply = [...index.passages].find((p) => p.text.startsWith("Never send money"))!;
    expect(coverage(index, { ...question, concepts: [anwar] }, reply)).toBeCloseTo(ANTECEDENT_CREDIT);
  });

  it("credits a list item with the words of the sentence that introduces its list", () => {
    const { index } = fixtureLibrary();
    const question = analyze(index, "courses on smart contract audits");
    const weight = (label: string) => question.concepts.find((c) => c.label === label)!.weight;
    const own = weight("smart") + weight("contract") + weight("audits");
    expect(coverage(index, question, fixturePassage("Smart contract audits"))).toBeCloseTo((own + ANTECEDENT_CREDIT * weight("courses")) / (own + weight("courses")));
  });
});

describe("rank (score)", () => {
  it("prefers the sentence with a date for a when-question", () => {
    const { index } = fixtureLibrary();
    const [best] = rank(index, analyze(index, "when did the harbour board approve the bonds"));
    expect(best!.passage.text).toContain("on Tuesday");
    expect(best!.parts!.kind).toBeGreaterThan(0);
  });

  it("prefers, for a when-question bounded by a year, the sentence dated within the bound", () => {
    const { index } = fixtureLibrary();
    const [best] = rank(index, analyze(index, "when did the harbour board make the news before 2025"));
    expect(best!.passage.text).toContain("2019");
  });

  it("scores the sentence after a match that leans on it, though it shares no word with the question", () => {
    const { index } = fixtureLibrary();
    const ranked = rank(index, analyze(index, "were officials cautious about the timetable"));
    expect(ranked.some((r) => r.passage.text.startsWith("They said no issuance"))).toBe(true);
  });

  it("scores a sentence of the best article that leans back and gives what is asked in none of the question's words", () => {
    const { index } = libraryOfArticles(
      articleFile("2025-10-02", "FBR proposes a tax on crypto gains", "The Federal Board of Revenue has proposed taxing crypto gains at 15 percent. The proposal was presented to lawmakers by a senior official. She said the measure would take effect from July 1, 2026."),
      articleFile("2025-10-03", "Traders weigh the crypto gains tax", "Traders said a tax on crypto gains would drive users to informal deals."),
    );
    const ranked = rank(index, analyze(index, "from what date will the crypto gains tax apply"));
    const dated = ranked.find((r) => r.passage.text.startsWith("She said the measure"));
    expect(dated?.parts!.kind).toBeGreaterThan(0);
  });

  it("prefers, for a how-often question, the sentence that says how often over one with the question's words", () => {
    const { index } = libraryOfArticles(
      articleFile("2025-10-02", "Exchanges face new reporting rules", "Exchanges must report trades to the FBR under the new rules, the finance ministry said."),
      articleFile("2025-10-03", "What the reporting rules ask", "Each exchange will report its trades to the FBR every quarter."),
    );
    const [best] = rank(index, analyze(index, "how often do exchanges report trades to the fbr"));
    expect(best!.passage.text).toContain("every quarter");
  });

  it("prefers, for a what-is question, the sentence that opens by defining the word", () => {
    const { index } = fixtureLibrary();
    const [best] = rank(index, analyze(index, "what is tokenisation"));
    expect(best!.passage.text).toMatch(/^Tokenisation means/);
  });

  it("scores nothing from an article that lacks a name the question types in lower case", () => {
    const { index } = fixtureLibrary();
    const ranked = rank(index, analyze(index, "what did qureshi say about the bitcoin miners"));
    for (const r of ranked) if (!index.articles[r.passage.article]!.title.includes("Harbour")) expect(r.coverage).toBe(0);
  });

  it("favours, for a yes/no question, the sentence that denies one of its words, not one with a negation elsewhere", () => {
    const { index } = fixtureLibrary();
    const ranked = rank(index, analyze(index, "is the skills council a regulator"));
    expect(ranked.find((r) => r.passage.text.includes("is not a regulator"))!.parts!.kind).toBeGreaterThan(0);
    // "no issuance … before the regulator": the negation is about the issuance.
    const issuance = ranked.find((r) => r.passage.text.startsWith("They said no issuance"));
    if (issuance) expect(issuance.parts!.kind).toBe(0);
  });

  it("prefers the sentence with a number for a how-many question", () => {
    const { index } = fixtureLibrary();
    const [best] = rank(index, analyze(index, "how many jobs could the electricity allocation create"));
    expect(best!.passage.text).toContain("thousands of jobs");
  });

  it("prefers, for a how-many question, the number that counts what is asked over another number", () => {
    const { index } = libraryOfArticles(articleFile("2025-05-25", "Mining plan", "The mining plan could create jobs in 30 districts.\n\nThe mining plan could create 5,000 jobs, officials said."));
    const [best] = rank(index, analyze(index, "how many jobs could the mining plan create"));
    expect(best!.passage.text).toContain("5,000 jobs");
  });

  it("gives a how-many question's kind bonus only to a sentence that counts what is asked, not to a date's number", () => {
    const { index } = libraryOfArticles(
      articleFile("2025-12-02", "Qureshi to address Harbour Week", "KARACHI: Officials said Farida Qureshi would address Harbour Week in Gwadar on Wednesday, December 3."),
      articleFile("2025-12-05", "Harbour Week draws crowds", "GWADAR: Harbour Week opened on Wednesday with a speech by Farida Qureshi.\n\nThe fair drew more than 5,200 attendees and 200 exhibitors."),
    );
    const ranked = rank(index, analyze(index, "how many people attended harbour week"));
    const dated = ranked.find((r) => r.passage.text.includes("December 3"))!;
    const counted = ranked.find((r) => r.passage.text.includes("5,200 attendees"))!;
    expect(dated.parts!.kind).toBe(0);
    expect(counted.parts!.kind).toBeGreaterThan(0);
  });

  it("takes a number after what it counts when words between give it (\"coins, of which … about 1,200\"), not any number after it", () => {
    const { index } = libraryOfArticles(articleFile("2025-11-20", "The harbour reserve", "Seized coins, of which officials say there are already about 1,200, could seed the reserve.\n\nSeized coins were moved to 3 wallets last year."));
    const ranked = rank(index, analyze(index, "how many seized coins does the harbour hold"));
    expect(ranked.find((r) => r.passage.text.includes("1,200"))!.parts!.kind).toBeGreaterThan(0);
    expect(ranked.find((r) => r.passage.text.includes("3 wallets"))!.parts!.kind).toBe(0);
  });

  it("takes the size of the list a thing was chosen from as its count (\"the site was chosen from a shortlist of five\")", () => {
    const { index } = libraryOfArticles(articleFile("2025-11-12", "Mining site picked", "The council said the site was chosen from a shortlist of five after engineers visited it.\n\nThe site has been empty for 10 years."));
    const ranked = rank(index, analyze(index, "how many sites were on the shortlist"));
    expect(ranked.find((r) => r.passage.text.includes("shortlist of five"))!.parts!.kind).toBeGreaterThan(0);
    expect(ranked.find((r) => r.passage.text.includes("10 years"))!.parts!.kind).toBe(0);
  });

  it("does not count a word with the number of another plural noun before it (\"12 million users follow bitcoin\")", () => {
    const { index } = libraryOfArticles(articleFile("2025-10-27", "Harbour wallet alerts", "HarbourPay lets its 12 million users follow bitcoin prices.\n\nThe harbour has 40 bitcoin ATMs, officials said."));
    const ranked = rank(index, analyze(index, "how many bitcoin atms does the harbour have"));
    expect(ranked.find((r) => r.passage.text.includes("12 million"))!.parts!.kind).toBe(0);
    expect(ranked.find((r) => r.passage.text.includes("40 bitcoin"))!.parts!.kind).toBeGreaterThan(0);
  });

  it("prefers the sentence that has the question's words side by side, as a name is written, over one that has them apart", () => {
    const { index } = libraryOfArticles(
      articleFile("2025-06-03", "Senators question the harbour council", "Farida Qureshi, who chairs the authority, said the digital plan would help Pakistan.\n\nOfficials also briefed members on the Pakistan Digital Authority's work to digitise public services."),
    );
    const [best] = rank(index, analyze(index, "what is the pakistan digital authority doing"));
    expect(best!.passage.text).toContain("Pakistan Digital Authority's work");
    expect(best!.parts!.phrase).toBeGreaterThan(0);
  });

  it("never ranks a line of site chrome, even one that matches every word", () => {
    const { index } = fixtureLibrary();
    const ranked = rank(index, analyze(index, "subscribe newsletter latest news tokenised bonds"));
    expect(ranked.length).toBeGreaterThan(0);
    expect(ranked.map((r) => r.passage.text).join("\n")).not.toMatch(/newsletter/i);
  });

  it("scores nothing from an article that lacks one of the question's names", () => {
    const { index } = fixtureLibrary();
    const ranked = rank(index, analyze(index, "did Qureshi allocate electricity to miners"));
    const solar = ranked.filter((r) => index.articles[r.passage.article]!.title === "Solar miners get grid power");
    expect(solar.length).toBeGreaterThan(0);
    expect(solar.every((r) => r.coverage === 0)).toBe(true);
  });
  it("answers what something costs with its price, not its size: a sum of money, in the sentence that calls back to the project", () => {
    const { index } = libraryOfArticles(
      articleFile("2025-11-18", "Solar mining hub planned for harbour free zone", "A consortium has agreed to build a 150-megawatt bitcoin mining centre in the harbour free zone, officials said.\n\nThe $320 million project will be built in two phases, the board said.\n\nThe board said the site would pay a commercial tariff for grid power."),
    );
    const ranked = rank(index, analyze(index, "how much will the harbour mining hub cost"));
    const price = ranked.find((r) => r.passage.text.includes("$320 million"));
    expect(price?.parts!.kind).toBeGreaterThan(0);
    expect(ranked.find((r) => r.passage.text.includes("150-megawatt"))!.parts!.kind).toBe(0);
  });
  it("reads the people a how-many question counts by their nationality (\"how many pakistanis\") as a head count, not a place the passage must name", () => {
    const { index } = libraryOfArticles(
      articleFile("2025-11-12", "Tax panel rejects crypto levy", "ISLAMABAD: The revenue board had identified around 1.5 million people who trade crypto through foreign exchanges.\n\nMembers said the board had no way to collect such a tax.\n\nThe committee met at Parliament House.\n\nMost trading takes place on platforms that do not share data with Pakistani authorities."),
      articleFile("2025-11-20", "Bankers weigh a rupee stablecoin", "KARACHI: More than 40 million Pakistanis use digital wallets, bankers said.\n\nThe bankers met on Friday. They discussed reserves. They discussed fees. They discussed audits. They discussed pilots. They discussed rules. They discussed wallets. They discussed banks. They discussed loans. They discussed deposits. They discussed risks. They discussed staff. They discussed budgets. They discussed rates."),
    );
    const [best] = rank(index, analyze(index, "how many pakistanis trade crypto on foreign exchanges"));
    expect(best!.passage.text).toContain("1.5 million people");
    expect(best!.coverage).toBeGreaterThan(0.45);
    expect(best!.parts!.kind).toBeGreaterThan(0);
  });
});
