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
import { splitParagraphs } from "./text.ts";

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

/**
 * A navigation menu: four or more short items split by `|`, `·`, `•` or `»`
 * ("Home | Pakistan | Business | …").
 */
const MENU_LINE = /^(?:[^|·•»]{1,30}[|·•»]\s*){3,}[^|·•»]{0,30}$/u;
/** Lines that introduce other stories, share buttons or sign-ups; with the chrome after them. */
const CHROME_LEAD = /^(?:read more|also read|related(?: articles| stories| news)?|see also|recommended(?: for you)?|you (?:may|might) also (?:like|be interested in)|more stories|most (?:read|popular|viewed|shared)|trending(?: now)?|editor'?s picks|don'?t miss|more from [^:]{1,40}|share this (?:article|story|post)|share on|follow us(?: on)?|sponsored(?: content)?|our standards)\s*(?:[:|»›]|$)/i;
/**
 * A wire story's credits ("(Reporting by …; Editing by …)"). An opinion
 * page's note on its writer ("The writer is an energy economist at …") is
 * the article's own word on who wrote it, and is kept.
 */
const CREDITS = /^\((?:additional )?(?:reporting|writing|editing|compiled) by [^)]*\)$/i;
/** A copyright notice or a press contact ("© 2025 PVARA. All rights reserved.", "For media inquiries contact: …"). */
const NOTICE = /^(?:©|\(c\)\s|copyright\b)|\ball rights reserved\b|^(?:for )?(?:media|press) (?:inquiries|enquiries|contacts?)\b|^contact(?: us)?:\s*\S+@|^for (?:more|further) (?:information|details)\b.*\bcontact\b|^(?:disclosure|editorial (?:policy|policies|standards)|ethics policy)\b[^:]{0,30}:/i;
/** Newsletter and subscription prompts ("Sign up for …", "Get … in your inbox", "Never miss a story"). */
const SIGN_UP = /\b(?:newsletter|subscribe(?: now)?|sign up|in your inbox|never miss|join [\d,]+ readers|morning briefing|weekly digest)\b/i;
/** Page furniture that stands alone on a line. */
const FURNITURE = /^(?:advertisement|follow|short url|e-?paper|comments?(?:\s*\(\d+\))?|\d+\s+comments?|leave a comment|print|share|listen to (?:this )?article|(?:updated|published|last updated|posted)\b.*\d{4}(?:,?\s+(?:at\s+)?\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?(?:\s+[A-Z]{2,4})?)?\.?|(?:(?:header|featured|top|lead|main) )?(?:photo|image|file photo|picture|credit|courtesy)\s*[:/].*|what to know:?|key (?:takeaways|points):?|in brief:?|highlights:?)$/i;
/** A date and time standing alone ("Dec 1, 2025, 3:04 p.m.", "14 October 2025 21:05"): when the page was published. */
const TIMESTAMP = /^(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)[a-z]*,?\s+)?(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sept?|oct|nov|dec)[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}|\d{1,2}(?:st|nd|rd|th)?\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sept?|oct|nov|dec)[a-z]*\.?,?\s+\d{4})(?:,?\s+(?:at\s+)?\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?(?:\s+[A-Z]{2,4})?)?$/i;
/**
 * A photo caption that ends with its source after a dash: a named agency
 * ("The Parliament House in Islamabad. — APP/File"), or any agency's initials
 * after a full stop ("Officials exchange documents. — WAM"). Initials after a
 * dash with no full stop may end a sentence ("… opposed by one party — the PTI").
 */
const CAPTION = /\s[—–]\s*(?:AP|AFP|APP|Reuters|PPI|NNI|INP|Online|Xinhua|EPA|Bloomberg|File|Photo)(?:\s*\/\s*(?:File|Photo|Reuters|AFP))?\.?$|[.!?]["”’]?\s+[—–]\s*\p{Lu}{2,6}(?:\s*\/\s*(?:File|Photo|\p{Lu}{2,6}))?\.?$/u;
/** A row of share buttons ("Facebook Twitter WhatsApp", "Share on X | LinkedIn | Email"). */
const SHARE_BAR = /^(?:(?:share on\s+)?(?:facebook|twitter|x|whatsapp|linkedin|telegram|email|e-mail|reddit|pinterest|messenger|copy link|print)\s*[|·•,]?\s*){2,}$/i;
/** A photo credit standing alone in brackets: "(AP/File)", "(Reuters)", "(AFP Photo)", "[File photo]", "(Photo: WAM)". */
const PHOTO_CREDIT = /^[([](?:[\p{Lu}][\p{L}.]*(?:\s*[/,]\s*|\s+)?){1,4}[)\]]$|^[([](?:photo|image|picture|file photo|credit|courtesy)\s*[:/][^)\]]*[)\]]$/iu;
/**
 * A prompt to follow the outlet or to comment: "Like Business on Facebook,
 * follow @TribuneBiz on Twitter …", "Comments are moderated …", "Comments are
 * closed on this story.", "What do you think? Let us know in the comments below."
 */
const SOCIAL_PROMPT = /^(?:like|follow)\b.*(?:\bon (?:facebook|twitter|x|instagram|linkedin|whatsapp|telegram|youtube|tiktok|threads|google news|google)\b|@\w+)|^comments?\b.*\b(?:moderat|closed|disabled|turned off)|\b(?:let us know|tell us|share your (?:thoughts|views|opinions?))\b[^.?!]*\bcomments?\b/i;
/** A byline standing alone: "By Staff Reporter", "By Kamran Yousaf", "Business Desk", "Our Correspondent". */
const BYLINE = /^(?:[Bb]y\s+(?:\p{Lu}[\p{L}.'’-]*\s*){1,4}(?:[|,]\s*(?:[Ee]dited|[Rr]eviewed|[Aa]dditional reporting) by\s+(?:\p{Lu}[\p{L}.'’-]*\s*){1,4})?|(?:\p{Lu}\p{L}*\s+){0,2}(?:[Dd]esk|[Cc]orrespondent|[Rr]eporter|[Bb]ureau))$/u;
/** Chrome lines are short: article paragraphs are longer than this. */
const MAX_CHROME_WORDS = 30;

/**
 * A line that is site chrome wherever it stands: a menu, a share or
 * "read more" line, a row of share buttons, a newsletter or follow-us prompt,
 * page furniture, a byline, a photo credit, credits, or a copyright or
 * contact notice. Used when
 * cleaning a scrape, and again when answering, so chrome that a cleaning
 * rule missed is never quoted.
 */
export function isChromeLine(line: string): boolean {
  const text = line.trim();
  if (wordCount(text) > MAX_CHROME_WORDS) return false;
  return MENU_LINE.test(text) || CHROME_LEAD.test(text) || FURNITURE.test(text) || BYLINE.test(text) || CREDITS.test(text) || NOTICE.test(text) || SHARE_BAR.test(text) || PHOTO_CREDIT.test(text) || SOCIAL_PROMPT.test(text) || TIMESTAMP.test(text) || CAPTION.test(text) || (SIGN_UP.test(text) && !/^[\p{Lu}][A-Z]+:/u.test(text));
}

/** Cleans a raw scraped article. Text is kept verbatim; only whole lines are dropped. */
export function cleanScrape(raw: string): CleanedScrape {
  const all = splitParagraphs(raw.replace(PLACEHOLDER, "")).filter((line) => /[\p{L}\p{N}]/u.test(line));
  const lines = all.slice(0, otherStoriesStart(all)).filter((line) => !isChromeLine(line));
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
      if (CHROME_LEAD.test(line) && line.replace(CHROME_LEAD, "").trim() === "") return k;
      continue;
    }
    break;
  }
  return lines.length;
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
  const first = (paragraphs[0] ?? "").replace(/^[A-Z][A-Z .'-]{1,30}:\s+/, "");
  const sentence = first.split(/(?<=[.!?۔؟])\s/)[0] ?? first;
  const words = sentence.replace(/[.!?۔؟]$/, "").split(/\s+/);
  return words.length <= 14 ? words.join(" ") : `${words.slice(0, 12).join(" ")}…`;
}
