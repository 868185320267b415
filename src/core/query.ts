/**
 * Question analysis: what kind of answer is wanted, and which concepts the
 * question names. A concept is one thing the answer must be about; an acronym
 * and its long name are two spellings of one concept. Each concept knows which
 * vocabulary terms match it (exactly, by prefix, or misspelled) and how much it
 * weighs (rarer concepts weigh more).
 */
import { type CorpusIndex, passageCount } from "./passage-index.ts";
import { lemmaStems } from "./lexicon.ts";
import { type TermIds, bestCredit } from "./term-ids.ts";
import { MAX_QUERY_TERMS, allowsPrefix, foldTypography, isFramingWord, isNumeric, letterDifference, maxEditDistance, toTerm } from "./text.ts";
import { ANSWER_TYPE_WEIGHT, ANSWER_TYPE_WORDS, COMMON_TERM, COMMON_TERM_MIN, FUZZY_CREDIT, FUZZY_WEIGHT, KEEP_RAREST, PREFIX_WEIGHT, RETRIEVAL_BUDGET, SHORT_PREFIX_CREDIT, UNKNOWN_WORD_WEIGHT } from "./weights.ts";

export type QuestionKind = "who" | "when" | "where" | "number" | "why" | "quote" | "which" | "define" | "fact";

/** Longest question the core reads; the rest is ignored so no input can stall a search. */
export const MAX_QUESTION_CHARS = 500;

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
  /** Names the kind of answer ("which agencies") rather than its subject. */
  answerType: boolean;
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
  /** The question's own terms, for telling what a sentence adds. */
  ownTerms: ReadonlySet<string>;
}

const KIND_PATTERNS: [QuestionKind, RegExp][] = [
  ["number", /\bhow (many|much)\b|\bwhat (amount|number|percentage|share)\b/],
  ["when", /^when\b|\b(what|which) (year|date|day|month|time)\b|\bsince when\b/],
  ["who", /^(who|whom|whose)\b|\bwhich (person|official|minister|people)\b|\b(job|position|title|role|designation|occupation|profession)\b/],
  ["where", /^where\b|\b(what|which) (city|country|place|venue|location)\b/],
  ["why", /^why\b|\bfor what reason\b/],
  ["which", /^(which|what) (\w+ )?(bod(y|ies)|agenc(y|ies)|compan(y|ies)|cit(y|ies)|countr(y|ies)|district|districts|office|offices|province|provinces|organi[sz]ations?|institutions?|banks?|exchanges?|firms?|groups?|councils?|ministr(y|ies)|departments?|officials?|people|persons?)\b|^which\b/],
  ["quote", /\b(say|said|says|tell|told|tweet(ed)?|post(ed)?|write|wrote|remark(ed)?|comment(ed)?|quote)\b/],
  ["define", /^what (is|are|was|does|do)( an?| the)? [\w’'-]+( [\w’'-]+){0,5}( do| mean| stand for)?\?*$|\bstand for\b|\bfull form\b/],
];

/** The kind of answer a question asks for. */
export function classify(question: string): QuestionKind {
  const q = foldTypography(question).toLowerCase().trim();
  return KIND_PATTERNS.find(([, pattern]) => pattern.test(q))?.[0] ?? "fact";
}

/**
 * Words that say what kind of answer is wanted, wherever they stand ("what is
 * X's job", "which day of the week"): the answer gives a title, a place or a
 * day instead of repeating them, so they count as answer-type words (matched
 * by the kind of sentence, at ANSWER_TYPE_WEIGHT), not as the subject.
 */
const ANSWER_TYPE_NOUNS = new Set(["job", "position", "title", "role", "designation", "occupation", "profession", "city", "country", "venue", "place", "location", "day", "weekday", "date", "year", "month", "amount", "number", "figure", "name"]);

interface Token {
  term: string;
  entity: boolean;
  answerType: boolean;
  word: string;
}

const WORD = /\p{L}[\p{L}\p{M}\p{N}]*|\p{N}+(?:[.,]\p{N}+)*/gu;

function questionTokens(question: string): Token[] {
  const folded = foldTypography(question).replace(/\b(\p{Lu})\.(\p{Lu})\.(?:(\p{Lu})\.)?/gu, "$1$2$3").replace(/'s\b/g, "");
  const tokens: Token[] = [];
  let position = 0;
  let typeWords = 0;
  for (const word of folded.match(WORD) ?? []) {
    const first = position++ === 0;
    const acronym = /^\p{Lu}[\p{Lu}\p{N}]+$/u.test(word);
    const lower = isNumeric(word) ? word.replace(/,(?=\d{3}\b)/g, "") : word.toLowerCase();
    if (lower === "which" || lower === "what") typeWords = ANSWER_TYPE_WORDS;
    const term = !acronym && isFramingWord(lower) ? null : toTerm(lower);
    if (term === null) {
      if (lower !== "which" && lower !== "what") typeWords = 0;
      continue;
    }
    const entity = acronym || isNumeric(word) || (!first && /^\p{Lu}/u.test(word));
    tokens.push({ term, entity, answerType: !entity && (typeWords > 0 || ANSWER_TYPE_NOUNS.has(lower)), word });
    typeWords = Math.max(0, typeWords - 1);
  }
  return tokens;
}

/**
 * Expands one query term to the vocabulary terms it matches, with their
 * credit: exactly, by prefix, misspelled; and, for a word that is not a name,
 * by its lemma ("brought" → "bring") and by WordNet synonyms and derivations
 * (partial credit).
 */
function expand(index: CorpusIndex, term: string, word?: string): Expansion {
  const found = new Map<number, number>();
  const exact = index.vocabulary.get(term);
  if (exact !== undefined) found.set(exact, 1);
  if (word !== undefined) {
    const lemmas = lemmaStems(word);
    for (const lemma of lemmas) {
      const id = index.vocabulary.get(lemma);
      if (id !== undefined) found.set(id, 1);
    }
    for (const stem of [term, ...lemmas]) {
      for (const [id, credit] of index.related.get(stem) ?? []) if ((found.get(id) ?? 0) < credit) found.set(id, credit);
    }
  }
  if (allowsPrefix(term)) {
    const credit = term.length >= 5 ? 1 : SHORT_PREFIX_CREDIT;
    for (const id of index.vocabulary.atPrefix(term).values()) if (!found.has(id)) found.set(id, credit);
  }
  // A word the corpus has as written is not a misspelling: it gets no fuzzy matches ("binance" is not "finance").
  const distance = exact === undefined ? maxEditDistance(term) : 0;
  if (distance > 0) {
    for (const [key, [id, d]] of index.vocabulary.fuzzyGet(term, distance)) {
      const plausible = d === 1 || letterDifference(term, key) <= 1;
      if (!found.has(id) && d > 0 && plausible) found.set(id, FUZZY_CREDIT);
    }
  }
  return found;
}

/** Passages holding the term's exact or prefix forms; a term known only by misspelling counts as rare. */
function documentFrequency(index: CorpusIndex, expansion: Expansion): number {
  let df = 0;
  for (const [id, credit] of expansion) if (credit === 1) df += index.termPassages[id]!;
  return Math.min(df, index.passages.length);
}

function makeConcept(index: CorpusIndex, label: string, alts: string[][], entity: boolean, answerType: boolean, word?: string): Concept {
  const lexical = !entity && alts.length === 1 && alts[0]!.length === 1 && word !== undefined;
  const expansions = alts.map((alt) => alt.map((term) => expand(index, term, lexical ? word : undefined)));
  const n = index.passages.length;
  const knownAlts = expansions.filter((alt) => alt.every((e) => e.size > 0));
  const idf = (df: number) => Math.log(1 + n / (df + 1));
  const known = knownAlts.length > 0;
  // A word no article has (in any spelling the vocabulary allows) weighs less (UNKNOWN_WORD_WEIGHT), so
  // paraphrases and filler ("govt", "roughly") do not sink an answer. An unknown name or
  // acronym still decides (the answer must come from an article that has it), except a two-letter
  // acronym ("NA", "KP"), which is too ambiguous to refuse on.
  const decisive = entity && !(!known && /^\p{Lu}{2}$/u.test(label));
  const weight = !known ? (decisive ? 1 : UNKNOWN_WORD_WEIGHT) * idf(0) : Math.max(...knownAlts.map((alt) => Math.max(...alt.map((e) => idf(documentFrequency(index, e))))));
  const scale = answerType ? ANSWER_TYPE_WEIGHT : 1;
  return { label, alts, expansions, entity: decisive, answerType, known, weight: weight * scale };
}

/** Finds the alias group whose phrase starts at `at` in the question's terms, longest first. */
function aliasAt(index: CorpusIndex, terms: readonly string[], at: number): { group: number; length: number } | undefined {
  let best: { group: number; length: number } | undefined;
  index.aliases.forEach((group, g) => {
    for (const phrase of group) {
      const fits = phrase.length > 0 && phrase.every((t, k) => terms[at + k] === t);
      if (fits && phrase.length > (best?.length ?? 0)) best = { group: g, length: phrase.length };
    }
  });
  return best;
}

/**
 * The terms sent to the search index: all of them, less the very common ones,
 * which would make an OR-query score most of a large corpus; the two rarest
 * are kept in any case.
 */
function retrievalTerms(index: CorpusIndex, concepts: readonly Concept[]): string[] {
  const all = [...new Set(concepts.flatMap((c) => c.alts.flat()))];
  const limit = Math.max(index.passages.length * COMMON_TERM, COMMON_TERM_MIN);
  const df = (term: string) => passageCount(index, term);
  const byRarity = [...all].sort((a, b) => df(a) - df(b));
  const keep = new Set(byRarity.filter((t, i) => i < KEEP_RAREST || df(t) <= limit));
  return all.filter((t) => keep.has(t));
}

/**
 * The retrieval query: every vocabulary match of the search terms (already
 * vetted by `expand`), weighted like MiniSearch's own prefix and fuzzy
 * matching, so the index looks up exact terms only. Terms are taken rarest
 * first while their posting lists fit the budget; the rarest is always taken.
 */
function retrievalQuery(index: CorpusIndex, concepts: readonly Concept[], searchTerms: readonly string[]): Map<string, number> {
  const variants = new Map<string, Map<string, number>>();
  for (const concept of concepts) {
    concept.alts.forEach((alt, k) =>
      alt.forEach((term, j) => {
        if (!searchTerms.includes(term)) return;
        const found = variants.get(term) ?? new Map<string, number>();
        variants.set(term, found);
        for (const id of concept.expansions[k]![j]!.keys()) {
          const variant = index.termText[id]!;
          const extra = variant.length - term.length;
          const weight = variant === term ? 1 : variant.startsWith(term) ? (PREFIX_WEIGHT * variant.length) / (variant.length + 0.3 * extra) : (FUZZY_WEIGHT * variant.length) / (variant.length + 1);
          found.set(variant, Math.max(found.get(variant) ?? 0, weight));
        }
      }),
    );
  }
  const postings = (found: Map<string, number>) => [...found.keys()].reduce((sum, v) => sum + index.termArticles[index.vocabulary.get(v)!]!, 0);
  const query = new Map<string, number>();
  let spent = 0;
  for (const [cost, found] of [...variants.values()].map((f) => [postings(f), f] as const).sort((a, b) => a[0] - b[0])) {
    if (query.size > 0 && spent + cost > RETRIEVAL_BUDGET) break;
    spent += cost;
    for (const [variant, weight] of found) query.set(variant, Math.max(query.get(variant) ?? 0, weight));
  }
  return query;
}

/** Analyses a question against an index. */
export function analyze(index: CorpusIndex, question: string): AnalyzedQuestion {
  const text = question.slice(0, MAX_QUESTION_CHARS);
  const tokens = questionTokens(text);
  const terms = tokens.map((t) => t.term);
  const concepts: Concept[] = [];
  const seen = new Set<string>();
  for (let i = 0; i < tokens.length && concepts.length < MAX_QUERY_TERMS; ) {
    const alias = aliasAt(index, terms, i);
    const span = tokens.slice(i, i + (alias?.length ?? 1));
    const label = span.map((t) => t.word).join(" ");
    const alts = alias ? index.aliases[alias.group]! : [[tokens[i]!.term]];
    const key = alts.map((a) => a.join(" ")).join("|");
    if (!seen.has(key)) {
      seen.add(key);
      concepts.push(makeConcept(index, label, alts, span.some((t) => t.entity), span.every((t) => t.answerType), alias ? undefined : tokens[i]!.word));
    }
    i += span.length;
  }
  const searchTerms = retrievalTerms(index, concepts);
  return { text, kind: classify(text), concepts, searchTerms, retrieval: retrievalQuery(index, concepts, searchTerms), ownTerms: new Set(terms) };
}

/** Weighted share of a question's concepts a set of terms covers (0 for a question without concepts). */
export function conceptShare(question: AnalyzedQuestion, terms: TermIds): number {
  let total = 0;
  let found = 0;
  for (const concept of question.concepts) {
    total += concept.weight;
    found += concept.weight * conceptCredit(concept, terms);
  }
  return total === 0 ? 0 : found / total;
}

/**
 * How well a set of terms covers a concept: 1 when some spelling of it is
 * there in full, less when only a misspelled form is, 0 when it is absent.
 */
export function conceptCredit(concept: Concept, terms: TermIds): number {
  let best = 0;
  for (const alt of concept.expansions) {
    let altCredit = 1;
    for (const expansion of alt) {
      altCredit = Math.min(altCredit, bestCredit(expansion, terms));
      if (altCredit === 0) break;
    }
    best = Math.max(best, altCredit);
  }
  return best;
}
