/**
 * Text handling shared by indexing and querying: one tokenizer and one term
 * normaliser, so a question and a passage are always reduced the same way.
 */
import { stemmer } from "stemmer";
import { eng as englishStopWords } from "stopword";

/**
 * Verbs the stop-word list holds though their other forms are kept ("take" is dropped, "taking" is not):
 * dropping one form only made "take part" unreachable from "taking part". They are kept in every form.
 * "get" and "come" stay stop words: kept, "get" counted as a rare word in the framing of "the most power
 * one company can get".
 */
const CONTENT_VERBS = new Set(["take", "make"]);

const STOP_WORDS = new Set(englishStopWords.filter((word) => !CONTENT_VERBS.has(word)));

/**
 * Words that frame a question rather than name its subject ("what did X say
 * about Y"). They are dropped from queries so they neither match passages nor
 * count as terms the corpus fails to cover.
 */
const FRAMING_WORDS = new Set([
  "what", "whats", "who", "whom", "whose", "when", "where", "which", "why", "how",
  "whoever", "whatever", "whichever", "whenever", "wherever",
  "does", "do", "did", "done", "doing", "is", "are", "was", "were", "be", "been", "can",
  "could", "would", "should", "will", "shall", "may", "might", "must",
  "tell", "say", "said", "says", "mean", "means", "meant", "stand", "stands",
  "know", "explain", "describe", "kind", "sort", "type", "much", "many",
  // Requests say what to do with the answer, not what it is about ("summarise what … says about freelancers").
  "summarise", "summarize", "outline", "hey", "hi", "hello",
  "please", "anything", "something", "happen", "happens", "happened", "happening", "also", "us",
  "me", "i", "you", "your", "there", "their", "they", "it", "its", "about",
  // Hedges ask how precise the answer should be, not what it is about ("roughly how many jobs").
  "roughly", "approximately", "exactly", "precisely", "nearly", "almost", "actually", "really",
  // Attribution says who said it, not what ("according to Bosal": Bosal is sought, "according" is not).
  "according",
  // Opinion verbs frame a view as "say" frames a quote ("why do start-ups think the rule is unfair"): the
  // article reports it with "said" or "argued", not "think".
  "think", "thinks", "believe", "believes", "reckon", "reckons",
  // Intensifiers say how much, not what ("why has the government been so careful").
  "so", "very", "quite", "too",
  // Chat spellings of framing words ("how big is the reserve gonna be", "wat r the plans"): no article has
  // them, and read as names the corpus lacks they would refuse the question.
  "gonna", "wanna", "gotta", "kinda", "sorta", "dunno", "lemme", "gimme", "wat", "wht", "wut", "hw", "whos", "wheres", "whens", "hows", "whys",
  "pls", "plz", "pleas", "thx", "thanks", "btw", "tbh", "imo", "ya", "ur", "abt", "bout", "yeah", "ok", "okay",
]);

/** Maximum number of distinct terms a query keeps: bounds the cost of any search. */
export const MAX_QUERY_TERMS = 12;

const WORD = /\p{L}[\p{L}\p{M}\p{N}]*|\p{N}+(?:[.,]\p{N}+)*/gu;

const ASCII = /^[\x00-\x7F]*$/;

/** Folds typography so that ’ “ — and friends compare equal to their ASCII forms. */
export function foldTypography(text: string): string {
  if (ASCII.test(text)) return text;
  return text
    .normalize("NFKC")
    .replace(/[\u2018\u2019\u201A\u201B\u2032]/g, "'")
    .replace(/[\u201C\u201D\u201E\u201F\u2033]/g, '"')
    .replace(/[\u2010-\u2015\u2212]/g, "-")
    .replace(/\u00A0/g, " ");
}

/** Splits text into word tokens: lowercase, possessive 's dropped, 2,000 → 2000. */
export function tokenize(text: string): string[] {
  const folded = foldTypography(text)
    .replace(/\b(\p{Lu})\.(\p{Lu})\.(?:(\p{Lu})\.)?/gu, "$1$2$3")
    .toLowerCase()
    .replace(/'s\b/g, "");
  const tokens = folded.match(WORD) ?? [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (startsWithNumber(token)) tokens[i] = token.replace(/,(?=\d{3}\b)/g, "");
  }
  return tokens;
}

/** British spellings reduced to American ones so "centres" meets "centers". */
function americanize(word: string): string {
  if (word.length < 5) return word;
  return word
    .replace(/tre(s?)$/, "ter$1")
    .replace(/is(e|es|ed|ing|ation|ations)$/, "iz$1")
    .replace(/([a-z]{3})our(s?)$/, "$1or$2");
}

/** True for tokens that are numbers; they are never fuzzy- or prefix-matched. */
export function isNumeric(term: string): boolean {
  return startsWithNumber(term);
}

function startsWithNumber(token: string): boolean {
  const code = token.charCodeAt(0);
  if (code < 128) return code >= 48 && code <= 57;
  return /^\p{N}/u.test(token);
}

/**
 * Reduces one token to its index term, or null for a stop word. Used as
 * MiniSearch's processTerm for both indexing and search.
 */
export function toTerm(token: string): string | null {
  const word = token.toLowerCase();
  const known = TERM_CACHE.get(word);
  if (known !== undefined) return known;
  const plain = ASCII.test(word) ? word : withoutMarks(word);
  const term = STOP_WORDS.has(plain) || plain.length === 0 ? null : isNumeric(plain) ? plain : plain.length === 1 ? null : keepApart(plain, stemmer(americanize(plain)));
  if (TERM_CACHE.size < MAX_CACHED_TERMS) TERM_CACHE.set(word, term);
  return term;
}

/** A word without its accents and other marks: people type "Turkiye", "Sao Paulo", "Munoz" for "Türkiye", "São Paulo", "Muñoz". */
const withoutMarks = (word: string): string => word.normalize("NFD").replace(/\p{M}/gu, "");

/**
 * A stem of two letters cut from a longer word keeps its "e": Porter stems
 * "use", "used" and "using" to "us", which is how "US" is written; they stay
 * "use" ("ties" → "tie"), apart from the acronyms. A two-letter word's plural
 * is that word ("ads" → "ad").
 */
const keepApart = (word: string, stem: string): string => (stem.length <= 2 && word.length > stem.length && word !== `${stem}s` ? `${stem}e` : stem);

/** Words repeat endlessly across a corpus; each is stemmed once. Bounded so noise cannot grow it forever. */
const TERM_CACHE = new Map<string, string | null>();
const MAX_CACHED_TERMS = 500_000;

/** The index terms of a text, in order, stop words removed. */
export function terms(text: string): string[] {
  const out: string[] = [];
  for (const token of tokenize(text)) {
    const term = toTerm(token);
    if (term !== null) out.push(term);
  }
  return out;
}

/**
 * Adverb particles that make a phrasal verb with the word before them
 * ("carried out", "stepped down", "set up", "ruled out"). News writes these
 * where a question says "implement", "resign", "establish", "exclude".
 */
export const PARTICLES = new Set(["up", "out", "off", "down", "over", "away", "back", "forward", "aside", "ahead"]);

/**
 * The key of a phrase of two to four words ("talk about", "right away", "set
 * up"): each word's stem, or the word itself where it is a stop word, joined
 * by "_" ("talk_about", "right_away"). WordNet's phrases (lexicon.ts), a
 * question's (analyse.ts) and a sentence's phrasal verbs are keyed alike.
 */
export function phraseKey(words: readonly string[]): string | null {
  if (words.length < 2 || words.length > 4 || words.some((w) => !/^[a-z]+$/.test(w))) return null;
  return words.map((w) => toTerm(w) ?? w).join("_");
}

/**
 * The term of a phrasal verb, its phrase key ("carried out" → "carri_out", as
 * WordNet's "carry_out"), so a question's "implement" reaches a sentence's
 * "carried out"; none for a stop word before a particle.
 */
export const phrasalTerm = (verb: string, particle: string): string | null => (PARTICLES.has(particle) && toTerm(verb) !== null ? phraseKey([verb, particle]) : null);

/**
 * A dateline opening an article's first sentence: where and when the report
 * was filed ("KARACHI: ", "D.I. KHAN: ", "THIMPHU, Nov 14 (Reuters) - ", "NEW
 * YORK (AP) — "), not what it reports. A place or date there answers nothing,
 * and a title made from the sentence leaves it out.
 */
const DATELINE = /^\p{Lu}[\p{Lu}.'’-]+(?:\s+\p{Lu}[\p{Lu}.'’-]+)*(?:,\s*(?:\p{Lu}\p{Ll}*\.?\s+\d{1,2}|\d{1,2}\s+\p{Lu}\p{Ll}*\.?))?(?:\s*\([\p{L}\s.]{1,30}\))?\s*(?::|(?<=\)|\d)\s*[—–-])\s+/u;

/** An article's first sentence without its dateline (the sentence itself when it has none). */
export const withoutDateline = (text: string): string => text.replace(DATELINE, "");

/** A sentence's index terms: its words' terms in order, each followed by the phrasal verb it makes with the next word, if any. */
export function sentenceTerms(text: string): string[] {
  const tokens = tokenize(text);
  const out: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const term = toTerm(tokens[i]!);
    if (term === null) continue;
    out.push(term);
    const next = tokens[i + 1];
    const phrase = next === undefined ? null : phrasalTerm(tokens[i]!, next);
    if (phrase !== null) out.push(phrase);
  }
  return out;
}

/** True when a query token only frames the question. */
export function isFramingWord(token: string): boolean {
  return FRAMING_WORDS.has(token) || STOP_WORDS.has(token);
}

/**
 * Largest edit distance allowed when matching a query term against the
 * vocabulary. Short terms (acronyms such as SBP, SBR) and numbers must match
 * exactly; longer names tolerate the usual misspellings (Saquib, Eroll).
 */
export function maxEditDistance(term: string): number {
  if (isNumeric(term) || term.length < 4 || term.length > MAX_MATCHED_TERM) return 0;
  return term.length === 4 ? 1 : 2;
}

/**
 * Prefix matching ("crypto" → "cryptocurrencies") only for stems of 4+
 * characters, never for numbers: shorter stems ("bui" from "buy") match too much.
 */
export function allowsPrefix(term: string): boolean {
  return term.length >= 4 && term.length <= MAX_MATCHED_TERM && !isNumeric(term);
}

/** No word is longer than this; longer "terms" (noise) are matched exactly or not at all. */
const MAX_MATCHED_TERM = 20;

/**
 * How many letters two words do not share, counted as multisets. A misspelling
 * that swaps or doubles letters (Eroll/Errol) leaves it at 0–1; a different
 * word at the same edit distance (France/finance) does not.
 */
export function letterDifference(a: string, b: string): number {
  const counts = new Map<string, number>();
  for (const ch of a) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  for (const ch of b) counts.set(ch, (counts.get(ch) ?? 0) - 1);
  let extraA = 0;
  let extraB = 0;
  for (const n of counts.values()) {
    if (n > 0) extraA += n;
    else extraB -= n;
  }
  return Math.max(extraA, extraB);
}

/** Whether two words differ only by two neighbouring letters swapped ("zaho" / "zhao"). */
export function swapsTwoLetters(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  const at = [...a].findIndex((ch, i) => ch !== b[i]);
  return at >= 0 && a[at] === b[at + 1] && a[at + 1] === b[at] && a.slice(at + 2) === b.slice(at + 2);
}

/** Whether two words differ by one letter added, dropped or changed, or by two neighbours swapped ("wich", "whcih", "hwo" for which, which, who). */
export function oneSlipApart(a: string, b: string): boolean {
  if (a === b || Math.abs(a.length - b.length) > 1) return false;
  if (a.length === b.length) return [...a].filter((ch, k) => ch !== b[k]).length === 1 || swapsTwoLetters(a, b);
  const [short, long] = a.length < b.length ? [a, b] : [b, a];
  for (let k = 0; k < long.length; k++) if (long.slice(0, k) + long.slice(k + 1) === short) return true;
  return false;
}

const SEGMENTER = new Intl.Segmenter("en", { granularity: "sentence" });

/** A sentence as a [start, end) slice of its paragraph, so quotes stay verbatim. */
export interface Span {
  start: number;
  end: number;
}

/**
 * Splits a paragraph into sentence spans. A sentence that leaves a quotation
 * open (“The market has finally picked up. Let’s not ruin it.”) is joined
 * with the next, so no quote is cut in half.
 */
export function sentenceSpans(paragraph: string): Span[] {
  const spans: Span[] = [];
  let pending: Span | null = null;
  let open = 0;
  for (const { segment, index } of SEGMENTER.segment(paragraph)) {
    let from = 0;
    let to = segment.length;
    while (from < to && SPACE.test(segment[from]!)) from++;
    while (to > from && SPACE.test(segment[to - 1]!)) to--;
    if (from === to) continue;
    const span = { start: index + from, end: index + to };
    const current: Span = pending ? { start: pending.start, end: span.end } : span;
    open += countChar(segment, OPENING_QUOTE, from, to) - countChar(segment, CLOSING_QUOTE, from, to);
    if (open > 0) {
      pending = current;
      continue;
    }
    pending = null;
    open = 0;
    spans.push(current);
  }
  if (pending) spans.push(pending);
  return spans;
}

const SPACE = /\s/;
const OPENING_QUOTE = "\u201C";
const CLOSING_QUOTE = "\u201D";

function countChar(text: string, char: string, from: number, to: number): number {
  let count = 0;
  for (let at = text.indexOf(char, from); at !== -1 && at < to; at = text.indexOf(char, at + 1)) count++;
  return count;
}

/** Splits article text into paragraphs: blank lines, or single newlines in flat scrapes. */
export function splitParagraphs(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line.length > 0);
}

/** Opening and closing quotation marks a quote may already carry. */
const QUOTED = /^["“‘'][\s\S]*["”’']$/u;

/** A double quotation mark at the start or the end. */
const DOUBLE_AT_EDGE = /^["“]|["”]$/u;

/**
 * A quote in quotation marks for plain text — unless it already is one (a
 * sentence that is itself a quotation), so it never reads ““…””. A sentence
 * that opens or closes a quotation of its own ("“…,” Saqib said.") gets
 * single marks outside, as nested quotations do.
 */
export function quoted(text: string): string {
  const trimmed = text.trim();
  if (QUOTED.test(trimmed)) return text;
  return DOUBLE_AT_EDGE.test(trimmed) ? `‘${text}’` : `“${text}”`;
}
