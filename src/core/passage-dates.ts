/**
 * The date each passage gives, kept as columns: the passages that give one,
 * and for each its precision, first day and wording. An index update carries
 * them over to the new passage ids (index-update.ts) and the persisted index
 * stores them (index-cache.ts), both without making an object per date — at
 * 10,000 articles there are ~100,000, which took ~80 ms to load as objects.
 * They become `FoundDate`s when the timeline's events are made.
 */
import type { FoundDate, Precision } from "./dates.ts";

const PRECISIONS: readonly Precision[] = ["day", "week", "month", "year"];
const DAY_MS = 86_400_000;

export interface PassageDates {
  /** The passages that give a date, ascending. */
  ids: Uint32Array;
  /** Index into PRECISIONS. */
  precision: Uint8Array;
  /** The first day the date may mean, in days since 1970-01-01. */
  start: Int32Array;
  /** Index into `phrases`: the words that gave the date. */
  phrase: Uint32Array;
  phrases: string[];
  /** Dates the columns do not give back exactly (a year before 1000…): position in `ids` → the date. */
  odd: [number, FoundDate][];
}

const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** A date from its precision, first day and wording, as dates.ts makes it. */
function dateOf(precision: Precision, startDay: number, phrase: string): FoundDate {
  const ms = startDay * DAY_MS;
  const start = iso(ms);
  const day = new Date(ms);
  const year = day.getUTCFullYear();
  switch (precision) {
    case "day":
      return { date: start, precision, start, end: start, phrase };
    case "week":
      return { date: start, precision, start, end: iso(ms + 6 * DAY_MS), phrase };
    case "month":
      return { date: start.slice(0, 7), precision, start, end: iso(Date.UTC(year, day.getUTCMonth() + 1, 0)), phrase };
    case "year":
      return { date: String(year), precision, start: `${year}-01-01`, end: `${year}-12-31`, phrase };
  }
}

const same = (a: FoundDate, b: FoundDate) => a.date === b.date && a.precision === b.precision && a.start === b.start && a.end === b.end && a.phrase === b.phrase;

/** Collects dates in ascending passage order into columns. */
export class PassageDatesBuilder {
  private readonly ids: number[] = [];
  private readonly precision: number[] = [];
  private readonly start: number[] = [];
  private readonly phrase: number[] = [];
  private readonly phrases: string[] = [];
  private readonly phraseIds = new Map<string, number>();
  private readonly odd: [number, FoundDate][] = [];

  /** Adds the date passage `id` gives. */
  add(id: number, date: FoundDate): void {
    const precision = PRECISIONS.indexOf(date.precision);
    const start = Math.round(Date.parse(`${date.start}T00:00:00Z`) / DAY_MS);
    if (Number.isNaN(start) || !same(dateOf(date.precision, start, date.phrase), date)) this.odd.push([this.ids.length, date]);
    this.push(id, precision, Number.isNaN(start) ? 0 : start, date.phrase);
  }

  /** Adds the dates of passages first..end-1 of `from`, as passages from `to` on. */
  copy(from: PassageDates, first: number, end: number, to: number): void {
    const odd = from.odd.length > 0 ? new Map(from.odd) : undefined;
    for (let i = lowerBound(from.ids, first); i < from.ids.length && from.ids[i]! < end; i++) {
      const date = odd?.get(i);
      if (date) this.odd.push([this.ids.length, date]);
      this.push(from.ids[i]! - first + to, from.precision[i]!, from.start[i]!, from.phrases[from.phrase[i]!]!);
    }
  }

  private push(id: number, precision: number, start: number, phrase: string): void {
    let p = this.phraseIds.get(phrase);
    if (p === undefined) this.phraseIds.set(phrase, (p = this.phrases.push(phrase) - 1));
    this.ids.push(id);
    this.precision.push(precision);
    this.start.push(start);
    this.phrase.push(p);
  }

  finish(): PassageDates {
    return { ids: Uint32Array.from(this.ids), precision: Uint8Array.from(this.precision), start: Int32Array.from(this.start), phrase: Uint32Array.from(this.phrase), phrases: this.phrases, odd: this.odd };
  }
}

function lowerBound(ids: Uint32Array, id: number): number {
  let lo = 0;
  let hi = ids.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (ids[mid]! < id) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Columns from a date (or null) per passage. */
export function packDates(dates: readonly (FoundDate | null)[]): PassageDates {
  const builder = new PassageDatesBuilder();
  dates.forEach((date, id) => date && builder.add(id, date));
  return builder.finish();
}

/** A date (or null) per passage, for `passages` passages. */
export function unpackDates(packed: PassageDates, passages: number): (FoundDate | null)[] {
  const dates = new Array<FoundDate | null>(passages).fill(null);
  const odd = new Map(packed.odd);
  packed.ids.forEach((id, i) => (dates[id] = odd.get(i) ?? dateOf(PRECISIONS[packed.precision[i]!]!, packed.start[i]!, packed.phrases[packed.phrase[i]!]!)));
  return dates;
}
