/**
 * `npm run bench [-- --sizes 1000,10000,50000] [--json FILE] [--questions N] [--raw-questions N] [--long-sentences N]`
 *
 * Builds deterministic synthetic corpora and measures, each in a fresh
 * process: index build, cold start (process start to first answer), RSS after
 * load, p50/p99 latency of ask, summary, timeline and digest, the worst of
 * 10,000 hostile queries, and raw MiniSearch (one sentence per document,
 * default options) on the same passages and questions; then the wall time of
 * `cli digest` and `cli summary` on one 20,000-sentence article. Prints tables
 * and writes JSON. Not part of `npm test`. The measuring processes run the
 * bundle, as `npm start` and `npm run cli` do (scripts/build.ts).
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import MiniSearch from "minisearch";
import { buildBundle } from "./build.ts";
import { hostileQueries, newArticle, syntheticQuestions, writeLongArticle, writeSyntheticCorpus } from "./synthetic.ts";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
/** This script bundled, which each measuring process runs (`--worker MODE`). */
const WORKER = join(ROOT, "dist", "bench.js");

let bundled = false;
/** Bundles the app and this script once per run, so every measurement runs what `npm start` runs. */
function ensureBundle(): void {
  if (bundled) return;
  buildBundle({ extra: ["scripts/bench.ts"] });
  bundled = true;
}

interface Latency {
  p50: number;
  p99: number;
}

export interface BenchRow {
  articles: number;
  passages: number;
  buildMs: number;
  /** Median of COLD_STARTS fresh processes; the fastest and slowest in `coldStartRangeMs`. */
  coldStartMs: number;
  coldStartRangeMs: [number, number];
  /** Wall time of a second `cli ask` run on the corpus (the first saved the persisted index it loads). */
  cliAskMs: number;
  /** Of the cold start, opening the embedded store (migrations checked). */
  storeOpenMs: number;
  rssMb: number;
  /** Highest RSS of any measuring process (build, cold start, queries). */
  peakRssMb: number;
  ask: Latency;
  summary: Latency;
  timeline: Latency;
  digest: Latency;
  hostileWorstMs: number;
  raw: Latency & { buildMs: number; questions: number };
  askVsRawP99: number;
  add: AddRow;
}

function percentiles(times: number[]): Latency {
  const sorted = [...times].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  return { p50: round(at(0.5)), p99: round(at(0.99)) };
}

const round = (n: number) => Math.round(n * 100) / 100;
const COLD_STARTS = 3;
const peakRssMb = () => round(process.resourceUsage().maxRSS / 1024);

function timeEach<T>(inputs: T[], run: (input: T) => unknown): number[] {
  return inputs.map((input) => {
    const start = performance.now();
    run(input);
    return performance.now() - start;
  });
}

/** Runs in a child process: one measurement, printed as JSON on stdout. */
async function worker(mode: string, dir: string, questionCount: number): Promise<void> {
  const started = performance.now();
  const { openLibrary } = await import("../src/core/library.ts");
  const library = openLibrary([dir], { cacheDir: join(dir, ".index-cache") });
  const loadedMs = performance.now() - started;
  if (mode === "build" || mode === "cold") {
    // As npm start does: the embedded store is open beside the library (not on the question path).
    const storeStarted = performance.now();
    const { openStore } = await import("../src/store/index.ts");
    const store = await openStore(join(dir, ".store", "daleel.sqlite"));
    const storeMs = performance.now() - storeStarted;
    const first = performance.now();
    library.ask("What did the PVARA announce about bitcoin mining?");
    const out = { loadedMs, storeMs, firstAnswerMs: performance.now() - first, uptimeMs: process.uptime() * 1000, rssMb: process.memoryUsage().rss / 1e6, peakRssMb: peakRssMb(), passages: library.index.passages.length, fromCache: library.fromCache };
    await store.close();
    process.stdout.write(JSON.stringify(out));
    return;
  }
  if (mode === "query") {
    const questions = syntheticQuestions(questionCount);
    const topics = ["PVARA", "bitcoin mining", "Karachi", "stablecoin remittances", "Ayesha Rauf", "SBP"];
    const years = ["2023", "2024", "2025"];
    const out = {
      ask: percentiles(timeEach(questions, (q) => library.ask(q))),
      summary: percentiles(timeEach(questions.slice(0, Math.max(50, questionCount / 5)), (q) => library.summarize({ topic: q.slice(0, 60) }))),
      timeline: percentiles(timeEach(Array.from({ length: questionCount }, (_, i) => i), (i) => library.timeline({ topic: i % 3 === 0 ? undefined : topics[i % topics.length], from: `${years[i % 3]}-01-01`, to: `${years[i % 3]}-06-30` }))),
      digest: percentiles(timeEach(Array.from({ length: questionCount }, (_, i) => i), (i) => library.digest({ since: `${years[i % 3]}-${String(1 + (i % 12)).padStart(2, "0")}-01`, until: `${years[i % 3]}-12-31`, topic: i % 4 === 0 ? topics[i % topics.length] : undefined }))),
      hostileWorstMs: round(Math.max(...timeEach(hostileQueries(10_000), (q) => library.ask(q)))),
      peakRssMb: peakRssMb(),
    };
    process.stdout.write(JSON.stringify(out));
    return;
  }
  if (mode === "add") {
    process.stdout.write(JSON.stringify(await addArticles(dir, questionCount)));
    return;
  }
  if (mode === "raw") {
    const passages = [...library.index.passages].map((p) => ({ id: p.id, text: p.text }));
    const buildStart = performance.now();
    const raw = new MiniSearch({ fields: ["text"] });
    raw.addAll(passages);
    const buildMs = performance.now() - buildStart;
    const times = timeEach(syntheticQuestions(questionCount), (q) => raw.search(q)[0]);
    process.stdout.write(JSON.stringify({ ...percentiles(times), buildMs: round(buildMs), questions: questionCount }));
  }
}

/** Articles added one by one in the "add one article" row. */
const ADDS = 100;

export interface AddRow {
  /** From running /ingest to the answer citing the new article, for the first add after a start (it reads the stored passage dates and WordNet's table). */
  firstMs: number;
  /** The same, over all ADDS adds. */
  p50: number;
  p99: number;
  /** Adds whose own question was answered from them at once. */
  answerable: number;
  adds: number;
  /** Of the questions asked after the adds, how many a full rebuild answers identically. */
  sameAsRebuild: number;
  compared: number;
  /** Articles of the corpus sent again through /ingest, and how many were refused as duplicates. */
  duplicatesRefused: number;
  duplicatesSent: number;
}

/**
 * Starts as `npm start` does (the persisted index, a live library), adds ADDS
 * new articles through the /ingest command — dated between the corpus's and
 * after it — each timed until its own question is answered from it; then
 * builds the corpus afresh and compares answers.
 */
async function addArticles(dir: string, questionCount: number): Promise<AddRow> {
  const { openLibrary } = await import("../src/core/library.ts");
  const { LiveLibrary } = await import("../src/core/live-library.ts");
  const { commands } = await import("../commands/index.ts");
  const { runCommand } = await import("../commands/run.ts");
  const cacheDir = join(dir, ".index-cache");
  const live = new LiveLibrary([dir], { cacheDir, open: (dirs, scan) => openLibrary(dirs, { cacheDir, scan }) });
  if (!live.current().fromCache) throw new Error("bench: expected the persisted index");
  const deps = { library: () => live.current(), commands, articles: { dir, reload: (written: readonly string[]) => live.reload(written) } };
  const ingest = commands.find((c) => c.name === "ingest")!;
  const moderator = { isModerator: async () => true, id: "bench" };
  const times: number[] = [];
  let answerable = 0;
  const added = Array.from({ length: ADDS }, (_, n) => newArticle(n));
  for (const article of added) {
    const start = performance.now();
    await runCommand(ingest, { text: article.text, date: article.date, title: article.title, source: article.source }, deps, moderator);
    const answer = live.current().ask(article.question);
    times.push(performance.now() - start);
    if (answer.answer.includes(article.expect) && answer.citations.some((c) => c.title === article.title)) answerable++;
  }
  // Articles already in the corpus, sent again: each must be refused as a duplicate (found through the index).
  let duplicatesRefused = 0;
  const again = live.current().articles.filter((_, i) => i % 500 === 0);
  for (const article of again) {
    const reply = await runCommand(ingest, { text: [article.title, ...article.paragraphs].join("\n\n"), date: article.date, title: article.title, source: article.source }, deps, moderator);
    if (JSON.stringify(reply).includes("Already in the corpus")) duplicatesRefused++;
  }
  live.close();
  const rebuilt = openLibrary([dir]);
  const questions = [...syntheticQuestions(questionCount), ...added.map((a) => a.question)];
  const shown = (library: typeof rebuilt, q: string) => {
    const answer = library.ask(q);
    return JSON.stringify([answer.abstained, answer.answer, answer.citations.map((c) => [c.articleId, c.quote])]);
  };
  const sameAsRebuild = questions.filter((q) => shown(live.current(), q) === shown(rebuilt, q)).length;
  for (const name of readdirSync(dir)) if (/-opens-a-.*\.md$/.test(name)) rmSync(join(dir, name));
  return { firstMs: round(times[0]!), ...percentiles(times), answerable, adds: ADDS, sameAsRebuild, compared: questions.length, duplicatesRefused, duplicatesSent: again.length };
}

function run(mode: string, dir: string, questions: number): any {
  ensureBundle();
  const child = spawnSync(process.execPath, ["--max-old-space-size=8192", WORKER, "--worker", mode, dir, String(questions)], { encoding: "utf8", cwd: ROOT, maxBuffer: 64 * 1024 * 1024 });
  if (child.status !== 0) throw new Error(`bench ${mode} failed: ${child.stderr}`);
  return JSON.parse(child.stdout);
}

/** `npm run cli -- ask` twice on the corpus, each a fresh process; the second run's wall time. */
function timeCliAsk(dir: string): number {
  ensureBundle();
  const ask = () => {
    const start = performance.now();
    const child = spawnSync(process.execPath, [join(ROOT, "dist", "cli.js"), "ask", "What did the PVARA announce about bitcoin mining?", "--corpus", dir], { encoding: "utf8", cwd: ROOT, maxBuffer: 64 * 1024 * 1024 });
    if (child.status !== 0) throw new Error(`bench: cli ask failed: ${child.stderr}`);
    return round(performance.now() - start);
  };
  ask();
  return ask();
}

/** Measures one corpus size. */
export function benchSize(articles: number, questions = 500, keep = false, rawQuestions = questions): BenchRow {
  const dir = join(tmpdir(), `daleel-bench-${articles}`);
  if (!existsSync(join(dir, ".complete"))) {
    rmSync(dir, { recursive: true, force: true });
    writeSyntheticCorpus(dir, articles);
    writeFileSync(join(dir, ".complete"), "");
  }
  rmSync(join(dir, ".index-cache"), { recursive: true, force: true });
  const build = run("build", dir, questions);
  // One cold start swings by ±10% on a busy machine: take the median of three (each a fresh process).
  const colds = Array.from({ length: COLD_STARTS }, () => run("cold", dir, questions)).sort((a, b) => a.uptimeMs - b.uptimeMs);
  const cold = colds[Math.floor(COLD_STARTS / 2)]!;
  if (build.fromCache || colds.some((c) => !c.fromCache)) throw new Error("bench: expected a fresh build, then starts from the persisted index");
  const cliAskMs = timeCliAsk(dir);
  const { peakRssMb: queryPeak, ...query } = run("query", dir, questions);
  const raw = run("raw", dir, rawQuestions);
  // Last: it adds articles to the corpus (and removes them after).
  const add = run("add", dir, Math.min(questions, 200));
  if (!keep) rmSync(dir, { recursive: true, force: true });
  return {
    articles,
    passages: build.passages,
    buildMs: round(build.loadedMs),
    coldStartMs: round(cold.uptimeMs),
    coldStartRangeMs: [round(colds[0]!.uptimeMs), round(colds.at(-1)!.uptimeMs)],
    cliAskMs,
    storeOpenMs: round(cold.storeMs),
    rssMb: round(cold.rssMb),
    peakRssMb: Math.max(build.peakRssMb, ...colds.map((c) => c.peakRssMb), queryPeak),
    ...query,
    raw,
    askVsRawP99: round(query.ask.p99 / Math.max(raw.p99, 0.01)),
    add,
  };
}

export function formatTable(rows: BenchRow[]): string {
  const head = ["articles", "passages", "build ms", "cold start ms", "cli ask ms", "store ms", "RSS MB", "peak RSS MB", "ask p50/p99", "summary p50/p99", "timeline p50/p99", "digest p50/p99", "hostile worst", "raw p50/p99", "ask/raw p99"];
  const lines = rows.map((r) =>
    [r.articles, r.passages, r.buildMs, r.coldStartMs, r.cliAskMs, r.storeOpenMs, r.rssMb, r.peakRssMb, `${r.ask.p50}/${r.ask.p99}`, `${r.summary.p50}/${r.summary.p99}`, `${r.timeline.p50}/${r.timeline.p99}`, `${r.digest.p50}/${r.digest.p99}`, r.hostileWorstMs, `${r.raw.p50}/${r.raw.p99}`, r.askVsRawP99].join(" | "),
  );
  return [`| ${head.join(" | ")} |`, `|${head.map(() => "---").join("|")}|`, ...lines.map((l) => `| ${l} |`)].join("\n");
}

/** The "add one article" rows: /ingest to answerable, and whether 100 adds answer as a rebuild does. */
export function formatAddTable(rows: BenchRow[]): string {
  const head = ["articles", "first add ms", "add p50/p99 ms", "answerable at once", "answers as a rebuild", "duplicates refused"];
  const lines = rows.map((r) => [r.articles, r.add.firstMs, `${r.add.p50}/${r.add.p99}`, `${r.add.answerable}/${r.add.adds}`, `${r.add.sameAsRebuild}/${r.add.compared}`, `${r.add.duplicatesRefused}/${r.add.duplicatesSent}`].join(" | "));
  return [`| ${head.join(" | ")} |`, `|${head.map(() => "---").join("|")}|`, ...lines.map((l) => `| ${l} |`)].join("\n");
}

export interface LongArticleRow {
  sentences: number;
  /** Wall time of `cli digest` and `cli summary --article` over a corpus of that one article, each a fresh process. */
  cliDigestMs: number;
  cliSummaryMs: number;
}

/** Times `npm run cli -- digest` and `summary --article` on one article of `sentences` sentences (target: each ≤ 3 s). */
export function benchLongArticle(sentences: number): LongArticleRow {
  const dir = join(tmpdir(), `daleel-bench-long-${sentences}`);
  rmSync(dir, { recursive: true, force: true });
  const id = writeLongArticle(dir, sentences);
  ensureBundle();
  const time = (args: string[]): number => {
    const start = performance.now();
    const child = spawnSync(process.execPath, [join(ROOT, "dist", "cli.js"), ...args, "--corpus", dir], { encoding: "utf8", cwd: ROOT, maxBuffer: 64 * 1024 * 1024 });
    if (child.status !== 0) throw new Error(`bench: cli ${args[0]} failed: ${child.stderr}`);
    return round(performance.now() - start);
  };
  const row = { sentences, cliDigestMs: time(["digest"]), cliSummaryMs: time(["summary", "--article", id]) };
  rmSync(dir, { recursive: true, force: true });
  return row;
}

const USAGE = `usage: npm run bench [-- --sizes 1000,10000] [--questions N] [--raw-questions N] [--long-sentences N] [--json FILE]
  --sizes            synthetic corpus sizes, in articles (default 1000,10000)
  --questions        questions per query kind (default 500)
  --raw-questions    questions for the raw MiniSearch baseline (default: --questions)
  --long-sentences   sentences of the one-article corpus for the cli digest/summary row (default 20000; 0 skips it)
  --json             where to write the results (default bench-results/latest.json)`;

async function main(): Promise<void> {
  const options = { sizes: { type: "string" }, json: { type: "string" }, questions: { type: "string" }, "raw-questions": { type: "string" }, "long-sentences": { type: "string" }, worker: { type: "string" }, help: { type: "boolean", short: "h" } } as const;
  let parsed: ReturnType<typeof parseArgs<{ options: typeof options; allowPositionals: true }>>;
  try {
    parsed = parseArgs({ options, allowPositionals: true });
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n${USAGE}\n`);
    process.exitCode = 2;
    return;
  }
  const { values, positionals } = parsed;
  if (values.help) return void process.stdout.write(`${USAGE}\n`);
  if (values.worker) return worker(values.worker, positionals[0]!, Number(positionals[1]));
  const sizes = (values.sizes ?? "1000,10000").split(",").map(Number);
  const questions = Number(values.questions ?? 500);
  const rows: BenchRow[] = [];
  for (const size of sizes) {
    process.stderr.write(`benchmarking ${size} articles…\n`);
    rows.push(benchSize(size, questions, false, Number(values["raw-questions"] ?? questions)));
  }
  process.stdout.write(`${formatTable(rows)}\n\n${formatAddTable(rows)}\n`);
  const longSentences = Number(values["long-sentences"] ?? 20_000);
  const long = longSentences > 0 ? benchLongArticle(longSentences) : undefined;
  if (long) process.stdout.write(`\n| one article, sentences | cli digest ms | cli summary --article ms |\n|---|---|---|\n| ${long.sentences} | ${long.cliDigestMs} | ${long.cliSummaryMs} |\n`);
  const json = values.json ?? join(ROOT, "bench-results", "latest.json");
  mkdirSync(join(json, ".."), { recursive: true });
  writeFileSync(json, JSON.stringify({ date: new Date().toISOString(), node: process.version, rows, long }, null, 2));
  process.stderr.write(`wrote ${json}\n`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) await main();
