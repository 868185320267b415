/**
 * Dates written in article text, resolved against the article's publication
 * date with honest precision: "last week" is a week, "earlier this month" a
 * month, "in 2021" a year, "on Thursday" the Thursday before publication.
 * chrono-node (its English locale only) does the parsing; two custom chrono parsers add bare years
 * ("in 2021") and "a day prior".
 */
import { createRequire } from "node:module";

type ChronoEnglish = typeof import("chrono-node/en");
type Parser = ReturnType<ChronoEnglish["casual"]["clone"]>;

const require = createRequire(import.meta.url);

export type Precision = "day" | "week" | "month" | "year";

/** A date at some precision; `date` is YYYY-MM-DD, YYYY-MM or YYYY to match. */
export interface FoundDate {
  date: string;
  precision: Precision;
  /** First and last day the date may mean (YYYY-MM-DD), for range filters. */
  start: string;
  end: string;
  /** The words in the text that gave the date. */
  phrase: string;
}

let loaded: Parser | undefined;

/**
 * chrono-node's English parser with ours added, loaded on first use (as
 * CommonJS, synchronously): a start from the persisted index parses no dates,
 * and loading chrono costs ~0.2 s.
 */
function parser(): Parser {
  if (loaded) return loaded;
  const chrono = require("chrono-node/en") as ChronoEnglish;
  loaded = chrono.casual.clone();
  loaded.parsers.push(
    {
      // "in 2021", "since 2019", "by 2030" — not "Bitcoin 2025 Conference".
      pattern: () => /\b(?:in|since|by|during|until|from|of|before|after)\s+((?:19|20)\d{2})\b(?![-–]|\s*(?:conference|summit|forum|expo|festival|cup))/i,
      extract: (_context, match) => ({ year: Number(match[1]) }),
    },
    {
      pattern: () => /\ba day (?:prior|earlier|before)\b|\bthe (?:previous|prior) day\b/i,
      extract: (context) => {
        const d = new Date(context.refDate);
        d.setUTCDate(d.getUTCDate() - 1);
        return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
      },
    },
  );
  return loaded;
}

/** How much text around the first date-like word chrono reads ("in" before a year; "April 26, 2025" after a weekday). */
const CONTEXT_BEFORE = 40;
const CONTEXT_AFTER = 80;

/** A cheap test run before chrono: most sentences name no date at all. */
const MAY_HAVE_DATE =
  /\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s|\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|today|tomorrow|week|month|year|prior)\b|\b(?:19|20)\d{2}\b/i;

/** "Today" and "now" in news prose are rarely dates ("foundations today"); the lead event covers the day. */
const FIGURATIVE = /^(?:today|now|tonight|currently|right now|these days)$/i;

const iso = (d: Date) => d.toISOString().slice(0, 10);

function addDays(d: Date, days: number): Date {
  const copy = new Date(d);
  copy.setUTCDate(copy.getUTCDate() + days);
  return copy;
}

/** Monday of the ISO week that holds d. */
function mondayOf(d: Date): Date {
  return addDays(d, -((d.getUTCDay() + 6) % 7));
}

function lastDayOfMonth(year: number, month: number): Date {
  return new Date(Date.UTC(year, month, 0));
}

/**
 * The first date expression in a sentence, resolved against `reference`
 * (YYYY-MM-DD, the publication date). Undefined when there is none.
 *
 * @example findDate("In a related move last week, …", "2025-06-07")
 *   // { date: "2025-05-26", precision: "week", start: "2025-05-26", end: "2025-06-01", phrase: "last week" }
 */
export function findDate(sentence: string, reference: string | undefined): FoundDate | undefined {
  const cue = MAY_HAVE_DATE.exec(sentence);
  if (!cue) return undefined;
  const ref = reference ? new Date(`${reference}T12:00:00Z`) : new Date(Date.UTC(2000, 0, 1, 12));
  // chrono's cost grows with the text; read only around the first date-like word.
  const window = sentence.slice(Math.max(0, cue.index - CONTEXT_BEFORE), cue.index + CONTEXT_AFTER);
  const [result] = parser().parse(window, { instant: ref, timezone: 0 }, { forwardDate: false });
  if (!result) return undefined;
  const { start } = result;
  const relative = !start.isCertain("year");
  if (relative && !reference) return undefined;
  const when = start.date();
  const phrase = result.text.trim();
  if (FIGURATIVE.test(phrase)) return undefined;
  if (/\bweek\b/i.test(phrase)) {
    const monday = mondayOf(start.isCertain("day") ? when : addDays(when, 1));
    return { date: iso(monday), precision: "week", start: iso(monday), end: iso(addDays(monday, 6)), phrase };
  }
  if (start.isCertain("day") || start.isCertain("weekday")) {
    return { date: iso(when), precision: "day", start: iso(when), end: iso(when), phrase };
  }
  const year = when.getUTCFullYear();
  if (start.isCertain("month")) {
    const month = when.getUTCMonth() + 1;
    const first = new Date(Date.UTC(year, month - 1, 1));
    return { date: iso(first).slice(0, 7), precision: "month", start: iso(first), end: iso(lastDayOfMonth(year, month)), phrase };
  }
  if (start.isCertain("year")) {
    return { date: String(year), precision: "year", start: `${year}-01-01`, end: `${year}-12-31`, phrase };
  }
  return undefined;
}

/**
 * The range a `date_note` gives for an uncertain publication date
 * ("reports place it between 2025-05-31 and 2025-06-08"), or undefined when
 * the note names fewer than two dates.
 */
export function noteRange(note: string | undefined, reference: string): { earliest: string; latest: string } | undefined {
  if (!note) return undefined;
  const days = parser()
    .parse(note, { instant: new Date(`${reference}T12:00:00Z`), timezone: 0 })
    .filter((r) => r.start.isCertain("day") && r.start.isCertain("month") && r.start.isCertain("year"))
    .map((r) => iso(r.start.date()))
    .sort();
  if (days.length < 2) return undefined;
  return { earliest: days[0]!, latest: days.at(-1)! };
}
