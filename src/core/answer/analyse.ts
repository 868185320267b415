/**
 * Stage 1 — analyse the question: what kind of answer is wanted (a person, a
 * date, a number…), which words name its subject, which constrain it, and
 * which only say what kind of answer is wanted. Concepts come from stage 2
 * (expand) and the retrieval query from stage 3 (retrieve).
 */
import type { CorpusIndex } from "../passage-index.ts";
import { MAX_QUERY_TERMS, foldTypography, isFramingWord, isNumeric, toTerm } from "../text.ts";
import { makeConcept } from "./expand.ts";
import type { AnalyzedQuestion, Concept, QuestionKind } from "./types.ts";

export type { AnalyzedQuestion, QuestionKind } from "./types.ts";
import { retrievalQuery, retrievalTerms } from "./retrieve.ts";
import { ANSWER_TYPE_WORDS } from "./weights.ts";


/** Longest question the core reads; the rest is ignored so no input can stall a search. */
export const MAX_QUESTION_CHARS = 500;


const KIND_PATTERNS: [QuestionKind, RegExp][] = [
  ["number", /\bhow (many|much|old|big|large)\b|\bwhat(?:'s| is| was)?(?: the)? (amount|number|percentage|share|age|size|sum|total|cap|ceiling|limit|price|cost|fee|rate)\b/],
  ["when", /^when\b|\bhow (long|soon)\b|\b(what|which) (year|date|day|month|time)\b|\bsince when\b/],
  ["who", /^(who|whom|whose)\b|\bwhich (person|official|minister|people)\b|\b(job|position|title|role|designation|occupation|profession)\b/],
  ["where", /^where\b|\b(what|which) (city|country|place|venue|location)\b/],
  ["why", /^why\b|\bfor what reason\b/],
  ["which", /^(which|what) (\w+ )?(bod(y|ies)|agenc(y|ies)|compan(y|ies)|cit(y|ies)|countr(y|ies)|district|districts|office|offices|province|provinces|organi[sz]ations?|institutions?|banks?|exchanges?|firms?|groups?|councils?|ministr(y|ies)|departments?|officials?|people|persons?)\b|^which\b/],
  ["quote", /\b(say|said|says|tell(?! (?:me|us)\b)|told|tweet(ed)?|post(ed)?|write|wrote|remark(ed)?|comment(ed)?|quote)\b/],
  ["yesno", /^(is|are|was|were|did|does|do|has|have|had|can|could|will|would|should|may|must)\b/],
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
