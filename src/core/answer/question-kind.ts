/**
 * Stage 1, first part — what kind of answer a question asks for: a person, a
 * date, a number, a reason…; which of its words only name that kind ("job",
 * "which cities", "who runs") and what a sentence must offer to answer them;
 * for "how many X", what is counted; for "how much" or a price, an amount;
 * for "before 2025", the years the date may fall in. analyse.ts reads the
 * rest of the question.
 */
import { foldTypography, oneSlipApart, toTerm } from "../text.ts";
import { ROLE_WORDS } from "../features.ts";
import type { QuestionKind, TypeFeature } from "./types.ts";

/** A question asked for a yes or a no ("did he say …", "is it …"), whatever it asks about. */
export const YES_NO_FORM = /^\s*(?:is|are|was|were|did|does|do|has|have|had|can|could|will|would|should|may|must)\b/i;

const KIND_PATTERNS: [QuestionKind, RegExp][] = [
  ["number", /\bhow (many|much|old|big|large)\b|\bwhat(?:'s|s| is| was| are| were)?(?: the)? (minimum|maximum|lowest|highest|smallest|largest)\b|\bwhat(?:'s|s| is| was)?(?: the)?(?: [a-z]+){0,2} (amount|number|percentage|share|age|size|sum|total|cap|ceiling|limit|price|cost|fee|rate|tariff|fine|penalty|salary|budget|population|revenue|income|worth)\b|\bwhat(?:'s|s| is| was| are| were) (?:[\w-]+ ){0,3}[\w-]+['’]s(?: [a-z]+)? (amount|number|percentage|share|age|size|total|cap|limit|price|cost|fee|rate|fine|penalty|salary|budget|population|revenue|income|worth)\b/],
  ["when", /^when\b|\bhow (long|soon|fast|quickly|often)\b|\b(what|which) (year|date|day|month|time)\b|\bsince when\b|^(what|which)\b.*\b(deadline|closing date|cut-?off date)\b/],
  // "what post does he hold" asks for an office; "what did he post" for his words.
  ["who", /^(who|whom|whose)\b|\bwhich (person|official|minister|people)\b|\b(job|position|title|role|designation|occupation|profession)\b|\b(?:what|which) post\b(?! on\b)/],
  ["where", /^where\b|\b(what|which) (cit(y|ies)|countr(y|ies)|places?|venues?|locations?)\b/],
  // "what's the point of …", "what was the reason for …": a reason asked for.
  ["why", /^why\b|\bfor what reason\b|\bwhat(?:'s|s| is| was| are| were)? the (?:point|purpose|aim|goal|reason|rationale|motive|thinking|logic) (?:of|behind|for|in)\b/],
  // "which two bodies", "what private firms" — not "what did officials advise", whose officials are no answer.
  ["which", /^(which|what) (?!(?:did|do|does|is|are|was|were|has|have|had|will|would|can|could|should)\b)(\w+ )?(bod(y|ies)|agenc(y|ies)|compan(y|ies)|cit(y|ies)|countr(y|ies)|district|districts|office|offices|province|provinces|organi[sz]ations?|institutions?|banks?|exchanges?|firms?|groups?|councils?|ministr(y|ies)|departments?|officials?|people|persons?)\b|^which\b/],
  ["quote", /\b(say|said|says|tell(?! (?:me|us)\b)|told|tweet(ed)?|post(ed)?|write|wrote|remark(ed)?|comment(ed)?|quote)\b/],
  ["yesno", YES_NO_FORM],
  // Naming verbs ask for someone's words too, unless the question asks for a yes or a no ("did he describe it as …").
  ["quote", /\b(describe[ds]?|dub(bed)?|nicknamed?|(?:call(?:ed)?|term(?:ed)?)(?= (?:it|him|her|them|the|this|that|his|their|its)\b))\b|\b(?:compared?|liken(?:ed)?)\b.*\bto\s*\?*\s*$/],
  // "What is X?" asks for a definition; "what is pvara checking after the hack" (a verb in -ing after the subject) does not.
  ["define", /^what (is|are|was|does|do)( an?| the)? [\w’'-]+(?! [\w’'-]*\p{L}{2}ing\b)( [\w’'-]+){0,5}( do| mean| stand for)?\?*$|\bstand for\b|\bfull form\b/u],
];

/**
 * A question word that opens the question decides its kind, whatever follows:
 * "why is there a cap on how much each person can hold" asks for a reason,
 * not an amount.
 */
const OPENERS: [QuestionKind, RegExp][] = [
  ["why", /^why\b/],
  ["when", /^when\b/],
  ["where", /^where\b/],
  ["who", /^(who|whom|whose)\b/],
];

/** The kind of answer a question asks for. */
export function classify(question: string): QuestionKind {
  const q = foldTypography(question).toLowerCase().trim();
  return [...OPENERS, ...KIND_PATTERNS].find(([, pattern]) => pattern.test(q))?.[0] ?? "fact";
}

/**
 * Words that say what kind of answer is wanted, wherever they stand ("what is
 * X's job", "which day of the week"): the answer gives a title, a place or a
 * day instead of repeating them, so they count as answer-type words (matched
 * by the kind of sentence, at ANSWER_TYPE_WEIGHT), not as the subject.
 */
const ANSWER_TYPE_NOUNS = new Set(["job", "position", "title", "role", "designation", "occupation", "profession", "city", "country", "venue", "place", "location", "day", "weekday", "date", "year", "month", "deadline", "amount", "number", "figure", "name", "minimum", "maximum"]);

/** Verbs of holding an office: in a "who" question ("who runs X") they ask for the holder of an office, as "job" does. */
const OFFICE_VERBS = ["runs", "run", "heads", "head", "leads", "lead", "chairs", "chair", "manages", "directs", "oversees"];

/**
 * Verbs of reporting speech: "who warned that an unregulated currency cannot
 * be regulated" asks for a speaker, whom the article may introduce with
 * "argued" or "said" — the words of the claim are what to find.
 */
const REPORTING_VERBS = ["warned", "warns", "argued", "argues", "claimed", "claims", "insisted", "insists", "stressed", "stresses", "cautioned", "urged", "urges", "predicted", "predicts", "suggested", "suggests", "noted", "complained", "acknowledged", "admitted", "conceded", "contended", "asserted", "remarked", "declared"];

/** Verbs of naming a thing: in a question for someone's words ("what did White call the memorandum", "what did he compare it to") they ask for a quote, in whatever words it is reported ("described it as …"). */
const NAMING_VERBS = ["call", "called", "calls", "describe", "described", "describes", "dub", "dubbed", "nickname", "nicknamed", "term", "termed", "label", "labelled", "labeled", "compare", "compared", "liken", "likened"];

/** Nouns of purpose: in "what's the point of giving power to miners" they ask for a reason, as "why" does. */
const PURPOSE_NOUNS = ["point", "purpose", "aim", "goal", "reason", "rationale", "motive", "thinking", "logic"];

/** Nouns of money: in "how much money did the app take" they ask for an amount, which the sum itself gives ("Rs2 billion"). */
const MONEY_NOUNS = ["money", "cash"];

/** The words that name the kind of answer in a question of a kind: office and reporting verbs in "who", naming verbs in a quote question, nouns of purpose in "why", nouns of money in "how much". */
const KIND_WORDS: Partial<Record<QuestionKind, string[]>> = { who: [...OFFICE_VERBS, ...REPORTING_VERBS], quote: NAMING_VERBS, why: PURPOSE_NOUNS, number: MONEY_NOUNS };

/**
 * What a sentence must offer to answer a word that names a kind of answer,
 * whatever words it uses: a title for "job" or "who runs", a place for "city",
 * a date for "year", an age for "age" (features.ts).
 */
const OFFERED_BY: Record<string, TypeFeature> = {
  job: "role", post: "role", position: "role", title: "role", role: "role", designation: "role", occupation: "role", profession: "role",
  city: "place", cities: "place", country: "place", countries: "place", venue: "venue", venues: "venue", place: "place", location: "place",
  day: "date", weekday: "date", date: "date", year: "date", month: "date", deadline: "date",
  often: "frequency", share: "share", percentage: "share", proportion: "share", fraction: "share", age: "age", amount: "amount", number: "quantity", figure: "quantity", minimum: "quantity", maximum: "quantity", limit: "quantity", cap: "quantity", ceiling: "quantity",
  biggest: "quantity", largest: "quantity", highest: "quantity", smallest: "quantity", lowest: "quantity",
  ...Object.fromEntries(OFFICE_VERBS.map((verb) => [verb, "role"])),
  ...Object.fromEntries(NAMING_VERBS.map((verb) => [verb, "quote"])),
  ...Object.fromEntries(PURPOSE_NOUNS.map((noun) => [noun, "reason"])),
  ...Object.fromEntries(MONEY_NOUNS.map((noun) => [noun, "amount"])),
};

/** The kinds of question in which such a word asks for the answer ("which year did …"), not constrains it ("why was it scrapped this year"). */
const ASKED_BY: Record<TypeFeature, QuestionKind[]> = {
  role: ["who"],
  place: ["where"],
  venue: ["where"],
  date: ["when"],
  age: ["number"],
  amount: ["number"],
  quantity: ["number"],
  quote: ["quote"],
  reason: ["why"],
  frequency: ["when"],
  share: ["number"],
};

/**
 * "how long", "how old", "how soon until": after "how", these words ask for a
 * duration, an age or a size — they are the kind of answer, not its subject
 * ("how long do ordinances stay in force" is not about length).
 */
export const HOW_WORDS = new Set(["long", "soon", "fast", "quickly", "old", "big", "large", "far", "often", "until", "till", "before"]);

/** Whether a word names the kind of answer wherever it stands ("job", "city", "year"). */
export const namesAnswerType = (word: string): boolean => ANSWER_TYPE_NOUNS.has(word.toLowerCase());

/** Whether a word of a question of this kind names the kind of answer: "who runs …" asks for a role, "what did she call it" for her words, "what's the point of …" for a reason. */
export const isKindWord = (word: string, kind: QuestionKind): boolean => KIND_WORDS[kind]?.includes(word.toLowerCase()) ?? false;

/**
 * The feature a sentence must have to answer a word naming the kind of answer
 * ("job" → role), when a question of this kind asks for it; undefined for
 * other words and kinds.
 */
export function offeredFor(word: string, kind: QuestionKind): TypeFeature | undefined {
  const feature = OFFERED_BY[word.toLowerCase()];
  return feature && ASKED_BY[feature].includes(kind) ? feature : undefined;
}

/**
 * "how many us lawmakers did …", "how many people attended …": what is
 * counted is among the words before the verb (an auxiliary or a past tense
 * in "-ed") or preposition (a verb the list lacks may be among them).
 */
const HOW_MANY = /\bhow many\s+((?:\p{L}+\s+){0,2}?\p{L}+)(?=\s+(?:did|do|does|are|is|was|were|could|can|will|would|should|have|has|had|of|in|on|at|for|from|to|with|by|under|does|\p{L}+ed)\b|\s*[?.,]|\s*$)/iu;

/** The word after "how many", when HOW_MANY cannot tell where the counted words end. */
const HOW_MANY_WORD = /\bhow many\s+(\p{L}+)/iu;

/** "how much bitcoin …": the noun after "how much", which a quantity of it answers as a sum would ("10,000 bitcoin"). */
const HOW_MUCH = /\bhow much\s+(\p{L}+)/iu;

/** Words after "how much" that are no noun measured: a verb ("how much did …"), money (a sum answers it), a comparison. */
const NOT_MEASURED = new Set(["is", "are", "was", "were", "do", "does", "did", "will", "would", "can", "could", "should", "has", "have", "had", "it", "they", "he", "she", "we", "you", "of", "more", "less", "longer", "further", "money", "cash", "time"]);

/** The terms of the noun "how much" measures, when it names one ("how much bitcoin"); undefined otherwise. */
function measuredBy(text: string): string[] | undefined {
  const word = HOW_MUCH.exec(text)?.[1]?.toLowerCase();
  const term = word && !NOT_MEASURED.has(word) ? toTerm(word) : null;
  return term ? [term] : undefined;
}

/** Words that ask for an amount (money, a share, a measure) rather than a count. */
/** Nouns of what money is paid or earned as: a price, a fee, a fine, a salary. */
const PRICE_WORDS = "prices?|costs?|fees?|fines?|penalty|penalties|charges?|salary|salaries|budget|revenue|income|worth";
const AMOUNT = new RegExp(String.raw`\bhow much\b|\b(?:${PRICE_WORDS}|tariffs?|sum|value|amount|rates?|percentage|share)\b`, "i");

/**
 * Words that ask for a sum of money, not any amount: "how much will the hub
 * cost" is answered by "$320 million", not by "150-megawatt".
 */
const MONEY = new RegExp(String.raw`\b(?:${PRICE_WORDS}|money|cash|funds?|funding|loans?|costing|pays?|paid|spends?|spent|invest(?:s|ed|ment)?|raised?|collect(?:ed)?|lose|lost|earn(?:ed)?|owed?|charged)\b`, "i");

/** "before 2025", "since 2021", "after 2018": a year that bounds the answer's date. */
const YEAR_BOUND = /\b(before|prior to|earlier than|until|till|up to|after|later than|since|from)\s+((?:19|20)\d{2})\b(?!\s*(?:index|edition|report|ranking|budget|law|act|ordinance|circular|conference)\b)/i;

/** The years a bound allows, and the question without its year ("when was it ranked third before 2025" → "… before"). */
export function yearBound(text: string): { rest: string; years?: { from: number; to: number } } {
  const match = YEAR_BOUND.exec(text);
  if (!match) return { rest: text };
  const year = Number(match[2]);
  const word = match[1]!.toLowerCase();
  const years = /^(before|prior to|earlier than)$/.test(word) ? { from: 0, to: year - 1 } : /^(until|till|up to)$/.test(word) ? { from: 0, to: year } : /^(after|later than)$/.test(word) ? { from: year + 1, to: 9999 } : { from: year, to: 9999 };
  return { rest: `${text.slice(0, match.index)}${match[1]}${text.slice(match.index + match[0].length)}`, years };
}

/** "how old …", "what's the age limit …": the answer is an age. */
const AGE = /\bhow old\b|\bages?\b|\baged\b/i;

/** "how long …", "for how many months …", "how quickly …": the answer is a stretch of time ("within 24 hours"). */
const DURATION = /\bhow (?:long|fast|quickly)\b|\bhow many (?:days|weeks|months|years|hours)\b/i;

/** Verbs of lasting: in a question asking for a stretch of time ("how many years does the pact last") they only ask for it. */
const LASTING_VERBS = new Set(["last", "lasts", "lasted", "run", "runs", "remain", "remains", "stay", "stays"]);

/** Whether a word only asks for a stretch of time, the question being "how long …" ("last", "run", "remain"). */
export const asksForDuration = (word: string, question: string): boolean => LASTING_VERBS.has(word.toLowerCase()) && DURATION.test(question);

/**
 * "Who" questions about the holder of an office ("who is the new chairman of
 * the SECP?", "who heads the ministry?") ask for a person by name; other
 * "who" questions may be answered by a body ("who must applicants be
 * licensed by?" — the SEC, the FCA).
 */
const ASKS_FOR_PERSON = new RegExp(`^\\s*(?:who|whom|whose)\\b.*\\b(?:(?:${ROLE_WORDS})s?|headed|leads?|(?:co-?)?founded|runs|chairs|chaired|owns)\\b`, "i");

/**
 * "when will …", "when is the next …": a question about what is to come,
 * which only a time the article gives answers. What has happened is dated
 * by the article itself (its citation shows the date), so "when did …" needs
 * no date in the sentence.
 */
const ASKS_ABOUT_FUTURE = /\bwhen\s+(?:will|would|shall|is\s+the\s+next|are\s+the\s+next|(?:is|are)\b.*\b(?:going to|expected|due|scheduled|set to|planned))\b/i;

/** A question naming an office by its noun ("who is the governor …"), not by a verb ("who heads …"). */
const NAMES_OFFICE = new RegExp(`\\b(?:${ROLE_WORDS})s?\\b(?<!\\b(?:chairs|heads))`, "i");

/**
 * Offices particular enough that a sentence must speak of them to name their
 * holder: "who is the governor of the bank of bhutan" is not answered by a
 * sentence on Bhutan's "officials". Not the loose ones ("head", "chief",
 * "official", "executive", "ceo"), which news gives by other words ("PVARA
 * Chairman", "co-chief executive").
 */
const PARTICULAR_OFFICE = /^(?:minister|secretary|director|president|mayor|governor|chair(?:man|woman|person)?|advis[eo]r|assistant|founder|spokes(?:man|woman|person))s?$/i;

/** Whether a word of a question names a particular office ("governor", "mayor"). */
export const namesParticularOffice = (word: string): boolean => PARTICULAR_OFFICE.test(word);

/**
 * What the answer must offer beyond the kind: the counted terms of "how many
 * X", that a "how much" / price question wants an amount, that a "how
 * long" question wants a duration, that a "how old" one wants an age, that
 * a "who" question about an office's holder wants a person's name, or that a
 * "when will" question wants a time to come.
 */
export function answerWanted(text: string, kind: QuestionKind): { counted?: string[]; amount: boolean; money: boolean; measured?: string[]; duration: boolean; frequency: boolean; age: boolean; person: boolean; office: boolean; future: boolean } {
  // A verb the lookahead does not know ("how many pakistanis trade crypto"): the word after "how many" is what is counted.
  const counted = (HOW_MANY.exec(text)?.[1] ?? HOW_MANY_WORD.exec(text)?.[1])?.split(/\s+/).flatMap((word) => toTerm(word) ?? []);
  const person = kind === "who" && ASKS_FOR_PERSON.test(text);
  return {
    counted: counted?.length ? counted : undefined,
    amount: kind === "number" && !counted?.length && AMOUNT.test(text),
    // "How much value did bitcoin lose" measures value — a share answers it — not money; "how much of the money" asks
    // for a part of it, which a share gives as well as a sum ("about a third of the money").
    money: kind === "number" && !counted?.length && measuredBy(text) === undefined && !/\bhow much of\b/i.test(text) && MONEY.test(text),
    measured: kind === "number" ? measuredBy(text) : undefined,
    duration: DURATION.test(text),
    frequency: kind === "when" && /\bhow often\b/i.test(text),
    age: kind === "number" && AGE.test(text),
    person,
    office: person && NAMES_OFFICE.test(text),
    future: kind === "when" && ASKS_ABOUT_FUTURE.test(text),
  };
}

/**
 * Whether the question writes a phrase as a possessive, as a whole word
 * ("elon musk's dad", "what is khetchain's valuation"; not "pvara" in
 * "xpvara's").
 */
export function possessive(text: string, phrase: string): boolean {
  const folded = foldTypography(text).toLowerCase();
  const owned = `${phrase.toLowerCase()}'s`;
  const letter = (char: string | undefined) => char !== undefined && /\p{L}/u.test(char);
  for (let at = folded.indexOf(owned); at >= 0; at = folded.indexOf(owned, at + 1)) {
    if (!letter(folded[at - 1]) && !letter(folded[at + owned.length])) return true;
  }
  return false;
}

/** The words a question opens with to say what it asks. */
const QUESTION_WORDS = ["what", "which", "who", "whom", "whose", "where", "when", "why", "how"];

/**
 * The question with its first word spelled as a question word when it is a
 * slip of one and no word (`isWord`: English, or the corpus's) — "wich city
 * hosted …" → "which city hosted …": the kind of answer is read from that
 * word, and read as a name the corpus lacks it would refuse the question.
 */
export function withQuestionWord(question: string, isWord: (word: string) => boolean): string {
  const first = /^\s*(\p{L}+)/u.exec(question)?.[1];
  const lower = first?.toLowerCase();
  if (!first || !lower || lower.length < 3 || QUESTION_WORDS.includes(lower) || isWord(lower)) return question;
  const meant = QUESTION_WORDS.find((word) => oneSlipApart(lower, word));
  return meant ? question.replace(first, meant) : question;
}
