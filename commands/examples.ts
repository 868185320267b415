/**
 * Example questions shown in /help, /start and in answer to a greeting. They
 * are questions the bundled corpus answers, and a test keeps them so.
 */
export const EXAMPLE_QUESTIONS = ["What is PVARA?", "Who is Bilal Bin Saqib?", "How much electricity will Pakistan give to bitcoin mining?"] as const;

/** A greeting or thanks on its own ("hi", "salaam", "thanks!"): answered with an introduction, not a search. */
const GREETING = /^(?:hi+|hello+|hey+|hiya|yo|salaa?m|as+alam[ou]? ?[ao]?alaikum|aoa|good (?:morning|afternoon|evening)|thanks?(?: you| a lot)?|thank u|thx|ty|shukriya|jazak ?allah(?: khair)?)[\s!.,]*$/iu;

export function isGreeting(text: string): boolean {
  return GREETING.test(text.trim());
}
