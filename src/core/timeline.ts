/**
 * Timelines: dated events in chronological order, each the quoted sentence
 * that reports it, with citations. Events are extracted once per library;
 * the same event reported by several articles is one entry citing each.
 */
import type { Citation } from "./article.ts";
import { type FoundDate, type Precision, findDate } from "./dates.ts";
import type { CorpusIndex, Passage } from "./passage-index.ts";
import { type AnalyzedQuestion, ArticleNumbers, analyze, articleMatch, citationFor, conceptShare, coverage, sameFact } from "./answer/index.ts";

export interface TimelineEvent {
  /** YYYY-MM-DD, YYYY-MM or YYYY, matching `precision`; for a week, its Monday. */
  date: string;
  precision: Precision;
  /** True when the date is uncertain: the article's own date is approximate. */
  approximate: boolean;
  /** The sentence that reports the event, verbatim. */
  text: string;
  citations: Citation[];
}

/** An event before citations are numbered: the reporting passages and the date. */
export interface ExtractedEvent {
  when: FoundDate;
  approximate: boolean;
  /** The passage whose text is shown, then the others that report the same event. */
  passages: Passage[];
  /** True for an article's lead sentence placed at its publication date. */
  lead: boolean;
}

export interface TimelineQuery {
  topic?: string;
  /** Inclusive bounds, YYYY-MM-DD. An event is in the window when all the days it may mean are. */
  from?: string;
  to?: string;
}

/** Share of a topic an event's sentence (or, for a lead event, its title) must cover. */
const TOPIC_COVERAGE = 0.5;
const PRECISION_RANK: Record<Precision, number> = { day: 0, week: 1, month: 2, year: 3 };

function publicationDate(date: string): FoundDate {
  return { date, precision: "day", start: date, end: date, phrase: "" };
}


const DAY_MS = 24 * 3600 * 1000;
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** Every day from start to end (inclusive), as YYYY-MM-DD. */
function daysOf(when: FoundDate): string[] {
  const days: string[] = [];
  for (let t = Date.parse(`${when.start}T00:00:00Z`); t <= Date.parse(`${when.end}T00:00:00Z`); t += DAY_MS) days.push(isoDay(t));
  return days;
}

/** The Monday of the week holding a day. */
function mondayOf(day: string): string {
  const t = Date.parse(`${day}T00:00:00Z`);
  return isoDay(t - ((new Date(t).getUTCDay() + 6) % 7) * DAY_MS);
}

/**
 * Events filed under their exact date (day, week, month or year), so a new
 * event is compared only with events it may merge with, and only with each
 * one's representative sentence — not with every event in the corpus.
 */
class EventBuckets {
  /** The index passages are compared in: an extension moves it to the updated index. */
  constructor(public index: CorpusIndex) {}

  readonly all: ExtractedEvent[] = [];
  /** Date key → the article an event was first reported in → its events. */
  private readonly buckets = new Map<string, Map<number, ExtractedEvent[]>>();
  /** The articles each event already cites, so a merge check is O(1). */
  private readonly cited = new WeakMap<ExtractedEvent, Set<number>>();
  /** The article each event was first reported in: its bucket entry. */
  private readonly origin = new WeakMap<ExtractedEvent, number>();

  private static key(when: FoundDate): string {
    return `${when.precision}:${when.date}`;
  }

  /**
   * The keys an event may merge with: a day with its week and a week with its
   * days ("on Thursday" in one article, "last week" in another); a month or a
   * year only with the same month or year.
   */
  private static mergeable(when: FoundDate): string[] {
    if (when.precision === "day") return [`day:${when.date}`, `week:${mondayOf(when.date)}`];
    if (when.precision === "week") return [`week:${when.date}`, ...daysOf(when).map((d) => `day:${d}`)];
    return [`${when.precision}:${when.date}`];
  }

  private file(event: ExtractedEvent): void {
    const key = EventBuckets.key(event.when);
    const byArticle = this.buckets.get(key) ?? new Map<number, ExtractedEvent[]>();
    this.buckets.set(key, byArticle);
    const article = this.origin.get(event)!;
    const list = byArticle.get(article);
    if (list) list.push(event);
    else byArticle.set(article, [event]);
  }

  private unfile(event: ExtractedEvent): void {
    const list = this.buckets.get(EventBuckets.key(event.when))?.get(this.origin.get(event)!);
    const at = list?.indexOf(event) ?? -1;
    if (at >= 0) list!.splice(at, 1);
  }

  /**
   * An event of another article, under one of these keys, that reports the
   * same fact as `passage` and does not cite its article yet. Events first
   * reported in the passage's own article are skipped as a whole, so one
   * article with thousands of dated sentences is not compared with itself.
   */
  private findSame(keys: readonly string[], passage: Passage): ExtractedEvent | undefined {
    for (const key of keys) {
      const byArticle = this.buckets.get(key);
      if (!byArticle) continue;
      for (const [article, events] of byArticle) {
        if (article === passage.article) continue;
        for (const e of events) if (!this.cited.get(e)!.has(passage.article) && sameFact(this.index, e.passages[0]!, passage)) return e;
      }
    }
    return undefined;
  }

  /** Adds an event, or merges it into an overlapping one from another article that reports the same thing. */
  add(event: ExtractedEvent): void {
    const passage = event.passages[0]!;
    const same = this.findSame(EventBuckets.mergeable(event.when), passage);
    if (!same) {
      this.all.push(event);
      this.cited.set(event, new Set([passage.article]));
      this.origin.set(event, passage.article);
      this.file(event);
      return;
    }
    this.cited.get(same)!.add(passage.article);
    const finer = PRECISION_RANK[event.when.precision] < PRECISION_RANK[same.when.precision] || (same.approximate && !event.approximate);
    if (!finer) {
      same.passages.push(passage);
      return;
    }
    this.unfile(same);
    same.when = event.when;
    same.approximate = event.approximate;
    same.passages.unshift(passage);
    this.file(same);
  }
}

/**
 * Dated events gathered article by article, in load order. An index update
 * that only adds articles after the others goes on from where the last
 * extraction stopped, instead of going through the corpus again (~0.4 s at
 * 10,000 articles): merging depends on the order articles come in, and that
 * order is then the same as a fresh extraction's.
 */
export class EventExtraction {
  private readonly buckets: EventBuckets;
  /** Articles gathered so far: the first `covered` of the index. */
  private covered = 0;

  constructor(index: CorpusIndex) {
    this.buckets = new EventBuckets(index);
  }

  /** True when it has gathered exactly the articles of this index. */
  covers(index: CorpusIndex): boolean {
    return this.buckets.index === index && this.covered === index.articles.length;
  }

  /**
   * Gathers the articles of `index` it has not yet; `index` holds the ones
   * gathered before at the same places. `dateOf` gives a passage's date, if it
   * was read already (else it is read here).
   */
  extend(index: CorpusIndex, dateOf?: (passage: Passage) => FoundDate | null | undefined): this {
    this.buckets.index = index;
    for (let a = this.covered; a < index.articles.length; a++) {
      const article = index.articles[a]!;
      const approximate = article.dateNote !== undefined;
      const passages = index.passages.ofArticle(a);
      let leadDated = false;
      for (const passage of passages) {
        const when = dateOf ? (dateOf(passage) ?? undefined) : findDate(passage.text, article.date);
        if (!when) continue;
        if (passage === passages[0]) leadDated = true;
        this.buckets.add({ when, approximate, passages: [passage], lead: false });
      }
      const lead = passages[0];
      if (lead && article.date && !leadDated) this.buckets.add({ when: publicationDate(article.date), approximate, passages: [lead], lead: true });
    }
    this.covered = index.articles.length;
    return this;
  }

  /** The events so far, in chronological order. */
  events(): ExtractedEvent[] {
    return [...this.buckets.all].sort((x, y) => x.when.start.localeCompare(y.when.start) || PRECISION_RANK[x.when.precision] - PRECISION_RANK[y.when.precision] || x.passages[0]!.id - y.passages[0]!.id);
  }
}

function aboutTopic(index: CorpusIndex, topic: AnalyzedQuestion, event: ExtractedEvent, articleCovers: (a: number) => boolean): boolean {
  return event.passages.some((passage) => {
    if (!articleCovers(passage.article)) return false;
    if (coverage(index, topic, passage) >= TOPIC_COVERAGE) return true;
    if (!event.lead) return false;
    return conceptShare(topic, index.titleTerms[passage.article]!) >= TOPIC_COVERAGE;
  });
}

/** The events wholly inside a window; events are sorted by start, so the window's first is found by bisection. */
function eventsBetween(events: readonly ExtractedEvent[], from?: string, to?: string): readonly ExtractedEvent[] {
  let lo = 0;
  let hi = events.length;
  while (from && lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (events[mid]!.when.start < from) lo = mid + 1;
    else hi = mid;
  }
  const inside: ExtractedEvent[] = [];
  for (let i = lo; i < events.length; i++) {
    const { when } = events[i]!;
    if (to && when.start > to) break;
    if (!to || when.end <= to) inside.push(events[i]!);
  }
  return inside;
}

/**
 * The events matching a topic and a date window, oldest first.
 *
 * @example timeline(index, events, { topic: "El Salvador", from: "2021-01-01" })
 */
export function timeline(index: CorpusIndex, events: readonly ExtractedEvent[], query: TimelineQuery = {}): TimelineEvent[] {
  const topic = query.topic?.trim() ? analyze(index, query.topic) : undefined;
  if (topic && (topic.concepts.length === 0 || topic.concepts.some((c) => c.entity && !c.known))) return [];
  const covers = new Map<number, boolean>();
  const articleCovers = (a: number) => covers.get(a) ?? covers.set(a, articleMatch(index, topic!, a) >= TOPIC_COVERAGE).get(a)!;
  // Quotes and articles are numbered across the whole timeline: an article reporting three events is one source.
  const articles = new ArticleNumbers();
  let quotes = 0;
  return eventsBetween(events, query.from, query.to)
    .filter((e) => !topic || aboutTopic(index, topic, e, articleCovers))
    .map((e) => ({
      date: e.when.date,
      precision: e.when.precision,
      approximate: e.approximate,
      text: e.passages[0]!.text,
      citations: e.passages.map((p) => citationFor(index, p, ++quotes, p.text, articles)),
    }));
}
