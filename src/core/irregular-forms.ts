/**
 * Irregular forms and their lemmas ("brought" → bring, "held" → hold, "mice"
 * → mouse), from WordNet's exception lists as `wink-lemmatizer` reads them,
 * and the regular comparatives and superlatives of WordNet's short adjectives
 * ("cheaper" → cheap, "strictest" → strict) and the plurals of its nouns in
 * "-man" ("congressmen" → congressman), which WordNet leaves to its
 * detachment rules and the stemmer leaves alone: read once per machine with
 * the lexicon (lexicon.ts), kept per index.
 */
import { createRequire } from "node:module";
import { toTerm } from "./text.ts";

const require = createRequire(import.meta.url);

/** Irregular form → the stems of its lemmas ("brought" → ["bring"]). */
export type Irregulars = Map<string, string[]>;

interface Lemmatizer {
  verb(word: string): string;
  noun(word: string): string;
  adjective(word: string): string;
}

/**
 * Every irregular form in WordNet's exception lists with the stems of its
 * lemmas, as wink-lemmatizer gives them; a form whose lemma stems like the
 * form itself ("axes" → "axe") is left out, the stemmer already joins them.
 */
export function readIrregulars(): Irregulars {
  const lemmatizer = require("wink-lemmatizer") as Lemmatizer;
  const forms = new Set<string>();
  for (const list of ["wn-verb-exceptions", "wn-noun-exceptions", "wn-adjective-exceptions"]) {
    for (const form of Object.keys(require(`wink-lexicon/src/${list}.js`) as Record<string, string>)) if (!form.includes("_")) forms.add(form);
  }
  const irregulars: Irregulars = new Map();
  for (const form of forms) {
    const stems = new Set<string>();
    for (const lemma of [lemmatizer.verb(form), lemmatizer.noun(form), lemmatizer.adjective(form)]) {
      if (lemma === form) continue;
      const stem = toTerm(lemma);
      if (stem && stem !== toTerm(form)) stems.add(stem);
    }
    if (stems.size > 0) irregulars.set(form, [...stems]);
  }
  return irregulars;
}

/** The stems of a word's lemmas when it is an irregular form ("brought" → "bring"), else none. */
export function lemmaStems(word: string, irregulars: ReadonlyMap<string, string[]>): string[] {
  return irregulars.get(word.toLowerCase()) ?? [];
}

/** Vowel groups in a word: roughly its syllables. */
const syllables = (word: string): number => word.match(/[aeiouy]+/g)?.length ?? 0;

/**
 * Whether an adjective is compared with "-er" / "-est" ("cheap", "safe",
 * "easy"), not with "more" ("expensive"): one syllable (a final silent "e"
 * aside), or two ending in a consonant and "y".
 */
const comparesWithEr = (adjective: string): boolean => syllables(adjective.replace(/e$/, "")) === 1 || (syllables(adjective) === 2 && /[^aeiou]y$/.test(adjective));

/** The "-er" and "-est" forms of an adjective: "safe" → safer, safest; "easy" → easier; "hot" → hotter; "cheap" → cheaper. */
function comparativeForms(adjective: string): string[] {
  if (adjective.endsWith("e")) return [`${adjective}r`, `${adjective}st`];
  if (/[^aeiou]y$/.test(adjective)) return [`${adjective.slice(0, -1)}ier`, `${adjective.slice(0, -1)}iest`];
  // One vowel letter before a final consonant doubles it ("big" → bigger); "cheap", "new", "tax" do not.
  const base = /^[^aeiou]*[aeiou][^aeiouwxy]$/.test(adjective) ? adjective + adjective.at(-1) : adjective;
  return [`${base}er`, `${base}est`];
}

/**
 * The regular comparatives and superlatives of the adjectives that take them,
 * each with its adjective's stem ("cheaper" → ["cheap"]) — for forms that are
 * not words of their own (`isWord`: "latest", "bitter" are). A question's
 * "cheaper" is then an English word that finds "cheap", not a name the corpus
 * lacks.
 */
export function regularComparatives(adjectives: Iterable<string>, isWord: (form: string) => boolean): Irregulars {
  const forms: Irregulars = new Map();
  for (const adjective of adjectives) {
    if (!/^[a-z]{2,}$/.test(adjective) || !comparesWithEr(adjective)) continue;
    const stem = toTerm(adjective);
    if (!stem) continue;
    for (const form of comparativeForms(adjective)) if (!isWord(form) && toTerm(form) !== stem) forms.set(form, [stem]);
  }
  return forms;
}

/**
 * The plurals of nouns in "-man" ("congressman" → congressmen, "chairman" →
 * chairmen), each with its noun's stem, for plurals that are not words of
 * their own (WordNet's detachment rule "men" → "man"): the stemmer leaves
 * "congressmen" as it is, and a question's "congressmen" is then an English
 * word, not a name the corpus lacks.
 */
export function regularPlurals(nouns: Iterable<string>, isWord: (form: string) => boolean): Irregulars {
  const forms: Irregulars = new Map();
  for (const noun of nouns) {
    if (!/^[a-z]{2,}man$/.test(noun)) continue;
    const stem = toTerm(noun);
    const plural = `${noun.slice(0, -3)}men`;
    if (stem && !isWord(plural) && toTerm(plural) !== stem) forms.set(plural, [stem]);
  }
  return forms;
}
