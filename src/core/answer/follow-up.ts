/**
 * Before the stages, for a follow-up: the question read with the
 * conversation's subject. "and who signed it?" after "Tell me about the El
 * Salvador letter of intent" is answered as "and who signed it? El Salvador
 * letter intent". The subject is what the earlier question was about — its
 * names and topic words the corpus knows, not the words that asked for a kind
 * of answer ("who", "which city"). A follow-up that names something the
 * earlier question did not (a name the corpus knows) starts a new subject and
 * is asked as it is.
 */
import type { CorpusIndex } from "../passage-index.ts";
import { analyze } from "./analyse.ts";
import type { Concept } from "./types.ts";

const spellings = (c: Concept) => new Set(c.alts.map((alt) => alt.join(" ")));
const same = (a: Concept, b: Concept) => [...spellings(a)].some((s) => spellings(b).has(s));

/**
 * The follow-up as it is answered: itself, with the earlier question's
 * subject words it lacks after it.
 *
 * @example withSubject(index, "when was that?", "Tell me about the El Salvador letter of intent")
 *   // "when was that? El Salvador letter intent"
 */
export function withSubject(index: CorpusIndex, followUp: string, earlier: string): string {
  const subject = analyze(index, earlier).concepts.filter((c) => c.known && !c.answerType);
  const asked = analyze(index, followUp).concepts;
  if (asked.some((c) => c.entity && c.known && !subject.some((s) => same(s, c)))) return followUp;
  const missing = subject.filter((s) => !asked.some((c) => same(c, s)));
  return missing.length === 0 ? followUp : `${followUp.trim()} ${missing.map((c) => c.label).join(" ")}`;
}
