/**
 * The answer pipeline, its stages in order: analyse → (expand, retrieve) →
 * score → decide → compose → cite. A question in, a cited answer or a
 * refusal out.
 */
import type { Citation } from "../article.ts";
import type { CorpusIndex } from "../passage-index.ts";
import { analyze } from "./analyse.ts";
import { ArticleNumbers, type RelatedArticle, citationFor, relatedArticles } from "./cite.ts";
import { choose } from "./compose.ts";
import { decide } from "./decide.ts";
import { withSubject } from "./follow-up.ts";
import { type Scored, rank } from "./score.ts";
import { MIN_COVERAGE } from "./weights.ts";

export interface Answer {
  question: string;
  /** The question as answered: a follow-up with its conversation's subject (see follow-up.ts), else the question. */
  asked: string;
  /** The quoted sentences with [n] markers (article numbers), or the refusal message. */
  answer: string;
  /** The same sentences, each with the numbers of the articles that support it (Citation.article). */
  sentences: { text: string; cites: number[] }[];
  abstained: boolean;
  /** One per quote, each with its article's number. */
  citations: Citation[];
  /** On a refusal, up to three articles closest to the question. */
  related: RelatedArticle[];
}

export const REFUSAL = "I can't answer that from the articles I have.";

/**
 * Answers a question from the index.
 *
 * @example answer(index, "What is PVARA?").answer
 *   // "This follows the establishment of the Pakistan Virtual Assets Regulatory Authority (PVARA) … [1]"
 */
export interface AnswerOptions {
  /** The refusal threshold (default MIN_COVERAGE); `npm run eval` varies it to show the trade-off. */
  minCoverage?: number;
  /** The conversation's earlier question, when this one follows it up ("and who signed it?"). */
  previous?: string;
}

export function answer(index: CorpusIndex, question: string, options: AnswerOptions = {}): Answer {
  const minCoverage = options.minCoverage ?? MIN_COVERAGE;
  const asked = options.previous ? withSubject(index, question, options.previous) : question;
  const analyzed = analyze(index, asked);
  const refuse = (ranked: Scored[]): Answer => ({
    question,
    asked,
    answer: REFUSAL,
    sentences: [],
    abstained: true,
    citations: [],
    related: relatedArticles(index, ranked, analyzed),
  });
  if (analyzed.concepts.length === 0) return refuse([]);
  const ranked = rank(index, analyzed);
  const decision = decide(index, analyzed, ranked, minCoverage);
  if (decision.refusal) return refuse(ranked);
  const citations: Citation[] = [];
  const articles = new ArticleNumbers();
  const sentences = choose(index, analyzed, ranked, decision.bar).map(({ lead, quote, also }) => {
    const cites = [lead, ...also].map((scored, k) => {
      const citation = citationFor(index, scored.passage, citations.length + 1, k === 0 ? quote : scored.passage.text, articles);
      citations.push(citation);
      return citation.article;
    });
    return { text: quote, cites: [...new Set(cites)] };
  });
  const text = sentences.map((s) => `${s.text} ${s.cites.map((n) => `[${n}]`).join("")}`).join(" ");
  return { question, asked, answer: text, sentences, abstained: false, citations, related: [] };
}
