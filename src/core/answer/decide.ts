/**
 * Stage 5 — decide: answer, or refuse on evidence — a name no article has,
 * too little of the question covered, or only the question's names matched.
 */
import type { CorpusIndex, Passage } from "../passage-index.ts";
import type { AnalyzedQuestion } from "./types.ts";
import { type Scored, coverage } from "./score.ts";

/**
 * Whether a passage (with its neighbours and title) is about the question's
 * topic, not only its names: it covers at least one of the question's
 * concepts that is not a name. A question that is only names ("who is Zafar
 * Masood?") is about them. Refusing otherwise keeps "the weather in Lahore"
 * from being answered with any sentence that mentions Lahore.
 */
export function aboutTopic(index: CorpusIndex, question: AnalyzedQuestion, passage: Passage): boolean {
  const topic = question.concepts.filter((c) => !c.entity && !c.answerType && c.weight > 0);
  if (topic.length === 0) return true;
  return coverage(index, { ...question, concepts: topic }, passage) > 0;
}

/** Why an answer was refused, or undefined when it was not. */
export type RefusalReason = "no concepts" | "unknown name" | "nothing retrieved" | "coverage below threshold" | "only the names match";

/** The decision the answer stage takes on ranked passages (see `answer`). */
export function decide(index: CorpusIndex, analyzed: AnalyzedQuestion, ranked: Scored[], minCoverage: number): RefusalReason | undefined {
  if (analyzed.concepts.length === 0) return "no concepts";
  if (analyzed.concepts.some((c) => c.entity && !c.known)) return "unknown name";
  if (ranked.length === 0) return "nothing retrieved";
  if (ranked[0]!.coverage < minCoverage) return "coverage below threshold";
  if (!aboutTopic(index, analyzed, ranked[0]!.passage)) return "only the names match";
  return undefined;
}
