/**
 * Why Daleel answered as it did (`cli ask "…" --explain`): the question's
 * analysis (kind, names, answer-type words, each concept with its weight and
 * the vocabulary terms it reaches with their credit), the five best
 * candidate passages with each part of their score, and the decision.
 */
import { answer } from "./pipeline.ts";
import { decide } from "./decide.ts";
import type { CorpusIndex } from "../passage-index.ts";
import { quoted } from "../text.ts";
import { analyze } from "./analyse.ts";
import { rank } from "./score.ts";
import { MIN_COVERAGE, SCORE_ARTICLE, SCORE_COVERAGE, SCORE_OWN } from "./weights.ts";

const CANDIDATES_SHOWN = 5;
const TERMS_SHOWN = 8;
const n2 = (x: number) => x.toFixed(2);

/** A plain-text report of how a question is answered. */
export function explain(index: CorpusIndex, question: string, minCoverage = MIN_COVERAGE): string {
  const analyzed = analyze(index, question);
  const lines = [`question      ${analyzed.text}`, `answer type   ${analyzed.kind}`];
  const role = (c: (typeof analyzed.concepts)[number]) => (c.entity ? "name" : c.answerType ? "answer type" : "constraint");
  lines.push(`subject       ${analyzed.concepts.filter((c) => c.entity).map((c) => c.label).join(", ") || "(no names)"}`, "concepts:");
  for (const concept of analyzed.concepts) {
    const reach = concept.expansions.flatMap((alt) => alt.flatMap((e) => [...e])).sort((a, b) => b[1] - a[1]);
    const terms = reach.slice(0, TERMS_SHOWN).map(([id, credit]) => `${index.termText[id]}×${n2(credit)}`).join(" ");
    lines.push(`  ${concept.label.padEnd(18)} ${role(concept).padEnd(11)} weight ${n2(concept.weight)}${concept.known ? "" : " (no article has it)"}  → ${terms || "nothing"}${reach.length > TERMS_SHOWN ? ` +${reach.length - TERMS_SHOWN}` : ""}`);
  }
  lines.push(`retrieval     ${[...analyzed.retrieval.keys()].slice(0, 16).join(" ") || "(none)"}`);
  const ranked = rank(index, analyzed);
  lines.push(`candidates (score = ${SCORE_COVERAGE}·coverage + ${SCORE_OWN}·own + ${SCORE_ARTICLE}·article + kind + phrase − length):`);
  for (const [i, s] of ranked.slice(0, CANDIDATES_SHOWN).entries()) {
    const p = s.parts;
    lines.push(`  ${i + 1}. score ${n2(s.score)}  coverage ${n2(s.coverage)}  own ${n2(p?.own ?? 0)}  article ${n2(p?.article ?? 0)}  kind ${n2(p?.kind ?? 0)}  phrase ${n2(p?.phrase ?? 0)}  length −${n2(p?.length ?? 0)}`);
    lines.push(`     “${s.passage.text.length > 160 ? `${s.passage.text.slice(0, 157)}…` : s.passage.text}” — ${index.articles[s.passage.article]!.title}`);
  }
  if (ranked.length === 0) lines.push("  (none)");
  const { refusal, bar } = decide(index, analyzed, ranked, minCoverage);
  const result = answer(index, question, { minCoverage });
  const lowered = bar < minCoverage ? ", lowered: the best passage offers what is asked and every name" : "";
  lines.push(`decision      ${refusal ? `refuse (${refusal}; threshold ${n2(bar)}${lowered})` : `answer with ${result.sentences.length} quote(s) (best coverage ${n2(ranked[0]!.coverage)} ≥ ${n2(bar)}${lowered})`}`);
  for (const sentence of result.sentences) lines.push(`  ${quoted(sentence.text)} ${sentence.cites.map((c) => `[${c}]`).join("")}`);
  return lines.join("\n");
}
