/**
 * Irregular forms and their lemmas ("brought" → bring, "held" → hold, "mice"
 * → mouse), from WordNet's exception lists as `wink-lemmatizer` reads them:
 * read once per machine with the lexicon (lexicon.ts), kept per index.
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
