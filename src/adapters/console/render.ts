/**
 * Plain-text rendering for the terminal: the answer, then numbered sources
 * with outlet, date and link, each with the exact quote.
 */
import type { Answer } from "../../core/answer.ts";
import type { Digest } from "../../core/digest.ts";
import type { Summary } from "../../core/summary.ts";
import type { TimelineEvent, TimelineQuery } from "../../core/timeline.ts";

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

function dateLabel(date: string, approximate: boolean): string {
  return date ? `${date}${approximate ? " (approx.)" : ""}` : "undated";
}

/** Renders a summary: the quoted sentences with markers, then sources. */
export function renderSummaryText(summary: Summary): string {
  if (summary.abstained) return `The articles I have don't cover "${summary.subject}".`;
  const body = summary.sentences.map((s) => `- ${s.text} [${s.n}]`).join("\n");
  return `Summary: ${summary.subject}\n${body}\n\nSources:\n${summary.citations.map(sourceLine).join("\n")}`;
}

/** Renders a timeline, oldest first, one event per line with its sources. */
export function renderTimelineText(events: TimelineEvent[], query: TimelineQuery = {}): string {
  if (events.length === 0) return "No dated events match that timeline.";
  const header = `Timeline${query.topic ? `: ${query.topic}` : ""}${query.from || query.to ? ` (${query.from ?? "…"} to ${query.to ?? "…"})` : ""}`;
  const lines = events.map((e) => {
    const sources = e.citations.map((c) => `${c.source || "unknown outlet"}, ${dateLabel(c.date, c.approximate)} — ${c.url || c.title}`).join("; ");
    return `${e.approximate ? "~" : ""}${e.date} [${e.precision}]  ${e.text}\n    ${sources}`;
  });
  return `${header}\n${lines.join("\n")}`;
}

/** Renders a digest: the window and count, then each story's articles. */
export function renderDigestText(digest: Digest): string {
  const window = `${digest.since ?? "the beginning"} to ${digest.until ?? "today"}`;
  if (digest.count === 0) return `No new articles from ${window}${digest.topic ? ` about ${digest.topic}` : ""}.`;
  const header = `News digest — ${digest.count} article${digest.count === 1 ? "" : "s"}, ${window}${digest.topic ? `, about ${digest.topic}` : ""}`;
  const stories = digest.groups.map((group) =>
    group
      .map((item) => `• ${item.title} — ${item.source || "unknown outlet"}, ${dateLabel(item.date, item.approximate)}\n  ${item.url}\n${item.sentences.map((s) => `  "${s.text}" [${s.n}]`).join("\n")}`)
      .join("\n"),
  );
  return `${header}\n\n${stories.join("\n\n")}`;
}
