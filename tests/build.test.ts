/**
 * `npm start`, `npm run cli` and `start:sharded` run the esbuild bundle
 * (scripts/build.ts), not the sources: the bundle must find the project's
 * folders and start its analysis workers without tsx.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildBundle } from "../scripts/build.ts";
import { type AnalyzedFile, analyzeFiles } from "../src/core/analysis.ts";
import { CORPUS, ROOT } from "./helpers.ts";

// A folder of its own inside the project (packages resolve from it), so the benchmark's dist/ is left alone.
const OUT = mkdtempSync(join(ROOT, ".cache", "bundle-test-"));
beforeAll(() => buildBundle({ outdir: OUT }));
afterAll(() => rmSync(OUT, { recursive: true, force: true }));

const store = () => join(mkdtempSync(join(tmpdir(), "daleel-bundle-")), "daleel.sqlite");

describe("buildBundle", () => {
  it("gives a file per entry point, and keeps the chat platforms' code out of the console's start", () => {
    expect(readdirSync(OUT)).toEqual(expect.arrayContaining(["cli.js", "main.js", "parallel.js", "sharded.js"]));
    const main = readFileSync(join(OUT, "main.js"), "utf8");
    expect(main).not.toMatch(/from "discord\.js"|from "grammy"/);
  });

  it("starts the console on the bundled corpus with plain node, and answers with a citation", () => {
    const run = spawnSync(process.execPath, [join(OUT, "main.js")], { input: "What is PVARA?\n/quit\n", encoding: "utf8", cwd: ROOT, env: { PATH: process.env.PATH, LOG_LEVEL: "silent", STORE_FILE: store() }, timeout: 60_000 });
    expect(run.stderr).toBe("");
    expect(run.stdout).toContain("5 articles loaded");
    expect(run.stdout).toContain("Pakistan Virtual Assets Regulatory Authority (PVARA)");
    expect(run.stdout).toMatch(/\[1\] .+ — .+, 2025-\d\d-\d\d/);
  }, 90_000);

  it("runs the cli's ask from any working directory", () => {
    const run = spawnSync(process.execPath, [join(OUT, "cli.js"), "ask", "Who is Bilal bin Saqib?", "--json"], { encoding: "utf8", cwd: tmpdir(), env: { PATH: process.env.PATH, LOG_LEVEL: "silent" }, timeout: 60_000 });
    expect(run.status).toBe(0);
    const answer = JSON.parse(run.stdout) as { abstained: boolean; citations: { title: string }[] };
    expect(answer.abstained).toBe(false);
    expect(answer.citations.length).toBeGreaterThan(0);
  }, 90_000);

  it("analyses on worker threads from the bundle, as from the sources", async () => {
    const { analyzeFilesInParallel } = (await import(pathToFileURL(join(OUT, "parallel.js")).href)) as typeof import("../src/core/parallel.ts");
    const files = readdirSync(CORPUS).filter((f) => f.endsWith(".md")).map((f) => join(CORPUS, f));
    const failures: Error[] = [];
    const chunks = [...analyzeFilesInParallel(files, { threads: 2, minFiles: 1, chunkFiles: 2, onWorkerError: (e) => failures.push(e) })];
    expect(failures).toEqual([]);
    expect(chunks).toHaveLength(3);
    // Term ids are local to a chunk; the articles and their dated sentences are not.
    const seen = (fs: AnalyzedFile[]) => fs.map((f) => ({ article: f.article, dates: f.analysis?.dates }));
    expect(seen(chunks.flatMap((c) => c.files))).toEqual(seen(analyzeFiles(files).files));
  }, 60_000);
});
