import { describe, expect, it } from "vitest";
import { featuresOf } from "../../src/core/features.ts";

describe("featuresOf(…).reason", () => {
  it("finds a cause, a purpose or a motive", () => {
    for (const text of [
      "He stepped down, a step required because government rules do not allow an adviser to chair a regulator.",
      "It dropped the index, having concluded that it gave too much weight to a niche behaviour.",
      "The bank moved slowly amid concerns about volatility.",
      "The council was set up to attract foreign investment.",
      "Transfers on a blockchain would bypass correspondent banks.",
      "The move follows the collapse of several offshore platforms.",
      "The rules were prompted by a wave of complaints.",
      "The review came in the wake of the exchange's collapse.",
      "He said forged land documents were behind a large share of the cases clogging the courts.",
      "Lending out client assets is a practice blamed for the collapse of several platforms.",
      "The outage led to a week of frozen withdrawals.",
      "The central bank said the aim was to cut the time a transfer takes.",
      // A benefit argued for is the reason given: "why sell spare power to miners".
      "Officials argue that selling the idle megawatts to miners would bring in foreign exchange.",
    ]) expect(featuresOf(text).reason, text).toBe(true);
  });

  it("does not take a date for a cause, nor a plain report", () => {
    for (const text of ["The ban has stood since 2018.", "Prices have risen since July.", "The minister met the mayor in New York on Monday.", "Its framework follows the standards of the FATF."]) expect(featuresOf(text).reason, text).toBe(false);
  });
});

describe("featuresOf(…).amount", () => {
  it("finds money, shares and measures", () => {
    for (const text of ["Overseas workers sent home $31 billion.", "Tokenised bonds worth 300 million rupees.", "About 15 percent of the population trade.", "It allocated 2,000 MW to miners.", "Deposits are capped at Rs1m a month.", "Exchanges must hold Rs500 million.", "Assets held for longer would be taxed at 7.5pc.", "The winning bids averaged 8.2 US cents per kilowatt-hour.", "Alerts cost Rs50 a month.", "The fee is fifty rupees.", "Capacity rose by 1.2 thousand megawatts."]) expect(featuresOf(text).amount, text).toBe(true);
  });

  it("does not take a count or a year for an amount", () => {
    for (const text of ["PVARA cleared two global exchanges.", "The ban has stood since 2018.", "The digital rupee will be piloted.", "The wallet has 12 million users.", "More than 25 million Pakistanis trade online.", "TezPay lets its 12 million users follow bitcoin prices in rupees."]) expect(featuresOf(text).amount, text).toBe(false);
  });
});

describe("featuresOf(…).money", () => {
  it("finds a currency beside its figure, and not a measure or a share", () => {
    for (const text of ["The $320 million project will be built in two phases.", "The trial cost Rs180 million.", "Tokenised bonds worth 300 million rupees.", "The winning bids averaged 8.2 US cents per kilowatt-hour."]) expect(featuresOf(text).money, text).toBe(true);
    for (const text of ["It will build a 150-megawatt mining centre.", "About 15 percent of the population trade.", "The wallet has 12 million users."]) expect(featuresOf(text).money, text).toBe(false);
  });
});

describe("featuresOf(…).duration", () => {
  it("finds a stretch of time, in figures or words", () => {
    for (const text of ["Ordinances of this kind remain in force for 120 days.", "Building such a regime would take six to eight months.", "Definitive agreements are due within six months.", "The pilot ran for two years.", "Recipients will receive rupees within minutes.", "Officials expect at least three more months to pass before any licence is granted."]) expect(featuresOf(text).duration, text).toBe(true);
  });

  it("does not take a date or a count for a duration", () => {
    for (const text of ["The ordinance was promulgated on July 8, 2025.", "PVARA cleared two global exchanges.", "The board meets every month."]) expect(featuresOf(text).duration, text).toBe(false);
  });
});

describe("featuresOf(…).age", () => {
  it("finds an age, a range of ages or an age limit", () => {
    for (const text of ["Most crypto users in Pakistan are between 18 and 34.", "The chairperson should be no older than 55.", "Applicants aged 25 may apply.", "He is 40 years old.", "70 percent of people are under 30."]) expect(featuresOf(text).age, text).toBe(true);
  });

  it("does not take a share, a sum, a duration or a year for an age", () => {
    for (const text of ["Between 20 and 40 million Pakistanis use digital assets.", "It took six to eight months.", "Over 60 percent agreed.", "The ban dates from 2018."]) expect(featuresOf(text).age, text).toBe(false);
  });
});

describe("featuresOf(…).place", () => {
  it("finds a capitalised name after in or at", () => {
    for (const text of ["Customers in Karachi and Lahore will get it first.", "The gathering was held at the Coca-Cola Arena."]) expect(featuresOf(text).place, text).toBe(true);
  });

  it("takes a region named by its compass point for a place, and not a compass point in other senses", () => {
    for (const text of ["The power will come mainly from plants in the south of the country.", "Demand is highest in the north-west."]) expect(featuresOf(text).place, text).toBe(true);
    expect(featuresOf("The plan went south after the vote.").place).toBe(false);
  });

  it("does not take a month, a weekday, a sum or a currency for a place", () => {
    for (const text of ["The pilot is capped at Rs5 billion in circulation.", "The pilot starts in January.", "They met in December at Rs 5 a unit.", "Miners will pay in US dollars."]) expect(featuresOf(text).place, text).toBe(false);
  });
});

describe("featuresOf(…).venue", () => {
  it("finds a capitalised name after at, where an event is held, and not the city after in", () => {
    for (const text of ["The gathering was held at the Coca-Cola Arena.", "They met at Gracie Mansion on Friday."]) expect(featuresOf(text).venue, text).toBe(true);
    for (const text of ["Saqib would address the summit in Dubai.", "The pilot is capped at Rs5 billion.", "The vote is at December's session."]) expect(featuresOf(text).venue, text).toBe(false);
  });

  it("finds a venue named as such", () => {
    expect(featuresOf("He said the venue would be the Gwadar Business Centre.").venue).toBe(true);
    expect(featuresOf("The location has been Expo Centre since 2019.").venue).toBe(true);
    expect(featuresOf("The venue was changed twice.").venue).toBe(false);
  });
});

describe("featuresOf(…).person", () => {
  it("finds two or more capitalised whole words", () => {
    for (const text of ["Bilal Bin Saqib said so.", "The deal was signed by Robert ‘Bo’ Hines.", "It was announced, said Ayesha Malik."]) expect(featuresOf(text).person, text).toBe(true);
  });

  it("does not read capitals inside a word or before a figure as a name", () => {
    for (const text of ["PVARA has fined CoinPak Rs10 million.", "The platform must stop taking new users."]) expect(featuresOf(text).person, text).toBe(false);
    // A company is named with words a person's name does not have.
    for (const text of ["A Karachi fintech, Sonehra Digital, launched a token.", "Tijori Custody plans to apply."]) expect(featuresOf(text).person, text).toBe(false);
    // So are colleges, courts and federations.
    for (const text of ["The Harbour College will run the courses.", "The Islamabad High Court heard the case.", "The Traders Federation objected."]) expect(featuresOf(text).person, text).toBe(false);
    // … and laws: "the State Bank of Pakistan Act" names no one.
    for (const text of ["Parliament amended the State Bank of Pakistan Act in 2024.", "The Virtual Assets Ordinance took effect."]) expect(featuresOf(text).person, text).toBe(false);
    expect(featuresOf("Sonehra's chief executive, Sana Iqbal, was a banker.").person).toBe(true);
    // A name right after "in", "at" or "near", or listed after one, is a place.
    for (const text of ["The contest was held in Kuala Lumpur.", "The other candidates were in Port Qasim, Dera Ghazi Khan, Jamshoro and Hub."]) expect(featuresOf(text).person, text).toBe(false);
    expect(featuresOf("The pilot in Karachi was praised by Zainab Malik.").person).toBe(true);
  });
});

describe("featuresOf(…).office", () => {
  it("finds an office held by its verb as well as its noun; a role only by its noun", () => {
    const heads = featuresOf("Rabia Anwar heads the enforcement wing of the regulator.");
    expect(heads.office).toBe(true);
    expect(heads.role).toBe(false);
    expect(featuresOf("The committee, chaired by Senator Khan, met on Monday.").office).toBe(true);
    expect(featuresOf("Sana Iqbal is the chief executive.").role).toBe(true);
  });
});

describe("featuresOf(…).number", () => {
  it("finds a number said in words of multiplying or dividing (\"double\", \"half\")", () => {
    for (const text of ["We want to double that by the end of next year.", "About half of the inflows come from the Gulf."]) expect(featuresOf(text).number, text).toBe(true);
    expect(featuresOf("The regulator wants a bigger team.").number).toBe(false);
  });
});

describe("featuresOf(…).share", () => {
  it("finds a share of a whole, not any amount", () => {
    for (const text of ["Many plants run at around 40 percent of their capacity.", "Roughly two-thirds involve fake apps.", "The tax is 15pc."]) expect(featuresOf(text).share, text).toBe(true);
    for (const text of ["The bill exceeds Rs2 trillion a year.", "We have 41 people in enforcement."]) expect(featuresOf(text).share, text).toBe(false);
  });
});

describe("featuresOf(…).frequency", () => {
  it("finds how often something happens, not a rate or a single date", () => {
    for (const text of ["Exchanges must file a statement every quarter.", "The board will hold bi-monthly meetings.", "The group meets twice a year.", "Returns are due each month."]) expect(featuresOf(text).frequency, text).toBe(true);
    for (const text of ["Trading exceeds $300 billion a year.", "The board met on Monday.", "The tax takes effect next year."]) expect(featuresOf(text).frequency, text).toBe(false);
  });
});

describe("featuresOf(…).date", () => {
  it("finds a season as a time, as a month is one", () => {
    expect(featuresOf("The bill will be tabled in the winter session.").date).toBe(true);
    expect(featuresOf("The bill will be tabled soon.").date).toBe(false);
  });

  it("does not take the day a statement was made for a date of what it reports (\"…, the company said on Thursday\")", () => {
    for (const text of ["Paisa Vault has raised $6 million in a seed round, the company said on Thursday.", "The pilot covers three districts, officials told reporters on Monday."]) expect(featuresOf(text).date, text).toBe(false);
    for (const text of ["The startup was founded in 2023.", "PVARA announced the licences on Tuesday.", "The minister said on Friday that the pilot would start in March."]) expect(featuresOf(text).date, text).toBe(true);
  });

  it("finds a week, month or year only where it is placed in time, not a tax year or an event's name", () => {
    for (const text of ["The rules take effect next month.", "Officials met earlier this week.", "The plan was dropped two years later."]) expect(featuresOf(text).date, text).toBe(true);
    for (const text of ["Profits below Rs500,000 in a tax year would be exempt.", "Saqib spoke at Binance Blockchain Week.", "Trading exceeds $300 billion a year."]) expect(featuresOf(text).date, text).toBe(false);
  });
});
