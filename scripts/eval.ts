/**
 * `npm run eval [-- --questions FILE --corpus DIR...]`
 *
 * Runs the evaluation questions through `cli ask --json` (the same path users
 * hit) and prints accuracy, support, out-of-scope refusals and false refusals,
 * overall and per question kind. With no flags it runs both dev sets: v1 on
 * the bundled corpus, v2 on the bundled corpus plus the dev articles in
 * `eval/articles/`, ingested by the project's own ingest into a folder of
 * their own (never into `corpus/`).
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
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

/** What one kind of question scored. */
export interface KindScore {
  n: number;
  correct: number;
  supported: number;
  /** Refusals: right for out_of_scope, false refusals otherwise. */
  refused: number;
}

export interface EvalReport {
  byKind: Record<string, KindScore>;
  answerable: number;
  correct: number;
  supported: number;
  outOfScope: number;
  refused: number;
  falseRefusals: number;
  failures: { id: string; question: string; answer: string; why: string }[];
  maxMs: number;
}

/** Folds typographic quotes and dashes and case, as the issue's scoring asks. */
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
  const report: EvalReport = { byKind: {}, answerable: 0, correct: 0, supported: 0, outOfScope: 0, refused: 0, falseRefusals: 0, failures: [], maxMs: 0 };
  questions.forEach((q, i) => {
    const r = results[i]!;
    report.maxMs = Math.max(report.maxMs, r.ms);
    const kind = (report.byKind[q.kind] ??= { n: 0, correct: 0, supported: 0, refused: 0 });
    kind.n++;
    if (r.abstained) kind.refused++;
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
    if (correct) (report.correct++, kind.correct++);
    else fail(`none of ${JSON.stringify(q.expect_any)}`);
    if (supported) (report.supported++, kind.supported++);
    else fail("no citation quotes an expected document");
  });
  return report;
}

/** Runs questions through `cli ask --json`, one per line on stdin. */
export function runAsk(questions: string[], corpusDirs: string[] = [], minCoverage?: number): AskResult[] {
  const args = ["--import", "tsx", join(ROOT, "src/cli.ts"), "ask", "--json", ...corpusDirs.flatMap((d) => ["--corpus", d]), ...(minCoverage === undefined ? [] : ["--min-coverage", String(minCoverage)])];
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
  lines.push("", "kind            n  correct  supported  refused");
  for (const [kind, k] of Object.entries(r.byKind).sort()) lines.push(`${kind.padEnd(14)} ${String(k.n).padStart(3)}  ${String(k.correct).padStart(7)}  ${String(k.supported).padStart(9)}  ${String(k.refused).padStart(7)}`);
  lines.push("");
  for (const f of r.failures) lines.push(`  ✗ ${f.id} ${f.question} — ${f.why}\n      ${f.answer.slice(0, 200)}`);
  return lines.join("\n");
}

/**
 * The dev articles (raw scrapes with chrome, and their metadata) ingested by
 * `cli ingest` into a fresh folder, as a moderator would add them.
 */
export function ingestDevArticles(articlesDir = join(ROOT, "eval/articles")): string {
  const out = mkdtempSync(join(tmpdir(), "daleel-eval-corpus-"));
  // A scratch folder: gone when this process ends.
  process.once("exit", () => rmSync(out, { recursive: true, force: true }));
  const files = readFileSync(join(articlesDir, "metadata.json"), "utf8");
  const names = (JSON.parse(files) as { file: string }[]).map((m) => join(articlesDir, m.file));
  const run = spawnSync(process.execPath, ["--import", "tsx", join(ROOT, "src/cli.ts"), "ingest", ...names, "--metadata", join(articlesDir, "metadata.json"), "--out", out], { encoding: "utf8", cwd: ROOT });
  if (run.status !== 0) throw new Error(`eval: ingesting the dev articles failed: ${run.stderr}`);
  return out;
}

/** A document's raw text, looked up in each folder in turn (seeds, then dev articles). */
export function textIn(dirs: string[]): (file: string) => string {
  return (file) => {
    const dir = dirs.find((d) => existsSync(join(d, basename(file))));
    return dir ? readFileSync(join(dir, basename(file)), "utf8") : "";
  };
}

export interface EvalSet {
  name: string;
  questions: string;
  corpus: string[];
}

/** The two dev sets as `npm run eval` runs them. */
export function devSets(): EvalSet[] {
  const bundled = join(ROOT, "corpus");
  return [
    { name: "dev v1 (bundled corpus)", questions: join(ROOT, "eval/dev-questions.jsonl"), corpus: [bundled] },
    { name: "dev v2 (bundled corpus + eval/articles)", questions: join(ROOT, "eval/dev-questions-v2.jsonl"), corpus: [bundled, ingestDevArticles()] },
  ];
}

/** Runs one set and scores it (at the default refusal threshold, or another). */
export function evaluate(set: EvalSet, minCoverage?: number): { report: EvalReport; questions: EvalQuestion[]; results: AskResult[] } {
  const questions = loadQuestions(set.questions);
  const results = runAsk(questions.map((q) => q.question), set.corpus, minCoverage);
  const report = score(questions, results, textIn([join(ROOT, "tests/fixtures/seeds"), join(ROOT, "eval/articles")]));
  return { report, questions, results };
}

function main(): void {
  const { values } = parseArgs({ options: { questions: { type: "string" }, corpus: { type: "string", multiple: true }, help: { type: "boolean", short: "h" } } });
  if (values.help) return void process.stdout.write("usage: npm run eval [-- --questions FILE --corpus DIR...]  (no flags: both dev sets)\n");
  const sets = values.questions ? [{ name: values.questions, questions: values.questions, corpus: values.corpus ?? [join(ROOT, "corpus")] }] : devSets();
  for (const set of sets) process.stdout.write(`== ${set.name}\n${formatReport(evaluate(set).report)}\n\n`);
  process.stdout.write("== answer/refuse trade-off by refusal threshold (minimum coverage)\n");
  process.stdout.write("set      threshold  correct  supported  out-of-scope refused  false refusals\n");
  for (const set of sets) {
    for (const threshold of TRADE_OFF_THRESHOLDS) {
      const r = evaluate(set, threshold).report;
      process.stdout.write(`${basename(set.questions).replace(/\.jsonl$/, "").padEnd(22)} ${threshold.toFixed(2).padStart(4)}  ${`${r.correct}/${r.answerable}`.padStart(7)}  ${`${r.supported}/${r.answerable}`.padStart(9)}  ${`${r.refused}/${r.outOfScope}`.padStart(20)}  ${String(r.falseRefusals).padStart(14)}\n`);
    }
  }
}

/** Refusal thresholds the trade-off table compares. */
const TRADE_OFF_THRESHOLDS = [0.4, 0.45, 0.5, 0.55, 0.6];

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) main();
