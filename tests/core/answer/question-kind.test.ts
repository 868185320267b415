import { describe, expect, it } from "vitest";
import { answerWanted, classify, yearBound } from "../../../src/core/answer/question-kind.ts";

describe("classify", () => {
  it.each([
    ["Who signed the approval?", "who"],
    ["what's bo hines's position", "who"],
    ["what post does jameel ahmad hold", "who"],
    ["what did saqib post on x", "quote"],
    ["which day of the week did the board meet", "when"],
    ["how long after resigning did he speak", "when"],
    ["how quickly must platforms take down scam pages", "when"],
    ["how often does the board meet", "when"],
    ["what is the deadline to register for the course", "when"],
    ["is there a deadline to apply", "yesno"],
    ["in which city did they meet", "where"],
    ["in which cities will the pilot run", "where"],
    ["what venues hosted the summits", "where"],
    ["roughly how many jobs could the plan create", "number"],
    ["what's the age limit for the chair", "number"],
    ["whats the price of the bonds", "number"],
    ["what is the tax rate on crypto gains", "number"],
    ["what is the maximum fine for an unlicensed exchange", "number"],
    ["what's the minimum capital for a custodian", "number"],
    ["what is nadia farooqui's salary", "number"],
    ["what is pakistan's tax rate on crypto gains", "number"],
    ["what is the crypto tax rate in pakistan", "number"],
    ["what tariff would the miners pay", "number"],
    ["what is the population of nawabshah", "number"],
    ["what did the chairman call the bonds", "quote"],
    ["how did the minister describe the reserve", "quote"],
    ["what did the chairman compare the licences to", "quote"],
    ["what did one senator liken the approach to?", "quote"],
    ["how does the tariff compare with the region's", "fact"],
    ["did the minister describe the reserve as a defensive asset", "yesno"],
    ["why were officials cautious", "why"],
    ["whats the point of giving power to miners", "why"],
    ["what was the reason for the ban", "why"],
    ["why is there a cap on how much each person can hold", "why"],
    ["who decided how many exchanges get a licence", "who"],
    ["is the council a regulator", "yesno"],
    ["can binance start trading now", "yesno"],
    ["did the mayor say new york is lahore", "quote"],
    ["which agencies are involved", "which"],
    ["what private firms won licences", "which"],
    ["what is the FII nicknamed", "quote"],
    // An auxiliary after "what" opens a question about a fact: its officials are no answer.
    ["what did officials advise crypto firms to do", "fact"],
    ["What is PVARA?", "define"],
    ["what is pvara checking after the hack", "fact"],
    ["tell me about the reserve", "fact"],
  ])("reads %j as a %s question", (question, kind) => {
    expect(classify(question)).toBe(kind);
  });
});

describe("answerWanted", () => {
  it("reads what a how-many question counts, and that how much or a price asks for an amount", () => {
    expect(answerWanted("roughly how many us lawmakers did saqib meet", "number")).toEqual({ counted: ["us", "lawmak"], amount: false, money: false, duration: false, frequency: false, age: false, person: false, office: false, future: false });
    expect(answerWanted("how much money did overseas pakistanis send home", "number")).toEqual({ counted: undefined, amount: true, money: true, duration: false, frequency: false, age: false, person: false, office: false, future: false });
    expect(answerWanted("what is the maximum fine for an unlicensed exchange", "number")).toMatchObject({ amount: true });
    expect(answerWanted("how many people attended harbour week", "number").counted).toEqual(["peopl"]);
    // "How much X" measures X, which a quantity of it answers as a sum would; "how much did …" and "how much money" do not.
    expect(answerWanted("how much bitcoin does bhutan hold", "number")).toMatchObject({ amount: true, measured: ["bitcoin"] });
    expect(answerWanted("how much did the ministry raise", "number").measured).toBeUndefined();
    // What something costs, or what was paid, lost or raised, is a sum of money, not any amount ("150-megawatt").
    expect(answerWanted("how much will the gwadar mining hub cost", "number").money).toBe(true);
    expect(answerWanted("how much did the teacher lose", "number").money).toBe(true);
    expect(answerWanted("how much bitcoin does bhutan hold", "number").money).toBe(false);
    expect(answerWanted("how much electricity is set aside", "number").money).toBe(false);
    expect(answerWanted("how much value did bitcoin lose in 2022", "number").money).toBe(false);
    expect(answerWanted("how much money did overseas pakistanis send home", "number").measured).toBeUndefined();
    // A verb the reading does not know ends nothing: the word after "how many" is still what is counted.
    expect(answerWanted("how many pakistanis trade crypto according to saqib", "number").counted).toEqual(["pakistani"]);
    expect(answerWanted("what's the age limit for the chair", "number")).toEqual({ counted: undefined, amount: false, money: false, duration: false, frequency: false, age: true, person: false, office: false, future: false });
  });

  it("reads that how quickly or how fast asks for a stretch of time", () => {
    expect(answerWanted("how quickly must platforms take down scam pages", "when").duration).toBe(true);
    expect(answerWanted("how fast will the money arrive", "when").duration).toBe(true);
  });

  it("reads that how old asks for an age", () => {
    expect(answerWanted("how old are most crypto users", "number").age).toBe(true);
    expect(answerWanted("how many crypto users are there", "number").age).toBe(false);
  });

  it("reads that a who question about an office's holder asks for a person, not the office", () => {
    expect(answerWanted("who is the governor of the state bank", "who").person).toBe(true);
    expect(answerWanted("who heads the regulator", "who").person).toBe(true);
    expect(answerWanted("who must exchanges be licensed by", "who").person).toBe(false);
  });

  it("reads an office named in the plural as an office whose holders are asked for (\"who are the founders\"), and \"chairs\" or \"heads\" as verbs", () => {
    expect(answerWanted("who are the founders of paisa vault", "who")).toMatchObject({ person: true, office: true });
    expect(answerWanted("who are the directors of the board", "who")).toMatchObject({ person: true, office: true });
    expect(answerWanted("who chairs the finance committee", "who")).toMatchObject({ person: true, office: false });
    expect(answerWanted("who heads the regulator", "who")).toMatchObject({ person: true, office: false });
  });

  it("reads that a when-will question asks for a time to come", () => {
    expect(answerWanted("when will the pilot start", "when").future).toBe(true);
    expect(answerWanted("when is the next hearing", "when").future).toBe(true);
    expect(answerWanted("when did the pilot start", "when").future).toBe(false);
  });

  it("reads that how long asks for a duration", () => {
    expect(answerWanted("how long do ordinances stay in force", "when").duration).toBe(true);
    expect(answerWanted("when was the ordinance promulgated", "when").duration).toBe(false);
  });

  it("reads that how often asks for a frequency", () => {
    expect(answerWanted("how often do exchanges report to the fbr", "when").frequency).toBe(true);
    expect(answerWanted("how long do exchanges keep records", "when").frequency).toBe(false);
  });
});

describe("yearBound", () => {
  it("turns before, until, after and since a year into the years allowed, and drops the year", () => {
    expect(yearBound("when was it ranked third before 2025")).toEqual({ rest: "when was it ranked third before", years: { from: 0, to: 2024 } });
    expect(yearBound("when did it happen until 2020").years).toEqual({ from: 0, to: 2020 });
    expect(yearBound("when did it happen after 2018").years).toEqual({ from: 2019, to: 9999 });
    expect(yearBound("what happened since 2021").years).toEqual({ from: 2021, to: 9999 });
    // A year that names a thing ("the 2025 index") bounds nothing.
    expect(yearBound("when was it placed in the index since 2025 edition").years).toBeUndefined();
  });
});
