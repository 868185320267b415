import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadQuestions, runAsk, score } from "../scripts/eval.ts";
import { ROOT, SEEDS } from "./helpers.ts";

describe("the dev evaluation set", () => {
  const questions = loadQuestions(join(ROOT, "eval/dev-questions.jsonl"));
  const report = score(questions, runAsk(questions.map((q) => q.question)), (file) => readFileSync(join(SEEDS, file), "utf8"));

  it("answers at least 90% correctly, with at least 90% supported by the expected articles", () => {
    expect(report.correct / report.answerable).toBeGreaterThanOrEqual(0.9);
    expect(report.supported / report.answerable).toBeGreaterThanOrEqual(0.9);
  });

  it("refuses every out-of-scope question and falsely refuses at most one", () => {
    expect(report.refused).toBe(report.outOfScope);
    expect(report.falseRefusals).toBeLessThanOrEqual(1);
  });
});
