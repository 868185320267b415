/**
 * The operator's log: JSON lines on stderr (pino), with secrets redacted.
 * `LOG_LEVEL` sets the level; chat replies never carry log text.
 */
import pino from "pino";

/** Replaces bot tokens (Telegram `123:abc…`, Discord `xxx.yyy.zzz`, interaction tokens in URLs) with [redacted]. */
export function redact(text: string): string {
  return text
    .replace(/\d{5,}:[A-Za-z0-9_-]{20,}/g, "[redacted]")
    .replace(/bot\d+:[A-Za-z0-9_-]+/gi, "bot[redacted]")
    .replace(/[A-Za-z0-9_-]{20,}\.[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{20,}/g, "[redacted]")
    .replace(/(\/(?:webhooks|interactions)\/\d+\/)[A-Za-z0-9_.-]+/g, "$1[redacted]");
}

/** A logger with the project's settings: JSON lines, tokens redacted from messages and errors. */
export function createLogger(destination: pino.DestinationStream = pino.destination(2), level = process.env.LOG_LEVEL || "info"): pino.Logger {
  return pino(
  {
    level,
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
        return { type: e?.name, message: redact(String(e?.message ?? error)), code: e?.code, status: e?.status, url: typeof url === "string" ? redact(url) : undefined, stack: e?.stack ? redact(e.stack) : undefined };
      },
    },
  },
  destination,
  );
}

/** The process's operator log, on stderr. */
export const log = createLogger();
