/**
 * Timelines: dated events in chronological order, each the quoted sentence
 * that reports it, with citations. Events are extracted once per library;
 * the same event reported by several articles is one entry citing each.
 */
import type { Citation } from "./article.ts";
import { type FoundDate, type Precision, findDate } from "./dates.ts";
import type { CorpusIndex, Passage } from "./passage-index.ts";
import { analyze, conceptCredit, type AnalyzedQuestion } from "./query.ts";
import { coverage, sameFact } from "./relevance.ts";
import { citationFor } from "./answer.ts";

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

function overlaps(a: FoundDate, b: FoundDate): boolean {
  return a.start <= b.end && b.start <= a.end;
}

/** Adds an event, or merges it into an overlapping one that reports the same thing. */
function addEvent(events: ExtractedEvent[], event: ExtractedEvent): void {
  const passage = event.passages[0]!;
  const same = events.find((e) => overlaps(e.when, event.when) && e.passages.some((p) => p.article !== passage.article && sameFact(p, passage)));
  if (!same) {
    events.push(event);
    return;
  }
  const finer = PRECISION_RANK[event.when.precision] < PRECISION_RANK[same.when.precision] || (same.approximate && !event.approximate);
  if (finer) {
    same.when = event.when;
    same.approximate = event.approximate;
    same.passages.unshift(passage);
  } else {
    same.passages.push(passage);
  }
}

/** Extracts every dated event from an index, in chronological order. */
export function extractEvents(index: CorpusIndex): ExtractedEvent[] {
  const events: ExtractedEvent[] = [];
  index.articles.forEach((article, a) => {
    const approximate = article.dateNote !== undefined;
    const ids = index.layout[a]!.flat();
    let leadDated = false;
    for (const id of ids) {
      const passage = index.passages[id]!;
      const when = findDate(passage.text, article.date);
      if (!when) continue;
      if (id === ids[0]) leadDated = true;
      addEvent(events, { when, approximate, passages: [passage], lead: false });
    }
    const lead = ids[0] === undefined ? undefined : index.passages[ids[0]];
    if (lead && article.date && !leadDated) addEvent(events, { when: publicationDate(article.date), approximate, passages: [lead], lead: true });
  });
  return events.sort((x, y) => x.when.start.localeCompare(y.when.start) || PRECISION_RANK[x.when.precision] - PRECISION_RANK[y.when.precision] || x.passages[0]!.id - y.passages[0]!.id);
}

function aboutTopic(index: CorpusIndex, topic: AnalyzedQuestion, event: ExtractedEvent): boolean {
  if (topic.concepts.some((c) => c.entity && !c.known)) return false;
  return event.passages.some((passage) => {
    if (coverage(index, topic, passage) >= TOPIC_COVERAGE) return true;
    if (!event.lead) return false;
    const title = index.titleTerms[passage.article]!;
    const total = topic.concepts.reduce((sum, c) => sum + c.weight, 0);
    const found = topic.concepts.reduce((sum, c) => sum + c.weight * conceptCredit(c, title), 0);
    return total > 0 && found / total >= TOPIC_COVERAGE;
  });
}

/**
 * The events matching a topic and a date window, oldest first.
 *
 * @example timeline(index, events, { topic: "El Salvador", from: "2021-01-01" })
 */
export function timeline(index: CorpusIndex, events: readonly ExtractedEvent[], query: TimelineQuery = {}): TimelineEvent[] {
  const topic = query.topic?.trim() ? analyze(index, query.topic) : undefined;
  if (topic && topic.concepts.length === 0) return [];
  return events
    .filter((e) => (!query.from || e.when.start >= query.from) && (!query.to || e.when.end <= query.to))
    .filter((e) => !topic || aboutTopic(index, topic, e))
    .map((e) => ({
      date: e.when.date,
      precision: e.when.precision,
      approximate: e.approximate,
      text: e.passages[0]!.text,
      citations: e.passages.map((p, i) => citationFor(index, p, i + 1, p.text)),
    }));
}
