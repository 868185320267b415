/**
 * Stage 1 — analyse the question: what kind of answer is wanted (a person, a
 * date, a number…), which words name its subject, which constrain it, and
 * which only say what kind of answer is wanted. Concepts come from stage 2
 * (expand) and the retrieval query from stage 3 (retrieve).
 */
import type { CorpusIndex } from "../passage-index.ts";
import { MAX_QUERY_TERMS, PARTICLES, foldTypography, isFramingWord, isNumeric, phraseKey, toTerm } from "../text.ts";
import { CALENDAR_TERMS, conceptShare, makeConcept, phraseConcept, soleTerm, withOpposites } from "./expand.ts";
import type { AnalyzedQuestion, Concept, QuestionKind } from "./types.ts";

export type { AnalyzedQuestion, QuestionKind } from "./types.ts";
export { classify } from "./question-kind.ts";
import { retrievalQuery, retrievalTerms } from "./retrieve.ts";
import { joinSplitWords, mergePersonNames, outranking, splitName, typedNames, writtenOut } from "./names.ts";
import { HOW_WORDS, YES_NO_FORM, answerWanted, asksForDuration, classify, isKindWord, namesAnswerType, offeredFor, possessive, withQuestionWord, yearBound } from "./question-kind.ts";
import { ANSWER_TYPE_WORDS, MAX_REFERENCED_ARTICLES, TITLE_REFERENCE_SHARE } from "./weights.ts";

/** Longest question the core reads; the rest is ignored so no input can stall a search. */
export const MAX_QUESTION_CHARS = 500;

/** A word of the question that is sought, as analysis reads it. */
export interface Token {
  term: string;
  entity: boolean;
  answerType: boolean;
  word: string;
  /** Its position among all the question's words, stop words included (for phrases). */
  at: number;
}

const WORD = /\p{L}[\p{L}\p{M}\p{N}]*|\p{N}+(?:[.,]\p{N}+)*/gu;

/** "which binance executive": a word the corpus has and English lacks is a name, not the kind of answer. */
function isCorpusName(index: CorpusIndex, term: string): boolean {
  return index.vocabulary.get(term) !== undefined && !index.isEnglish(term);
}

/**
 * "doesn't" → "does not", "won't" → "will not": split at the apostrophe, "doesn" is no word (it was read as a typo of
 * "dozen"). Chat drops the apostrophe ("arent", "doesnt", "wont"): an auxiliary run into "nt" is split the same way
 * ("arent" was read as a typo of "agent" or "arena").
 */
const withoutContractions = (text: string): string =>
  text.replace(/\b(?:(\p{L}+)n'|(are|is|was|were|do|does|did|has|have|had|could|should|would|must|need|ca|wo)n)t\b/giu, (_, withApostrophe: string | undefined, without: string | undefined) => {
    const verb = (withApostrophe ?? without)!;
    return `${({ wo: "will", ca: "can", sha: "shall" } as Record<string, string>)[verb.toLowerCase()] ?? verb} not`;
  });

/**
 * A verb in the past tense ("which venue hosted …", "which city signed …"):
 * what the thing asked for did, not more of its name. Read by its ending and
 * an English word under it ("hosted" — host, "based" — base); "speed" and
 * "red" have none.
 */
function pastTense(index: CorpusIndex, word: string): boolean {
  if (!/^\p{L}{2,}ed$/u.test(word)) return false;
  return [word.slice(0, -2), word.slice(0, -1)].some((base) => base.length >= 3 && index.isEnglish(toTerm(base) ?? base));
}

/** Words that open a noun phrase: the word before one, after "which company", is a verb ("which company runs the site"). */
const DETERMINERS = new Set(["the", "a", "an", "this", "that", "these", "those", "its", "their", "his", "her", "our"]);

/** Verbs whose object carries the meaning ("make the announcement", "take a decision", "give a speech"). */
const LIGHT_VERBS = new Set(["make", "makes", "made", "making", "take", "takes", "took", "taken", "taking", "give", "gives", "gave", "given", "giving"]);

/** Kinds of question in which the noun after "what" is sought, not the kind of answer: nothing in a sentence offers "a photo" or "a worry". */
const SOUGHT_AFTER_WHAT = new Set<QuestionKind>(["fact", "quote", "yesno", "define"]);

/** The question's words, lower case, stop words included; and its tokens: the words that are sought. */
function questionTokens(index: CorpusIndex, question: string, kind: QuestionKind): { words: string[]; tokens: Token[] } {
  const folded = withoutContractions(foldTypography(question))
    .replace(/\b(\p{Lu})\.(\p{Lu})\.(?:(\p{Lu})\.)?/gu, "$1$2$3")
    .replace(/'s\b/g, "")
    // "pakistan and the us": after "the", "us" is the country, not the pronoun.
    .replace(/\bthe us\b/giu, "the US");
  const tokens: Token[] = [];
  const words = folded.match(WORD) ?? [];
  let typeWords = 0;
  for (const [at, word] of words.entries()) {
    const first = at === 0;
    const acronym = /^\p{Lu}[\p{Lu}\p{N}]+$/u.test(word);
    const lower = isNumeric(word) ? word.replace(/,(?=\d{3}\b)/g, "") : word.toLowerCase();
    if (lower === "which" || lower === "what") typeWords = ANSWER_TYPE_WORDS;
    // "make the announcement", "take a decision": a light verb before its object says nothing the noun does not.
    const light = LIGHT_VERBS.has(lower) && DETERMINERS.has(words[at + 1]?.toLowerCase() ?? "") && words[at + 2] !== undefined;
    const term = (!acronym && isFramingWord(lower)) || light ? null : toTerm(lower);
    if (term === null) {
      if (lower !== "which" && lower !== "what") typeWords = 0;
      continue;
    }
    const entity = acronym || isNumeric(word) || (!first && /^\p{Lu}/u.test(word));
    const afterHow = HOW_WORDS.has(lower) && (words[at - 1]?.toLowerCase() === "how" || (words[at - 2]?.toLowerCase() === "how" && HOW_WORDS.has(words[at - 1]!.toLowerCase())));
    // "what tax rate": the word after "what" describes the next, which names the kind of answer; it is sought.
    const next = words[at + 1]?.toLowerCase();
    // "which company runs the site": a word before a determiner is a verb, and the word before it names the kind of answer.
    const nextIsVerb = DETERMINERS.has(words[at + 2]?.toLowerCase() ?? "");
    // "which companies applied for …": a past tense after the noun is its verb, which the noun does not describe.
    const describesNext = typeWords > 1 && next !== undefined && !isFramingWord(next) && toTerm(next) !== null && !isNumeric(word) && !nextIsVerb && !pastTense(index, next);
    // "which banks", "what tax rate", "which city": the noun after the question word names the kind of answer where the
    // kind has something to offer for it (a name, a number, a place); in a question for a fact or someone's words it is
    // sought ("what photo did he post" is answered by "shared a photograph", "what worries …" by "concerns …").
    const namesWhich = !SOUGHT_AFTER_WHAT.has(kind) && typeWords > 0 && !describesNext && !isCorpusName(index, term) && !pastTense(index, lower);
    tokens.push({ term, entity, answerType: !entity && (afterHow || namesAnswerType(lower) || asksForDuration(lower, folded) || namesWhich), word, at });
    typeWords = nextIsVerb ? 0 : Math.max(0, typeWords - 1);
  }
  return { words: words.map((w) => w.toLowerCase()), tokens };
}

/**
 * A verb or adverb phrase of WordNet's that starts at a token ("talk about",
 * "set up", "right away"): its key, related to single words in the index, and
 * how many tokens it covers. The first word may be an irregular form
 * ("took part").
 */
function phraseAt(index: CorpusIndex, words: readonly string[], tokens: readonly Token[], i: number): { key: string; length: number; particle?: number; stopWord?: true } | undefined {
  const { at } = tokens[i]!;
  const split = splitPhrasalAt(index, words, tokens, i);
  if (split) return split;
  for (let n = 4; n >= 2; n--) {
    const phrase = words.slice(at, at + n);
    if (phrase.length < n) continue;
    const span = tokens.slice(i).filter((t) => t.at < at + n);
    if (span.some((t) => t.entity)) continue;
    const firsts = [phrase[0]!, ...(index.lemmas.get(phrase[0]!) ?? [])];
    for (const first of firsts) {
      const key = phraseKey([first, ...phrase.slice(1)]);
      if (key && index.related.has(key)) return { key, length: span.length };
    }
  }
  return ledByStopWord(index, words, tokens, i);
}

/**
 * An adverb phrase of WordNet's that opens with a word analysis drops ("so
 * far", "of course"): it frames the question as the dropped word does, and
 * its last word is not asked about — "how many exchanges have applied so
 * far" is not about distance. Such a phrase is dropped whole.
 */
function ledByStopWord(index: CorpusIndex, words: readonly string[], tokens: readonly Token[], i: number): { key: string; length: number; stopWord: true } | undefined {
  const { at } = tokens[i]!;
  if (at === 0 || tokens.some((t) => t.at === at - 1) || tokens[i]!.entity) return undefined;
  const key = phraseKey([words[at - 1]!, words[at]!]);
  return key && index.related.has(key) ? { key, length: 1, stopWord: true } : undefined;
}

/** How many words may stand between a verb and its particle: "pay customers back", "turn the bill down". */
const SPLIT_PHRASAL_GAP = 3;

/**
 * A phrasal verb split by its object ("pay customers back", "set the council
 * up"): the verb token and the particle's token, the words between left to
 * be sought as they are. Only at the end of the question or before a
 * preposition, where the particle cannot start a phrase of its own ("back in
 * 2021").
 */
function splitPhrasalAt(index: CorpusIndex, words: readonly string[], tokens: readonly Token[], i: number): { key: string; length: number; particle: number } | undefined {
  const { at } = tokens[i]!;
  for (let gap = 1; gap <= SPLIT_PHRASAL_GAP; gap++) {
    const particle = words[at + gap + 1];
    if (particle === undefined || !PARTICLES.has(particle) || tokens[i]!.entity) continue;
    const after = words[at + gap + 2];
    if (after !== undefined && !CLAUSE_END.has(after)) continue;
    const p = tokens.findIndex((t) => t.at === at + gap + 1);
    const firsts = [words[at]!, ...(index.lemmas.get(words[at]!) ?? [])];
    for (const first of firsts) {
      const key = phraseKey([first, particle]);
      if (p > i && key && index.related.has(key)) return { key, length: 1, particle: p };
    }
  }
  return undefined;
}

/** Whether the words of a concept stand right before another word of the question ("legal framework"): they describe it. */
function modifiesNext(tokens: readonly Token[], span: [number, number] | undefined): boolean {
  if (!span) return false;
  const last = tokens[span[1] - 1];
  return last !== undefined && tokens.some((t) => t.at === last.at + 1);
}

/** Words after which a particle ends its phrasal verb: the end of a clause or a preposition. */
const CLAUSE_END = new Set(["in", "on", "at", "by", "for", "from", "to", "with", "within", "after", "before", "if", "when", "and", "or", "but"]);

/** Shortest lower-case proper noun taken for a name: WordNet writes acronyms ("CEO", "IMF") in capitals too. */
const SHORTEST_PROPER_NOUN = 4;

/**
 * Finds the alias group whose phrase starts at `at` in the question's terms,
 * longest first — or whose phrase does less the place that ends it ("state
 * bank" for the State Bank of Pakistan, as news shortens it, unless another
 * place follows: "state bank of nigeria"): then `short` is what the question
 * wrote.
 */
function aliasAt(index: CorpusIndex, terms: readonly string[], at: number): { group: number; length: number; short?: string[] } | undefined {
  let best: { group: number; length: number; short?: string[] } | undefined;
  index.aliases.forEach((group, g) => {
    for (const phrase of group) {
      const fits = phrase.length > 0 && phrase.every((t, k) => terms[at + k] === t);
      if (fits && phrase.length > (best?.length ?? 0)) best = { group: g, length: phrase.length };
      const short = phrase.slice(0, -1);
      const place = phrase.at(-1);
      // "state bank of nigeria" names another place's bank, not the State Bank of Pakistan.
      const after = terms[at + short.length];
      const elsewhere = after !== undefined && after !== place && index.isProperNoun(after);
      if (short.length >= 2 && short.length > (best?.length ?? 0) && short.every((t, k) => terms[at + k] === t) && place !== undefined && index.isProperNoun(place) && !elsewhere) best = { group: g, length: short.length, short };
    }
  });
  return best;
}

/**
 * How questions name an article rather than ask about its words: "according
 * to the crypto diplomacy piece", "what does the El Salvador report say
 * about …", "according to the article on Pakistan's crypto diplomacy", "what
 * does the opinion piece on the reserve say about …". Group 1 is the
 * article's description.
 */
const DOCUMENT = String.raw`(?:(?:opinion|news|feature|press|wire)\s+)?(?:article|piece|report|story|news|op-?ed|column|editorial|interview|release)`;
const ARTICLE_REFERENCES = [
  /\b(?:according to|in|from|per)\s+(?:the|this|that)\s+(?:article|piece|report|story|news|op-?ed|column|editorial|interview)\s+(?:on|about)\s+([^,?;:]{3,80}?)(?=[,?;:]|$)/iu,
  // "what does the opinion piece on the reserve say about …", "what does the interview with the compliance chief say …"
  new RegExp(String.raw`^\s*(?:what|how)\s+(?:does|did|do)\s+the\s+${DOCUMENT}\s+(?:on|about|with)\s+([^,?;:]{3,60}?)\s+(?:say|describe|report)\b`, "iu"),
  /\b(?:according to|in|from|per)\s+(?:the|this|that)\s+([^,?;:]{3,60}?)\s+(?:article|piece|report|story|write-?up|op-?ed|column|editorial|interview|release)\b/iu,
  /^\s*(?:what|how)\s+(?:does|did|do)\s+the\s+([^,?;:]{3,60}?)\s+(?:article|piece|report|story|op-?ed|column|editorial|interview|release)\s+(?:say|describe|report)\b/iu,
  /\bwhat\s+the\s+([^,?;:]{3,60}?)\s+(?:article|piece|report|story|op-?ed|column|editorial|interview|release)\s+(?:says|said|reports|describes)\b/iu,
];

/** Lowercase letters and digits, one space between words: for finding a phrase in a title. */
const plain = (text: string) => ` ${foldTypography(text).toLowerCase().replace(/[^\p{L}\p{N}]+/gu, " ").trim()} `;

/**
 * The question without its reference to an article, and the articles whose
 * titles match the reference (none: the question is left as it was). Titles
 * that hold the reference's words as a phrase ("Crypto Diplomacy") are meant
 * before titles that only hold them apart.
 */
function articleReference(index: CorpusIndex, text: string): { rest: string; articles?: number[] } {
  for (const pattern of ARTICLE_REFERENCES) {
    const match = pattern.exec(text);
    if (!match) continue;
    const reference = analyze(index, match[1]!);
    if (reference.concepts.length === 0) continue;
    const phrase = plain(match[1]!);
    const matching = index.articles
      .map((article, a) => ({ a, share: conceptShare(reference, index.titleTerms[a]!), phrase: plain(article.title).includes(phrase) }))
      .filter((m) => m.share >= TITLE_REFERENCE_SHARE);
    const best = matching.some((m) => m.phrase) ? matching.filter((m) => m.phrase) : matching;
    const articles = best
      .sort((x, y) => y.share - x.share || x.a - y.a)
      .slice(0, MAX_REFERENCED_ARTICLES)
      .map((m) => m.a);
    if (articles.length === 0) continue;
    return { rest: `${text.slice(0, match.index)} ${text.slice(match.index + match[0].length)}`.trim(), articles };
  }
  return { rest: text };
}

/** "A B, C D and E F": a list of three or more items, the first as long (in words) as the second. */
const ENUMERATION = /(?:[\p{L}\p{N}'’-]+\s+)*?((?:[\p{L}\p{N}'’-]+\s+){0,2}[\p{L}\p{N}'’-]+)((?:\s*,\s*(?:[\p{L}\p{N}'’-]+\s+){0,2}[\p{L}\p{N}'’-]+)+),?\s+(?:and|or)\s+((?:[\p{L}\p{N}'’-]+\s+){0,2}[\p{L}\p{N}'’-]+)/u;

/** Words that start or carry a clause: an "item" holding one is no list item. */
const CLAUSE_WORDS = new Set(["if", "when", "whether", "that", "which", "who", "will", "would", "can", "could", "should", "may", "might", "must", "is", "are", "was", "were", "do", "does", "did", "has", "have", "had", "be", "been"]);

/**
 * A list of three or more things ("met errol musk, eric adams and nayib
 * bukele") is asked about as one concept any of them satisfies: no single
 * sentence names them all, and a sentence that names one of them is about
 * what is asked. The list's items become the alternatives of one concept.
 */
function mergeEnumeration(index: CorpusIndex, text: string, tokens: readonly Token[], concepts: Concept[], spans: [number, number][]): void {
  const match = ENUMERATION.exec(foldTypography(text).replace(/[?.!]+$/u, ""));
  if (!match) return;
  const later = match[2]!.split(",").map((item) => item.trim()).filter(Boolean);
  const wordsOf = (item: string) => item.split(/\s+/);
  const first = wordsOf(match[1]!).slice(-wordsOf(later[0]!).length).join(" ");
  const items = [first, ...later, match[3]!].map((item) => wordsOf(item).map((w) => w.toLowerCase()));
  // "if the board approves, will savers and banks buy": a clause, not a list.
  if (items.some((item) => item.some((word) => CLAUSE_WORDS.has(word)))) return;
  // Each item's tokens, found in order in the question's tokens (stop words are not tokens).
  const ranges: [number, number][] = [];
  let at = 0;
  for (const item of items) {
    const words = item.filter((w) => tokens.some((t) => t.word.toLowerCase() === w));
    while (at < tokens.length && tokens[at]!.word.toLowerCase() !== words[0]) at++;
    if (words.length === 0 || at + words.length > tokens.length || words.some((w, k) => tokens[at + k]!.word.toLowerCase() !== w)) return;
    ranges.push([at, at + words.length]);
    at += words.length;
  }
  const members = ranges.map(([from, to]) => concepts.flatMap((concept, c) => (spans[c]![0] >= from && spans[c]![1] <= to ? [c] : [])));
  if (members.some((list) => list.length === 0)) return;
  // An item of one concept brings its alternatives; an item of several single-spelling words, those words together.
  const alts = members.flatMap((list) => (list.length === 1 ? concepts[list[0]!]!.alts : list.every((c) => concepts[c]!.alts.length === 1) ? [list.flatMap((c) => concepts[c]!.alts[0]!)] : []));
  const merged = new Set(members.flat());
  const label = items.map((item) => item.join(" ")).join(", ");
  const concept = makeConcept(index, label, alts, [...merged].some((c) => concepts[c]!.entity), false);
  const firstAt = Math.min(...merged);
  const kept = concepts.flatMap((c, k) => (k === firstAt ? [concept] : merged.has(k) ? [] : [c]));
  concepts.splice(0, concepts.length, ...kept);
}

/** Analyses a question against an index. */
export function analyze(index: CorpusIndex, question: string): AnalyzedQuestion {
  // A stop word ("were", "was") is a word: "were there any machines" is no slip of "where".
  const isWord = (word: string) => {
    const term = toTerm(word);
    return term === null || index.isEnglish(term) || index.vocabulary.get(term) !== undefined;
  };
  const full = withQuestionWord(question.slice(0, MAX_QUESTION_CHARS), isWord);
  const { rest: unbounded, articles } = articleReference(index, full);
  const kind = classify(unbounded);
  // Only a "when" question's answer is a date a year can bound.
  const { rest: text, years } = kind === "when" ? yearBound(unbounded) : { rest: unbounded, years: undefined };
  const { words, tokens: typed } = questionTokens(index, text, kind);
  const tokens = typedNames(index, joinSplitWords(index, typed));
  const terms = tokens.map((t) => t.term);
  const concepts: Concept[] = [];
  /** The tokens each concept came from: first, and one past the last. */
  const spans: [number, number][] = [];
  const seen = new Set<string>();
  const yesNoForm = YES_NO_FORM.test(text);
  /** The particles of split phrasal verbs, taken with their verbs ("pay customers back"). */
  const taken = new Set<number>();
  for (let i = 0; i < tokens.length && concepts.length < MAX_QUERY_TERMS; ) {
    if (taken.has(i)) {
      i++;
      continue;
    }
    const alias = aliasAt(index, terms, i);
    const phrase = alias ? undefined : phraseAt(index, words, tokens, i);
    if (phrase?.particle !== undefined) taken.add(phrase.particle);
    // "so far", "of course": a phrase of the words analysis drops says nothing to find.
    if (phrase?.stopWord) {
      i++;
      continue;
    }
    const span = tokens.slice(i, i + (alias?.length ?? phrase?.length ?? 1));
    const label = phrase?.particle !== undefined ? `${span[0]!.word} ${tokens[phrase.particle]!.word}` : phrase ? words.slice(span[0]!.at, span[0]!.at + phrase.key.split("_").length).join(" ") : span.map((t) => t.word).join(" ");
    // An acronym's names, as the articles write them out ("imf" → International Monetary Fund).
    const spelledOut = alias || phrase ? [] : writtenOut(index, tokens[i]!);
    const alts = alias ? [...(alias.short ? [alias.short] : []), ...index.aliases[alias.group]!] : phrase?.particle !== undefined ? [[tokens[i]!.term, tokens[phrase.particle]!.term]] : phrase ? [span.map((t) => t.term)] : [[tokens[i]!.term], ...splitName(index, tokens[i]!), ...spelledOut];
    const key = alts.map((a) => a.join(" ")).join("|") + (phrase ? `|${phrase.key}` : "");
    if (!seen.has(key)) {
      seen.add(key);
      const answerType = span.every((t) => t.answerType) || (span.length === 1 && isKindWord(span[0]!.word, kind));
      const concept = phrase ? phraseConcept(index, label, alts[0]!, phrase.key, answerType) : makeConcept(index, label, alts, span.some((t) => t.entity), answerType, alias ? undefined : tokens[i]!.word);
      // "which city" asks for a place; "which city council" for a council, "city" only describes it.
      const modifies = tokens[i + 1]?.answerType === true && tokens[i + 1]!.at === span[0]!.at + 1;
      const offeredBy = span.length === 1 && !span[0]!.entity && !modifies ? offeredFor(span[0]!.word, kind) : undefined;
      // A glossary alias ("sbp", "state bank") names a body, however it is typed.
      // A proper noun typed in lower case ("kazakhstan's central bank") names what is asked about, as a capitalised
      // one does — except in a question asked for a yes or a no, which may name the wrong thing to be told so.
      const sole = soleTerm({ alts });
      const properNoun = !yesNoForm && concept.known && sole !== undefined && sole.length >= SHORTEST_PROPER_NOUN && index.isProperNoun(sole) && !CALENDAR_TERMS.has(sole);
      // An acronym read as the initials of a name the articles write out names that name.
      concepts.push(alias ? { ...concept, name: true, outrankedBy: [...(alias.short ? [new Map<number, number>()] : []), ...outranking(index, alias.group)] } : properNoun || spelledOut.length > 0 ? { ...concept, name: true } : offeredBy ? { ...concept, offeredBy } : concept);
      spans.push([i, i + span.length]);
    }
    i += span.length;
  }
  mergePersonNames(index, tokens, concepts, spans);
  // "elon musk's dad" asks about a relative, who may share the surname ("Errol Musk").
  for (const [k, concept] of concepts.entries()) if (concept.person && possessive(text, concept.label)) concepts[k] = { ...concept, person: false };
  mergeEnumeration(index, text, tokens, concepts, spans);
  // A yes/no question is settled by the opposite of its verb or its predicate ("approve" — "rejected"), not of a
  // word that describes the next ("a legal framework").
  if (kind === "yesno") for (const [k, concept] of concepts.entries()) if (!modifiesNext(tokens, spans[k])) concepts[k] = withOpposites(index, concept);
  const searchTerms = retrievalTerms(index, concepts);
  const wanted = answerWanted(text, kind);
  return {
    text,
    kind,
    concepts,
    searchTerms,
    retrieval: retrievalQuery(index, concepts, searchTerms),
    ownTerms: new Set(terms),
    reach: new Set(concepts.flatMap((c) => c.expansions.flatMap((alt) => alt.flatMap((e) => [...e.keys()].map((id) => index.termText[id]!))))),
    articles,
    ...wanted,
    years,
  };
}
