import { spawn, spawnSync } from "node:child_process";
import { once } from "node:events";
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { corpusKey } from "../src/core/index-cache.ts";
import { DEFAULT_CACHE_DIR } from "../src/core/library.ts";
import { BROKEN_CORPUS, NEW_ARTICLES, ROOT, SEEDS } from "./helpers.ts";
import { PageServer } from "./intake/pages.ts";

function cli(args: string[], input = "") {
  const run = spawnSync(process.execPath, ["--import", "tsx", join(ROOT, "src/cli.ts"), ...args], { input, encoding: "utf8", cwd: ROOT });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe("cli ask", () => {
  it("prints one JSON object per stdin line with the documented fields", () => {
    const { code, stdout } = cli(["ask", "--json"], "What is PVARA?\nWho won the 2022 FIFA World Cup?\n");
    expect(code).toBe(0);
    const lines = stdout.trim().split("\n").map((l) => JSON.parse(l));
    expect(lines).toHaveLength(2);
    expect(Object.keys(lines[0])).toEqual(expect.arrayContaining(["question", "answer", "abstained", "citations", "ms"]));
    expect(Object.keys(lines[0].citations[0])).toEqual(expect.arrayContaining(["n", "article", "articleId", "title", "source", "date", "url", "quote"]));
    expect(lines[0].abstained).toBe(false);
    expect(lines[1].abstained).toBe(true);
    // The time each answer took is reported (how fast it is, is the benchmark's to say, not a unit test's).
    expect(lines.map((l) => typeof l.ms === "number" && l.ms >= 0)).toEqual([true, true]);
  });

  it("gives each quote its article's number in --json, shared by quotes from one article", () => {
    const answer = JSON.parse(cli(["ask", "--json", "What did Bilal bin Saqib say about El Salvador?"]).stdout) as { answer: string; citations: { n: number; article: number; articleId: string }[] };
    // Several quotes, all from the one El Salvador article: numbered in turn, all article [1].
    expect(answer.citations.length).toBeGreaterThan(1);
    expect(answer.citations.map((c) => c.n)).toEqual(answer.citations.map((_, k) => k + 1));
    expect(answer.citations.every((c) => c.article === 1)).toBe(true);
    expect(new Set(answer.citations.map((c) => c.articleId)).size).toBe(1);
    expect(answer.answer).not.toContain("[2]");
  });

  it("answers a question given as arguments, in plain text with numbered sources", () => {
    const { stdout } = cli(["ask", "Where", "is", "Gracie", "Mansion?"]);
    expect(stdout).toMatch(/Sources:\n\[1\] /);
  });

  it("keeps the index it builds and answers the next run from it; --no-cache neither reads nor saves one", () => {
    const dir = mkdtempSync(join(tmpdir(), "daleel-cli-cache-"));
    cpSync(NEW_ARTICLES, dir, { recursive: true });
    const cached = () => existsSync(join(DEFAULT_CACHE_DIR, `index-${corpusKey([dir])}.v8`));
    expect(JSON.parse(cli(["ask", "--json", "--no-cache", "--corpus", dir, "Who founded Qalam Exchange?"]).stdout).answer).toContain("Ayesha Rauf");
    expect(cached()).toBe(false);
    const first = JSON.parse(cli(["ask", "--json", "--corpus", dir, "Who founded Qalam Exchange?"]).stdout);
    expect(cached()).toBe(true);
    const saved = statSync(join(DEFAULT_CACHE_DIR, `index-${corpusKey([dir])}.v8`)).mtimeMs;
    const second = JSON.parse(cli(["ask", "--json", "--corpus", dir, "Who founded Qalam Exchange?"]).stdout);
    expect(second.answer).toBe(first.answer);
    // Loaded, not rebuilt: a rebuild would have saved the file again.
    expect(statSync(join(DEFAULT_CACHE_DIR, `index-${corpusKey([dir])}.v8`)).mtimeMs).toBe(saved);
    rmSync(join(DEFAULT_CACHE_DIR, `index-${corpusKey([dir])}.v8`), { force: true });
  });

  it("answers from the folders given with --corpus", () => {
    const { stdout } = cli(["ask", "--json", "--corpus", NEW_ARTICLES, "Who founded Qalam Exchange?"]);
    expect(JSON.parse(stdout).answer).toContain("Ayesha Rauf");
  });
});

describe("cli summary, timeline, digest", () => {
  it("prints the timeline as one JSON array of events", () => {
    const { code, stdout } = cli(["timeline", "--json", "--topic", "El Salvador"]);
    expect(code).toBe(0);
    const events = JSON.parse(stdout);
    expect(Array.isArray(events)).toBe(true);
    expect(events[0]).toMatchObject({ date: "2021", precision: "year", approximate: false, citations: [expect.objectContaining({ n: 1 })] });
  });

  it("says so when a timeline is empty, and rejects a malformed date", () => {
    expect(cli(["timeline", "--from", "2030-01-01"]).stdout).toMatch(/No dated events/);
    const bad = cli(["timeline", "--from", "someday"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr.trim()).toBe('--from: cannot read "someday" as a date; try 2025-06-01, 2025-06, "May 2025" or "last month" (words in quotes).');
  });

  it("prints a summary and a digest as JSON", () => {
    const summary = JSON.parse(cli(["summary", "Strategic", "Bitcoin", "Reserve", "--json"]).stdout);
    expect(summary.sentences.length).toBeGreaterThanOrEqual(3);
    const digest = JSON.parse(cli(["digest", "--since", "2025-06-01", "--json"]).stdout);
    expect(digest.count).toBe(4);
    expect(cli(["digest", "--since", "2030-01-01"]).stdout).toMatch(/No new articles/);
  });
});

describe("cli check", () => {
  it("lists every problem with file and field and exits non-zero", () => {
    const { code, stdout } = cli(["check", "--corpus", BROKEN_CORPUS]);
    expect(code).toBe(1);
    expect(stdout).toContain("bad-date.md: date:");
    expect(stdout).toContain("no-title.md: title:");
  });

  it("exits 0 on the bundled corpus", () => {
    expect(cli(["check"]).code).toBe(0);
  });
});

describe("cli ingest", () => {
  it("writes <date>-<slug>.md files from raw seeds with a metadata file, and refuses a second copy", () => {
    const out = mkdtempSync(join(tmpdir(), "daleel-cli-"));
    const first = cli(["ingest", join(SEEDS, "003_a995dbae3415ebcc.txt"), "--metadata", join(SEEDS, "metadata.json"), "--out", out]);
    expect(first.code).toBe(0);
    expect(readdirSync(out)).toEqual(["2025-06-07-pm-crypto-adviser-bilal-bin-saqib-meets-elon-musks-father.md"]);
    const again = cli(["ingest", join(SEEDS, "003_a995dbae3415ebcc.txt"), "--metadata", join(SEEDS, "metadata.json"), "--out", out]);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/refused .*Already in the corpus/);
  });

  it("takes metadata from flags and rejects a bad date with a clear message", () => {
    const out = mkdtempSync(join(tmpdir(), "daleel-cli-"));
    const bad = cli(["ingest", join(SEEDS, "002_74510b5c19a29610.txt"), "--date", "25/08/2025", "--out", out]);
    expect(bad.stderr).toMatch(/date: expected an ISO date/);
    const good = cli(["ingest", join(SEEDS, "002_74510b5c19a29610.txt"), "--date", "2025-08-25", "--source", "NextWallet", "--tags", "a,b", "--out", out]);
    expect(good.stdout).toMatch(/added .*2025-08-25-pakistans-crypto-diplomacy/);
  });
});

describe("cli failures", () => {
  it("prints one line, never a stack, for a missing file, a corrupt store and bad configuration", () => {
    const store = join(mkdtempSync(join(tmpdir(), "daleel-cli-")), "daleel.sqlite");
    writeFileSync(store, "{corrupt, not a database file at all, but long enough to be read as one ".repeat(100));
    const cases = [
      { args: ["ingest", "/nonexistent/article.txt", "--date", "2025-01-01"], env: {}, says: /cannot read \/nonexistent\/article\.txt: ENOENT/ },
      { args: ["digest-post", "--dest", "discord:123", "--store", store], env: {}, says: /store: cannot open .*daleel\.sqlite: .*not a database/ },
      { args: ["digest-post", "--dest", "discord:123"], env: { LOG_LEVEL: "bogus" }, says: /LOG_LEVEL/ },
      { args: ["ingest", join(SEEDS, "000_b22c424695f05218.txt"), "--metadata", store, "--out", mkdtempSync(join(tmpdir(), "daleel-cli-"))], env: {}, says: /not valid JSON/ },
    ];
    for (const { args, env, says } of cases) {
      const run = spawnSync(process.execPath, ["--import", "tsx", join(ROOT, "src/cli.ts"), ...args], { encoding: "utf8", cwd: ROOT, env: { PATH: process.env.PATH, ...env } });
      expect(run.status).not.toBe(0);
      expect(run.stderr).toMatch(says);
      expect(run.stderr).not.toMatch(/\n\s+at /);
    }
  });

  it("strips terminal control characters from corpus text it prints", () => {
    const dir = mkdtempSync(join(tmpdir(), "daleel-cli-"));
    writeFileSync(join(dir, "2025-01-01-ansi.md"), "---\ntitle: Escape \u001b[2J Article\ndate: 2025-01-01\n---\n\nThe PVARA board met in Karachi \u001b[31mtoday\u001b[0m and approved\u0007 the rules.\n\nIt said more later.\n");
    const run = cli(["summary", "PVARA", "--corpus", dir]);
    expect(run.stdout).toContain("Karachi [31mtoday[0m and approved the rules.");
    expect(run.stdout).not.toMatch(/[\u0000-\u0008\u000b-\u001f]/);
  });
});

describe("cli ask --explain", () => {
  it("shows the analysis, the top candidates with their score parts, and the decision", () => {
    const answered = cli(["ask", "--explain", "what is saqib's job at the pakistan crypto council"]);
    expect(answered.code).toBe(0);
    expect(answered.stdout).toMatch(/^answer type +who$/m);
    expect(answered.stdout).toMatch(/^ {2}job +answer type +weight [\d.]+ +→ job×1\.00/m);
    expect(answered.stdout).toMatch(/^ {2}1\. score [\d.]+ +coverage [\d.]+ +own [\d.]+ +article [\d.]+ +kind [\d.]+ +phrase [\d.]+ +length −[\d.]+$/m);
    expect(answered.stdout).toMatch(/^decision +answer with \d quote\(s\)/m);
    expect(answered.stdout).toContain("CEO of the Pakistan Crypto Council");
    const refused = cli(["ask", "--explain", "What is the weather in Lahore tomorrow?"]);
    expect(refused.stdout).toMatch(/^ {2}weather +constraint +weight [\d.]+ \(no article has it\) +→ nothing$/m);
    expect(refused.stdout).toMatch(/^decision +refuse \(only the names match; threshold 0\.45\)$/m);
  });
});

describe("cli migrate-store", () => {
  it("moves an old digests.json into the store once, and says what it moved", () => {
    const dir = mkdtempSync(join(tmpdir(), "daleel-migrate-"));
    const from = join(dir, "digests.json");
    const store = join(dir, "daleel.sqlite");
    const messages = [{ blocks: [{ type: "heading", text: "News digest: 1 article" }], citations: [] }, { blocks: [{ type: "text", text: "One item" }], citations: [] }];
    writeFileSync(from, JSON.stringify({ version: 1, digests: [{ id: "d1", createdAt: "2026-01-01T00:00:00.000Z", messages, articleIds: ["a1"], destinations: { "discord:1": { items: { "0": "sent" }, attempts: 0 } } }], postedArticleIds: ["a1"] }));
    const first = cli(["migrate-store", "--from", from, "--store", store]);
    expect(first.stdout).toMatch(/Moved 1 digest\(s\) \(1 item\(s\) still pending\) and 1 posted article id\(s\) into .*daleel\.sqlite; 0 were there already\. The old file is now .*digests\.json\.migrated\./);
    expect(cli(["migrate-store", "--from", from, "--store", store]).stdout).toMatch(/Nothing to migrate/);
  });
});

describe("cli ingest --url", () => {
  it("fetches the page and files the article with the page's title, outlet, date and canonical link", async () => {
    const pages = await new PageServer().start();
    const out = mkdtempSync(join(tmpdir(), "daleel-cli-url-"));
    try {
      // Asynchronously: the page server runs in this process.
      const child = spawn(process.execPath, ["--import", "tsx", join(ROOT, "src/cli.ts"), "ingest", "--url", pages.url("/moved"), "--out", out], { cwd: ROOT, env: { PATH: process.env.PATH, FETCH_ALLOW_HOSTS: "127.0.0.1" } });
      let stdout = "";
      child.stdout.on("data", (d) => (stdout += String(d)));
      const [code] = await once(child, "exit");
      expect(code).toBe(0);
      expect(stdout).toMatch(/added .*2025-09-14-karachi-pilot-links-idle-turbines-to-bitcoin-miners\.md: "Karachi pilot links idle turbines to bitcoin miners" \(Indus Ledger, 2025-09-14, 6 paragraphs\)/);
      const [file] = readdirSync(out);
      expect(readFileSync(join(out, file!), "utf8")).toContain("url: https://indusledger.example/markets/karachi-mining-pilot");
    } finally {
      await pages.stop();
    }
  });
});

