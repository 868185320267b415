/**
 * The dev sets, answered through `cli ask --json` as users are: floors on
 * their scores, and a reviewed snapshot of every answer, so a ranking change
 * that alters any answer fails here until the snapshot is updated
 * (`npx vitest run tests/eval.test.ts -u`) and the diff reviewed.
 */
import { describe, expect, it } from "vitest";
import { type AskResult, type EvalQuestion, devSets, evaluate } from "../scripts/eval.ts";

/** What a user sees of an answer: refused or not, and each quote with the article it cites. */
function shown(questions: EvalQuestion[], results: AskResult[]) {
  return questions.map((q, i) => {
    const r = results[i]!;
    return { id: q.id, question: q.question, refused: r.abstained, quotes: r.citations.map((c) => `${c.quote} — ${c.title}`) };
  });
}

const [v1, v2] = devSets();

describe("dev set v1 (bundled corpus)", () => {
  const { report, questions, results } = evaluate(v1!);

  it("answers at least 25 of 26 correctly and supported, refuses all 4 out-of-scope", () => {
    expect(report.correct).toBeGreaterThanOrEqual(25);
    expect(report.supported).toBeGreaterThanOrEqual(25);
    expect(report.refused).toBe(report.outOfScope);
  });

  it("gives the reviewed answers", async () => {
    await expect(JSON.stringify(shown(questions, results), null, 1)).toMatchFileSnapshot("../eval/snapshots/dev-v1-answers.json");
  });
});

describe("dev set v2 (bundled corpus + the 12 dev articles, ingested)", () => {
  const { report, questions, results } = evaluate(v2!);

  it("holds today's floor: the measured scores may rise, not fall", () => {
    expect(report.correct).toBeGreaterThanOrEqual(FLOOR_V2.correct);
    expect(report.supported).toBeGreaterThanOrEqual(FLOOR_V2.supported);
    expect(report.refused).toBeGreaterThanOrEqual(FLOOR_V2.outOfScopeRefused);
    expect(report.falseRefusals).toBeLessThanOrEqual(FLOOR_V2.falseRefusals);
  });

  it("gives the reviewed answers", async () => {
    await expect(JSON.stringify(shown(questions, results), null, 1)).toMatchFileSnapshot("../eval/snapshots/dev-v2-answers.json");
  });
});

/** Raise these as answers improve (issue: ≥ 95% correct and supported, 15/15 refused, ≤ 2 false refusals). */
const FLOOR_V2 = { correct: 70, supported: 72, outOfScopeRefused: 15, falseRefusals: 2 };
