import { describe, expect, it } from "vitest";
import { MAX_QUESTION_CHARS, analyze, answer } from "../../../src/core/answer/index.ts";
import { bundledLibrary } from "../../helpers.ts";
import { articleFile, fixtureLibrary, libraryOf, libraryOfArticles } from "./fixture.ts";

describe("analyze", () => {
  it("separates the subject's names from the words that constrain it", () => {
    const question = analyze(fixtureLibrary().index, "What did Farida Qureshi sign in Gwadar?");
    expect(question.concepts.filter((c) => c.entity).map((c) => c.label)).toEqual(["Farida Qureshi", "Gwadar"]);
    expect(question.concepts.filter((c) => !c.entity).map((c) => c.label)).toEqual(["sign"]);
  });

  it("reads a first name and surname the articles write together as one person, found by the full name or the surname alone", () => {
    const { index } = fixtureLibrary();
    const person = analyze(index, "what did farida qureshi sign").concepts.find((c) => c.label === "farida qureshi")!;
    expect(person).toMatchObject({ name: true, alts: [["farida", "qureshi"], ["qureshi"]] });
    // "Harbour Board" is written capitalised too, but "harbour" is an English word: no first name.
    expect(analyze(index, "what did the harbour board approve").concepts.map((c) => c.label)).toEqual(expect.arrayContaining(["harbour", "board"]));
  });

  it("marks the words that only name the kind of answer, and weighs them less", () => {
    const question = analyze(fixtureLibrary().index, "what is the job of the harbour board chairman");
    const job = question.concepts.find((c) => c.label === "job")!;
    const chairman = question.concepts.find((c) => c.label === "chairman")!;
    expect(job.answerType).toBe(true);
    expect(chairman.answerType).toBe(false);
    expect(job.weight).toBeLessThan(chairman.weight);
  });

  it("knows what a sentence must offer to answer a word that names the kind of answer, when the question asks for that kind", () => {
    const { index } = fixtureLibrary();
    const offered = (question: string) => analyze(index, question).concepts.flatMap((c) => (c.offeredBy ? [[c.label, c.offeredBy]] : []));
    expect(offered("what is farida qureshi's job")).toEqual([["job", "role"]]);
    expect(offered("in which cities were the bonds approved")).toEqual([["cities", "place"]]);
    expect(offered("which year did the board approve the bonds")).toEqual([["year", "date"]]);
    // A word that constrains ("this year") or describes ("city council") asks for nothing.
    expect(offered("why did the board approve the bonds this year")).toEqual([]);
    expect(offered("which city council approved the bonds")).toEqual([]);
    // A venue is asked for apart from its city; the verb after it ("hosted") is sought, not a second word of the kind.
    expect(offered("which venue hosted the bond ceremony")).toEqual([["venue", "venue"]]);
    expect(analyze(index, "which venue hosted the bond ceremony").concepts.find((c) => c.label === "hosted")).toMatchObject({ answerType: false });
  });

  it("reads minimum, a verb of lasting in a how-long question, a verb of naming in a quote question and a noun of purpose in a why question as the kind of answer", () => {
    const { index } = fixtureLibrary();
    const find = (question: string, label: string) => analyze(index, question).concepts.find((c) => c.label === label);
    expect(find("what's the minimum size of the bonds", "minimum")).toMatchObject({ answerType: true, offeredBy: "quantity" });
    expect(find("how many years does the pier last", "last")).toMatchObject({ answerType: true });
    expect(find("what was the last event of the session", "last")).toMatchObject({ answerType: false });
    expect(find("what did farida qureshi call the bonds", "call")).toMatchObject({ answerType: true, offeredBy: "quote" });
    expect(find("what did farida qureshi compare the bonds to", "compare")).toMatchObject({ answerType: true, offeredBy: "quote" });
    expect(find("what's the point of tokenised bonds", "point")).toMatchObject({ answerType: true, offeredBy: "reason" });
    expect(find("when is the deadline for the bonds", "deadline")).toMatchObject({ answerType: true, offeredBy: "date" });
  });

  it("reads a reporting verb in a who question as the kind of answer: the claim's words are sought, the speaker may have \"argued\" it", () => {
    const { index } = fixtureLibrary();
    const find = (question: string, label: string) => analyze(index, question).concepts.find((c) => c.label === label);
    expect(find("who warned that the bonds cannot be sold", "warned")).toMatchObject({ answerType: true });
    expect(find("who warned that the bonds cannot be sold", "bonds")).toMatchObject({ answerType: false });
    expect(find("what did the chairman warn about the bonds", "warn")).toMatchObject({ answerType: false });
  });

  it("takes a limit in a number question as answered by any quantity, whatever words give it (\"no older than 55\")", () => {
    const { index } = fixtureLibrary();
    const find = (question: string, label: string) => analyze(index, question).concepts.find((c) => c.label === label);
    expect(find("what is the age limit for the harbour board chairman", "limit")).toMatchObject({ offeredBy: "quantity" });
    expect(find("what is the cap on tokenised bonds", "cap")).toMatchObject({ offeredBy: "quantity" });
    expect(find("what share of the bonds went to banks", "share")).toMatchObject({ offeredBy: "share" });
    // A superlative asks for the figure at an extreme: "fines of up to Rs50 million" for "the biggest fine".
    expect(find("what's the biggest fine the harbour board could face", "biggest")).toMatchObject({ offeredBy: "quantity" });
    // A limit is sought as a word where no number is asked for.
    expect(find("why did the board limit the bonds", "limit")?.offeredBy).toBeUndefined();
  });

  it("seeks a word after \"what\" that describes the next one, which names the kind of answer (\"what tax rate\")", () => {
    const find = (label: string) => analyze(fixtureLibrary().index, "what tax rate applies to the tokenised bonds").concepts.find((c) => c.label === label)!;
    expect(find("tax").answerType).toBe(false);
    expect(find("rate").answerType).toBe(true);
  });

  it("reads the noun after \"which\" as the kind of answer when a verb follows it (\"which company runs the site\")", () => {
    const find = (label: string) => analyze(fixtureLibrary().index, "which board approves the tokenised bonds").concepts.find((c) => c.label === label)!;
    expect(find("board").answerType).toBe(true);
    expect(find("approves").answerType).toBe(false);
    // A past tense after it, with no determiner before its object, is its verb too.
    const companies = analyze(fixtureLibrary().index, "which companies applied for connections").concepts.find((c) => c.label === "companies")!;
    expect(companies.answerType).toBe(true);
  });

  it("seeks the noun after \"what\" in a question for a fact or someone's words, where nothing offers it as a kind", () => {
    const find = (question: string, label: string) => analyze(fixtureLibrary().index, question).concepts.find((c) => c.label === label)!;
    // A sentence about the photo says "photograph"; no feature of a sentence offers "a photo".
    expect(find("what photo did farida qureshi post", "photo").answerType).toBe(false);
    expect(find("which banks will sell the tokenised bonds", "banks").answerType).toBe(true);
  });

  it("reads a contraction as its two words, not as a word no article has", () => {
    const labels = (question: string) => analyze(fixtureLibrary().index, question).concepts.map((c) => c.label);
    expect(labels("what happens if the harbour board doesn't approve the bonds")).not.toContain("doesn");
    expect(labels("why won't the ministry say how the electricity is priced")).not.toContain("won");
    // Chat drops the apostrophe.
    expect(labels("how much will people who arent on the list pay")).not.toContain("arent");
    expect(labels("why doesnt the board approve the bonds")).not.toContain("doesnt");
  });

  it("drops a verb of opinion, which frames a view as \"say\" frames a quote", () => {
    const labels = analyze(fixtureLibrary().index, "why do officials think the timetable is risky").concepts.map((c) => c.label);
    expect(labels).not.toContain("think");
    expect(labels).toContain("timetable");
  });

  it("reads a verb of holding an office in a who-question as the kind of answer, a role", () => {
    const { index } = fixtureLibrary();
    const heads = analyze(index, "who heads the harbour board").concepts.find((c) => c.label === "heads")!;
    expect(heads).toMatchObject({ answerType: true, offeredBy: "role" });
    expect(analyze(index, "why does farida qureshi head the board").concepts.find((c) => c.label === "head")).toMatchObject({ answerType: false });
  });

  it("takes a proper noun typed in lower case for a name, except in a question asked for a yes or a no", () => {
    const { index } = fixtureLibrary();
    const punjab = (question: string) => analyze(index, question).concepts.find((c) => c.label === "punjab")!;
    expect(punjab("what did the council open in punjab").name).toBe(true);
    expect(punjab("did the council open a centre in punjab").name).toBe(false);
  });

  it("reads the word after \"how\" (long, old, soon) as the kind of answer, not a word to find", () => {
    const question = analyze(fixtureLibrary().index, "how long until the harbour board issues bonds");
    expect(question.concepts.filter((c) => c.answerType).map((c) => c.label)).toEqual(["long", "until"]);
    expect(analyze(fixtureLibrary().index, "was the pier long").concepts.find((c) => c.label === "long")!.answerType).toBe(false);
  });

  it("treats an acronym and its long name as one concept", () => {
    const { index } = bundledLibrary();
    const short = analyze(index, "What is PVARA?").concepts;
    const long = analyze(index, "What is the Pakistan Virtual Assets Regulatory Authority?").concepts;
    expect(short).toHaveLength(1);
    expect(long).toHaveLength(1);
    expect(long[0]!.alts).toEqual(short[0]!.alts);
  });

  it("reads a long name less the place that ends it as the name (\"state bank\" for the State Bank of Pakistan), not as words with synonyms", () => {
    const { index } = bundledLibrary();
    const concepts = analyze(index, "why was the state bank unhappy").concepts;
    const bank = concepts.find((c) => c.label === "state bank")!;
    expect(bank).toMatchObject({ name: true });
    expect(bank.alts).toEqual(expect.arrayContaining([["state", "bank"], ["sbp"]]));
    // "state" the verb ("said", "told") is not asked about.
    expect([...analyze(index, "why was the state bank unhappy").reach]).not.toContain("told");
    // A long name's other shortenings stay words: "virtual assets" is not VARA.
    expect(analyze(index, "what are virtual assets").concepts.map((c) => c.label)).toEqual(["virtual", "assets"]);
    // Another place after it names another place's bank: "the state bank of nigeria" is not the SBP.
    expect(analyze(index, "who is the governor of the state bank of nigeria").concepts.map((c) => c.label)).not.toContain("state bank");
  });

  it("drops an adverb phrase of WordNet's that opens with a dropped word (\"so far\"), rather than seek its last word", () => {
    const { index } = bundledLibrary();
    expect(analyze(index, "how many exchanges have applied so far").concepts.map((c) => c.label)).not.toContain("far");
    // "far" alone is still sought.
    expect(analyze(index, "how far is the mining site from karachi").concepts.map((c) => c.label)).toContain("far");
  });

  it("reads a question word typed with a slip (\"wich\", \"hwo\", \"whne\") as the word, and leaves an English word alone", () => {
    const { index } = fixtureLibrary();
    expect(analyze(index, "wich city approved the bonds").kind).toBe("where");
    expect(analyze(index, "hwo signed the approval").kind).toBe("who");
    expect(analyze(index, "whne did the board approve the bonds").kind).toBe("when");
    expect(analyze(index, "wich city approved the bonds").concepts.map((c) => c.label)).not.toContain("wich");
    expect(analyze(index, "whole bonds were approved").kind).not.toBe("who");
    // A stop word is a word too: "were" is no slip of "where".
    expect(analyze(index, "were there really any harbour bonds").kind).toBe("yesno");
  });

  it("reads a year after before/since as a bound on the answer's date, not a word to find", () => {
    const { index } = fixtureLibrary();
    const before = analyze(index, "when was the harbour board approval signed before 2025");
    expect(before.years).toEqual({ from: 0, to: 2024 });
    expect(before.concepts.map((c) => c.label)).not.toContain("2025");
    expect(analyze(index, "when did the miners get power since 2021").years).toEqual({ from: 2021, to: 9999 });
    // Not a when-question, or the year names a thing: left as it is.
    expect(analyze(index, "what did the board approve before 2025").years).toBeUndefined();
    expect(analyze(index, "when was the 2025 index published").years).toBeUndefined();
  });

  it("reads a WordNet verb phrase as one concept that reaches the single words WordNet relates to it", () => {
    const { index } = bundledLibrary();
    const concepts = analyze(index, "what did the two crypto councils talk about").concepts;
    const talk = concepts.find((c) => c.label === "talk about")!;
    expect(talk.alts).toContainEqual(["discuss"]);
    expect(concepts.map((c) => c.label)).not.toContain("talk");
    // A noun compound is asked for word by word.
    expect(analyze(index, "is bitcoin legal tender").concepts.map((c) => c.label)).toEqual(expect.arrayContaining(["legal", "tender"]));
  });

  it("drops a light verb before its object (\"make the announcement\") and keeps the object", () => {
    const { index } = fixtureLibrary();
    const labels = (question: string) => analyze(index, question).concepts.map((c) => c.label);
    expect(labels("where did the board make the announcement")).not.toContain("make");
    expect(labels("where did the board make the announcement")).toContain("announcement");
    // Not a verb with no object after it, nor one before a clause: "make sending money home cheaper".
    expect(labels("why could blockchain make sending money home cheaper")).toContain("make");
  });

  it("finds a verb phrase's own words in their irregular forms", () => {
    // WordNet's "pay for" is also "invite": an article using that word keeps the phrase in the index.
    const { index } = libraryOfArticles(
      articleFile("2025-11-03", "Influencer case halted", "The agency accused him of defrauding followers who paid Rs5,000 a month for trading alerts."),
      articleFile("2025-11-04", "Launch held", "Guests were invited to the launch in Lahore."),
    );
    const pay = analyze(index, "how much did followers pay for the alerts").concepts.find((c) => c.label === "pay for")!;
    expect([...pay.expansions[0]![0]!.keys()].map((id) => index.termText[id])).toContain("paid");
    expect(answer(index, "how much did followers pay for the alerts").answer).toContain("Rs5,000 a month");
  });

  it("reads a phrasal verb split by its object as one concept, and the object as its own words", () => {
    const { index } = libraryOf({
      "2025-11-29-app-hack.md": `---
title: Wallet app hacked
date: 2025-11-29
source: Fixture Times
url: https://example.com/hack
---
The regulator will block the app if it fails to repay customers within 30 days.
`,
    });
    const concepts = analyze(index, "what happens if the app doesn't pay customers back").concepts;
    const payBack = concepts.find((c) => c.label === "pay back")!;
    expect(payBack.alts).toContainEqual(["repai"]);
    expect(concepts.map((c) => c.label)).toEqual(expect.arrayContaining(["customers"]));
    expect(concepts.map((c) => c.label)).not.toContain("back");
  });

  it("reads at most MAX_QUESTION_CHARS of a question", () => {
    const question = analyze(fixtureLibrary().index, `bonds ${"harbour ".repeat(200)}`);
    expect(question.text.length).toBe(MAX_QUESTION_CHARS);
  });

  it("answers from the article a question names, and drops the naming words from what must be matched", () => {
    const { index } = bundledLibrary();
    const title = (a: number) => index.articles[a]!.title;
    const named = analyze(index, "what does the crypto diplomacy report say about pakistan being a follower");
    expect(named.articles?.map(title)).toEqual(["Pakistan’s Crypto Diplomacy Secures Strong Position on International Stage"]);
    expect(named.concepts.map((c) => c.label)).not.toContain("diplomacy");
    const onTopic = analyze(index, "According to the article on Pakistan's crypto diplomacy, which standards apply?");
    expect(onTopic.articles?.map(title)).toEqual(["Pakistan’s Crypto Diplomacy Secures Strong Position on International Stage"]);
    // A request ("summarise") and an op-ed or column name the article as well.
    const request = analyze(index, "summarise what the crypto diplomacy column says about pakistan being a follower");
    expect(request.articles?.map(title)).toEqual(["Pakistan’s Crypto Diplomacy Secures Strong Position on International Stage"]);
    expect(request.concepts.map((c) => c.label)).not.toContain("summarise");
    // "What does the opinion piece on …", "the interview with …", "the … press release say": the same.
    const piece = analyze(index, "what does the opinion piece on pakistan's crypto diplomacy say about reserves");
    expect(piece.articles?.map(title)).toEqual(["Pakistan’s Crypto Diplomacy Secures Strong Position on International Stage"]);
    expect(piece.concepts.map((c) => c.label)).not.toContain("piece");
  });

  it("leaves a question alone when no title matches what it calls an article", () => {
    const question = analyze(bundledLibrary().index, "according to the weather report, will it rain in Karachi?");
    expect(question.articles).toBeUndefined();
    expect(question.concepts.map((c) => c.label)).toContain("weather");
  });

  it("does not take a name the corpus has for the kind of answer after \"which\"", () => {
    const { index } = bundledLibrary();
    const concepts = analyze(index, "which pvara official signed the letter").concepts;
    expect(concepts.find((c) => c.label === "pvara")?.answerType).toBe(false);
    expect(concepts.find((c) => c.label === "official")?.answerType).toBe(true);
  });

  it("asks about a list of three or more things as one concept any of them satisfies", () => {
    const { index } = bundledLibrary();
    const labels = analyze(index, "who's the pakistani official that met errol musk, eric adams and nayib bukele").concepts.map((c) => c.label);
    expect(labels).toEqual(["pakistani", "official", "met", "errol musk, eric adams, nayib bukele"]);
  });

  it("leaves a comma before a clause alone", () => {
    const { index } = bundledLibrary();
    const labels = analyze(index, "if the regulator approves, will binance and htx open offices").concepts.map((c) => c.label);
    expect(labels).not.toContainEqual(expect.stringContaining(","));
  });

  it("reads two words typed apart as the one word the articles write (\"block chain\", \"chang peng\")", () => {
    const question = analyze(fixtureLibrary().index, "who records ownership on a block chain");
    expect(question.concepts.map((c) => c.alts)).toContainEqual([["blockchain"]]);
  });

  it("reads a compound typed open as the word written closed (\"stable coin\", \"straight away\"), but not a phrase WordNet has", () => {
    const { index } = libraryOfArticles(articleFile("2025-05-01", "Bankers weigh a stablecoin", "The bank wants a stablecoin soon. A stable exchange rate matters, the coin dealers said. Officials set up a panel."));
    const alts = (question: string) => analyze(index, question).concepts.map((c) => c.alts[0]!.join(" "));
    expect(alts("who wants a stable coin")).toContain("stablecoin");
    expect(alts("should the bank act straight away")).toContain("straightawai");
    expect(alts("who set up the panel")).not.toContain("setup");
  });

  it("keeps a hyphenated word apart as the articles read it (\"co-found\" as co, found), though WordNet has it run together", () => {
    const { index } = libraryOfArticles(articleFile("2025-12-02", "Adviser's charity", "Before entering government, the adviser co-founded Tayaba, a social enterprise."));
    const alts = analyze(index, "what charity did the adviser co-found").concepts.flatMap((c) => c.alts[0]!);
    expect(alts).toContain("found");
    expect(alts).not.toContain("cofound");
  });

  it("reads \"the us\" as the country, and \"us\" alone as the pronoun it is", () => {
    const { index } = bundledLibrary();
    expect(analyze(index, "what did pakistan agree with the us").concepts.map((c) => c.label)).toContain("US");
    expect(analyze(index, "can you tell us about the reserve").concepts.map((c) => c.label)).not.toContain("US");
  });

  it("reads a name run together in the question as the two words the article writes", () => {
    const { index } = bundledLibrary();
    const [name] = analyze(index, "what did imdadullah say").concepts.filter((c) => c.label === "imdadullah");
    expect(name!.alts).toEqual([["imdadullah"], ["imdad", "ullah"]]);
    expect(name!.known).toBe(true);
    expect(analyze(index, "what did zzzqqqxxx say").concepts[0]!.alts).toEqual([["zzzqqqxxx"]]);
  });

  it("does not read two English words run together as a name the corpus splits: \"coinbase\" is a name it lacks", () => {
    const { index } = libraryOfArticles(articleFile("2026-11-02", "Regulator fines platforms", "The coin was traded from a base in Dubai. CoinBazaar was fined Rs30m."));
    const [name] = analyze(index, "what did coinbase say about the fines").concepts.filter((c) => c.label === "coinbase");
    expect(name!.alts).toEqual([["coinbas"]]);
    expect(name!.known).toBe(false);
  });
});

