/**
 * Turns a raw web scrape into article text: the headline line (if any) and the
 * paragraphs, verbatim, with the site chrome that follows an article removed.
 *
 * The rule is structural, not a list of known headlines: news sites end a page
 * with section labels ("Hot this week", "Related Articles") and lists of other
 * stories, each a headline line (no closing punctuation) followed by a one-line
 * teaser. Article paragraphs are sentences that end in punctuation, so a
 * trailing run of labels, headlines and headline+teaser pairs is chrome.
 */
import { CHROME_LEAD, isChromeLine } from "./chrome.ts";
import { splitParagraphs, withoutDateline } from "./text.ts";

/** Template placeholders some CMSs leave in the text (`spot_img`, `spot_imgspot_img`). */
const PLACEHOLDER = /(?:\bspot_img)+\b|(?<=\S)spot_img\b/g;

/** How a sentence ends, in Latin script and in Urdu/Arabic (full stop ۔, question mark ؟). */
const SENTENCE_END = /[.!?:;"'”’)\]…۔؟]$/u;
const MAX_LABEL_WORDS = 4;
const MAX_HEADLINE_WORDS = 25;

function wordCount(line: string): number {
  return line.split(/\s+/).filter(Boolean).length;
}

/** A line that does not end like a sentence: a headline, a label, a caption. */
function isHeadline(line: string): boolean {
  return !SENTENCE_END.test(line) && wordCount(line) <= MAX_HEADLINE_WORDS;
}

/** A short section label such as "Topics" or "Popular Categories". */
function isLabel(line: string): boolean {
  return isHeadline(line) && wordCount(line) <= MAX_LABEL_WORDS;
}

/**
 * Index where the trailing chrome starts (paragraphs.length when there is none).
 * `first` is the first index that may be cut: the article keeps at least that much.
 */
function chromeStart(paragraphs: readonly string[], first: number): number {
  let k = paragraphs.length - 1;
  let labels = 0;
  let pairs = 0;
  while (k >= first) {
    const line = paragraphs[k]!;
    if (isLabel(line)) {
      labels++;
      k--;
    } else if (isHeadline(line)) {
      pairs++;
      k--;
    } else if (k - 1 >= first && isHeadline(paragraphs[k - 1]!)) {
      pairs++;
      k -= 2;
    } else {
      break;
    }
  }
  const cut = k + 1;
  const isChrome = cut < paragraphs.length && (labels >= 1 || pairs >= 2);
  return isChrome ? cut : paragraphs.length;
}

export interface CleanedScrape {
  /** The headline line at the top of the scrape, when it has one. */
  title?: string;
  /** The article's own paragraphs, verbatim, chrome removed. */
  paragraphs: string[];
}

/** Cleans a raw scraped article. Text is kept verbatim; only whole lines are dropped. */
export function cleanScrape(raw: string): CleanedScrape {
  const all = splitParagraphs(raw.replace(PLACEHOLDER, "")).filter((line) => /[\p{L}\p{N}]/u.test(line));
  const lines = withoutTeasers(all.slice(0, otherStoriesStart(all))).filter((line) => !isChromeLine(line));
  // The lines before the first sentence are a headline and its furniture: a section ("Opinion"), a byline
  // ("Sana Rizvi"). The longest is the headline.
  let lead = 0;
  while (lead < lines.length - 1 && isHeadline(lines[lead]!)) lead++;
  const heading = lines.slice(0, lead);
  const title = heading.length > 0 ? heading.reduce((a, b) => (wordCount(b) > wordCount(a) ? b : a)) : undefined;
  const body = lines.slice(lead);
  const seen = new Set<string>();
  const unique = body.filter((line) => {
    if (seen.has(line)) return false;
    seen.add(line);
    return true;
  });
  const kept = unique.slice(0, chromeStart(unique, 1));
  return { title, paragraphs: kept.slice(0, boilerplateStart(kept)) };
}

/**
 * Where a label standing alone introduces other stories to the end of the
 * page ("You may also like:", "Most Popular", then headlines): the label and
 * every line after it go, as a single headline left after a dropped label
 * would otherwise stay as a paragraph. lines.length when there is none.
 */
function otherStoriesStart(lines: readonly string[]): number {
  for (let k = lines.length - 1; k >= 1; k--) {
    const line = lines[k]!.trim();
    if (isHeadline(line) || isChromeLine(line)) {
      if (leadsToStories(line)) return k;
      continue;
    }
    break;
  }
  return lines.length;
}

/** A label standing alone that introduces other stories ("ALSO READ", "Related"), with nothing after it on its line. */
const leadsToStories = (line: string): boolean => CHROME_LEAD.test(line) && line.replace(CHROME_LEAD, "").trim() === "";

/**
 * The lines without the headlines of other stories set inside the article
 * (below its first sentence):
 * "ALSO READ" on a line of its own, then "SBP keeps policy rate unchanged at
 * 11pc" — headlines (no closing punctuation) after such a label, up to the
 * next sentence.
 */
function withoutTeasers(lines: readonly string[]): string[] {
  const kept: string[] = [];
  let teasing = false;
  // Above the first sentence a label is the section the story is filed in ("Opinion"), and the headline after it the story's own.
  let inArticle = false;
  for (const line of lines) {
    const text = line.trim();
    inArticle ||= !isHeadline(text);
    if (inArticle && leadsToStories(text)) teasing = true;
    else if (teasing && isHeadline(text)) continue;
    else teasing = false;
    kept.push(line);
  }
  return kept;
}

/** "About PVARA", "About the Company": the heading of a press release's closing boilerplate. */
const ABOUT = /^about (?:the |us$)?(?:\p{Lu}[\p{L}\p{N}&.'’-]*\s*){0,6}$/iu;
/** How far from the end such a heading may stand: the boilerplate is a paragraph or two and a contact. */
const BOILERPLATE_LINES = 6;

/**
 * Where a press release's closing boilerplate ("About PVARA" and the
 * paragraph describing the issuer) starts; paragraphs.length when there is
 * none. It describes the issuer, not the news, so it is never quoted.
 */
function boilerplateStart(paragraphs: readonly string[]): number {
  for (let k = Math.max(1, paragraphs.length - BOILERPLATE_LINES); k < paragraphs.length; k++) if (ABOUT.test(paragraphs[k]!) && isLabel(paragraphs[k]!)) return k;
  return paragraphs.length;
}

/**
 * A title for an article whose text has none: its first sentence, without a
 * dateline ("KARACHI: "), shortened to about a dozen words.
 */
export function deriveTitle(paragraphs: readonly string[]): string {
  const first = withoutDateline(paragraphs[0] ?? "");
  const sentence = first.split(/(?<=[.!?۔؟])\s/)[0] ?? first;
  const words = sentence.replace(/[.!?۔؟]$/, "").split(/\s+/);
  return words.length <= 14 ? words.join(" ") : `${words.slice(0, 12).join(" ")}…`;
}
