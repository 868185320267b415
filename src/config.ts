/**
 * The environment, parsed once with zod. Every problem is listed at once, by
 * variable name, and no value is ever printed. Empty variables count as unset.
 */
import { z } from "zod";

const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;

export const Config = z.object({
  CORPUS_DIRS: z
    .string()
    .optional()
    .transform((v) => (v ? v.split(",").map((d) => d.trim()).filter(Boolean) : undefined))
    .describe("Comma-separated corpus folders; the bundled corpus/ by default"),
  LOG_LEVEL: z.enum(LOG_LEVELS).default("info").describe("Operator log level (logs go to stderr)"),
});
export type Config = z.infer<typeof Config>;

/** Raised with every bad variable named, for main() to print and exit 1. */
export class ConfigError extends Error {
  override readonly name = "ConfigError";
}

/** Parses the environment. Throws a ConfigError naming each bad variable (never its value). */
export function loadConfig(env: NodeJS.ProcessEnv): Config {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v.trim() !== ""));
  const result = Config.safeParse(cleaned);
  if (result.success) return result.data;
  const lines = result.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
  throw new ConfigError(`Invalid configuration:\n${lines.join("\n")}`);
}
