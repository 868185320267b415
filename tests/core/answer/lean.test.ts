import { describe, expect, it } from "vitest";
import { leansBack, reportsQuestion } from "../../../src/core/answer/lean.ts";

describe("leansBack", () => {
  it("finds sentences that take their subject from the one before: a pronoun or a definite description", () => {
    for (const text of ["He added that the reserve is more than a defensive asset.", "By introducing structured oversight, the authority is expected to improve transparency.", "According to the statement, this meeting marks the first engagement.", "The two-day gathering, held at the Coca-Cola Arena, drew 5,200 attendees.", "The central bank urged caution instead.", "This meeting was the final event.", "A token of this kind would hold its value at one-to-one parity.", "Ordinances of this kind remain in force for 120 days.", "“A currency born unregulated cannot be regulated,” he said.", "“Whenever the government decides to take it further, we would recommend a framework.”", "Under the proposal, a custodian must hold paid-up capital of at least Rs500 million.", "The $320 million project will be built in two phases.", "The Rs180 million trial ends in May.", "• Hina Javed, a lawyer who advised the SECP on fintech rules."]) expect(leansBack(text), text).toBe(true);
  });

  it("finds the subject after an opening phrase that holds a list of its own (\"Subject to the country's laws, policies and regulatory approvals, the initiative …\")", () => {
    for (const text of ["Subject to the country’s laws, policies and regulatory approvals, the initiative could cover assets worth up to $2 billion.", "In Karachi, Lahore and Quetta, the pilot will open in March."]) expect(leansBack(text), text).toBe(true);
    for (const text of ["Subject to approval by the cabinet, Pakistan will issue the bonds.", "In Karachi, Lahore and Quetta, officials opened counters."]) expect(leansBack(text), text).toBe(false);
  });

  it("does not take a sentence that names its own subject for one that leans back", () => {
    for (const text of ["In 2021, Chainalysis put Pakistan third.", "The board of the Pakistan Virtual Assets Regulatory Authority sat down for the first time.", "The State Bank said so.", "Officials were cautious about the timetable.", "“We will first control this industry,” Saqib said.", "“We will first control this industry,” according to Saqib.", "A token would hold its value.", "Under Pakistan's rules, a custodian must hold capital."]) expect(leansBack(text), text).toBe(false);
  });
});

describe("reportsQuestion", () => {
  it("finds a sentence that reports a question put to someone", () => {
    for (const text of ["Senator Mohsin Aziz asked whether the reserve could be sold to pay debt.", "Reporters wanted to know when the wallets would open.", "Senators pressed officials to explain how the reserve is stored.", "Q: When will stablecoins be allowed?"]) expect(reportsQuestion(text), text).toBe(true);
  });

  it("does not take a question answered in the same sentence, or a request, for one", () => {
    for (const text of ["Asked whether Pakistan would buy bitcoin, Saqib said the reserve would not be discussed.", "He asked for the size of the holdings.", "The council asked for a lower rate."]) expect(reportsQuestion(text), text).toBe(false);
  });

  it("does not take a statement that quotes someone speaking of a question for one", () => {
    expect(reportsQuestion("\"Our users were asking where to find reliable prices,\" said TezPay chief executive Omar Qazi.")).toBe(false);
    expect(reportsQuestion("“Our users kept asking whether prices were fair,” Qazi said.")).toBe(false);
  });
});
