/**
 * The scriptable entry point: `npm run -s cli -- <command> …`.
 *
 *   ask [QUESTION] [--json] [--explain] [--min-coverage X] [--corpus DIR]...   (no QUESTION: one question per stdin line)
 *   summary TOPIC [--article ID] [--json] [--corpus DIR]...
 *   timeline [--topic T] [--from D] [--to D] [--json] [--corpus DIR]...
 *   digest [--since D] [--until D] [--topic T] [--json] [--corpus DIR]...
 *   migrate-store [--from data/digests.json] [--store FILE|postgres://URL]
 *   digest-post --dest discord:CHANNEL|telegram:CHAT... [--since D] [--until D] [--days N] [--topic T] [--new] [--store FILE|postgres://URL]
 *   check [--corpus DIR]...
 *   ingest FILE... [--title T] [--date D] [--source S] [--url U] [--tags a,b] [--metadata FILE.json] [--out DIR]
 */
import { readFileSync } from "node:fs";
import { basename, relative } from "node:path";
import { createInterface } from "node:readline";
import { parseArgs } from "node:util";
import { z } from "zod";
import { summaryReply } from "./reply.ts";
import type { AnyCommand } from "../commands/command.ts";
import { commands, findCommand } from "../commands/index.ts";
import { type Caller, OptionError, parseOptions, runCommand } from "../commands/run.ts";
import { readDate } from "../commands/dates.ts";
import { timelineQuery } from "../commands/timeline.ts";
import { renderReplyText, stripControl } from "./adapters/console/render.ts";
import { IsoDate } from "./core/article.ts";
import { loadCorpus, formatProblem } from "./core/corpus.ts";
import { UserError } from "./core/errors.ts";
import { explain } from "./core/answer/index.ts";
import { IngestMeta, prepareArticle, writeArticle } from "./core/ingest.ts";
import { DEFAULT_CACHE_DIR, DEFAULT_CORPUS_DIR, type Library, type OpenOptions, openLibrary } from "./core/library.ts";
import { daysAgo, digestQuery } from "../commands/digest.ts";
import { ConfigError, loadConfig } from "./config.ts";
import { recordDigest } from "./digests/compose.ts";
import { DestinationFlag, digestSenders } from "./digests/senders.ts";
import { type DestinationReport, postDigest } from "./digests/poster.ts";
import { LEGACY_OUTBOX_FILE, importLegacyOutbox } from "./store/import-json.ts";
import { StoreError, openStore, storeLocation } from "./store/index.ts";
import { redact } from "./log.ts";
import { readArticleAt } from "./intake/index.ts";

const USAGE = `usage: cli <ask|summary|timeline|digest|digest-post|migrate-store|check|ingest> [options]
  ask [QUESTION] [--json] [--explain] [--min-coverage 0-1] [--corpus DIR]...
  summary TOPIC | --article ID [--json] [--corpus DIR]...
  timeline [--topic T] [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--json] [--corpus DIR]...
  digest [--since YYYY-MM-DD] [--until YYYY-MM-DD] [--topic T] [--json] [--corpus DIR]...
  digest-post --dest discord:CHANNEL_ID|telegram:CHAT_ID... [--since D] [--until D] [--days N] [--topic T] [--new] [--store FILE|postgres://URL]
  migrate-store [--from data/digests.json] [--store FILE|postgres://URL]
  check [--corpus DIR]...
  ingest FILE... [--title T] [--date YYYY-MM-DD] [--source S] [--url U] [--tags a,b] [--metadata FILE.json] [--out DIR]
  ingest --url URL [--date YYYY-MM-DD] [--title T] [--source S] [--tags a,b] [--out DIR]   (fetches the page)
ask, summary, timeline, digest, digest-post and check load the persisted index (.cache/) when the corpus is
unchanged, as npm start does; --no-cache builds it afresh and saves nothing.`;

const OPTIONS = {
  json: { type: "boolean" },
  corpus: { type: "string", multiple: true },
  title: { type: "string" },
  date: { type: "string" },
  source: { type: "string" },
  url: { type: "string" },
  tags: { type: "string" },
  metadata: { type: "string" },
  out: { type: "string" },
  topic: { type: "string" },
  from: { type: "string" },
  to: { type: "string" },
  since: { type: "string" },
  until: { type: "string" },
  article: { type: "string" },
  dest: { type: "string", multiple: true },
  store: { type: "string" },
  days: { type: "string" },
  new: { type: "boolean" },
  "min-coverage": { type: "string" },
  explain: { type: "boolean" },
  "no-cache": { type: "boolean" },
  help: { type: "boolean", short: "h" },
} as const;

type Flags = ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>>["values"];

function corpusDirs(flags: Flags): string[] {
  return flags.corpus && flags.corpus.length > 0 ? flags.corpus : [DEFAULT_CORPUS_DIR];
}

/** The corpus folders' library, from the persisted index unless --no-cache. */
function openCorpus(flags: Flags, options: OpenOptions = {}): Library {
  return openLibrary(corpusDirs(flags), { ...options, cacheDir: flags["no-cache"] ? undefined : DEFAULT_CACHE_DIR });
}

/** The operator at the terminal: may run every command, moderators' included. */
const OPERATOR: Caller = { isModerator: async () => true, id: "cli" };

/**
 * Validates CLI input with a command's own schema — the same rules and
 * messages as in chat — naming the flag ("--from: …") rather than the chat
 * option. Returns the parsed input.
 */
function commandInput(name: string, raw: Record<string, unknown>): { command: AnyCommand; input: Record<string, unknown> } {
  const command = findCommand(name)!;
  try {
    return { command, input: parseOptions(command, raw) };
  } catch (error) {
    if (!(error instanceof OptionError) || !error.option) throw error;
    const flag = error.option === command.positional ? error.option : `--${error.option}`;
    const given = raw[error.option];
    throw new UserError(`${flag}: ${error.problem}${typeof given === "string" && given.length <= 40 ? `, got "${given}"` : ""}`);
  }
}

/** The date options as the commands read them, with a bad one named by its flag ("--from: cannot read …"). */
function cliDates<T extends Record<string, unknown>>(input: T): T {
  for (const name of ["from", "to", "since", "until"]) {
    const value = input[name];
    if (typeof value !== "string") continue;
    try {
      readDate(name, value);
    } catch (error) {
      if (error instanceof UserError) throw new UserError(`--${error.message}`);
      throw error;
    }
  }
  return input;
}

/** Runs a command as the chat adapters do (runCommand) and prints its reply as plain text. */
async function printCommand(command: AnyCommand, input: Record<string, unknown>, library: Library): Promise<number> {
  const reply = await runCommand(command, input, { library: () => library, commands }, OPERATOR);
  process.stdout.write(`${stripControl(renderReplyText(reply))}\n`);
  return 0;
}

/** One question's answer: the ask command's reply, or with --json the core's answer (at --min-coverage, for the eval). */
async function answerLine(library: Library, question: string, json: boolean, minCoverage?: number): Promise<string> {
  const { command, input } = commandInput("ask", { question });
  if (!json) return renderReplyText(await runCommand(command, input, { library: () => library, commands }, OPERATOR));
  const started = performance.now();
  const result = library.ask(String(input.question), { minCoverage });
  const ms = Math.round((performance.now() - started) * 100) / 100;
  const { answer, abstained, citations, related } = result;
  return JSON.stringify({ question, answer, abstained, citations, related, ms });
}

async function ask(questions: string[], flags: Flags): Promise<number> {
  const library = openWithProblems(flags);
  const json = flags.json ?? false;
  const minCoverage = flags["min-coverage"] === undefined ? undefined : Number(flags["min-coverage"]);
  if (minCoverage !== undefined && !(minCoverage >= 0 && minCoverage <= 1)) throw new UserError(`--min-coverage: expected a number from 0 to 1, got "${flags["min-coverage"]}"`);
  if (flags.explain) {
    if (questions.length === 0) throw new UserError("ask --explain: give the QUESTION on the command line");
    process.stdout.write(`${stripControl(explain(library.index, questions.join(" "), minCoverage))}\n`);
    return 0;
  }
  if (questions.length > 0) {
    process.stdout.write(`${stripControl(await answerLine(library, questions.join(" "), json, minCoverage))}\n`);
    return 0;
  }
  let failures = 0;
  for await (const line of createInterface({ input: process.stdin, crlfDelay: Infinity })) {
    const question = line.trim();
    if (!question) continue;
    try {
      process.stdout.write(`${stripControl(await answerLine(library, question, json, minCoverage))}${json ? "" : "\n"}\n`);
    } catch (error) {
      if (!(error instanceof UserError)) throw error;
      // One line out per line in, so a script can pair them.
      failures++;
      process.stdout.write(json ? `${JSON.stringify({ question, error: error.message })}\n` : `${error.message}\n\n`);
    }
  }
  return failures > 0 ? 1 : 0;
}

function openWithProblems(flags: Flags): Library {
  const library = openCorpus(flags, { warmUp: false });
  for (const problem of library.problems) process.stderr.write(`corpus: ${stripControl(formatProblem(problem))}\n`);
  return library;
}

/** Validates a --since/--until flag of digest-post (which posts rather than runs a chat command). */
function dateFlag(name: string, value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (!IsoDate.safeParse(value).success) throw new UserError(`--${name}: expected an ISO date (YYYY-MM-DD), got "${value}"`);
  return value;
}

function printJson(data: unknown): number {
  process.stdout.write(`${JSON.stringify(data)}\n`);
  return 0;
}

async function summary(words: string[], flags: Flags): Promise<number> {
  const topic = words.join(" ").trim();
  if (flags.article) {
    // One article's summary has no chat command: the core directly.
    const result = openWithProblems(flags).summarize({ article: flags.article });
    if (flags.json) return printJson(result);
    process.stdout.write(`${stripControl(renderReplyText(summaryReply(result)))}\n`);
    return 0;
  }
  if (!topic) throw new UserError("summary: name a TOPIC or give --article ID");
  const { command, input } = commandInput("summary", { topic });
  const library = openWithProblems(flags);
  return flags.json ? printJson(library.summarize({ topic: String(input.topic) })) : printCommand(command, input, library);
}

async function timelineCommand(flags: Flags): Promise<number> {
  const { command, input } = commandInput("timeline", { topic: flags.topic, from: flags.from, to: flags.to });
  const { query } = timelineQuery(cliDates(input));
  const library = openWithProblems(flags);
  return flags.json ? printJson(library.timeline(query)) : printCommand(command, input, library);
}

async function digestCommand(flags: Flags): Promise<number> {
  const { command, input } = commandInput("digest", { topic: flags.topic, since: flags.since, until: flags.until });
  const { query } = digestQuery(cliDates(input));
  const library = openWithProblems(flags);
  return flags.json ? printJson(library.digest(query)) : printCommand(command, input, library);
}

/**
 * Posts a digest to chats with the bots' tokens from the environment, exactly
 * once per item on Discord: first finishes any digest a crash left
 * unfinished, then posts the new one. `--new` limits it to articles not yet in
 * a posted digest (what the schedule posts).
 */
async function digestPost(flags: Flags): Promise<number> {
  const parsed = (flags.dest ?? []).map((d) => DestinationFlag.safeParse(d));
  const bad = parsed.findIndex((p) => !p.success);
  if (bad >= 0) throw new UserError(`--dest: expected discord:CHANNEL_ID or telegram:CHAT_ID, got "${flags.dest![bad]}"`);
  const destinations = parsed.map((p) => p.data!);
  if (destinations.length === 0) throw new UserError("digest-post: name at least one --dest discord:CHANNEL_ID or telegram:CHAT_ID");
  const days = flags.days === undefined ? undefined : Number(flags.days);
  if (days !== undefined && !(Number.isInteger(days) && days >= 1)) throw new UserError("--days: expected a whole number of days");
  const config = loadConfig(process.env);
  const store = await openStore(flags.store ?? storeLocation(config));
  try {
    const senders = await digestSenders(config);
    for (const record of await store.outbox.unfinished()) printReports(await postDigest(store.outbox, record, senders));
    const library = openWithProblems(flags);
    const posted = await store.outbox.posted();
    const ids = flags.new ? library.articles.map((a) => a.id).filter((id) => !posted.has(id)) : undefined;
    const digest = library.digest({ since: days ? daysAgo(days) : dateFlag("since", flags.since), until: dateFlag("until", flags.until), topic: flags.topic, ids });
    const record = await recordDigest(store.outbox, digest, destinations);
    if (!record) {
      process.stdout.write("No new articles: nothing posted.\n");
      return 0;
    }
    const reports = await postDigest(store.outbox, record, senders);
    printReports(reports);
    return reports.some((r) => r.failed > 0 || r.pending > 0) ? 1 : 0;
  } finally {
    await store.close();
  }
}

/** Moves an earlier version's data/digests.json into the store, once. */
async function migrateStore(flags: Flags): Promise<number> {
  const config = loadConfig(process.env);
  const store = await openStore(flags.store ?? storeLocation(config));
  try {
    const from = flags.from ?? LEGACY_OUTBOX_FILE;
    const report = await importLegacyOutbox(store, from);
    if (!report) {
      process.stdout.write(`Nothing to migrate: ${from} does not exist.\n`);
      return 0;
    }
    process.stdout.write(`Moved ${report.digests} digest(s) (${report.pendingItems} item(s) still pending) and ${report.postedArticles} posted article id(s) into ${store.connection.where}; ${report.skipped} were there already. The old file is now ${report.movedTo}.\n`);
    return 0;
  } finally {
    await store.close();
  }
}

function printReports(reports: DestinationReport[]): void {
  for (const r of reports) process.stdout.write(`${r.destination}: ${r.sent} sent, ${r.failed} failed, ${r.pending} pending${r.error ? ` (${redact(r.error)})` : ""}\n`);
}

function check(flags: Flags): number {
  const library = openCorpus(flags, { warmUp: false });
  for (const problem of library.problems) process.stdout.write(`${stripControl(formatProblem(problem))}\n`);
  process.stdout.write(`${library.articles.length} article(s) loaded, ${library.problems.length} problem(s)\n`);
  return library.problems.length > 0 ? 1 : 0;
}

const MetadataFile = z.array(IngestMeta.extend({ file: z.string() }));

function metadataFor(flags: Flags, file: string): IngestMeta {
  const fromFile = flags.metadata ? MetadataFile.parse(JSON.parse(readFileSync(flags.metadata, "utf8"))).find((m) => m.file === basename(file)) : undefined;
  const fromFlags: IngestMeta = {
    title: flags.title,
    date: flags.date,
    source: flags.source,
    url: flags.url,
    tags: flags.tags?.split(",").map((t) => t.trim()).filter(Boolean),
  };
  const defined = Object.fromEntries(Object.entries(fromFlags).filter(([, v]) => v !== undefined));
  return { ...fromFile, ...defined };
}

/** `ingest --url URL` with no FILE: the article at the link, with what its page says (flags win). */
async function ingestUrl(flags: Flags): Promise<number> {
  const out = flags.out ?? DEFAULT_CORPUS_DIR;
  const page = await readArticleAt(flags.url!, { allowHosts: loadConfig(process.env).FETCH_ALLOW_HOSTS });
  const given = metadataFor(flags, "");
  const date = given.date ?? page.date;
  if (!date) throw new UserError("--date: the page does not say when it was published; give --date YYYY-MM-DD");
  const prepared = prepareArticle(page.text, { ...given, date, title: given.title ?? page.title, source: given.source ?? page.source, url: page.url }, loadCorpus([out]).articles);
  const path = writeArticle(out, prepared);
  process.stdout.write(`added ${relative(process.cwd(), path)}: "${prepared.frontMatter.title}" (${prepared.frontMatter.source ?? "unknown outlet"}, ${prepared.frontMatter.date}, ${prepared.paragraphs.length} paragraphs)\n`);
  return 0;
}

async function ingest(files: string[], flags: Flags): Promise<number> {
  if (files.length === 0 && flags.url) return ingestUrl(flags);
  if (files.length === 0) throw new UserError("ingest: name at least one FILE, or give --url URL");
  const out = flags.out ?? DEFAULT_CORPUS_DIR;
  const corpus = loadCorpus([out]).articles;
  let failures = 0;
  for (const file of files) {
    try {
      const prepared = prepareArticle(readFileSync(file, "utf8"), metadataFor(flags, file), corpus);
      const path = writeArticle(out, prepared);
      corpus.push({ id: prepared.fileName, file: path, title: prepared.frontMatter.title, url: prepared.frontMatter.url, tags: [], paragraphs: prepared.paragraphs });
      process.stdout.write(`added ${relative(process.cwd(), path)}: "${prepared.frontMatter.title}" (${prepared.frontMatter.date}, ${prepared.paragraphs.length} paragraphs)\n`);
    } catch (error) {
      if (!(error instanceof UserError)) throw error;
      failures++;
      process.stderr.write(`refused ${file}: ${stripControl(error.message)}\n`);
    }
  }
  return failures > 0 ? 1 : 0;
}

async function main(argv: string[]): Promise<number> {
  const { values: flags, positionals } = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true });
  const [command, ...rest] = positionals;
  if (flags.help || !command) {
    process.stdout.write(`${USAGE}\n`);
    return flags.help ? 0 : 2;
  }
  switch (command) {
    case "ask":
      return ask(rest, flags);
    case "summary":
      return summary(rest, flags);
    case "timeline":
      return timelineCommand(flags);
    case "digest":
      return digestCommand(flags);
    case "digest-post":
      return digestPost(flags);
    case "migrate-store":
      return migrateStore(flags);
    case "check":
      return check(flags);
    case "ingest":
      return ingest(rest, flags);
    default:
      throw new UserError(`unknown command "${command}"\n${USAGE}`);
  }
}

/**
 * What an expected failure says, in one line or a short list (bad flags, a
 * missing or unreadable file, bad configuration, a corrupt store, bad JSON);
 * undefined for a bug, whose stack is worth printing.
 */
function expectedFailure(error: unknown): string | undefined {
  if (error instanceof UserError || error instanceof ConfigError || error instanceof StoreError) return error.message;
  if (error instanceof z.ZodError) return `invalid input: ${error.issues.map((i) => `${i.path.join(".") || "value"}: ${i.message}`).join("; ")}`;
  if (error instanceof SyntaxError) return `not valid JSON: ${error.message}`;
  const { code, path, message } = error as NodeJS.ErrnoException;
  if (code?.startsWith("ERR_PARSE_ARGS")) return message;
  if (code && path) return `cannot read ${path}: ${code}`;
  return undefined;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    const known = expectedFailure(error);
    process.stderr.write(`${stripControl(known ?? `unexpected error (a bug; please report it): ${String((error as Error).stack ?? error)}`)}\n`);
    process.exitCode = 2;
  },
);
