/** What a sentence offers to the kinds of question (who, when, how many, where…), read with regular expressions. */

export interface Features {
  date: boolean;
  number: boolean;
  /** A number that counts or measures: digits that are not a year, or a number word beyond "one". */
  quantity: boolean;
  /** A quantity with a unit: money, a share, a scale word or a measure ("$25 billion", "15 percent", "2,000 MW"). */
  amount: boolean;
  /** A sum of money: a currency beside its figure ("Rs180 million", "$320 million", "300 million rupees") — not a measure ("150-megawatt"). */
  money: boolean;
  /** A stretch of time: "120 days", "six to eight months", "a few weeks", "two years". */
  duration: boolean;
  /** A share of a whole: "40 percent", "15pc", "two-thirds", "half". */
  share: boolean;
  /** A frequency: "every quarter", "each month", "bi-monthly", "twice a year". */
  frequency: boolean;
  /** An age: "between 18 and 34", "no older than 55", "aged 40", "25 years old", "under 30". */
  age: boolean;
  person: boolean;
  /** An office by its noun: "minister", "chief executive", "chairman" — what a question for someone's job is answered with. */
  role: boolean;
  /** An office held, by its noun or its verb ("heads", "chaired by"): what names the holder of an office asked about. */
  office: boolean;
  /** A doer named after "by": "being built by the Punjab Information Technology Board", "led by Lumen Hash" — a body answers "who is building …". */
  agent: boolean;
  place: boolean;
  /** A venue: a named place something is at ("at the Coca-Cola Arena", "at Gracie Mansion"), not the city it is in. */
  venue: boolean;
  quote: boolean;
  stance: boolean;
  /** A cause, purpose or motive: "because", "due to", "in order to", "amid concerns", "to curb…". */
  reason: boolean;
}

/** The offices news names people by: what a "who" answer may give instead of a name, and what a question about an office's holder names. */
export const ROLE_WORDS = "minister|secretary|director|president|mayor|ceo|chair(?:man|woman|person)?|advis[eo]r|assistant|governor|chief|head|founder|leader|official|executive|spokes(?:man|woman|person)";
const ROLE = new RegExp(`\\b(?:${ROLE_WORDS})\\b`, "i");
/** An office held, by its noun or by the verb news gives it ("Rabia Anwar heads the enforcement wing", "the committee, chaired by …"). */
const OFFICE = new RegExp(`\\b(?:${ROLE_WORDS}|heads|headed|heading|chairs|chaired|chairing|founded)\\b`, "i");
/** Every word of a sentence that names an office (OFFICE's words). */
export const OFFICE_WORDS = new RegExp(OFFICE.source, "gi");
/**
 * A time a sentence names: a month, a weekday, a year, "yesterday", or a week,
 * month or year placed in time ("next month", "earlier this week") — not a
 * bare "year" ("in a tax year", "Rs300 billion a year") or "week" ("Binance
 * Blockchain Week").
 */
const DATE = /\b(?:january|february|march|april|may|june|july|august|september|october|november|december|monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|today|tomorrow|spring|summer|autumn|winter|(?:19|20)\d{2}|(?:next|last|this|that|coming|following|previous|past|same|current) (?:week|month|year|quarter)|(?:weeks|months|years) (?:ago|later|earlier))\b/i;
/**
 * The day a statement was made, attached to its verb of speech ("…, the
 * company said on Thursday", "officials told reporters on Monday"): when the
 * report came, not when what it reports happened.
 */
const SAID_ON = /\b(?:said|says|told (?:\w+ )?\w+|added|stated|confirmed)(?: (?:in a statement|in an interview|at a briefing))? (?:on|late on|early on) (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b/gi;
const NUMBER = /\d|\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozen|dozens|hundred|hundreds|thousand|thousands|million|billion|trillion|half|double|twice|triple)\b/i;
/** Digits after a word boundary or glued to a currency ("Rs1m", "PKR500"), not a year. */
const QUANTITY = /(?:\b|(?<=\b(?:Rs|PKR|USD|AED)\.?))(?!(?:19|20)\d{2}\b)\d|\b(two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozen|dozens|hundred|hundreds|thousand|thousands|million|millions|billion|billions|trillion|half|quarter|double|twice|triple)\b/i;
/**
 * What makes a quantity an amount: a currency ("Rs50", "$2 billion"), a share
 * (Pakistan's papers write "15pc"), a unit of measure, each beside its figure
 * ("300 million rupees", "8.2 US cents"). Not a scale word alone: "12 million
 * users" is a count, and "12 million users … prices in rupees" names no sum.
 */
const CURRENCY_WORDS = String.raw`rs|pkr|usd|aed|rupees?|paisas?|dollars?|cents?|euros?|pounds?|dirhams?|riyals?|yuan`;
const UNIT_WORDS = String.raw`${CURRENCY_WORDS}|percent|per cent|percentage|megawatts?|gigawatts?|kilowatts?|mw|gw|kw|kwh|mwh|tonnes?|tons?|kg|kilograms?|grams?|tolas?|ounces?|barrels?|acres?|hectares?|km|kilomet(?:er|re)s?|miles?`;
const FIGURE = String.raw`(?:\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|a hundred|thousand|half|a quarter)`;
/** A currency before its figure ("$2 billion", "Rs50"). */
const CURRENCY_FIGURE = String.raw`(?:[$€£¥₹₨]|\b(?:rs|pkr|usd|aed)\.?)\s?\d`;
/** A figure, its scale words, then one of `units` ("300 million rupees", "8.2 US cents"). */
const figureOf = (units: string): string => String.raw`\b${FIGURE}(?:[\s-]+(?:hundred|thousand|million|billion|trillion|lakh|crore|us|pakistani|american))*[\s-]+(?:${units})\b`;
const UNIT = new RegExp(String.raw`${CURRENCY_FIGURE}|\d\s?(?:%|pc|bn|mn|m|k)\b|${figureOf(UNIT_WORDS)}`, "iu");
/** A sum of money: a currency beside its figure — what "how much does it cost" is answered with, not "150-megawatt". */
const MONEY = new RegExp(`${CURRENCY_FIGURE}|${figureOf(CURRENCY_WORDS)}`, "iu");
const DURATION = /\b(?:within|in a matter of) (?:seconds|minutes|hours|days|weeks)\b|\b(?:\d[\d,.]*|a|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|ninety|hundred|several|few|many)(?:\s*(?:-|to|or|and)\s*(?:\d[\d,.]*|two|three|four|five|six|seven|eight|nine|ten|twelve))?\s*-?(?:(?:more|further|additional|extra)\s+)?(?:days?|weeks?|months?|years?|hours?|decades?)\b/i;
/** A share of a whole: a percentage or a fraction ("40 percent of their capacity", "roughly two-thirds"). */
const SHARE = /\d\s?(?:%|pc\b)|\b(?:percent|per cent|percentage|half|halves|one-third|two-thirds|a third|one-quarter|three-quarters|a quarter|a fifth|a tenth)\b/i;
/** How often something happens: "every quarter", "every six months", "bi-monthly meetings", "twice a year" — not a rate ("$300 billion a year"). */
const FREQUENCY = /\b(?:every|each) (?:(?:other|second|\d+|two|three|four|six|twelve) )?(?:day|week|fortnight|month|quarter|year|session)s?\b|\b(?:daily|weekly|fortnightly|monthly|quarterly|annually|yearly|bi-?(?:weekly|monthly|annually)|biannually|semi-?annually)\b|\b(?:once|twice|thrice|(?:two|three|four|five|six|\d+) times) (?:a|an|per|each|every) (?:day|week|month|quarter|year)\b/i;
const AGE = /\b(?:aged?\s+(?:between\s+)?\d{1,3}\b|\d{1,3}(?:\s*(?:-|to|and)\s*\d{1,3})?[\s-]+years?[\s-]+old|(?:older|younger) than\s+\d{1,3}\b|between\s+\d{1,2}\s+and\s+\d{1,2}\b(?!\s*(?:percent|per cent|%|million|billion|days|weeks|months|years))|(?:under|over|above|below)\s+(?:the age of\s+)?\d{2}\b(?!\s*(?:percent|per cent|%|million|billion|days|weeks|months|years|countries|members))|in (?:their|his|her) (?:teens|twenties|thirties|forties|fifties|sixties|seventies))/i;
/** Two or more capitalised whole words ("Ayesha Malik", "Bilal Bin Saqib"): "CoinPak Rs10" holds none. */
const NAME = /(?<![\p{L}\p{N}])\p{Lu}[\p{Ll}’']+(?:\s+(?:(?:bin|ibn|al|de|van|von)\s+)?(?:[‘'][\p{L}]+[’']\s+)?\p{Lu}[\p{Ll}’']+(?![\p{L}\p{N}]))+/gu;
/**
 * Words that make a capitalised name an organisation or a place rather than a
 * person: bodies ("Senate Standing Committee"), places ("Gracie Mansion") and
 * the words companies are named with ("Sonehra Digital", "Tijori Custody",
 * "Indus Hash Technologies").
 */
const NOT_A_PERSON = /\b(?:act|acts|bill|law|ordinance|rules|regulations|policy|code|circular|amendment|committee|council|ministry|office|house|bank|board|federal|national|authority|agency|unit|division|association|assembly|conference|exchange|senate|standing|state|states|city|republic|group|company|academy|university|college|school|institute|foundation|federation|court|parliament|government|center|centre|department|commission|reserve|fund|forum|summit|mansion|south|north|east|west|global|digital|capital|ventures|labs|technologies|technology|holdings|partners|systems|solutions|services|financial|markets|securities|vaults|custody|networks?|media|energy|limited|ltd|inc|corp|corporation|llc|plc)\b/i;
/** What puts a name right after it in a place, not a person: "held in Kuala Lumpur", "candidates were in Port Qasim, Dera Ghazi Khan". */
const PLACED = /\b(?:in|at|near)\s+(?:the\s+)?$|\b(?:in|at|near)\s+(?:\p{Lu}[\p{L}’'-]*\s+)*\p{Lu}[\p{L}’'-]*,\s+(?:and\s+)?$/u;
/** How many characters before a name PLACED reads: a list of places is short, and a long sentence is not re-read per name. */
const PLACED_REACH = 80;
/** The capitalised words that name a month or a weekday: a date, not a name. */
export const CALENDAR_NAMES = "January|February|March|April|May|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday";
/** A capitalised name after one of `prepositions` — not a month, a weekday or an amount ("at Rs5 billion", "in US dollars"); group 1 is the name. */
const nameAfter = (prepositions: string): string =>
  String.raw`\b(?:${prepositions})\s+(?:the\s+)?(?!(?:${CALENDAR_NAMES}|Rs|PKR|USD)\b)(\p{Lu}[\p{L}’'-]*)(?![\p{L}\p{N}’'-])(?!\s+(?:dollars?|cents?|rupees?|riyals?|dirhams?|pounds?|euros?|yuan)\b)`;
/** "the venue would be the Gwadar Business Centre": a venue named as such; group 2 is its name. */
const VENUE_IS = String.raw`\b(?:venue|location)\s+(?:is|was|will be|would be|has been)\s+(?:the\s+)?(\p{Lu}[\p{L}’'-]*(?:\s+\p{Lu}[\p{L}’'-]*)*)`;
/**
 * "in Karachi", "at the Coca-Cola Arena": a capitalised word after "in" or
 * "at" — not a month, a weekday or an amount ("in January", "at Rs5 billion",
 * "in US dollars"); or a region by its compass point ("plants in the south of
 * the country").
 */
export const PLACE_NAMED = new RegExp(String.raw`${nameAfter("in|at")}|\b(?:in|from|across)\s+the\s+((?:north|south)(?:-?(?:east|west))?|east|west)(?:ern)?\b|${VENUE_IS}`, "gu");
const PLACE = new RegExp(PLACE_NAMED.source, "u");
/**
 * "at the Coca-Cola Arena", "at Gracie Mansion": English puts an event at its
 * venue and in its city ("held at the Coca-Cola Arena in Dubai"), so a
 * capitalised name after "at" is where something took place, one after "in"
 * the town or country around it.
 */
export const VENUE_NAMED = new RegExp(`${nameAfter("at")}|${VENUE_IS}`, "gu");
const AGENT = new RegExp(nameAfter("by"), "u");
const VENUE = new RegExp(VENUE_NAMED.source, "u");
const QUOTE = /[“"][^”"]{8,}|\b(?:said|says|saying|remarked|stated|noted|added|told|writing|wrote|tweeted|posted)\b/iu;
/** Words that settle a yes/no question either way: a negation, a contrast, a verdict. */
const STANCE = /\b(?:not|no|never|none|nor|neither|without|rather than|instead|only|yet|cannot|unlikely|likely|denied|ruled out|confirmed|remains?|still)\b|n[’']t\b/iu;
/** Cause and purpose connectives (as discourse annotation lists them), and the motives news gives for a decision. */
const REASON = /\b(?:because|since(?!\s+(?:\d|january|february|march|april|may|june|july|august|september|october|november|december|then|last|early|late|the\s+(?:start|beginning|end)))|as a (?:result|consequence)|due to|owing to|thanks to|in order to|so that|so as to|in a bid to|aim(?:s|ed|ing)? (?:to|at)|designed to|intended to|meant to|reasons?|caus(?:e|es|ed)|conclud(?:ed|ing) that|given that|in light of|in the wake of|(?:prompted|triggered|spurred|driven) by|(?:move|decision|step|plan|push|rules?|change|call|ban|crackdown) (?:follows|followed|comes after|came after)|amid|fears?|feared|worr(?:y|ies|ied)|concerns?|concerned|risks?|mindful|hence|therefore|thus|to (?:avoid|prevent|protect|ensure|curb|reduce|cut|lower|improve|help|attract|restore|boost|promote|encourage|address|tackle|bypass)|(?:would|could|will) (?:allow|help|let|reduce|cut|lower|make|bypass|avoid|bring|ease|earn|save|attract|boost)|(?:is|are|was|were) behind|blamed (?:for|on)|(?:aim|goal|purpose|objective|idea|intention) (?:is|was|being) to|(?:led|leads?) to|result(?:s|ed)? in|stem(?:s|med)? from|responsible for)\b/iu;

/**
 * A sentence's features, each read from its text when asked for: a question
 * asks for one or two of them, of a few hundred sentences, so nothing is
 * computed for the hundreds of thousands of sentences never asked about.
 */
class SentenceFeatures implements Features {
  constructor(private readonly text: string) {}

  get date(): boolean {
    return DATE.test(this.text.replace(SAID_ON, ""));
  }
  get number(): boolean {
    return NUMBER.test(this.text);
  }
  get quantity(): boolean {
    return QUANTITY.test(this.text);
  }
  get amount(): boolean {
    return UNIT.test(this.text);
  }
  get money(): boolean {
    return MONEY.test(this.text);
  }
  get duration(): boolean {
    return DURATION.test(this.text);
  }
  get share(): boolean {
    return SHARE.test(this.text);
  }
  get frequency(): boolean {
    return FREQUENCY.test(this.text);
  }
  get age(): boolean {
    return AGE.test(this.text);
  }
  get person(): boolean {
    return [...this.text.matchAll(NAME)].some((match) => !NOT_A_PERSON.test(match[0]) && !PLACED.test(this.text.slice(Math.max(0, match.index - PLACED_REACH), match.index)));
  }
  get role(): boolean {
    return ROLE.test(this.text);
  }
  get office(): boolean {
    return OFFICE.test(this.text);
  }
  get agent(): boolean {
    return AGENT.test(this.text);
  }
  get place(): boolean {
    return PLACE.test(this.text);
  }
  get venue(): boolean {
    return VENUE.test(this.text);
  }
  get quote(): boolean {
    return QUOTE.test(this.text);
  }
  get stance(): boolean {
    return STANCE.test(this.text);
  }
  get reason(): boolean {
    return REASON.test(this.text);
  }
}

/** The features of a sentence. */
export function featuresOf(text: string): Features {
  return new SentenceFeatures(text);
}
