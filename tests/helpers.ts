/** Shared test helpers: paths to the bundled corpus and fixtures, and a cached library. */
import { fileURLToPath } from "node:url";
import { openLibrary, type Library } from "../src/core/library.ts";

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
