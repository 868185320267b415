/**
 * Loads corpus folders: `.md` files with front matter, and raw `.txt` scrapes
 * (title from the first line, no date). A bad file is reported and skipped;
 * the others still load.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { basename, extname, join } from "node:path";
import YAML from "yaml";
import type { z } from "zod";
import { FrontMatter, type Article } from "./article.ts";
import { cleanScrape } from "./clean.ts";
import { noteRange } from "./dates.ts";
import { splitParagraphs } from "./text.ts";

/** One problem with one corpus file, phrased for the person who must fix it. */
export interface CorpusProblem {
  file: string;
  field?: string;
  message: string;
}

export interface LoadedCorpus {
  articles: Article[];
  problems: CorpusProblem[];
}

/**
 * A corpus file: an opening `---` line, YAML, a closing `---` line, the text.
 * Only YAML is read: no other front-matter language (gray-matter's `---js`
 * would run the file's code), nothing after the opening dashes, no custom
 * tags. A byte-order mark and Windows line endings are accepted.
 */
const FRONT_MATTER = /^---[ \t]*\n([\s\S]*?)\n?^---[ \t]*(?:\n|$)/m;

/** Splits a corpus file into its parsed YAML front matter and its text; throws with a one-line reason. */
export function splitFrontMatter(source: string): { data: unknown; content: string } {
  const text = source.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
  if (!text.startsWith("---")) throw new Error("the file must begin with a line of three dashes (---) and YAML front matter");
  const opening = text.slice(0, text.indexOf("\n") === -1 ? text.length : text.indexOf("\n"));
  if (!/^---[ \t]*$/.test(opening)) throw new Error(`only YAML front matter is read: the first line must be "---" alone, got ${JSON.stringify(opening.slice(0, 40))}`);
  const match = FRONT_MATTER.exec(text);
  if (!match || match.index !== 0) throw new Error("the front matter has no closing line of three dashes (---)");
  const data: unknown = YAML.parse(match[1]!, { schema: "core", maxAliasCount: 20, logLevel: "error" }) ?? {};
  return { data, content: text.slice(match[0].length) };
}

function describeIssue(issue: z.core.$ZodIssue, data: Record<string, unknown>): CorpusProblem {
  const field = issue.path.join(".") || undefined;
  const value = field ? data[String(issue.path[0])] : undefined;
  const shown = value === undefined ? "" : `, got ${JSON.stringify(value)}`;
  return { file: "", field, message: `${issue.message}${shown}` };
}

/** Parses one Markdown corpus file. */
export function parseMarkdownArticle(file: string, source: string): { article?: Article; problems: CorpusProblem[] } {
  let parsed: { data: unknown; content: string };
  try {
    parsed = splitFrontMatter(source);
  } catch (error) {
    const reason = (error as Error).message.split("\n")[0];
    return { problems: [{ file, message: error instanceof YAML.YAMLError ? `front matter is not valid YAML: ${reason}` : reason! }] };
  }
  if (typeof parsed.data !== "object" || Array.isArray(parsed.data)) return { problems: [{ file, message: "the front matter must be a YAML mapping (field: value lines)" }] };
  const data = parsed.data as Record<string, unknown>;
  const result = FrontMatter.safeParse(data);
  if (!result.success) {
    return { problems: result.error.issues.map((issue) => ({ ...describeIssue(issue, data), file })) };
  }
  const paragraphs = splitParagraphs(parsed.content);
  if (paragraphs.length === 0) return { problems: [{ file, message: "the article has no text after its front matter" }] };
  const meta = result.data;
  const article: Article = {
    id: basename(file, extname(file)),
    file,
    title: meta.title,
    date: meta.date,
    source: meta.source,
    url: meta.url,
    tags: meta.tags,
    dateNote: meta.date_note,
    dateRange: meta.date ? noteRange(meta.date_note, meta.date) : undefined,
    paragraphs,
  };
  return { article, problems: [] };
}

/** Reads a raw scraped `.txt` article: first line is the title, chrome removed, no date. */
export function parseTextArticle(file: string, source: string): { article?: Article; problems: CorpusProblem[] } {
  const cleaned = cleanScrape(source);
  const [first, ...rest] = cleaned.paragraphs;
  if (first === undefined || rest.length === 0) return { problems: [{ file, message: "the text file holds no article text" }] };
  const article: Article = {
    id: basename(file, extname(file)),
    file,
    title: cleaned.title ?? first,
    tags: [],
    paragraphs: cleaned.title ? cleaned.paragraphs : rest,
  };
  return { article, problems: [] };
}

/** A corpus folder's article files in load order, or the problem that stopped it being read. */
export type CorpusEntry = { file: string } | { problem: CorpusProblem };

/** The corpus folders as they are on disk now: what loads, in order, and what each file looks like. */
export interface CorpusScan {
  entries: CorpusEntry[];
  /** Every corpus file (articles and glossaries) → its size and modification time: a file whose signature changed was edited. */
  signatures: Map<string, string>;
}

const CORPUS_FILE = /\.(md|txt|yml)$/i;
const ARTICLE_FILE = /\.(md|txt)$/i;

/** True for the name of a file a corpus folder is read for: an article (.md, .txt) or a glossary (.yml), not hidden. */
export function isCorpusFileName(name: string): boolean {
  return CORPUS_FILE.test(name) && !name.startsWith(".");
}

/** What a file looks like on disk: a different signature means it was edited. */
const signatureOf = (stat: { size: number; mtimeMs: number }) => `${stat.size}:${stat.mtimeMs}`;

/** Lists the folders once: article files in load order (folder by folder, by name), with every corpus file's signature. */
export function scanCorpus(dirs: readonly string[]): CorpusScan {
  const entries: CorpusEntry[] = [];
  const signatures = new Map<string, string>();
  for (const dir of dirs) {
    let names: string[];
    try {
      names = readdirSync(dir).filter(isCorpusFileName).sort();
    } catch (error) {
      entries.push({ problem: { file: dir, message: `cannot read the folder: ${(error as NodeJS.ErrnoException).code ?? String(error)}` } });
      continue;
    }
    for (const name of names) {
      const file = join(dir, name);
      const stat = statSync(file, { throwIfNoEntry: false });
      if (!stat?.isFile()) continue;
      signatures.set(file, signatureOf(stat));
      if (ARTICLE_FILE.test(name)) entries.push({ file });
    }
  }
  return { entries, signatures };
}

/**
 * A scan with some files just written added, without listing the folders
 * again (10,000 files take ~40 ms to list): each goes where a scan would put
 * it, by name within its folder.
 */
export function scanWith(scan: CorpusScan, dirs: readonly string[], files: readonly string[]): CorpusScan {
  const signatures = new Map(scan.signatures);
  const entries = [...scan.entries];
  for (const file of files) {
    const known = signatures.has(file);
    signatures.set(file, signatureOf(statSync(file)));
    if (known) continue;
    const dir = dirs.findIndex((d) => join(d, basename(file)) === file);
    if (dir < 0) throw new Error(`corpus: ${file} is not in a corpus folder`);
    const order = (entry: CorpusEntry): [number, string] => ("file" in entry ? [dirs.findIndex((d) => join(d, basename(entry.file)) === entry.file), basename(entry.file)] : [-1, ""]);
    let at = entries.length;
    for (let i = 0; i < entries.length; i++) {
      const [d, name] = order(entries[i]!);
      if (d > dir || (d === dir && name > basename(file))) {
        at = i;
        break;
      }
    }
    entries.splice(at, 0, { file });
  }
  return { entries, signatures };
}

/** Every article file of the given folders, in the order they load (folder by folder, by name). */
export function listCorpusFiles(dirs: readonly string[]): CorpusEntry[] {
  return scanCorpus(dirs).entries;
}

/** Reads and parses one article file (`.md` with front matter, or a raw `.txt` scrape). */
export function loadArticleFile(file: string): { article?: Article; problems: CorpusProblem[] } {
  const text = readFileSync(file, "utf8");
  return file.toLowerCase().endsWith(".md") ? parseMarkdownArticle(file, text) : parseTextArticle(file, text);
}

/**
 * Admits loaded articles in load order: an article whose id (its file name)
 * an earlier one already has is reported and skipped.
 */
export class ArticleAdmission {
  readonly articles: Article[] = [];
  readonly problems: CorpusProblem[] = [];
  private readonly seen = new Map<string, string>();

  /** Records a file's load result; true when its article is admitted. */
  admit(file: string, result: { article?: Article; problems: CorpusProblem[] }): boolean {
    this.problems.push(...result.problems);
    if (!result.article) return false;
    const clash = this.seen.get(result.article.id);
    if (clash) {
      this.problems.push({ file, message: `duplicate article id "${result.article.id}" (also ${clash}); skipped` });
      return false;
    }
    this.seen.set(result.article.id, file);
    this.articles.push(result.article);
    return true;
  }
}

/** Loads every article in the given folders; problems are collected, never thrown. */
export function loadCorpus(dirs: readonly string[]): LoadedCorpus {
  const admission = new ArticleAdmission();
  for (const entry of listCorpusFiles(dirs)) {
    if ("problem" in entry) admission.problems.push(entry.problem);
    else admission.admit(entry.file, loadArticleFile(entry.file));
  }
  return { articles: admission.articles, problems: admission.problems };
}

/** Formats a problem as one line: `file: field: message`. */
export function formatProblem(problem: CorpusProblem): string {
  return [problem.file, problem.field, problem.message].filter(Boolean).join(": ");
}
