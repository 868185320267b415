/**
 * Ingest: a raw scraped article becomes a corpus file `<date>-<slug>.md`,
 * cleaned by `cleanScrape`, with validated front matter. Duplicates (same URL
 * or near-identical text) are refused with a message that names the original.
 */
import { linkSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import YAML from "yaml";
import { z } from "zod";
import { FrontMatter, type Article } from "./article.ts";
import { cleanScrape, deriveTitle } from "./clean.ts";
import { UserError } from "./errors.ts";
import { foldTypography, tokenize } from "./text.ts";

/** Metadata given with a raw article (flags, a metadata file, or a chat command). */
export const IngestMeta = z.object({
  title: z.string().trim().min(1).optional(),
  date: z.string().optional(),
  source: z.string().trim().min(1).optional(),
  url: z.string().optional(),
  tags: z.array(z.string()).optional(),
  date_note: z.string().optional(),
});
export type IngestMeta = z.infer<typeof IngestMeta>;

/** Shingles of this many words compare texts for near-duplicates. */
const SHINGLE = 5;
/** Share of shingles two texts must have in common to count as the same article. */
const DUPLICATE_OVERLAP = 0.8;
/** Fewer words than this is not an article. */
const MIN_WORDS = 40;

function shingles(text: string): Set<string> {
  const words = tokenize(text);
  const out = new Set<string>();
  for (let i = 0; i + SHINGLE <= words.length; i++) out.add(words.slice(i, i + SHINGLE).join(" "));
  return out;
}

function containment(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const s of a) if (b.has(s)) shared++;
  return shared / Math.min(a.size, b.size);
}

/**
 * A file-name slug: lowercase, hyphenated, at most ~60 characters. Latin
 * accents are dropped ("Café" → "cafe"); letters of other scripts are kept
 * (an Urdu headline gives an Urdu slug), so titles in any script stay apart.
 */
export function slugify(title: string): string {
  const slug = foldTypography(title)
    .normalize("NFKD")
    .replace(/(?<=\p{Script=Latin})[\u0300-\u036f]+/gu, "")
    .normalize("NFC")
    .toLowerCase()
    .replace(/'/g, "")
    .replace(/[^\p{L}\p{M}\p{N}]+/gu, "-")
    .replace(/^-+|-+$/g, "");
  if (slug.length <= 60) return slug || "article";
  const cut = slug.slice(0, 60).replace(/-[^-]*$/, "");
  return cut || Array.from(slug).slice(0, 40).join("");
}

/** A new article's link and cleaned text, as the duplicate check sees it. */
export interface Candidate {
  url?: string;
  text: string;
}

/**
 * The articles a new one could repeat: a whole corpus (a small one, or in
 * tests), or a lookup of the likely ones (`Library.nearArticles`, which finds
 * them through the index instead of comparing with all 10,000).
 */
export type KnownArticles = readonly Article[] | ((candidate: Candidate) => readonly Article[]);

/** Throws a UserError when the new article repeats one already in the corpus. */
export function assertNotDuplicate(candidate: Candidate, known: KnownArticles): void {
  const mine = shingles(candidate.text);
  const corpus = typeof known === "function" ? known(candidate) : known;
  for (const article of corpus) {
    if (candidate.url && article.url && candidate.url === article.url) {
      throw new UserError(`Already in the corpus: "${article.title}" has the same URL (${article.id}).`);
    }
    if (containment(mine, shingles(article.paragraphs.join("\n"))) >= DUPLICATE_OVERLAP) {
      throw new UserError(`Already in the corpus: the text is nearly identical to "${article.title}" (${article.id}).`);
    }
  }
}

export interface PreparedArticle {
  fileName: string;
  markdown: string;
  frontMatter: FrontMatter;
  paragraphs: string[];
}

function formatIssues(error: z.ZodError): string {
  return error.issues.map((i) => `${i.path.join(".") || "metadata"}: ${i.message}`).join("; ");
}

/**
 * Cleans a raw article and builds its corpus file. Throws a UserError for text
 * that is not an article, missing or bad metadata, or a duplicate.
 */
export function prepareArticle(raw: string, meta: IngestMeta, corpus: KnownArticles): PreparedArticle {
  if (raw.includes("\u0000")) throw new UserError("That file is not text.");
  const cleaned = cleanScrape(raw);
  const words = tokenize(cleaned.paragraphs.join(" ")).length;
  if (words < MIN_WORDS) throw new UserError(`Too short to be an article: ${words} words after cleaning (at least ${MIN_WORDS}).`);
  if (!meta.date) throw new UserError("No publication date: give one as YYYY-MM-DD.");
  const parsed = FrontMatter.safeParse({
    title: meta.title ?? cleaned.title ?? deriveTitle(cleaned.paragraphs),
    date: meta.date,
    source: meta.source,
    url: meta.url || undefined,
    tags: meta.tags ?? [],
    date_note: meta.date_note,
  });
  if (!parsed.success) throw new UserError(`Bad article metadata: ${formatIssues(parsed.error)}`);
  const frontMatter = parsed.data;
  // The headline line of the scrape, when the title given is the same, is the title and not a paragraph.
  const sameAsTitle = (line: string) => foldTypography(line).toLowerCase() === foldTypography(frontMatter.title).toLowerCase();
  if (cleaned.paragraphs.length > 1 && sameAsTitle(cleaned.paragraphs[0]!)) cleaned.paragraphs.shift();
  assertNotDuplicate({ url: frontMatter.url, text: cleaned.paragraphs.join("\n") }, corpus);
  const data = Object.fromEntries(Object.entries(frontMatter).filter(([, v]) => v !== undefined && !(Array.isArray(v) && v.length === 0)));
  const markdown = `---\n${YAML.stringify(data, { lineWidth: 0 })}---\n\n${cleaned.paragraphs.join("\n\n")}\n`;
  return { fileName: `${frontMatter.date}-${slugify(frontMatter.title)}.md`, markdown, frontMatter, paragraphs: cleaned.paragraphs };
}

/** How many numbered names (`…-2.md`, `…-3.md`) are tried when a file name is taken. */
const MAX_NAME_TRIES = 100;

/**
 * Writes a prepared article into a corpus folder atomically, never over
 * another file: when its name is taken (another article with the same date and
 * title), it becomes `<name>-2.md`, `-3`… Returns the path written.
 */
export function writeArticle(dir: string, prepared: PreparedArticle): string {
  mkdirSync(dir, { recursive: true });
  const temp = join(dir, `.${prepared.fileName}.${process.pid}.tmp`);
  writeFileSync(temp, prepared.markdown, "utf8");
  try {
    const base = prepared.fileName.replace(/\.md$/, "");
    for (let n = 1; n <= MAX_NAME_TRIES; n++) {
      const path = join(dir, n === 1 ? prepared.fileName : `${base}-${n}.md`);
      try {
        linkSync(temp, path);
        return path;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      }
    }
    throw new UserError(`Too many corpus files are named like ${prepared.fileName}.`);
  } finally {
    rmSync(temp, { force: true });
  }
}
