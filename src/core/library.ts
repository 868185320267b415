/**
 * The core's front door: load corpus folders into a searchable library and
 * ask it things. Adapters and the CLI hold one Library and call its methods.
 */
import { fileURLToPath } from "node:url";
import { type Answer, answer } from "./answer.ts";
import type { Article } from "./article.ts";
import { type CorpusProblem, loadCorpus } from "./corpus.ts";
import { learnAcronyms, loadGlossaries } from "./glossary.ts";
import { type CorpusIndex, buildIndex } from "./passage-index.ts";

/** The bundled corpus folder, found from this file so it works from any working directory. */
export const DEFAULT_CORPUS_DIR = fileURLToPath(new URL("../../corpus", import.meta.url));

export interface Library {
  /** The folders this library was loaded from. */
  dirs: readonly string[];
  index: CorpusIndex;
  /** Files that could not be loaded, with why. The rest still serve. */
  problems: CorpusProblem[];
  articles: readonly Article[];
  ask(question: string): Answer;
}

/**
 * Answers one question made from the corpus's own first title, so the JIT has
 * compiled the answer path before the first user asks (≈20 ms cold, ≈2 ms warm).
 */
function warmUp(index: CorpusIndex): void {
  const title = index.articles[0]?.title;
  if (title) answer(index, `What about ${title}?`);
}

/** Loads and indexes the given corpus folders (the bundled corpus by default). */
export function openLibrary(dirs: readonly string[] = [DEFAULT_CORPUS_DIR]): Library {
  const corpus = loadCorpus(dirs);
  const glossary = loadGlossaries(dirs);
  const index = buildIndex(corpus.articles, [...glossary.groups, ...learnAcronyms(corpus.articles)]);
  warmUp(index);
  return {
    dirs,
    index,
    problems: [...corpus.problems, ...glossary.problems],
    articles: corpus.articles,
    ask: (question) => answer(index, question),
  };
}
