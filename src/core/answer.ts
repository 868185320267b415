/**
 * Cited answers: 1–3 sentences quoted verbatim from the corpus, each with a
 * numbered citation, or a refusal that points to the closest articles when no
 * passage covers what the question asks about.
 */
import type { Citation } from "./article.ts";
import { type Passage, type CorpusIndex, adjacent, neighbour } from "./passage-index.ts";
import { type AnalyzedQuestion, type QuestionKind, analyze, conceptCredit } from "./query.ts";

export interface RelatedArticle {
  title: string;
  source: string;
  date: string;
  url: string;
}

export interface Answer {
  question: string;
  /** The quoted sentences with [n] markers, or the refusal message. */
  answer: string;
  abstained: boolean;
  citations: Citation[];
  /** On a refusal, up to three articles closest to the question. */
  related: RelatedArticle[];
}

export const REFUSAL = "I can't answer that from the articles I have.";

/** Share of the question's weighted concepts a passage must cover to be an answer. */
const MIN_COVERAGE = 0.6;
/** How many search hits are re-ranked. */
const CANDIDATES = 40;
const MAX_SENTENCES = 3;
/** A further sentence joins the answer only if it scores this close to the best. */
const COMPANION_RATIO = 0.85;
/** Share of the shorter sentence's terms two sentences must share to say the same thing. */
const SAME_FACT = 0.45;
/** The same, when they also share a number the question does not mention. */
const SAME_FACT_WITH_NUMBER = 0.3;
const MAX_CITATIONS_PER_SENTENCE = 3;

interface Scored {
  passage: Passage;
  coverage: number;
  score: number;
}

const KIND_FEATURE: Partial<Record<QuestionKind, (p: Passage) => boolean>> = {
  who: (p) => p.features.role || p.features.person,
  when: (p) => p.features.date,
  where: (p) => p.features.place,
  number: (p) => p.features.number,
  define: (p) => p.features.definition,
  quote: (p) => p.features.quote,
};

/** Sentences that lean on the one before ("According to him, it …", "Its founder …"). */
const CONTINUES = /^(?:it|its|this|that|these|those|he|she|they|his|her|their|such|the (?:company|firm|group|body|agency|authority|move|initiative)|according to (?:him|her|them))\b/i;

/** Credit a concept gets from the sentence before or after (from the one before when this one leans on it). */
const NEIGHBOUR_CREDIT = 0.5;
const ANTECEDENT_CREDIT = 0.8;
const TITLE_CREDIT = 0.4;

/** Weighted share of the question's concepts found in a passage, the sentences around it, or its title. */
function coverage(index: CorpusIndex, question: AnalyzedQuestion, passage: Passage): number {
  const before = adjacent(index, passage, -1);
  const after = adjacent(index, passage, 1);
  const beforeCredit = CONTINUES.test(passage.text) ? ANTECEDENT_CREDIT : NEIGHBOUR_CREDIT;
  let total = 0;
  let found = 0;
  for (const concept of question.concepts) {
    total += concept.weight;
    const own = conceptCredit(concept, passage.terms);
    const prior = before ? beforeCredit * conceptCredit(concept, before.terms) : 0;
    const later = after ? NEIGHBOUR_CREDIT * conceptCredit(concept, after.terms) : 0;
    const title = TITLE_CREDIT * conceptCredit(concept, index.titleTerms[passage.article]!);
    found += concept.weight * Math.max(own, prior, later, title);
  }
  return total === 0 ? 0 : found / total;
}

/** True when two sentences report the same fact: most words shared, or a number and many words. */
function sameFact(a: Passage, b: Passage, question: AnalyzedQuestion): boolean {
  let shared = 0;
  let sharedNumber = false;
  const asked = new Set(question.searchTerms);
  for (const term of a.terms) {
    if (!b.terms.has(term)) continue;
    shared++;
    if (/^\d{2,}/.test(term) && !asked.has(term)) sharedNumber = true;
  }
  const containment = shared / Math.max(1, Math.min(a.terms.size, b.terms.size));
  return containment >= SAME_FACT || (sharedNumber && containment >= SAME_FACT_WITH_NUMBER);
}

/** Every named thing in the question appears somewhere in the passage's article. */
function entitiesInArticle(index: CorpusIndex, question: AnalyzedQuestion, passage: Passage): boolean {
  const terms = index.articleTerms[passage.article]!;
  return question.concepts.every((c) => !c.entity || conceptCredit(c, terms) > 0);
}

function rank(index: CorpusIndex, question: AnalyzedQuestion): Scored[] {
  const hits = index.search.search(question.searchTerms.join(" ")).slice(0, CANDIDATES);
  const top = hits[0]?.score ?? 1;
  const feature = KIND_FEATURE[question.kind];
  return hits
    .map((hit) => {
      const passage = index.passages[hit.id as number]!;
      const cover = entitiesInArticle(index, question, passage) ? coverage(index, question, passage) : 0;
      const kindBonus = feature?.(passage) ? 0.12 : 0;
      const lengthPenalty = passage.terms.size > 45 ? 0.05 : 0;
      return { passage, coverage: cover, score: 0.65 * cover + 0.2 * (hit.score / top) + kindBonus - lengthPenalty };
    })
    .sort((a, b) => b.score - a.score || a.passage.id - b.passage.id);
}

/** The verbatim text of a passage, extended by the sentence after it when that one leans on it. */
function quoteFor(index: CorpusIndex, passage: Passage, kind: QuestionKind): string {
  const next = neighbour(index, passage, 1);
  const wantsMore = kind === "why" || kind === "define";
  if (!next || !wantsMore || !CONTINUES.test(next.text)) return passage.text;
  const paragraph = index.articles[passage.article]!.paragraphs[passage.paragraph]!;
  return paragraph.slice(paragraph.indexOf(passage.text), paragraph.indexOf(next.text) + next.text.length);
}

/** The citation fields for a passage's article. */
export function citationFor(index: CorpusIndex, passage: Passage, n: number, quote: string): Citation {
  const article = index.articles[passage.article]!;
  return {
    n,
    title: article.title,
    source: article.source ?? "",
    date: article.date ?? "",
    url: article.url ?? "",
    approximate: article.dateNote !== undefined,
    quote,
  };
}

interface Chosen {
  lead: Scored;
  quote: string;
  also: Scored[];
}

function choose(index: CorpusIndex, question: AnalyzedQuestion, ranked: Scored[]): Chosen[] {
  const best = ranked[0]!;
  const chosen: Chosen[] = [];
  for (const candidate of ranked) {
    if (candidate.coverage < MIN_COVERAGE || candidate.score < best.score * COMPANION_RATIO) continue;
    const same = chosen.find((c) => sameFact(c.lead.passage, candidate.passage, question));
    if (same) {
      const otherArticle = [same.lead, ...same.also].every((s) => s.passage.article !== candidate.passage.article);
      if (otherArticle && same.also.length + 1 < MAX_CITATIONS_PER_SENTENCE) same.also.push(candidate);
      continue;
    }
    if (chosen.length >= MAX_SENTENCES) continue;
    const quote = quoteFor(index, candidate.passage, question.kind);
    if (chosen.some((c) => c.quote.includes(candidate.passage.text))) continue;
    chosen.push({ lead: candidate, quote, also: [] });
  }
  return chosen;
}

function relatedArticles(index: CorpusIndex, ranked: Scored[]): RelatedArticle[] {
  const seen = new Set<number>();
  const related: RelatedArticle[] = [];
  for (const { passage } of ranked) {
    if (seen.has(passage.article) || related.length >= 3) continue;
    seen.add(passage.article);
    const article = index.articles[passage.article]!;
    related.push({ title: article.title, source: article.source ?? "", date: article.date ?? "", url: article.url ?? "" });
  }
  return related;
}

/**
 * Answers a question from the index.
 *
 * @example answer(index, "What is PVARA?").answer
 *   // "This follows the establishment of the Pakistan Virtual Assets Regulatory Authority (PVARA) … [1]"
 */
export function answer(index: CorpusIndex, question: string): Answer {
  const analyzed = analyze(index, question);
  const refuse = (ranked: Scored[]): Answer => ({
    question,
    answer: REFUSAL,
    abstained: true,
    citations: [],
    related: relatedArticles(index, ranked),
  });
  if (analyzed.concepts.length === 0) return refuse([]);
  const ranked = rank(index, analyzed);
  const unknownEntity = analyzed.concepts.some((c) => c.entity && !c.known);
  if (unknownEntity || ranked.length === 0 || ranked[0]!.coverage < MIN_COVERAGE) return refuse(ranked);
  const citations: Citation[] = [];
  const sentences = choose(index, analyzed, ranked).map(({ lead, quote, also }) => {
    const markers = [lead, ...also].map((scored, k) => {
      const n = citations.length + 1;
      citations.push(citationFor(index, scored.passage, n, k === 0 ? quote : scored.passage.text));
      return `[${n}]`;
    });
    return `${quote} ${markers.join("")}`;
  });
  return { question, answer: sentences.join(" "), abstained: false, citations, related: [] };
}
