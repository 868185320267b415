/**
 * Date options read as people write them — 2025-06-01, 2025-06, 2025,
 * May 2025, last month, since May 2025, yesterday — with chrono-node (through
 * the core's date reader), each as the range of days it means: a "from" or
 * "since" takes its first day, a "to" or "until" its last. Replies say which
 * dates were read whenever the words were not already a plain date.
 */
import { isIsoDate } from "../src/core/article.ts";
import { findDate } from "../src/core/dates.ts";
import { UserError } from "../src/core/errors.ts";
import type { Block } from "../src/reply.ts";

export interface ReadDate {
  /** The words given. */
  said: string;
  start: string;
  end: string;
}

const today = (): string => new Date().toISOString().slice(0, 10);

const lastDayOf = (year: number, month: number): string => new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);

/** Reads a date option; a UserError names the option and gives examples when the words are not a date. */
export function readDate(option: string, said: string, reference = today()): ReadDate {
  const text = said.trim();
  if (isIsoDate(text)) return { said: text, start: text, end: text };
  const month = text.match(/^(\d{4})-(\d{2})$/);
  if (month && Number(month[2]) >= 1 && Number(month[2]) <= 12) return { said: text, start: `${text}-01`, end: lastDayOf(Number(month[1]), Number(month[2])) };
  if (/^(19|20)\d{2}$/.test(text)) return { said: text, start: `${text}-01-01`, end: `${text}-12-31` };
  const found = findDate(text, reference);
  if (!found) throw new UserError(`${option}: cannot read "${text}" as a date; try 2025-06-01, 2025-06, "May 2025" or "last month" (words in quotes).`);
  return { said: text, start: found.start, end: found.end };
}

/** "Dates read: from 2026-10-01 (“last month”) to 2026-10-31 (“last month”)", or nothing when every date was given as YYYY-MM-DD. */
export function datesRead(parts: { word: string; read?: ReadDate; edge: "start" | "end" }[]): Block[] {
  const shown = parts.filter((p): p is { word: string; read: ReadDate; edge: "start" | "end" } => p.read !== undefined);
  if (shown.every((p) => isIsoDate(p.read.said))) return [];
  return [{ type: "text", text: `Dates read: ${shown.map((p) => `${p.word} ${p.read[p.edge]}${isIsoDate(p.read.said) ? "" : ` (“${p.read.said}”)`}`).join(", ")}.` }];
}
