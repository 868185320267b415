/** The types the answer stages pass each other: the analysed question and its concepts. */

/** The sentence features (features.ts) a word naming a kind of answer may stand for. */
export type TypeFeature = "role" | "place" | "venue" | "date" | "age" | "amount" | "quantity" | "quote" | "reason" | "frequency" | "share";

export type QuestionKind = "who" | "when" | "where" | "number" | "why" | "quote" | "which" | "define" | "yesno" | "fact";

/** Term id → credit (1 for exact or prefix matches, less for misspellings). */
export type Expansion = ReadonlyMap<number, number>;

export interface Concept {
  /** The words of the question this concept came from. */
  label: string;
  /** Alternative spellings, each a list of terms that must all appear. */
  alts: string[][];
  /** For each alternative, the vocabulary expansion of each of its terms. */
  expansions: Expansion[][];
  /** A name, acronym or number: the answer must come from an article that has it. */
  entity: boolean;
  /**
   * A name however it is typed ("bosal", "Bosal", "SBP"): news names a person
   * or body once and then says "he" or "the body", so a sentence that leans
   * back takes it from earlier in its paragraph.
   */
  name: boolean;
  /** Names the kind of answer ("which agencies") rather than its subject. */
  answerType: boolean;
  /** A person's first name and surname typed side by side ("saleem ullah"): alts are the full name, then the surname alone. */
  person?: boolean;
  /**
   * For a word that names a kind of answer ("job", "city", "year", "age"):
   * the sentence feature that answers it. A sentence with that feature covers
   * the word however it is spelled ("what is his job" — "Deputy Governor").
   */
  offeredBy?: TypeFeature;
  /**
   * For each alternative, the names that outrank it where they stand: the
   * long form of "VARA" (Virtual Assets Regulatory Authority) inside
   * "Pakistan Virtual Assets Regulatory Authority (PVARA)" names PVARA, so a
   * passage holding "PVARA" does not cover "VARA" by those words.
   */
  outrankedBy?: Expansion[];
  /** In a yes/no question, the word's opposites the corpus has (term ids, also among its expansions): a sentence holding one settles the question. */
  opposites?: number[];
  /** True when the corpus has some spelling of it. */
  known: boolean;
  weight: number;
}

export interface AnalyzedQuestion {
  text: string;
  kind: QuestionKind;
  concepts: Concept[];
  /** The question's terms rare enough to retrieve by. */
  searchTerms: string[];
  /** What is sent to the search index: those terms' vocabulary matches, each with its weight. */
  retrieval: ReadonlyMap<string, number>;
  /** Every vocabulary term a concept can be credited for (its spellings, synonyms, derivations). */
  reach: ReadonlySet<string>;
  /** The question's own terms, for telling what a sentence adds. */
  ownTerms: ReadonlySet<string>;
  /**
   * When the question names an article ("according to the crypto diplomacy
   * piece"), the articles whose titles match it, best first: the answer is
   * looked for in them only. Undefined when it names none.
   */
  articles?: number[];
  /**
   * For "how many X": the terms that may name what is counted, which the
   * answer's quantity must count — the words between "how many" and the verb
   * or preposition that follows ("how many us lawmakers did…": us, lawmaker;
   * "how many technicians work at…": technician, work).
   */
  counted?: string[];
  /**
   * "How much …?", "what is the price / fee / cost …?": the answer is an
   * amount — money, a share, a measure — not a count ("two exchanges").
   */
  amount: boolean;
  /** "How much does it cost …?", "how much did they pay / lose …?": the amount is a sum of money ("$320 million"), not a measure ("150-megawatt"). */
  money: boolean;
  /**
   * For "how much X" with X no word of money ("how much bitcoin does Bhutan
   * hold"): the terms of X, which a quantity may measure instead of a
   * currency ("about 10,000 bitcoin").
   */
  measured?: string[];
  /**
   * "How long …?": the answer is a duration ("for 120 days", "six to eight
   * months") — or a date it lasts until.
   */
  duration: boolean;
  /** "How often …?": the answer is a frequency ("every quarter", "bi-monthly", "twice a year"), not a date. */
  frequency: boolean;
  /** "How old …?", "what's the age limit …?": the answer is an age ("between 18 and 34", "no older than 55"). */
  age: boolean;
  /** "Who is the governor of …", "who heads …": the answer names a person, not only an office or a body. */
  person: boolean;
  /** "Who is the governor of …": the person asked for is named with the office ("Governor Jameel Ahmad"). */
  office: boolean;
  /** "When will …", "when is the next …": the answer is a time to come, not the date of what the article reports. */
  future: boolean;
  /**
   * "Before 2025", "since 2021": the years the answer's date may fall in,
   * both ends included; the year itself is not sought in the answer.
   */
  years?: { from: number; to: number };
}
