/**
 * The answer engine's front door for the rest of the core. One stage a file,
 * in order (follow-up.ts first reads a follow-up with its conversation's subject):
 *   question-kind.ts  what kind of answer is wanted (a person, a date, an amount, a count of X, years allowed)
 *   analyse.ts  names, constraints, answer-type words, phrases, lists; the concepts
 *   expand.ts   each word's vocabulary matches (exact, prefix, misspelled, lemma, WordNet) and weight
 *   retrieve.ts the search terms within a budget; the best articles
 *   score.ts    passages by coverage, own match, article score, kind of answer
 *               (lean.ts: which sentences lean on the one before)
 *   decide.ts   answer, or refuse on evidence
 *   compose.ts  the verbatim quotes, with the sentence that carries on
 *   cite.ts     citations, and the closest articles for a refusal
 * pipeline.ts runs them (`answer`); weights.ts holds every weight and
 * threshold; explain.ts shows the stages for one question.
 */
export { type Answer, type AnswerOptions, REFUSAL, answer } from "./pipeline.ts";
export { type AnalyzedQuestion, type QuestionKind, MAX_QUESTION_CHARS, analyze, classify } from "./analyse.ts";
export { ArticleNumbers, type RelatedArticle, citationFor, relatedArticles } from "./cite.ts";
export { type Decision, type RefusalReason, aboutTopic, decide } from "./decide.ts";
export { type Concept, conceptCredit, conceptShare } from "./expand.ts";
export { explain } from "./explain.ts";
export { withSubject } from "./follow-up.ts";
export { articleMatch } from "./retrieve.ts";
export { answersKind } from "./offers.ts";
export { type Scored, coverage, rank, sameFact } from "./score.ts";
export { MIN_TOPIC_COVERAGE } from "./weights.ts";
