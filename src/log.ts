/**
 * The operator's log: JSON lines on stderr (pino), with secrets redacted.
 * `LOG_LEVEL` sets the level; chat replies never carry log text.
 */
import pino from "pino";

const secrets = new Set<string>();

/** Registers a secret (a bot token) that must never appear in a log line, whatever its shape. */
export function addSecret(secret: string | undefined): void {
  if (secret && secret.length >= 4) secrets.add(secret);
}

/** Replaces registered secrets, bot tokens (Telegram `123:abc…`, Discord `xxx.yyy.zzz`) and interaction tokens in URLs with [redacted]. */
export function redact(text: string): string {
  let out = text;
  for (const secret of secrets) out = out.split(secret).join("[redacted]");
  return out
    .replace(/\d{5,}:[A-Za-z0-9_-]{20,}/g, "[redacted]")
    .replace(/bot\d+:[A-Za-z0-9_-]+/gi, "bot[redacted]")
    .replace(/[A-Za-z0-9_-]{20,}\.[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{20,}/g, "[redacted]")
    .replace(/(\/(?:webhooks|interactions)\/\d+\/)[A-Za-z0-9_.-]+/g, "$1[redacted]");
}

/** A logger with the project's settings: JSON lines, tokens redacted from messages and errors. */
export function createLogger(destination: pino.DestinationStream = pino.destination(2), level = process.env.LOG_LEVEL || "info"): pino.Logger {
  return pino(
  {
    // An unknown LOG_LEVEL is reported by loadConfig with the other settings; until then, log at info.
    level: level in pino.levels.values || level === "silent" ? level : "info",
    base: undefined,
    formatters: { level: (label) => ({ level: label }) },
    hooks: {
      logMethod(args, method) {
        const cleaned = args.map((a) => (typeof a === "string" ? redact(a) : a)) as typeof args;
        method.apply(this, cleaned);
      },
    },
    serializers: {
      err: (error: unknown) => {
        const e = error as { name?: string; message?: string; stack?: string; code?: unknown; status?: unknown };
        const url = (error as { url?: unknown })?.url;
        const inner = (error as { error?: { message?: unknown }; cause?: { message?: unknown } })?.error ?? (error as { cause?: { message?: unknown } })?.cause;
        return {
          type: e?.name,
          message: redact(String(e?.message ?? error)),
          code: e?.code ?? (error as { error_code?: unknown })?.error_code,
          status: e?.status,
          url: typeof url === "string" ? redact(url) : undefined,
          cause: inner?.message !== undefined ? redact(String(inner.message)) : undefined,
          stack: e?.stack ? redact(e.stack) : undefined,
        };
      },
    },
  },
  destination,
  );
}

/** The process's operator log, on stderr. */
export const log = createLogger();
