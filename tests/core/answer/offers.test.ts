import { describe, expect, it } from "vitest";
import { analyze, rank } from "../../../src/core/answer/index.ts";
import { answersKind } from "../../../src/core/answer/offers.ts";
import { articleFile, fixtureLibrary, fixturePassage, harbourWeek, libraryOfArticles } from "./fixture.ts";
import { featuresOf } from "../../../src/core/features.ts";
import type { Passage } from "../../../src/core/passage-index.ts";

describe("answersKind (offers)", () => {
  it("takes a place inside the town a where-question names as somewhere new, and the town itself as not", () => {
    const { index } = libraryOfArticles(
      articleFile("2025-10-30", "Gwadar to host blockchain conference", "QUETTA: The province will host a blockchain conference in Gwadar on February 17.\n\nAbout 600 delegates are expected, and the venue would be the Gwadar Business Centre."),
    );
    const passage = (start: string) => [...index.passages].find((p) => p.text.startsWith(start))!;
    const question = analyze(index, "where in gwadar will the conference be held");
    expect(answersKind(passage("About 600 delegates"), question)).toBe(true);
    expect(answersKind(passage("QUETTA: The province"), question)).toBe(false);
  });

  it("takes a body named as the doer (\"built by the Harbour Technology Board\") for a who-question that asks for no office's holder", () => {
    const { index } = libraryOfArticles(
      articleFile("2025-11-03", "Harbour begins blockchain trial for land records", "KARACHI: The harbour has started a pilot that stores land records on a blockchain.\n\nThe project is being built by the Harbour Technology Board with support from the regulator.\n\nThe records will be kept until May 2026."),
    );
    const passage = (start: string) => [...index.passages].find((p) => p.text.startsWith(start))!;
    expect(answersKind(passage("The project is being built"), analyze(index, "who is building the land records system"))).toBe(true);
    expect(answersKind(passage("The records will be kept"), analyze(index, "who is keeping the land records"))).toBe(false);
    // Asked for an office's holder, a body is no answer.
    expect(answersKind(passage("The project is being built"), analyze(index, "who heads the harbour land records project"))).toBe(false);
  });

  it("takes a stretch of time for a how-long question, not any date", () => {
    const { index } = fixtureLibrary();
    const question = analyze(index, "how long were withdrawals frozen before the audit");
    expect(answersKind(fixturePassage("frozen for three weeks"), question)).toBe(true);
    expect(answersKind(fixturePassage("approved a plan on Tuesday"), question)).toBe(false);
  });

  it("does not take a weekday, or the name the question's acronym stands for, for a new name a which-question asks for", () => {
    const { index } = libraryOfArticles(
      articleFile("2026-10-27", "KP unveils blockchain policy", "PESHAWAR: Khyber Pakhtunkhwa (KP) on Tuesday announced a pilot to record land ownership in two districts.\n\nThe pilot will cover Mardan and Swat."),
    );
    const question = analyze(index, "which districts are in the kp land pilot");
    const passage = (start: string) => [...index.passages].find((p) => p.text.startsWith(start))!;
    expect(answersKind(passage("PESHAWAR"), question)).toBe(false);
    expect(answersKind(passage("The pilot will cover"), question)).toBe(true);
  });

  it("takes, for a question asking for a venue, a new name something is at, not the city it is in", () => {
    const { index } = harbourWeek();
    const passage = (start: string) => [...index.passages].find((p) => p.text.startsWith(start))!;
    const venue = analyze(index, "which venue hosted harbour week");
    expect(answersKind(passage("The three-day fair"), venue)).toBe(true);
    expect(answersKind(passage("GWADAR"), venue)).toBe(false);
    // "at Harbour Week" names only what the question names.
    expect(answersKind(passage("She told the audience"), venue)).toBe(false);
    expect(answersKind(passage("GWADAR"), analyze(index, "which city hosted harbour week"))).toBe(true);
  });

  it("takes for a definition what a thing works as, and an acronym spelled out only when the question typed the acronym", () => {
    const { index } = libraryOfArticles(
      articleFile("2026-04-02", "Harbour council meets", "KARACHI: Farida Qureshi chaired the newly formed Karachi Harbour Council (KHC) on Monday.\n\nThe Karachi Harbour Council, which was set up in March, operates as the advisory body for port tokenisation."),
    );
    const passage = (start: string) => [...index.passages].find((p) => p.text.startsWith(start))!;
    const named = analyze(index, "what is the karachi harbour council");
    expect(named.kind).toBe("define");
    expect(answersKind(passage("The Karachi Harbour Council, which"), named)).toBe(true);
    expect(answersKind(passage("KARACHI: Farida Qureshi"), named)).toBe(false);
    expect(answersKind(passage("KARACHI: Farida Qureshi"), analyze(index, "what is KHC"))).toBe(true);
  });

  it("takes only an amount for a how-much question, and any number for a how-many one", () => {
    const { index } = fixtureLibrary();
    const count = fixturePassage("thousands of jobs");
    expect(answersKind(count, analyze(index, "how much electricity went to the miners"))).toBe(false);
    expect(answersKind(fixturePassage("500 megawatts"), analyze(index, "how much electricity went to the miners"))).toBe(true);
    expect(answersKind(count, analyze(index, "how many jobs could the allocation create"))).toBe(true);
  });

  it("takes, for a question about what is to come, only a time ahead of the report, not the day of what it reports", () => {
    const { index } = fixtureLibrary();
    const question = analyze(index, "when will the harbour bonds be issued");
    expect(question.future).toBe(true);
    const passage = (text: string) => ({ text, features: featuresOf(text) }) as Passage;
    expect(answersKind(passage("The board approved a plan on Tuesday to issue tokenised bonds."), question)).toBe(false);
    expect(answersKind(passage("The bonds are expected to be issued in March next year."), question)).toBe(true);
    expect(answersKind(passage("The bill will be tabled in the winter session."), question)).toBe(true);
    expect(answersKind(passage("The board proposed a tax on bonds, to take effect from July 1."), question)).toBe(true);
    expect(answersKind(passage("A: Not before the end of 2027."), question)).toBe(true);
    expect(answersKind(passage("The board approved a plan on Tuesday to issue tokenised bonds."), analyze(index, "when did the board approve the bonds"))).toBe(true);
  });

  it("takes only a person's name for a question about an office's holder, and an office for other who-questions", () => {
    const { index } = fixtureLibrary();
    const office = { text: "The board's chairman signed the approval.", features: featuresOf("The board's chairman signed the approval.") } as Passage;
    expect(answersKind(office, analyze(index, "who is the chairman of the harbour board"))).toBe(false);
    expect(answersKind(fixturePassage("The board's chairman, Farida Qureshi, signed the approval"), analyze(index, "who is the chairman of the harbour board"))).toBe(true);
    expect(answersKind(office, analyze(index, "who signed the approval"))).toBe(true);
    // A place's name is written as a person's would be: the office named beside it tells them apart.
    const place = { text: "The Khyber Pakhtunkhwa cabinet approved the pilot.", features: featuresOf("The Khyber Pakhtunkhwa cabinet approved the pilot.") } as Passage;
    expect(answersKind(place, analyze(index, "who is the chairman of the harbour board"))).toBe(false);
  });

  it("takes, for a yes/no question, a reply that opens with its verdict (\"A: No.\") as settling it, not \"no one\" or \"no longer\"", () => {
    const { index } = fixtureLibrary();
    const question = analyze(index, "will the regulator ban peer-to-peer trading");
    const passage = (text: string) => ({ ...fixturePassage("the"), text, features: featuresOf(text) }) as Passage;
    expect(answersKind(passage("A: No."), question)).toBe(true);
    expect(answersKind(passage("Yes, but only for licensed platforms."), question)).toBe(true);
    expect(answersKind(passage("No one has been fined yet."), question)).toBe(false);
  });

  it("takes, for a yes/no question, a sentence with the opposite of its verb as settling it (\"approve\" — \"rejected\"), and not the opposite of a word that describes the next (\"a legal framework\")", () => {
    const { index } = libraryOfArticles(
      articleFile("2025-11-12", "Harbour committee turns down crypto levy", "The harbour committee on Wednesday rejected a proposal to levy a tax on crypto profits.\n\nThe committee also approved a bill on savings schemes.\n\nTrading remains illegal under the harbour's rules, and no legal framework exists."),
    );
    const passage = (start: string) => [...index.passages].find((p) => p.text.startsWith(start))!;
    const approve = analyze(index, "did the harbour committee approve the crypto tax");
    expect(answersKind(passage("The harbour committee on Wednesday rejected"), approve)).toBe(true);
    const [best] = rank(index, approve);
    expect(best!.passage.text).toContain("rejected");
    // "legal" describes "framework": the question asks whether one exists, and "illegal" does not settle it.
    const framework = analyze(index, "is there a legal framework for crypto");
    expect(framework.concepts.find((c) => c.label === "legal")?.opposites).toBeUndefined();
    expect(analyze(index, "is crypto trading legal").concepts.find((c) => c.label === "legal")?.opposites?.length).toBeGreaterThan(0);
  });
});
