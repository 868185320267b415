/**
 * Site chrome that stands on a line of its own, wherever it stands in a
 * scrape: menus and breadcrumbs, share and follow prompts, newsletter and
 * cookie prompts, bylines, timestamps, reading times, photo credits and
 * captions, tags, notices and disclaimers, page furniture ("Skip to
 * content", "Next article"). Each kind is one pattern below, written for the
 * way news sites in general set such lines, not for one site's wording.
 *
 * Used when cleaning a scrape (the line is dropped) and again when answering
 * (a line a cleaning rule missed is never quoted).
 */

/**
 * A navigation menu: four or more short items split by `|`, `·`, `•`, `»` or `›`
 * ("Home | Pakistan | Business | …"), or a breadcrumb from "Home"
 * ("Home > Business > Crypto", "Home / Technology").
 */
const MENU_LINE = /^(?:[^|·•»›]{1,30}[|·•»›]\s*){3,}[^|·•»›]{0,30}$|^home\s*(?:[>›»/|]\s*[^>›»/|.!?]{1,30}){1,}$/iu;

/** Lines that introduce other stories, share buttons or sign-ups; with the chrome after them. */
export const CHROME_LEAD =
  /^(?:read(?: more| next| also| full (?:story|article))?|also read|related(?: articles| stories| news| topics)?|see also|recommended(?: for you)?|you (?:may|might) also (?:like|be interested in)|more stories|more on this (?:story|topic)|most (?:read|popular|viewed|shared)(?: (?:from|on|in) [^:]{1,40})?|trending(?: now)?|latest (?:news|stories)|breaking news|keep reading|editor'?s picks|don'?t miss|more from [^:]{1,40}|share this(?: article| story| post)?|share on|follow us(?: on)?|sponsored(?: content)?|our standards|watch(?: video)?|video|listen|podcast|magazine|in pictures|photos|gallery|explainer|opinion|analysis)\s*(?:[:|»›]|$)/i;

/**
 * A wire story's credits ("(Reporting by …; Editing by …)", "— With
 * assistance from …") and its note on what an update changed ("(Updates with
 * the minister's comment in fourth paragraph)"). An opinion
 * page's note on its writer ("The writer is an energy economist at …") is
 * the article's own word on who wrote it, and is kept.
 */
const CREDITED = String.raw`(?:[Aa]dditional )?(?:[Rr]eporting|[Ww]riting|[Ee]diting|[Cc]ompiled|[Ee]dited) by (?:(?:\p{Lu}[\p{L}.'’-]*|and|in)(?:,?\s+|$|(?=[;)])))+`;
const CREDITS = new RegExp(String.raw`^\(?${CREDITED}(?:;\s*${CREDITED})*\.?\)?$|^\((?:[Uu]pdates?|[Aa]dds|[Rr]ecasts|[Cc]orrects|[Cc]hanges|[Rr]efiles)\b[^()]*\)$|^[—–-]?\s*[Ww]ith assistance from\b[^.]*\.?$`, "u");

/**
 * A notice about the page, not the news: copyright, a press contact, a
 * disclaimer or editor's note, the outlet's view of an opinion piece, where
 * the story first ran, whom to contact about it, a ban on copying it ("© 2025 PVARA. All rights reserved.", "Disclaimer: This
 * article is not financial advice.", "This story was originally published on …").
 */
const NOTICE =
  /^(?:©|\(c\)\s|copyright\b)|\ball rights reserved\b|^(?:for )?(?:media|press) (?:inquiries|enquiries|contacts?)\b|^contact(?: us)?:\s*\S+@|^for (?:more|further) (?:information|details)\b.*\bcontact\b|^(?:disclosure|disclaimer|editor'?s note|editorial (?:policy|policies|standards)|ethics policy)\b[^:]{0,30}:|^the views (?:and opinions )?expressed\b|^to contact the (?:reporters?|editors?|authors?|writers?)\b|\b(?:copy|copying|reproduce|reproducing|republish|republishing|redistribute|redistributing) (?:this|our) (?:article|story|content|material|report)s?\b|\bthis (?:article|story|content|material|report) (?:may|must|can) ?not be (?:copied|reproduced|republished|redistributed)\b|^this (?:story|article|post|report) (?:was )?(?:originally |first )(?:published|appeared)\b|\b(?:does not|doesn't|do not|is not intended to) (?:constitute|contain|represent|provide|offer) (?:any )?(?:financial |investment |legal |tax )?(?:advice|recommendations?)\b|\bnot (?:financial|investment) advice\b|\b(?:readers|you) should (?:conduct|do) their own research\b|\b(?:we|this (?:site|website)) uses? cookies\b|\buse of cookies\b|\bcookie (?:policy|settings|preferences)\b/i;

/** Newsletter and subscription prompts ("Sign up for …", "Get … in your inbox", "Never miss a story"). */
const SIGN_UP = /\b(?:newsletter|subscribe(?: now)?|sign up|(?:in|to|into) your inbox|never miss|join [\d,]+ readers|morning briefing|weekly digest)\b/i;
/** A line that opens like a labelled quote ("PVARA: We will subscribe …") is speech, not a sign-up prompt. */
const SPEAKER_LABEL = /^[\p{Lu}][A-Z]+:/u;

/** How long ago a page was updated ("5 hours ago", "Updated: 2 days ago"). */
const AGO = String.raw`(?:updated:?\s*)?(?:\d+|an?|one)\s+(?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?)\s+ago`;
/** How long the article takes to read or hear ("3 min read", "Reading time: 3 minutes", "Listen | 4 min"). */
const READING_TIME = String.raw`(?:(?:reading time|listen)\s*[:|·]?\s*)?\d+\s*min(?:ute)?s?(?:\s+read)?`;
/** Buttons and links of the page itself, standing alone. */
const PAGE_LINK = String.raw`loading\.*|skip to (?:main )?content|sign in|log ?in|register|back to top|(?:next|previous|prev) (?:article|story|post)(?:\s*[>»›<«‹]+)?|[<«‹]+\s*(?:previous|prev) (?:article|story|post)|load(?:ing)? more|(?:your )?e-?mail(?: address)?|open in app|download (?:the|our) app|save(?:d)?|bookmark|gift (?:this )?article|(?:read|view|show|hide|post|add) (?:all )?comments?|(?:https?:\/\/|www\.)\S+|\w+ icon|report an? (?:error|typo|correction)|email the author|accept(?: all)? cookies|(?:the )?(?:story|article) continues below(?: advertisement)?|continue reading(?: below)?|(?:advertisement\s*[-–—:]\s*)?scroll to continue(?: with content)?|this (?:article|story) is more than \d+ (?:years?|months?) old|your browser does not support\b.*|(?:please )?enable javascript\b.*`;

/** Page furniture that stands alone on a line. */
const FURNITURE = new RegExp(
  String.raw`^(?:advertisement|follow|short url|e-?paper|comments?(?:\s*\(\d+\))?|\d+\s+comments?|leave a comment|print|share|listen to (?:this )?article|(?:updated|published|last updated|posted)\b.*\d{4}(?:,?\s+(?:at\s+)?\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?(?:\s+[A-Z]{2,4})?)?\.?|(?:(?:header|featured|top|lead|main) )?(?:photo|image|file photo|picture|credit|courtesy)\s*[:/].*|what to know:?|key (?:takeaways|points):?|in brief:?|highlights:?|${AGO}|${READING_TIME}|${PAGE_LINK})$`,
  "i",
);

const MONTH = String.raw`(?:jan|feb|mar|apr|may|jun|jul|aug|sept?|oct|nov|dec)[a-z]*\.?`;
const CLOCK = String.raw`\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?(?:\s+[A-Z]{2,4})?`;
/**
 * A date and time standing alone ("Dec 1, 2025, 3:04 p.m.", "14 October 2025
 * 21:05", "December 5, 2025 | 10:22 AM", "2025-12-05", "05/12/2025"): when
 * the page was published.
 */
const TIMESTAMP = new RegExp(
  String.raw`^(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)[a-z]*,?\s+)?(?:${MONTH}\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}|\d{1,2}(?:st|nd|rd|th)?\s+${MONTH},?\s+\d{4})(?:(?:,?\s+(?:at\s+)?|\s*[|·•-]\s*)${CLOCK})?$|^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2})?\S*)?$|^\d{1,2}[/.]\d{1,2}[/.]\d{2,4}$`,
  "i",
);

/**
 * A photo caption that ends with its source after a dash: a named agency
 * ("The Parliament House in Islamabad. — APP/File"), or any agency's initials
 * after a full stop ("Officials exchange documents. — WAM"). Initials after a
 * dash with no full stop may end a sentence ("… opposed by one party — the PTI").
 */
const CAPTION = /\s[—–]\s*(?:AP|AFP|APP|Reuters|PPI|NNI|INP|Online|Xinhua|EPA|Bloomberg|File|Photo)(?:\s*\/\s*(?:File|Photo|Reuters|AFP))?\.?$|[.!?]["”’]?\s+[—–]\s*\p{Lu}{2,6}(?:\s*\/\s*(?:File|Photo|\p{Lu}{2,6}))?\.?$/u;
/** Share buttons, alone or in a row, with or without their label ("Tweet", "Facebook Twitter WhatsApp", "Share on X | LinkedIn | Email", "Share: Facebook | Twitter"). */
const SHARE_BAR = /^(?:share(?: this(?: article| story| post)?| via)?\s*[:|]\s*)?(?:(?:share on\s+)?(?:facebook|twitter|tweet|x|whatsapp|linkedin|telegram|email|e-mail|reddit|pinterest|messenger|copy link|print)\s*[|·•,]?\s*)+$/i;
/**
 * A photo credit: standing alone in brackets ("(AP/File)", "(Reuters)",
 * "[File photo]", "(Photo: WAM)"), led by who took it ("Photo by … on
 * Unsplash", "Image credit: Reuters", "— Photo courtesy PVARA"), or a picture agency's name alone
 * ("Getty Images", "AFP", "Reuters/File").
 */
const PHOTO_CREDIT =
  /^[([](?:[\p{Lu}][\p{L}.]*(?:\s*[/,]\s*|\s+)?){1,4}[)\]]$|^[([](?:photo|image|picture|file photo|credit|courtesy)\s*[:/][^)\]]*[)\]]$|^(?:[—–-]\s*)?(?:photo|image|picture)s?\s+(?:by|credit|courtesy|via)\b[^.!?]*$|^(?:getty images|shutterstock|unsplash|afp|reuters|ap|app|xinhua|epa(?:-efe)?|bloomberg|anadolu(?: agency)?|file photo)(?:\s*(?:\/|via)\s*[\p{L} ]{1,30})?$/iu;
/**
 * A prompt to follow the outlet, join its channel, send it tips or comment:
 * "Like Business on Facebook, follow @TribuneBiz on Twitter …", "Join our
 * WhatsApp channel", "Add Dawn as a preferred source on Google", "Have a tip?
 * Email us at …", "Comments are closed on this story.", "What do you think?
 * Let us know in the comments below."
 */
const SOCIAL_PROMPT =
  /^(?:like|follow)\b.*(?:\bon (?:facebook|twitter|x|instagram|linkedin|whatsapp|telegram|youtube|tiktok|threads|google news|google)\b|@\w+)|^join (?:us|our)\b.*\b(?:channel|community|group|whatsapp|telegram|discord)\b|\bpreferred source\b|^(?:like|enjoy(?:ed)?|liked) this (?:article|story)\?|\bhave a (?:news )?tip\b|\bemail us at\b|^(?:stay informed|get the (?:latest|best)\b.*\b(?:news|updates|stories|coverage))\b|\bdelivered (?:daily|weekly|to your (?:inbox|phone))\b|^comments?\b.*\b(?:moderat|closed|disabled|turned off)|\b(?:let us know|tell us|share your (?:thoughts|views|opinions?))\b[^.?!]*\bcomments?\b/i;
/**
 * A byline standing alone: "By Staff Reporter", "By Kamran Yousaf", "Author:
 * Kamran Yousaf", "Edited by: Sarah Khan", "Business Desk", "Our Correspondent".
 */
const BYLINE =
  /^(?:[Bb]y\s+(?:\p{Lu}[\p{L}.'’-]*\s*){1,4}(?:[|,]\s*(?:[Ee]dited|[Rr]eviewed|[Aa]dditional reporting) by\s+(?:\p{Lu}[\p{L}.'’-]*\s*){1,4})?|(?:[Aa]uthor|[Ww]ritten by|[Ee]dited by|[Rr]eviewed by|[Ff]act[- ]checked by)\s*:?\s*(?:\p{Lu}[\p{L}.'’-]*\s*){1,4}|(?:\p{Lu}\p{L}*\s+){0,2}(?:[Dd]esk|[Cc]orrespondent|[Rr]eporter|[Bb]ureau))$/u;
/** The site's own links in a row: "Privacy Policy | Terms of Use | Contact Us". */
const SITE_LINKS = /^(?:(?:privacy(?: policy)?|terms(?: of (?:use|service))?|terms and conditions|cookie policy|contact(?: us)?|about(?: us)?|advertise(?: with us)?|careers|sitemap|rss|faqs?|help)\s*[|·•,]?\s*){2,}$/i;

/** Tags, topics and the section a story is filed under ("Tags: Bitcoin, Pakistan", "Filed under: Crypto", "Source: Reuters"). */
const TAGS = /^(?:tags?|topics?|keywords|categor(?:y|ies)|filed under|posted in|sources?)\s*:\s*[^.!?]{1,80}$|^(?:tags|topics|keywords)$|^(?:filed under|posted in)\s+[^.!?]{1,60}$/i;

/** A link's prompt standing alone: "Click here to read more on Balochistan", "Tap here to download the app". */
const CLICK_PROMPT = /^(?:please\s+)?(?:click|tap|press) (?:here|the link|this link|below)\b/i;

const CHROME_PATTERNS: readonly RegExp[] = [MENU_LINE, CHROME_LEAD, FURNITURE, BYLINE, CREDITS, NOTICE, SHARE_BAR, PHOTO_CREDIT, SOCIAL_PROMPT, CLICK_PROMPT, TIMESTAMP, CAPTION, SITE_LINKS, TAGS];

/** Chrome lines are short: article paragraphs are longer than this. */
const MAX_CHROME_WORDS = 30;

/**
 * A line that is site chrome wherever it stands (see the patterns above).
 *
 * @example isChromeLine("3 min read") // true
 * @example isChromeLine("Reuters reported that the council met on Monday.") // false
 */
export function isChromeLine(line: string): boolean {
  const text = line.trim();
  if (text.split(/\s+/).filter(Boolean).length > MAX_CHROME_WORDS) return false;
  return CHROME_PATTERNS.some((pattern) => pattern.test(text)) || (SIGN_UP.test(text) && !SPEAKER_LABEL.test(text));
}
