/**
 * Plain-text rendering for the terminal: the answer, then numbered sources
 * with outlet, date and link, each with the exact quote.
 */
import type { Answer } from "../../core/answer.ts";

function sourceLine(c: { n: number; title: string; source: string; date: string; url: string; approximate: boolean }): string {
  const date = c.date ? `${c.date}${c.approximate ? " (approx.)" : ""}` : "undated";
  return `[${c.n}] ${c.title} — ${c.source || "unknown outlet"}, ${date}${c.url ? `\n    ${c.url}` : ""}`;
}

/** Renders an answer or a refusal for the terminal. */
export function renderAnswerText(answer: Answer): string {
  if (answer.abstained) {
    const related = answer.related.map((r) => `  - ${r.title} (${r.source || "unknown outlet"}, ${r.date || "undated"})`);
    return related.length > 0 ? `${answer.answer}\nClosest articles:\n${related.join("\n")}` : answer.answer;
  }
  return `${answer.answer}\n\nSources:\n${answer.citations.map(sourceLine).join("\n")}`;
}
