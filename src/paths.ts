/**
 * Where the project's own files are, wherever its code runs from: the sources
 * under tsx (`src/…`, as tests and development run them) or the bundle
 * `npm start` builds (`dist/…`, see scripts/build.ts). A module cannot count
 * `../..` from its own URL once it is bundled, so paths start at the root.
 */
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const HERE = fileURLToPath(import.meta.url);

/** True when running the TypeScript sources (under tsx), false in the bundle. */
export const FROM_SOURCE = HERE.endsWith(".ts");

function findRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, "package.json"))) return dir;
    if (dirname(dir) === dir) throw new Error(`paths: no package.json above ${from}`);
  }
}

/** The project's root folder: the nearest above this module with a package.json. */
const PROJECT_ROOT = findRoot(dirname(HERE));

/** A path under the project's root, e.g. `projectPath("data", "daleel.sqlite")`. */
export function projectPath(...segments: string[]): string {
  return join(PROJECT_ROOT, ...segments);
}

/**
 * An entry point to start as a process or worker, by its source path: the
 * source itself under tsx, else its bundle beside this one
 * (`src/core/parallel.ts` → `dist/parallel.js`), with the Node flags it needs.
 *
 * @example fork(entryPoint("src/main.ts").file, [], { execArgv: entryPoint("src/main.ts").execArgv })
 */
export function entryPoint(source: string): { file: string; execArgv: string[] } {
  if (FROM_SOURCE) return { file: projectPath(source), execArgv: ["--import", "tsx"] };
  const name = source.slice(source.lastIndexOf("/") + 1).replace(/\.ts$/, ".js");
  return { file: join(dirname(HERE), name), execArgv: [] };
}
