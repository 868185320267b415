/**
 * Acronyms and aliases: groups of phrases that name the same thing, so
 * "What is PVARA?" and "What does the Pakistan Virtual Assets Regulatory
 * Authority do?" reach the same passages. Groups come from a curated
 * `glossary.yml` in a corpus folder and from "Long Name (ACR)" pairs the
 * articles define themselves.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import YAML from "yaml";
import { z } from "zod";
import type { Article } from "./article.ts";
import type { CorpusProblem } from "./corpus.ts";
import { sentenceSpans } from "./text.ts";

export const GLOSSARY_FILE = "glossary.yml";

export const Glossary = z.strictObject({
  acronyms: z.record(z.string().min(2), z.string().min(2)).default({}),
  aliases: z.array(z.array(z.string().min(2)).min(2)).default([]),
});
export type Glossary = z.infer<typeof Glossary>;

/** Phrases that name one thing, e.g. ["PVARA", "Pakistan Virtual Assets Regulatory Authority"]. */
export type AliasGroup = string[];

/** Reads `glossary.yml` from each corpus folder that has one. */
export function loadGlossaries(dirs: readonly string[]): { groups: AliasGroup[]; problems: CorpusProblem[] } {
  const groups: AliasGroup[] = [];
  const problems: CorpusProblem[] = [];
  for (const dir of dirs) {
    const file = join(dir, GLOSSARY_FILE);
    if (!existsSync(file)) continue;
    try {
      const result = Glossary.safeParse(YAML.parse(readFileSync(file, "utf8")) ?? {});
      if (!result.success) {
        for (const issue of result.error.issues) problems.push({ file, field: issue.path.join("."), message: issue.message });
        continue;
      }
      for (const [acronym, expansion] of Object.entries(result.data.acronyms)) groups.push([acronym, expansion]);
      groups.push(...result.data.aliases);
    } catch (error) {
      problems.push({ file, message: `not valid YAML: ${(error as Error).message.split("\n")[0]}` });
    }
  }
  return { groups, problems };
}

/** Small words a long name may contain that its acronym skips ("State Bank of Pakistan"). */
const SKIPPABLE = new Set(["of", "the", "to", "for", "and", "on", "in", "de", "&"]);
/** "(PVARA)", "(MoU)", "(NOCs)": an acronym in parentheses, mixed case and a plural "s" allowed, at least two capitals. */
const DEFINITION = /\((?=(?:[a-z0-9]*[A-Z]){2})([A-Z][A-Za-z0-9]{1,9}?)s?\)/g;

/**
 * Finds the long name an acronym in parentheses abbreviates, reading back from
 * the parenthesis: each letter of the acronym must start a word, in order.
 */
function expansionBefore(text: string, acronym: string): string | undefined {
  // "no-objection certificates (NOCs)": each part of a hyphenated word starts a letter.
  const words = text.split(/[\s\-‐‑–]+/).filter(Boolean);
  const letters = acronym.toLowerCase();
  let j = letters.length - 1;
  let start = -1;
  for (let k = words.length - 1; k >= 0 && j >= 0 && words.length - k <= letters.length * 2 + 2; k--) {
    const word = words[k]!.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, "");
    const initial = word[0]?.toLowerCase();
    if (initial === letters[j]) {
      j--;
      start = k;
    } else if (!SKIPPABLE.has(word.toLowerCase())) {
      return undefined;
    }
  }
  if (j >= 0 || start < 0) return undefined;
  return words.slice(start).join(" ").replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, "");
}

const groupKey = ([acronym, expansion]: AliasGroup) => `${acronym}|${expansion!.toLowerCase()}`;

/** Learns "Long Name (ACR)" pairs from the articles' own text, after those `known` already (an update's). */
export function learnAcronyms(articles: readonly Article[], known: readonly AliasGroup[] = []): AliasGroup[] {
  const groups = new Map<string, AliasGroup>(known.map((group) => [groupKey(group), group]));
  for (const article of articles) {
    for (const paragraph of article.paragraphs) {
      for (const match of paragraph.matchAll(DEFINITION)) {
        const acronym = match[1]!;
        const expansion = expansionBefore(paragraph.slice(Math.max(0, match.index - 200), match.index), acronym);
        if (!expansion) continue;
        const key = groupKey([acronym, expansion]);
        if (!groups.has(key)) groups.set(key, [acronym, expansion]);
      }
    }
  }
  return [...groups.values()];
}

/** Words that may join the capitalised words of one name ("Letter of Intent", "Bank for International Settlements"). */
const NAME_JOINERS = new Set(["of", "the", "for", "de", "&"]);
const CAPITALISED = /^\p{Lu}/u;
/** Runs of capitalised words and joiners: the names an article writes out. */
const NAME_RUN = /\p{Lu}[\p{L}’'-]*(?:\s+(?:(?:of|the|for|de|&)\s+)*\p{Lu}[\p{L}’'-]*)+/gu;
/** Phrases kept for one initialism; more would be noise. */
const MAX_PHRASES = 5;

/** Acronym → the names it may stand for, as an index keeps them. */
export type Initialisms = [string, string[]][];

/**
 * The initials of every multi-word name the articles write out in capitals
 * ("Letter of Intent" → LI and LOI, "Ministry of Finance" → MF and MOF), so a
 * question that abbreviates a name the articles never abbreviate ("the LOI")
 * still finds it. For an acronym articles also use, only the names written beside it count (answer/names.ts).
 */
export function learnInitialisms(articles: readonly Article[], known: Initialisms = []): Initialisms {
  const found = new Map<string, Set<string>>(known.map(([acronym, phrases]) => [acronym, new Set(phrases)]));
  const add = (acronym: string, phrase: string) => {
    // Two letters only for a two-word name ("CZ" → Changpeng Zhao): a longer name's two initials are no acronym.
    if (acronym.length < 2 || (acronym.length === 2 && phrase.split(" ").length !== 2)) return;
    const phrases = found.get(acronym) ?? new Set<string>();
    found.set(acronym, phrases);
    if (phrases.size < MAX_PHRASES) phrases.add(phrase);
  };
  for (const article of articles) {
    for (const paragraph of article.paragraphs) {
      for (const [run] of sentenceSpans(paragraph).flatMap((span) => [...paragraph.slice(span.start, span.end).matchAll(NAME_RUN)])) {
        const words = run.split(/\s+/);
        while (words.length > 0 && NAME_JOINERS.has(words[0]!.toLowerCase())) words.shift();
        const capitals = words.filter((word) => CAPITALISED.test(word) && !NAME_JOINERS.has(word.toLowerCase()));
        if (capitals.length < 2) continue;
        const phrase = words.join(" ").replace(/[’']s$/u, "");
        add(capitals.map((word) => word[0]).join("").toUpperCase(), phrase);
        add(words.filter((word) => word !== "&" && word.toLowerCase() !== "the").map((word) => word[0]).join("").toUpperCase(), phrase);
      }
    }
  }
  return [...found].map(([acronym, phrases]): [string, string[]] => [acronym, [...phrases].sort()]).sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
}
