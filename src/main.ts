/**
 * `npm start`: reads the configuration and starts what it enables. With no
 * platform tokens it opens the local console on the bundled corpus.
 */
import "dotenv/config";
import { commands } from "../commands/index.ts";
import { runConsole } from "./adapters/console/console.ts";
import { ConfigError, loadConfig } from "./config.ts";
import { formatProblem } from "./core/corpus.ts";
import { openLibrary } from "./core/library.ts";
import { log } from "./log.ts";

async function main(): Promise<void> {
  const config = loadConfig(process.env);
  const library = openLibrary(config.CORPUS_DIRS);
  for (const problem of library.problems) log.warn({ file: problem.file, field: problem.field }, `corpus: ${formatProblem(problem)}`);
  await runConsole({ library: () => library, commands });
}

process.on("unhandledRejection", (reason) => log.error({ err: reason }, "unhandled rejection"));

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    process.stderr.write(`${error.message}\n`);
  } else {
    log.fatal({ err: error }, "daleel stopped");
  }
  process.exit(1);
});
