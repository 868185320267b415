/**
 * Stage 1, names — how a question's names are read: two words typed apart
 * that the corpus writes as one ("chang peng"), one word the corpus writes as
 * two ("imdadullah"), an acronym as the initials of a name the articles
 * write out ("the LOI"; "CZ" beside "Changpeng Zhao"), a first name and surname as one person
 * found by the surname alone ("Marri said …"), and an acronym's long name
 * inside a longer one ("PVARA" is not "VARA").
 */
import type { CorpusIndex } from "../passage-index.ts";
import { ROLE_WORDS } from "../features.ts";
import { hasTerm } from "../term-ids.ts";
import { phraseKey, terms, toTerm } from "../text.ts";
import { makeConcept } from "./expand.ts";
import type { Token } from "./analyse.ts";
import type { Concept, Expansion } from "./types.ts";

/** How many articles holding a name's words are read for the name written in lower case (a bound on the work per question). */
const LOWER_CASE_CHECKS = 20;

/**
 * Words typed in lower case that the articles write only as a capitalised
 * name ("paisa vault" — "Paisa Vault, a Karachi-based startup"): read as if
 * typed with capitals, as a name the answer's article must have, not as two
 * English words ("vault" ~ "round"). A name the articles also write in lower
 * case ("finance minister", "state bank") stays words.
 */
export function typedNames(index: CorpusIndex, tokens: readonly Token[]): Token[] {
  const out = [...tokens];
  for (let i = 0; i < out.length; i++) {
    for (const n of [3, 2]) {
      const run = out.slice(i, i + n);
      if (run.length < n || run.some((t, k) => t.entity || t.answerType || t.word !== t.word.toLowerCase() || (k > 0 && t.at !== run[k - 1]!.at + 1))) continue;
      const written = run.map((t) => t.term);
      const initials = run.map((t) => t.word[0]!.toUpperCase()).join("");
      if (!index.namesFor(initials).some((name) => name.length === n && name.every((term, k) => term === written[k]))) continue;
      if (writtenInLowerCase(index, run)) continue;
      for (let k = i; k < i + n; k++) out[k] = { ...out[k]!, entity: true };
      i += n - 1;
      break;
    }
  }
  return out;
}

/** Whether some article that holds the words writes them side by side in lower case. */
function writtenInLowerCase(index: CorpusIndex, run: readonly Token[]): boolean {
  const articles = articlesHolding(index, run.map((t) => t.term));
  if (!articles) return true;
  const phrase = run.map((t) => t.word).join(" ");
  let checked = 0;
  for (const a of articles) {
    const article = index.articles[a]!;
    if (article.title.includes(phrase) || article.paragraphs.some((p) => p.includes(phrase))) return true;
    if (++checked >= LOWER_CASE_CHECKS) return false;
  }
  return false;
}

/** The articles (by number) that hold every one of the terms, in order; undefined when the vocabulary lacks one of them. */
function articlesHolding(index: CorpusIndex, terms: readonly string[]): Iterable<number> | undefined {
  const ids = terms.map((term) => index.vocabulary.get(term));
  if (ids.some((id) => id === undefined)) return undefined;
  return (function* () {
    for (const [a, held] of index.articleTerms.entries()) if (ids.every((id) => hasTerm(held, id!))) yield a;
  })();
}

/**
 * Two words typed apart that are one word run together: a name the corpus
 * writes as one ("chang peng" / Changpeng), when one of the two is not a word
 * the corpus has; or a compound written open ("block chain", "stable coin",
 * "straight away"), when the pair run together is a word the corpus or
 * WordNet has and the pair is no phrase of WordNet's ("set up" is one, not
 * "setup") — a word only WordNet has, when the corpus lacks one of the two
 * ("straight away"), not both ("co-found"). Then they are one token. The reverse of splitName.
 */
export function joinSplitWords(index: CorpusIndex, tokens: readonly Token[]): Token[] {
  const out: Token[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const [a, b] = [tokens[i]!, tokens[i + 1]];
    const joined = b && b.at === a.at + 1 && /^\p{L}+$/u.test(a.word + b.word) ? toTerm(a.word + b.word) : null;
    if (b && joined && (namePart(index, a, b, joined) || openCompound(index, a, b, joined))) {
      out.push({ ...a, term: joined, word: a.word + b.word, entity: a.entity || b.entity, answerType: false });
      i++;
    } else out.push(a);
  }
  return out;
}

/** "chang peng": the pair run together is a word of the corpus and one of the two is not. */
function namePart(index: CorpusIndex, a: Token, b: Token, joined: string): boolean {
  const unknown = (t: Token) => index.vocabulary.get(t.term) === undefined;
  return index.vocabulary.get(joined) !== undefined && (unknown(a) || unknown(b));
}

/** "block chain", "straight away": two lower-case words that run together make a word, and make no phrase apart. */
function openCompound(index: CorpusIndex, a: Token, b: Token, joined: string): boolean {
  if (a.entity || b.entity || index.related.has(phraseKey([a.word.toLowerCase(), b.word.toLowerCase()]) ?? "")) return false;
  if (index.vocabulary.get(joined) !== undefined) return true;
  // "co-found": the corpus writes the pair apart ("co-founded" is read as "co" and "founded"), so they stay apart.
  const known = (t: Token) => index.vocabulary.get(t.term) !== undefined;
  return index.isEnglish(joined) && !(known(a) && known(b));
}

/** Shortest part of a word split in two (see splitName). */
const MIN_PART = 3;

/**
 * A word the corpus lacks that is two of its words run together — a name
 * written as one word in the question and as two in the article
 * ("imdadullah" / "Imdad Ullah") — as that pair; none otherwise. Two English
 * words run together ("coinbase": coin, base) are a name the corpus lacks,
 * not a name it splits.
 */
export function splitName(index: CorpusIndex, token: Token): string[][] {
  const word = token.word.toLowerCase();
  if (index.vocabulary.get(token.term) !== undefined || word.length < 2 * MIN_PART + 1 || !/^\p{L}+$/u.test(word)) return [];
  for (let at = MIN_PART; at <= word.length - MIN_PART; at++) {
    const left = toTerm(word.slice(0, at));
    const right = toTerm(word.slice(at));
    const known = left && right && index.vocabulary.get(left) !== undefined && index.vocabulary.get(right) !== undefined;
    if (known && !(index.isEnglish(left) && index.isEnglish(right))) return [[left, right]];
  }
  return [];
}

/**
 * The names an acronym may stand for, from the initials of the names articles
 * write out ("LOI" → Letter of Intent, "imf" → International Monetary Fund,
 * "cz" → Changpeng Zhao). An acronym is one typed in capitals ("LOI", "MoU"),
 * or in lower case when it is two to five letters and no English word (or
 * one of WordNet's proper nouns, as "imf" and "kp" are, not "ok", which is
 * also an adjective; or two letters the articles use) — chat words
 * ("pls", "abt") are read so only where the articles write out a name with
 * those initials. An acronym some article has stands only for the names
 * written out in an article beside it ("Changpeng Zhao … Zhao, widely known
 * as CZ"), not for every name with its initials ("Central Zone").
 */
export function writtenOut(index: CorpusIndex, token: Token): string[][] {
  const capitals = /^\p{Lu}[\p{L}]{1,5}$/u.test(token.word) && (token.word.match(/\p{Lu}/gu)?.length ?? 0) >= 2;
  // Two letters the articles use are read as initials too, English or not ("pm" beside "Prime Minister").
  const lowerCase = /^\p{Ll}{2,5}$/u.test(token.word) && (!index.isEnglish(token.term) || index.isProperNoun(token.term) || (token.word.length === 2 && index.vocabulary.get(token.term) !== undefined));
  if (!(capitals || lowerCase)) return [];
  const own = index.vocabulary.get(token.term);
  const written = index.namesFor(token.word.toUpperCase());
  // An acronym articles use ("Zhao, widely known as CZ") stands for the names written out beside it.
  const names = own === undefined ? written : written.filter((name) => writtenBeside(index, own, name));
  // Two initials stand for a person's two names ("CZ"), and articles call a person by the second alone ("Zhao").
  return token.word.length === 2 ? names.flatMap((name) => (name.length === 2 ? [name, [name[1]!]] : [name])) : names;
}

/** Whether an article holding the acronym (term id) also holds every word of the name. */
function writtenBeside(index: CorpusIndex, acronym: number, name: readonly string[]): boolean {
  for (const a of articlesHolding(index, name) ?? []) if (hasTerm(index.articleTerms[a]!, acronym)) return true;
  return false;
}

/** A title before a name: "Mayor Eric Adams", "Senator Kamran Murtaza". */
const TITLE = new RegExp(`^(?:${ROLE_WORDS}|senator|mr|mrs|ms|dr|justice|general|prof)\\.?\\s*$`, "i");

/** How many articles holding a first name are read to see it written before a surname. */
const NAME_ARTICLES = 20;

/**
 * Whether the articles write two words as a person's name, capitalised side by
 * side and no third beside them but a title ("Shazia Marri", "Mayor Eric
 * Adams", not "Binance Blockchain Week"), the first no English word: news gives the full name once and the
 * surname after ("Marri said …").
 */
function writtenAsName(index: CorpusIndex, first: Token, second: Token): boolean {
  // Side by side in the question too ("shazia marri", not "SBP … about bitcoin"), and no acronym.
  if (second.at !== first.at + 1 || index.isEnglish(first.term) || !/^\p{L}{2,}$/u.test(first.word) || !/^\p{L}{2,}$/u.test(second.word) || /^\p{Lu}+$/u.test(first.word)) return false;
  const key = `${first.word.toLowerCase()} ${second.word.toLowerCase()}`;
  const seen = namesSeen.get(index) ?? new Map<string, boolean>();
  namesSeen.set(index, seen);
  const known = seen.get(key);
  if (known !== undefined) return known;
  if (seen.size >= MAX_NAMES_SEEN) seen.clear();
  const found = writtenTogether(index, first, second);
  seen.set(key, found);
  return found;
}

/** Pairs of words already looked up, per index (an index is never changed in place). */
const namesSeen = new WeakMap<CorpusIndex, Map<string, boolean>>();
const MAX_NAMES_SEEN = 10_000;

/** Whether an article holding both words writes them as a name (see writtenAsName). */
function writtenTogether(index: CorpusIndex, first: Token, second: Token): boolean {
  const [a, b] = [index.vocabulary.get(first.term), index.vocabulary.get(second.term)];
  if (a === undefined || b === undefined) return false;
  // Not beside a third capitalised word, but for a title ("Mayor Eric Adams"): "Binance Blockchain Week" names an event.
  // (The words are matched in any case, then their capitals checked: /\p{Lu}/ under the i flag takes any letter.)
  const name = new RegExp(`(\\p{L}+\\s+)?(?<![\\p{L}])(${first.word})\\s+(${second.word})(?![\\p{L}])(\\s+\\p{L}+)?`, "giu");
  const capitalised = (word: string) => /^\s*\p{Lu}/u.test(word);
  let read = 0;
  for (let article = 0; article < index.articles.length && read < NAME_ARTICLES; article++) {
    const terms = index.articleTerms[article]!;
    if (!hasTerm(terms, a) || !hasTerm(terms, b)) continue;
    read++;
    const written = index.articles[article]!.paragraphs.some((paragraph) => [...paragraph.matchAll(name)].some(([, before, x, y, after]) => capitalised(x!) && capitalised(y!) && !(after && capitalised(after)) && !(before && capitalised(before) && !TITLE.test(before))));
    if (written) return true;
  }
  return false;
}

/**
 * A person's first name and surname side by side in the question ("what did
 * shazia marri call the reserve") as one concept: the full name, or the
 * surname alone, as news calls a person after naming them once ("Marri said
 * the answer showed …"). Asked word by word, a sentence with the full name
 * and nothing of the answer outweighed the one quoting "Marri".
 */
export function mergePersonNames(index: CorpusIndex, tokens: readonly Token[], concepts: Concept[], spans: [number, number][]): void {
  for (let k = concepts.length - 2; k >= 0; k--) {
    const [a, b] = [concepts[k]!, concepts[k + 1]!];
    const [[from, to], [next, end]] = [spans[k]!, spans[k + 1]!];
    if (to !== next || to - from !== 1 || end - next !== 1 || !a.known || !b.known || a.answerType || b.answerType) continue;
    const [first, second] = [tokens[from]!, tokens[next]!];
    if (!writtenAsName(index, first, second)) continue;
    const person = makeConcept(index, `${first.word} ${second.word}`, [[first.term, second.term], [second.term]], a.entity || b.entity, false);
    concepts.splice(k, 2, { ...person, name: true, person: true });
    spans.splice(k, 2, [from, end]);
  }
}

/** A word of a sentence: letters, with an apostrophe or hyphen inside. */
const NAME_PART = /\p{L}[\p{L}'’-]*/gu;

/**
 * Whether a sentence has the asked person's surname only inside another
 * person's name: "Imdad Ullah Bosal" for "saleem ullah". "Deputy Governor
 * Saleem Ullah", "Mayor Adams" and "Ullah said" name the person asked about.
 */
export function surnameOfAnother(index: CorpusIndex, concept: Concept, text: string): boolean {
  if (!concept.person) return false;
  const [first] = concept.expansions[0]!;
  const [surname] = concept.expansions[1]!;
  const words = text.match(NAME_PART) ?? [];
  let another = false;
  for (const [i, word] of words.entries()) {
    const id = index.vocabulary.get(toTerm(word) ?? "");
    if (id === undefined || !surname!.has(id)) continue;
    const before = words[i - 1];
    const beforeId = before === undefined ? undefined : index.vocabulary.get(toTerm(before) ?? "");
    const byAnotherName = before !== undefined && /^\p{Lu}/u.test(before) && !TITLE.test(before) && !(beforeId !== undefined && first!.has(beforeId));
    if (!byAnotherName) return false;
    another = true;
  }
  return another;
}

/** Words that join a name to the name it governs ("Special Assistant to the Prime Minister"): the shorter name is still meant. */
const JOINING_WORD = /(?:^|\s)(?:to|the|of|for|on|in|at|and|&)\s*$/i;

/**
 * For each phrase of an alias group, the one-word names (acronyms) of the
 * groups whose longer name ends with it as a modified name: "Pakistan
 * Virtual Assets Regulatory Authority" (PVARA) holds "Virtual Assets
 * Regulatory Authority" (VARA), so where "pvara" stands, those words name
 * PVARA rather than VARA. "Special Assistant to the Prime Minister" (SAPM)
 * still names the Prime Minister.
 */
export function outranking(index: CorpusIndex, group: number): Expansion[] {
  const own = new Set(index.aliases[group]!.map((phrase) => phrase.join(" ")));
  const outranked = new Map<string, Map<number, number>>();
  for (const shorter of index.aliasPhrases[group]!) {
    const ids = new Map<number, number>();
    const tail = shorter.toLowerCase();
    index.aliasPhrases.forEach((other, g) => {
      const holds = (longer: string) => longer.toLowerCase().endsWith(` ${tail}`) && !JOINING_WORD.test(longer.slice(0, longer.length - tail.length));
      if (g === group || !other.some(holds)) return;
      for (const name of other.map(terms)) {
        const id = name.length === 1 && !own.has(name[0]!) ? index.vocabulary.get(name[0]!) : undefined;
        if (id !== undefined) ids.set(id, 1);
      }
    });
    outranked.set(terms(shorter).join(" "), ids);
  }
  return index.aliases[group]!.map((phrase) => outranked.get(phrase.join(" ")) ?? new Map());
}
