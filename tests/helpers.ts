/** Shared test helpers: paths to the bundled corpus and fixtures, and a cached library. */
import { fileURLToPath } from "node:url";
import { cpSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Deps } from "../commands/command.ts";
import { commands } from "../commands/index.ts";
import { openLibrary, type Library } from "../src/core/library.ts";
import { LiveLibrary } from "../src/core/live-library.ts";
import { Writable } from "node:stream";
import type { Destination, Sender } from "../src/digests/poster.ts";
import { DigestService } from "../src/digests/service.ts";
import { createLogger } from "../src/log.ts";
import { type Store, openStore } from "../src/store/index.ts";

export const ROOT = fileURLToPath(new URL("..", import.meta.url));
export const CORPUS = `${ROOT}corpus`;
export const SEEDS = `${ROOT}tests/fixtures/seeds`;
export const NEW_ARTICLES = `${ROOT}tests/fixtures/new-articles`;
export const BROKEN_CORPUS = `${ROOT}tests/fixtures/broken-corpus`;

let bundled: Library | undefined;
/** The library over the bundled corpus, built once per test file. */
export function bundledLibrary(): Library {
  bundled ??= openLibrary([CORPUS]);
  return bundled;
}

/** A writable copy of the bundled corpus in a temp folder, with a live library and ingest-enabled deps. */
export function scratchCorpus(): { dir: string; live: LiveLibrary; deps: Deps } {
  const dir = mkdtempSync(join(tmpdir(), "daleel-corpus-"));
  cpSync(CORPUS, dir, { recursive: true });
  const live = new LiveLibrary([dir]);
  return { dir, live, deps: { library: () => live.current(), commands, articles: { dir, reload: (written) => live.reload(written) } } };
}

/** A raw article no corpus holds yet, for ingest tests. */
export const NEW_RAW_ARTICLE = [
  "Punjab Approves Pilot for Blockchain Land Records",
  "",
  "LAHORE: The Punjab cabinet approved a pilot that records land titles on a blockchain ledger in three districts, a fixture article reports.",
  "",
  "The Board of Revenue said the pilot would cover Kasur, Okara and Sahiwal and would start with 12,000 land parcels.",
  "",
  "Officials said a paper copy of every title would still be issued during the pilot.",
].join("\n");

/** A fresh embedded store in a temp folder. */
export function testStore(): Promise<Store> {
  return openStore(join(mkdtempSync(join(tmpdir(), "daleel-store-")), "daleel.sqlite"));
}

/** A digest service over the bundled corpus with a fresh store, sending through the given senders, logging nothing. */
export async function testDigestService(senders: () => Partial<Record<"discord" | "telegram", Sender>>, destinations: Destination[] = []): Promise<DigestService> {
  return new DigestService({
    outbox: (await testStore()).outbox,
    library: () => bundledLibrary(),
    destinations,
    senders,
    log: createLogger(new Writable({ write: (_chunk, _encoding, done) => done() }), "silent"),
  });
}

/** A fake Telegram token: the shape the config accepts, but too short to pass for a real one. */
export const TEST_TELEGRAM_TOKEN = "123456789:FAKE-telegram-token-for-tests";
