/**
 * The scheduled digest: croner runs the service's "post what is new" at the
 * times a cron expression names, in the given time zone, never two at once.
 */
import { Cron } from "croner";
import type { Logger } from "pino";
import type { DigestService } from "./service.ts";

export function scheduleDigests(pattern: string, timezone: string, service: DigestService, log: Logger): Cron {
  const job = new Cron(pattern, { timezone, protect: true }, async () => {
    await service.postNew().catch((err: unknown) => log.error({ err }, "scheduled digest failed"));
  });
  log.info({ next: job.nextRun()?.toISOString(), timezone }, "digest schedule set");
  return job;
}
