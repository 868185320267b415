import { describe, expect, it } from "vitest";
import { analyze, answer, decide, rank } from "../../../src/core/answer/index.ts";
import { KIND_COVERAGE_SHARE, KIND_EVIDENCE_PASSAGES, MIN_COVERAGE, PINNING_NAME_WEIGHT } from "../../../src/core/answer/weights.ts";
import type { CorpusIndex } from "../../../src/core/passage-index.ts";
import { articleFile, fixtureLibrary, harbourWeek, libraryOf, libraryOfArticles } from "./fixture.ts";

/** Why a question is refused over an index (undefined when it is answered). */
function refusalIn(index: CorpusIndex, question: string, minCoverage = MIN_COVERAGE) {
  const analyzed = analyze(index, question);
  return decide(index, analyzed, rank(index, analyzed), minCoverage).refusal;
}

const decision = (question: string, minCoverage = MIN_COVERAGE) => refusalIn(fixtureLibrary().index, question, minCoverage);

describe("decide", () => {
  it("answers a question whose words a passage covers", () => {
    expect(decision("who signed the harbour board approval")).toBeUndefined();
  });

  it("refuses a question about what a body typed by its initials in lower case said (\"imf\") when no article that names it speaks of the rest", () => {
    const { index } = libraryOfArticles(
      articleFile("2026-10-12", "Fund urges tighter crypto rules", "The International Monetary Fund asked Pakistan to tighten its rules for crypto exchanges."),
      articleFile("2026-09-19", "Power auction for miners", "The power division sold 600 megawatts of surplus power to bitcoin miners, officials said."),
      articleFile("2026-11-02", "Regulator fines two platforms", "The regulator fined two platforms on Monday."),
    );
    expect(analyze(index, "what did the imf say about surplus power for bitcoin miners").concepts.find((c) => c.label === "imf")).toMatchObject({ name: true });
    expect(refusalIn(index, "what did the imf say about surplus power for bitcoin miners")).toBeDefined();
    expect(refusalIn(index, "what did the imf say about crypto exchanges")).toBeUndefined();
  });

  it("answers a how-much question from the headline's article when the figure follows an opening phrase with a list (\"Subject to …, the plan could cover …\")", () => {
    const { index } = libraryOfArticles(
      articleFile("2026-10-20", "Harbour board to tokenise up to Rs2 billion of bonds", "KARACHI: The harbour board signed an agreement with Tijori Custody on Monday to study tokenising its bonds.\n\nSubject to the regulator's rules, audits and approvals, the plan could cover bonds worth up to Rs2 billion."),
      articleFile("2026-11-02", "Regulator fines two platforms", "The regulator fined two platforms on Monday."),
    );
    expect(refusalIn(index, "how much could the harbour board tokenise")).toBeUndefined();
    expect(answer(index, "how much could the harbour board tokenise").answer).toContain("Rs2 billion");
  });

  it("answers a who-question whose best passage names no one when another well-covered sentence of its article names the person", () => {
    const { index } = libraryOfArticles(
      articleFile("2026-10-03", "Bootcamp to train young programmers", "A training programme for young people was launched in Quetta. The team of teachers will lead classes."),
      articleFile("2026-09-19", "Power auction for miners", "The power division sold 600 megawatts to miners. A team of officials led the auction."),
      articleFile("2026-11-16", "Karachi students win hackathon with flood relief app", "A team of four students from Karachi won a blockchain hackathon on Sunday.\n\nTheir app, ReliefChain, records each donation on a blockchain so donors can see when their money reaches a family. The prize was $50,000.\n\nTeam leader Maryam Siddiqui, a final-year student, said the idea came from the 2022 floods."),
    );
    expect(refusalIn(index, "who leads the reliefchain team")).toBeUndefined();
    expect(answer(index, "who leads the reliefchain team").sentences.map((s) => s.text).join(" ")).toContain("Team leader Maryam Siddiqui");
  });

  it("reads words typed in lower case that the articles write only as a capitalised name as that name: \"what is harbour pay's valuation\" is refused, not answered with what Harbour Pay raised", () => {
    const { index } = libraryOfArticles(
      articleFile("2025-10-30", "Karachi wallet Harbour Pay raises $6 million", "Harbour Pay, a Karachi startup, has raised $6 million in a seed round, the company said.\n\nThe startup was founded in 2023 by Hamza Siddiqui."),
      articleFile("2025-11-02", "Port fees rise", "The harbour raised its fees. Ships pay more to dock, and the pay of dock workers rose."),
    );
    expect(analyze(index, "what is harbour pay's valuation").concepts.filter((c) => c.entity).map((c) => c.label)).toEqual(["harbour", "pay"]);
    expect(refusalIn(index, "what is harbour pay's valuation")).toBe("only the names match");
    expect(refusalIn(index, "how much did harbour pay raise")).toBeUndefined();
    // A name the articles also write in lower case stays words: "the pay of dock workers".
    expect(analyze(index, "did dock workers get more pay").concepts.some((c) => c.entity)).toBe(false);
  });

  it("takes a passage that gives what an answer-type word asks for (a venue) as on the topic when no article has the question's other words (\"hosted\")", () => {
    const { index } = harbourWeek();
    expect(refusalIn(index, "which venue hosted Harbour Week")).toBeUndefined();
    expect(answer(index, "which venue hosted harbour week").answer).toContain("Marina Pavilion");
  });

  it("refuses a which-question whose answer speaks of a single one left unnamed (\"a relief charity\"), and answers when it is named", () => {
    const { index } = libraryOfArticles(
      articleFile("2026-10-03", "Bootcamp to train young programmers", "A training programme for young people was launched in Quetta. The team of teachers will lead classes."),
      articleFile("2026-09-19", "Power auction for miners", "The power division sold 600 megawatts to miners. A team of officials led the auction."),
      articleFile("2026-11-16", "Karachi students win hackathon", "The team plans to test the app with a relief charity in Sukkur early next year. The Pakistan Crypto Council paid for the team's travel.\n\nThe site is run by a company called Indus Hash."),
    );
    expect(refusalIn(index, "which charity in sukkur will test the app")).toBe("nothing of the kind asked");
    expect(refusalIn(index, "which company runs the site")).toBeUndefined();
  });

  it("answers a question about an office's holder with a sentence that gives the office by its verb (\"Rabia Anwar heads …\")", () => {
    const { index } = libraryOfArticles(articleFile("2025-11-18", "Regulator's enforcement chief on scams", "Rabia Anwar heads the enforcement wing of the regulator. She spoke to us about complaints."));
    expect(refusalIn(index, "who is the regulator's enforcement head")).toBeUndefined();
  });

  it("refuses a which-question when no well-covered sentence names anything the question does not (\"someone you met on a dating app\")", () => {
    const { index } = libraryOfArticles(articleFile("2025-11-18", "Regulator warns on scams", "Never send money to someone you met on a dating app who wants to teach you crypto trading."));
    expect(refusalIn(index, "which dating app was used in the crypto scam")).toBe("nothing of the kind asked");
    const named = libraryOfArticles(articleFile("2025-11-18", "Regulator warns on scams", "Victims of the crypto scam met the gang on a dating app called Sparkle."));
    expect(refusalIn(named.index, "which dating app was used in the crypto scam")).toBeUndefined();
  });

  it("refuses a question of stop words only", () => {
    expect(decision("what is the")).toBe("no concepts");
  });

  it("refuses a name no article has, however well the rest matches", () => {
    expect(decision("What did Zorblax say about the tokenised bonds?")).toBe("unknown name");
  });

  it("refuses a proper noun typed in lower case that no article has, though WordNet lists it (\"uzbekistan\")", () => {
    expect(decision("when did uzbekistan buy tokenised bonds from the harbour board")).toBe("unknown name");
    // One the corpus has is found as any name is.
    expect(decision("when did punjab get surplus electricity for miners")).toBeUndefined();
  });

  it("reads a typo of an English word the articles have as that word, not as a name the corpus lacks", () => {
    // "reguator" is one letter from "regulator": two edits from its stem, too far for the fuzzy match.
    expect(decision("what must the reguator publish before any issuance")).toBeUndefined();
    expect(decision("what must the regulatr publish before any issuance")).toBeUndefined();
  });

  it("reads a comparative or superlative no article has as its adjective, not as a name the corpus lacks", () => {
    // No article says "cheaper" or "cheapest"; the fixture's miners get "surplus electricity".
    expect(decision("are bitcoin miners in punjab getting cheaper electricity")).toBeUndefined();
    expect(decision("who got the cheapest surplus electricity")).toBeUndefined();
  });

  it("does not read a name the corpus lacks as a typo of a short English word it starts like", () => {
    // "zondh" starts one letter from "bond", but a stem of four letters starts too many words to say so.
    expect(decision("how many tokenised bonds did zondh buy")).toBe("unknown name");
  });

  it("reads chat spellings of framing words as framing, not as names the corpus lacks", () => {
    expect(decision("how big is the tokenised bond issue gonna be")).not.toBe("unknown name");
    expect(decision("wat r the harbour board's tokenised bonds worth")).not.toBe("unknown name");
  });

  it("refuses a name typed in lower case that no article has and English lacks", () => {
    expect(decision("how many tokenised bonds did bithumb buy")).toBe("unknown name");
    // A misspelled name the corpus has is still found, and chat shorthand is no name.
    expect(decision("who is farida qureshy")).toBeUndefined();
    expect(decision("who signed the harbour board approval pls")).toBeUndefined();
  });

  it("reads an acronym no article has as the initials of a name the articles write out", () => {
    // The fixture writes "Karachi Harbour Board" out and never abbreviates it.
    expect(decision("what did the KHB approve")).toBeUndefined();
    expect(decision("what did the KHX approve")).toBe("unknown name");
  });

  it("reads an acronym typed in lower case the same way, when it is no English word", () => {
    const { index } = fixtureLibrary();
    expect(analyze(index, "what did the khb approve").concepts[0]).toMatchObject({ known: true, alts: [["khb"], ["karachi", "harbor", "board"]] });
    expect(decision("what did the khb approve")).toBeUndefined();
    expect(analyze(index, "what did fq say about the bonds").concepts[0]).toMatchObject({ known: true, alts: [["fq"], ["farida", "qureshi"], ["qureshi"]] });
    // An English word is never read as initials, however it is typed.
    expect(analyze(index, "who got the bag").concepts.every((c) => c.alts.length === 1)).toBe(true);
  });

  it("reads two initials as a person the articles name, called by the second name alone", () => {
    // The fixture names "Farida Qureshi", then says "Qureshi said the bonds would be sold to retail savers".
    const { index } = fixtureLibrary();
    const [initials] = analyze(index, "what did FQ say about the bonds").concepts;
    expect(initials).toMatchObject({ label: "FQ", known: true, alts: [["fq"], ["farida", "qureshi"], ["qureshi"]] });
    expect(decision("what did FQ say about the bonds")).toBeUndefined();
  });

  it("reads an acronym an article uses as the name it writes out beside it", () => {
    const { index } = libraryOfArticles(
      articleFile("2025-04-07", "Exchange founder named adviser", "The council appointed exchange founder Changpeng Zhao as its adviser.\n\nZhao, widely known as CZ, will advise on regulation.\n\nHe was released from prison in September 2024."),
      articleFile("2025-04-08", "Another article", "The Central Zone committee met in Lahore."),
      articleFile("2025-08-14", "KP cabinet approves mining pilot", "The Khyber Pakhtunkhwa cabinet approved a mining pilot."),
    );
    // Typed in lower case, two letters the articles use are initials too, though WordNet has them as a word (KP, kitchen police).
    expect(analyze(index, "what did the kp cabinet approve").concepts[0]!.alts).toContainEqual(["khyber", "pakhtunkhwa"]);
    // "Central Zone" has the initials too, but no article holding "CZ" writes it.
    expect(analyze(index, "when was cz released").concepts[0]).toMatchObject({ alts: [["cz"], ["changpeng", "zhao"], ["zhao"]] });
    expect(refusalIn(index, "when was cz released")).toBeUndefined();
  });

  it("reads two lower-case letters WordNet has only as an abbreviation as initials, though no article uses them", () => {
    const { index } = libraryOfArticles(articleFile("2025-11-12", "Mining pilot site picked", "Khyber Pakhtunkhwa's industries minister, Abdul Karim Tordher, said the province would receive 10 percent of the revenue."));
    // WordNet writes KP (kitchen police) only in capitals; "ok" is also an adjective, and stays a word.
    expect(analyze(index, "who is the kp industries minister").concepts[0]!.alts).toContainEqual(["khyber", "pakhtunkhwa"]);
    expect(refusalIn(index, "who is the kp industries minister")).toBeUndefined();
  });

  it("matches a misspelled name the stemmer cuts short by its letters as typed, and only to names", () => {
    const { index } = libraryOfArticles(
      articleFile("2025-07-10", "Governor warns on crypto", "Governor Jameel Ahmad said the pilot would start with banks.\n\nAhmad cautioned that crypto remained volatile, and warned investors ahead of the launch."),
    );
    // "ahmed" stems to "ahm"; as typed it is one letter from "Ahmad", and from "ahead", an English word it is not.
    const ahmed = analyze(index, "what did ahmed warn about crypto").concepts.find((c) => c.label === "ahmed")!;
    const reached = [...ahmed.expansions[0]![0]!.keys()].map((id) => index.termText[id]);
    expect(reached).toContain("ahmad");
    expect(reached).not.toContain("ahead");
    expect(refusalIn(index, "what did ahmed warn about crypto")).toBeUndefined();
  });

  it("holds a what-did-X-say question to the full bar: any sentence with \"said\" offers a quote", () => {
    const { index } = libraryOfArticles(
      articleFile("2025-05-02", "Harbour bonds", "Farida Qureshi said the harbour bonds would be sold to retail savers."),
      articleFile("2025-05-03", "Gold market", "Gold prices rose in Karachi on Monday.\n\nGold reserves were unchanged."),
      // Other news, so that the question's words are as rare as in a real corpus.
      ...[11, 12, 13, 14, 15, 16].map((day) => articleFile(`2025-05-${day}`, `Port news ${day}`, `The port handled more ships in week ${day} than a year earlier.\n\nOfficials said the new cranes were working well.`)),
    );
    // The sentence quoting Qureshi holds her name and "said", and nothing of gold reserves.
    expect(refusalIn(index, "what did Farida Qureshi say about gold reserves")).toBe("coverage below threshold");
    expect(refusalIn(index, "what did Farida Qureshi say about the harbour bonds")).toBeUndefined();
  });

  it("refuses a yes/no question whose only word a passage holds is a place, however it is typed", () => {
    const { index } = libraryOfArticles(
      articleFile("2025-10-07", "Wallet news", "A Karachi wallet app suspended withdrawals on Sunday after a hack."),
      ...[11, 12, 13, 14, 15, 16].map((day) => articleFile(`2025-10-${day}`, `Port news ${day}`, `The port handled more ships in week ${day} than a year earlier.`)),
    );
    // A question asked for a yes or a no does not mark "karachi" as a name; it is still no topic.
    expect(refusalIn(index, "will it rain in karachi this weekend", 0.3)).toBe("only the names match");
    expect(refusalIn(index, "did the karachi wallet app suspend withdrawals")).toBeUndefined();
  });

  it("refuses when the best passage holds no word of the question as spelled, only synonyms and near-spellings", () => {
    const { index } = libraryOf({
      "2025-11-20-senate-panel.md": `---
title: Senate panel reviews crypto bill
date: 2025-11-20
source: Fixture Times
url: https://example.com/senate
---
The Senate committee said the bill treats digital tokens as assets.
`,
    });
    // "sehat" is one letter from "senat(e)", "plus" a synonym of "asset": nothing the article says.
    expect(refusalIn(index, "what is the sehat card plus")).toBe("only related words match");
    expect(refusalIn(index, "what does the senate committee say about tokens")).toBeUndefined();
    // A name's near-spelling that is a name is the name: "Who is Sakib?" is answered from "Saqib".
    expect(decision("who is qureshee")).toBeUndefined();
  });

  it("refuses when only the question's names match, not its topic", () => {
    expect(decision("what is the weather in Gwadar")).toBe("only the names match");
  });

  it("answers on less coverage when the passage itself gives what is asked and every name of the question", () => {
    // "put pen to paper" shares nothing with "signed", but the sentence names Qureshi and a city ("in Gwadar").
    expect(decision("where did qureshi put pen to paper")).toBeUndefined();
    // Without a name to hold it to the passage, the same paraphrase is refused.
    expect(decision("where did the official put pen to paper")).toBe("coverage below threshold");
  });

  it("does not lower the bar for a name so common it pins no subject (\"crypto\" in a crypto corpus)", () => {
    const { index } = fixtureLibrary();
    const analyzed = analyze(index, "where did qureshi put pen to paper");
    const ranked = rank(index, analyzed);
    expect(decide(index, analyzed, ranked, MIN_COVERAGE).bar).toBeCloseTo(MIN_COVERAGE * KIND_COVERAGE_SHARE);
    const common = { ...analyzed, concepts: analyzed.concepts.map((c) => (c.name ? { ...c, weight: PINNING_NAME_WEIGHT / 2 } : c)) };
    expect(decide(index, common, ranked, MIN_COVERAGE).bar).toBe(MIN_COVERAGE);
  });

  it("refuses below the coverage threshold, and the threshold is the caller's", () => {
    expect(decision("how are bonds taxed on the stock market abroad")).toBe("coverage below threshold");
    expect(decision("who signed the harbour board approval", 1.01)).toBe("coverage below threshold");
  });

  it("refuses when nothing is retrieved", () => {
    expect(decision("quantum zebra orchestra")).toBe("nothing retrieved");
  });

  it("answers how many when a passage counts what is asked about", () => {
    expect(decision("roughly how many jobs could the grid power allocation create")).toBeUndefined();
  });

  it("answers how many when a verb it does not know follows what is counted", () => {
    // "megawatts" is counted, not "go": a quantity of megawatts answers.
    expect(decision("how many megawatts go to the bitcoin miners in Punjab")).toBeUndefined();
  });

  it("answers how much with an amount, and refuses when the passages only count things", () => {
    expect(decision("how much are the harbour board's tokenised bonds worth")).toBeUndefined();
    // "two classrooms" counts; it is no fee.
    expect(decision("how much does the training centre charge")).toBe("nothing of the kind asked");
  });

  it("answers how much of something with a share of it, not only a sum", () => {
    const { index } = libraryOfArticles(articleFile("2025-11-26", "FIA arrests two over wallet theft", "The FIA traced the stolen funds to an account in Dubai, where about a third of the money has been frozen."));
    expect(refusalIn(index, "how much of the stolen money has been frozen")).toBeUndefined();
    expect(answer(index, "how much of the stolen money has been frozen").answer).toContain("about a third of the money");
  });

  it("takes the sum asked for from a sentence just under the bar when it holds the name that pins the subject", () => {
    const body = [
      "ISLAMABAD: The Federal Board of Revenue has proposed a 15 percent tax on profits from selling virtual assets, according to a draft of the supplementary finance bill.",
      "Exchanges licensed by the Pakistan Virtual Assets Regulatory Authority would be required to deduct the tax at source and deposit it with the FBR within seven days.",
      "FBR chairman Rashid Mahmood Langrial told a pre-budget meeting on Friday that the board estimated between Rs40 billion and Rs60 billion could be collected in the first year.",
    ].join("\n\n");
    // Other stories, so that "FBR" is a name that pins a subject (rare among all sentences), as in a real corpus.
    const others = ["Karachi", "Lahore", "Quetta", "Multan", "Peshawar", "Sukkur"].map((city, k) => articleFile(`2025-11-0${k + 1}`, `Mining pilot in ${city}`, `Officials in ${city} expect a mining pilot to raise output in March.\n\nThe pilot will employ 40 technicians.\n\nIts machines arrive by sea.`));
    const { index } = libraryOfArticles(articleFile("2025-12-01", "FBR proposes crypto tax", body), ...others);
    const analyzed = analyze(index, "how much does the fbr expect to raise from the tax");
    const ranked = rank(index, analyzed);
    const sum = ranked.find((r) => r.passage.text.includes("Rs40 billion"))!;
    const best = ranked.find((r) => r.passage.text.includes("within seven days"))!;
    // As in a larger corpus: the sentence that gives the sum shares few words ("estimated", "collected") and is just under the bar.
    const under = (coverage: number) => [{ ...best, coverage: 0.7 }, { ...sum, coverage }];
    expect(decide(index, analyzed, under(MIN_COVERAGE * KIND_COVERAGE_SHARE + 0.01), MIN_COVERAGE).refusal).toBeUndefined();
    expect(decide(index, analyzed, under(MIN_COVERAGE * KIND_COVERAGE_SHARE - 0.01), MIN_COVERAGE).refusal).toBe("nothing of the kind asked");
  });

  it("refuses a how-long question when no well-covered sentence gives a stretch of time, and answers when one does", () => {
    const tested = "The draft provides for a regulatory sandbox in which new products can be tested under supervision.";
    const { index } = libraryOfArticles(articleFile("2025-10-21", "Draft law on digital assets", tested));
    expect(refusalIn(index, "how long will the sandbox test last")).toBe("nothing of the kind asked");
    const { index: timed } = libraryOfArticles(articleFile("2025-10-21", "Draft law on digital assets", `${tested} Each sandbox test will last twelve months.`));
    expect(refusalIn(timed, "how long will the sandbox test last")).toBeUndefined();
  });

  it("refuses \"what is X's Y\" when the sentences about X never speak of Y, however X is typed", () => {
    const app = "The app, called KhetChain, records each stage of a harvest on a public ledger.";
    const { index } = libraryOfArticles(articleFile("2025-11-18", "Students win blockchain hackathon", app), articleFile("2025-11-19", "Exchange valued", "Investors put the exchange's valuation at $2 billion."));
    expect(refusalIn(index, "what is khetchain's valuation")).toBe("only the names match");
    const { index: valued } = libraryOfArticles(articleFile("2025-11-18", "Students win blockchain hackathon", `${app} Investors put its valuation at $3 million.`));
    expect(refusalIn(valued, "what is khetchain's valuation")).toBeUndefined();
  });

  it("does not take a sum from the next paragraph as the answer to a how-much question about the one before", () => {
    const site = "ISLAMABAD: The mining pilot will be installed at the Nowshera Industrial Estate.\n\nEngineers found that a grid station built for a closed steel mill had unused capacity. The other candidates were in Port Qasim and Hub.";
    const tariff = "\n\nMiners at the estate will pay 8 US cents per kilowatt-hour.";
    const { index } = libraryOfArticles(articleFile("2025-11-12", "Council picks Nowshera estate for mining pilot", site + tariff));
    // The tariff is a sum, but of something else: nothing says what the mill cost.
    expect(refusalIn(index, "how much did the nowshera steel mill cost to build")).toBe("nothing of the kind asked");
    // In the paragraph that speaks of the mill, a sum answers.
    const { index: priced } = libraryOfArticles(articleFile("2025-11-12", "Council picks Nowshera estate for mining pilot", site + " The mill cost Rs4 billion to build." + tariff));
    expect(refusalIn(priced, "how much did the nowshera steel mill cost to build")).toBeUndefined();
  });

  it("answers who-holds-an-office with a person's name, and refuses a passage that names only the office", () => {
    expect(decision("who is the chairman of the harbour board")).toBeUndefined();
    // Not about an office: a body answers it.
    expect(decision("who allocated surplus electricity to the bitcoin miners")).toBeUndefined();
    // The solar article says what the energy ministry did, never who heads it.
    expect(decision("who heads the energy ministry")).toBe("nothing of the kind asked");
    // Founding, running or chairing something is done by a person too — and the council's article never speaks of its founding:
    // "blockchain skills council", typed in lower case, is the name the article writes, so only the name matches.
    expect(decision("who founded the blockchain skills council")).toBe("only the names match");
    expect(decision("who chairs the harbour board")).toBeUndefined();
  });

  it("refuses who-holds-an-office when the passage names a person but no office (\"the Sindh government\" is no governor)", () => {
    const { index } = libraryOf({
      "2025-09-02-sindh-pilot.md": `---
title: Sindh picks Ali Raza Shah to lead land records pilot
date: 2025-09-02
source: Fixture Times
url: https://example.com/sindh-pilot
---
The Sindh government picked Ali Raza Shah to lead its land records pilot in Hyderabad.
`,
    });
    const refusal = (question: string) => refusalIn(index, question);
    expect(refusal("who is the governor of sindh")).toBe("nothing of the kind asked");
    expect(refusal("who leads the sindh land records pilot")).toBeUndefined();
  });

  it("refuses a question about when something will happen that no well-covered passage answers with a time", () => {
    expect(decision("when will the regulator publish its rules")).toBe("nothing of the kind asked");
    expect(decision("when is the ministry expected to bring its tariff plan to the cabinet")).toBeUndefined();
    // What has happened is dated by its article: the sentence needs no date of its own.
    expect(decision("when did punjab get surplus electricity for miners")).toBeUndefined();
  });

  it("refuses a who-question about the holder of a role no article speaks of, and not one whose unknown word follows a name", () => {
    const { index } = libraryOfArticles(
      articleFile("2025-06-10", "Pakistan and El Salvador sign letter of intent", "Pakistan and El Salvador agreed to share know-how on bitcoin after a meeting between Farida Qureshi and President Nayib Bukele in San Salvador."),
    );
    const refusal = (question: string) => refusalIn(index, question);
    expect(refusal("who is pakistan's ambassador to el salvador")).toBe("nothing of the kind asked");
    expect(refusal("who did pakistan meet in san salvador")).toBeUndefined();
    expect(refusal("who met nayib bukle in san salvador")).toBeUndefined();
  });

  it("refuses a which-question for a kind of thing no well-covered article speaks of when the passage only just covers the rest, and answers a paraphrase that covers it all", () => {
    const { index } = libraryOfArticles(
      articleFile("2025-12-13", "Ministry signs MoU with exchange to explore tokenising bonds", "The finance ministry signed a memorandum with the exchange Coinvault to study whether Pakistan's government bonds could be tokenised and sold abroad."),
      articleFile("2025-11-09", "Central bank builds a digital rupee", "Faisal Mazhar said the State Bank of Pakistan was already building a prototype of a digital rupee with the World Bank."),
    );
    const refusal = (question: string) => refusalIn(index, question);
    expect(refusal("which bank will act as custodian for pakistan's tokenised bonds")).toBe("nothing of the kind asked");
    expect(refusal("which lender is building a prototype of a digital rupee")).toBeUndefined();
    expect(refusal("which exchange signed the memorandum on tokenised bonds")).toBeUndefined();
  });

  it("wants a particular office asked for (\"governor\") spoken of beside the person, not any officials or another office", () => {
    const { index } = libraryOfArticles(
      articleFile("2025-11-14", "Harbour state shares notes on bitcoin mining", "THIMPHU, Nov 14 (Reuters) - The harbour state agreed on Friday to share how its government mines bitcoin, officials said.\n\nThe agreement was signed by Bilal Bin Saqib, chairman of the regulator, and Ujjwal Deep Dahal, chief executive of Druk Holding."),
      articleFile("2025-11-15", "Meezan Bank governor speaks", "The governor of Meezan Bank, Jameel Ahmad, told the board that removing the curbs could create problems."),
    );
    const refusal = (question: string) => refusalIn(index, question);
    expect(refusal("who is the governor of the harbour state")).toBe("nothing of the kind asked");
    expect(refusal("who is the governor of meezan bank")).toBeUndefined();
    expect(refusal("who is the chairman of the regulator")).toBeUndefined();
  });

  it("wants the word that tells an office from others (\"chief minister\") spoken of too: a finance minister is no chief minister", () => {
    const { index } = libraryOfArticles(
      articleFile("2025-11-30", "Harbour province approves mining pilot at its dam", "PESHAWAR: The harbour province's cabinet on Saturday approved a pilot to mine bitcoin with surplus hydropower, provincial Finance Minister Muzzammil Aslam told reporters.\n\nThe pilot will draw up to 100 megawatts in summer. The dam's chief engineer backed the plan."),
    );
    expect(refusalIn(index, "who is the harbour province's chief minister")).toBe("nothing of the kind asked");
    expect(refusalIn(index, "who is the harbour province's finance minister")).toBeUndefined();
  });

  it("wants a share of a whole for \"what share\", not a head count or a fee", () => {
    const { index } = libraryOfArticles(
      articleFile("2025-10-27", "HarbourPay launches crypto price alerts", "HarbourPay, the fastest-growing mobile wallet in the payments market, today announced a price alert service for its 12 million users.\n\nAlerts will be free for six months and then cost Rs50 a month."),
    );
    const refusal = (question: string) => refusalIn(index, question);
    expect(refusal("what is harbourpay's market share")).toBe("nothing of the kind asked");
    expect(refusal("how many users does harbourpay have")).toBeUndefined();
  });

  it("answers who-runs with the body a sentence says runs it, and still wants a person for who-is-the-office", () => {
    const { index } = libraryOfArticles(
      articleFile("2025-12-15", "Exchanges may register on the reporting system", "The exchanges may register on harbournet, the reporting system run by the Financial Monitoring Unit."),
    );
    const refusal = (question: string) => refusalIn(index, question);
    expect(refusal("who runs harbournet")).toBeUndefined();
    expect(refusal("who is the director of harbournet")).toBe("nothing of the kind asked");
  });

  it("refuses when-will with a sentence dated in the past, and answers it with a date ahead or a stretch of time", () => {
    const { index } = libraryOfArticles(
      articleFile("2025-11-09", "Start-up raises funds for a dollar stablecoin", "A fintech start-up late last month closed a funding round to distribute a rupee stablecoin through corner shops."),
      articleFile("2025-11-10", "Exchange plans a rupee wallet", "The exchange will launch its rupee wallet on March 1 next year, the company said.\n\nThe pilot of the wallet is to run for six months in Lahore."),
    );
    const refusal = (question: string) => refusalIn(index, question);
    expect(refusal("when will the rupee stablecoin launch")).toBe("nothing of the kind asked");
    expect(refusal("when will the rupee wallet launch")).toBeUndefined();
    expect(refusal("when will the wallet pilot end")).toBeUndefined();
  });

  it("refuses a which-question whose passage speaks of one but names none, and answers when it names one beside the word or in the next sentence", () => {
    const { index } = libraryOf({
      "2025-09-04-hack.md": `---
title: Exchange hack traced
date: 2025-09-04
source: Fixture Times
url: https://example.com/hack
---
Analysts traced the stolen funds from the exchange hack to a mixing service.

Withdrawals will resume by Friday, the exchange said.

Three banks will join the remittance pilot in two districts.

The pilot will cover Peshawar and Mardan.

Meezan Bank and Bank Alfalah will handle the transfers for the remittance pilot.
`,
    });
    const refusal = (question: string) => refusalIn(index, question);
    expect(refusal("which mixing service received the stolen funds from the exchange hack")).toBe("nothing of the kind asked");
    expect(refusal("which districts will the remittance pilot cover")).toBeUndefined();
    expect(refusal("which banks will handle the transfers for the remittance pilot")).toBeUndefined();
  });

  it("answers how many times with once or twice", () => {
    expect(decision("how many times will the ministry review the miners' tariff")).toBeUndefined();
  });

  it("answers how much from the best article's sentence that gives the amount, however far down the ranking its few shared words put it", () => {
    const { index } = libraryOf({
      "2025-09-01-port-authority-tokenisation.md": `---
title: Port authority signs deal with Nordex to tokenise up to 40 billion rupees of its assets
date: 2025-09-01
source: Fixture Times
url: https://example.com/port-tokenisation
---
The Gwadar Port Authority signed a deal with the exchange Nordex on Monday to study tokenising its assets.

Nordex will advise the port authority on how tokenised assets could be sold to investors.

The port authority said tokenising assets would make them easier to trade.

Nordex and the port authority will set up a joint working group on tokenisation.

Nordex has tokenised assets for two other port authorities.

Officials of the port authority and Nordex signed the deal in Gwadar.

Subject to approvals, assets worth up to 40 billion rupees could be covered.
`,
    });
    const analyzed = analyze(index, "how much of its assets will the port authority tokenise with nordex");
    const ranked = rank(index, analyzed);
    expect(ranked.findIndex((r) => r.passage.text.includes("40 billion"))).toBeGreaterThanOrEqual(KIND_EVIDENCE_PASSAGES);
    expect(decide(index, analyzed, ranked, MIN_COVERAGE).refusal).toBeUndefined();
  });

  it("refuses how many when no passage counts what is asked about, even though one covers the subject", () => {
    expect(decision("how many bitcoins do the solar miners in Punjab hold")).toBe("nothing of the kind asked");
  });

  it("answers a head count with any noun for people or a body of them, and nothing else", () => {
    const { index } = libraryOf({
      "2025-12-02-regulator-hires.md": `---
title: Regulator builds its supervision team
date: 2025-12-02
source: Fixture Times
url: https://example.com/team
---
The authority's supervision team now has 41 staff, officials said.

The team inspected 12 exchanges in its first month.
`,
    });
    // "staff" is not "people", but WordNet files both as groups of people.
    expect(refusalIn(index, "how many people work in the authority's supervision team")).toBeUndefined();
    const { index: inspections } = libraryOf({
      "2025-12-02-team-inspects.md": `---
title: Supervision team inspects exchanges
date: 2025-12-02
source: Fixture Times
url: https://example.com/inspections
---
The supervision team inspected 12 exchanges in its first month.
`,
    });
    // An exchange is no person or body of people: "12 exchanges" counts no people.
    expect(refusalIn(inspections, "how many people did the supervision team inspect in its first month")).toBe("nothing of the kind asked");
  });
});

