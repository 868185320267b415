/**
 * `npm run eval [-- --questions FILE] [--seeds DIR] [--corpus DIR]...`
 *
 * Runs the evaluation questions through `cli ask --json` (the same path users
 * hit) and prints accuracy, support, out-of-scope refusals and false refusals.
 */
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { z } from "zod";

const ROOT = fileURLToPath(new URL("..", import.meta.url));

export const EvalQuestion = z.object({
  id: z.string(),
  kind: z.string(),
  question: z.string(),
  expect_any: z.array(z.string()),
  expect_doc: z.array(z.string()),
});
export type EvalQuestion = z.infer<typeof EvalQuestion>;

export const AskResult = z.object({
  question: z.string(),
  answer: z.string(),
  abstained: z.boolean(),
  citations: z.array(z.object({ n: z.number(), title: z.string(), source: z.string(), date: z.string(), url: z.string(), quote: z.string() })),
  ms: z.number(),
});
export type AskResult = z.infer<typeof AskResult>;

export interface EvalReport {
  answerable: number;
  correct: number;
  supported: number;
  outOfScope: number;
  refused: number;
  falseRefusals: number;
  failures: { id: string; question: string; answer: string; why: string }[];
  maxMs: number;
}

/** Folds typographic quotes and dashes and case, as the scoring asks. */
function fold(text: string): string {
  return text.replace(/[\u2018\u2019]/g, "'").replace(/[\u201C\u201D]/g, '"').replace(/[\u2013\u2014]/g, "-").toLowerCase();
}

export function loadQuestions(file: string): EvalQuestion[] {
  return readFileSync(file, "utf8")
    .split("\n")
    .filter((line) => line.trim())
    .map((line) => EvalQuestion.parse(JSON.parse(line)));
}

/** Scores answers against the questions; `seedText(file)` gives a seed article's raw text. */
export function score(questions: EvalQuestion[], results: AskResult[], seedText: (file: string) => string): EvalReport {
  const report: EvalReport = { answerable: 0, correct: 0, supported: 0, outOfScope: 0, refused: 0, falseRefusals: 0, failures: [], maxMs: 0 };
  questions.forEach((q, i) => {
    const r = results[i]!;
    report.maxMs = Math.max(report.maxMs, r.ms);
    const fail = (why: string) => report.failures.push({ id: q.id, question: q.question, answer: r.answer, why });
    if (q.expect_any.length === 0) {
      report.outOfScope++;
      if (r.abstained) report.refused++;
      else fail("answered an out-of-scope question");
      return;
    }
    report.answerable++;
    if (r.abstained) {
      report.falseRefusals++;
      return fail("refused");
    }
    const haystack = fold([r.answer, ...r.citations.map((c) => c.quote)].join(" "));
    const correct = q.expect_any.some((e) => haystack.includes(fold(e)));
    const supported = r.citations.some((c) => q.expect_doc.some((doc) => seedText(doc).includes(c.quote)));
    if (correct) report.correct++;
    else fail(`none of ${JSON.stringify(q.expect_any)}`);
    if (supported) report.supported++;
    else fail("no citation quotes an expected document");
  });
  return report;
}

/** Runs questions through `cli ask --json`, one per line on stdin. */
export function runAsk(questions: string[], corpusDirs: string[] = []): AskResult[] {
  const args = ["--import", "tsx", join(ROOT, "src/cli.ts"), "ask", "--json", ...corpusDirs.flatMap((d) => ["--corpus", d])];
  const run = spawnSync(process.execPath, args, { input: `${questions.join("\n")}\n`, encoding: "utf8", cwd: ROOT });
  if (run.status !== 0) throw new Error(`cli ask failed (${run.status}): ${run.stderr}`);
  return run.stdout
    .split("\n")
    .filter((line) => line.trim())
    .map((line) => AskResult.parse(JSON.parse(line)));
}

const percent = (n: number, d: number) => (d === 0 ? "n/a" : `${((100 * n) / d).toFixed(1)}%`);

export function formatReport(r: EvalReport): string {
  const lines = [
    `accuracy          ${r.correct}/${r.answerable} (${percent(r.correct, r.answerable)})`,
    `supported         ${r.supported}/${r.answerable} (${percent(r.supported, r.answerable)})`,
    `out-of-scope      ${r.refused}/${r.outOfScope} refused`,
    `false refusals    ${r.falseRefusals}`,
    `slowest answer    ${r.maxMs.toFixed(2)} ms (core time)`,
  ];
  for (const f of r.failures) lines.push(`  ✗ ${f.id} ${f.question} — ${f.why}\n      ${f.answer.slice(0, 200)}`);
  return lines.join("\n");
}

function main(): void {
  const { values } = parseArgs({
    options: { questions: { type: "string" }, seeds: { type: "string" }, corpus: { type: "string", multiple: true } },
  });
  const questions = loadQuestions(values.questions ?? join(ROOT, "eval/dev-questions.jsonl"));
  const seeds = values.seeds ?? join(ROOT, "tests/fixtures/seeds");
  const results = runAsk(questions.map((q) => q.question), values.corpus ?? []);
  const report = score(questions, results, (file) => readFileSync(join(seeds, file), "utf8"));
  process.stdout.write(`${formatReport(report)}\n`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) main();
