/**
 * The scheduled digest: croner fires at the times a cron expression names, in
 * the given time zone, in every worker process; only the holder of the
 * schedule's lease (see store/lease.ts) posts. The holder renews the lease
 * every LEASE_MS / 3; when it dies the lease lapses and another worker takes
 * it within LEASE_MS, posting at once any run that fell due in between.
 */
import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import { Cron } from "croner";
import type { Logger } from "pino";
import { LEASE_MS, type Store } from "../store/index.ts";
import type { DigestService } from "./service.ts";

export const SCHEDULE_LEASE = "digest-schedule";
/** The store's note of when the schedule's next run is due (ISO time), for a new holder to catch up. */
const NEXT_DUE = "digest-schedule:next-due";
/** The store's note of when the schedule last ran to the end (ISO time), for operators. */
const LAST_RUN = "digest-schedule:last-run";

export interface ScheduleOptions {
  /** This process's name in the lease (default: host, pid and a random part). */
  holder?: string;
  /** How often the lease is renewed or sought (default LEASE_MS / 3). */
  renewMs?: number;
  /** How long the lease lasts unrenewed (default LEASE_MS). */
  leaseMs?: number;
}

export interface Schedule {
  /** Whether this process holds the schedule now. */
  holding(): boolean;
  stop(): Promise<void>;
}

export function scheduleDigests(pattern: string, timezone: string, service: DigestService, store: Store | undefined, log: Logger, options: ScheduleOptions = {}): Schedule {
  const holder = options.holder ?? `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  const leaseMs = options.leaseMs ?? LEASE_MS;
  let holding = store === undefined;
  let running: Promise<void> | undefined;

  const post = (reason: string): Promise<void> => {
    running ??= (async () => {
      log.info({ reason }, "posting the scheduled digest");
      await service.postNew();
      await store?.setMeta(LAST_RUN, new Date().toISOString());
      await store?.setMeta(NEXT_DUE, job.nextRun()?.toISOString() ?? "");
    })()
      .catch((err: unknown) => log.error({ err }, "scheduled digest failed"))
      .finally(() => (running = undefined));
    return running;
  };

  /** Renews or seeks the lease; a process that has just taken it posts a run that fell due meanwhile. */
  const tend = async (): Promise<boolean> => {
    if (!store) return true;
    const held = await store.leases.acquire(SCHEDULE_LEASE, holder, Date.now(), leaseMs).catch((err: unknown) => {
      log.warn({ err }, "could not renew the digest schedule's lease");
      return false;
    });
    if (held && !holding) {
      holding = true;
      log.info({ holder }, "this process now runs the digest schedule");
      const due = await store.getMeta(NEXT_DUE).catch(() => undefined);
      if (!due) await store.setMeta(NEXT_DUE, job.nextRun()?.toISOString() ?? "").catch(() => undefined);
      else if (Date.parse(due) <= Date.now()) void post("a run fell due while no process held the schedule");
    } else if (!held && holding) {
      holding = false;
      log.warn({ holder }, "this process no longer runs the digest schedule");
    }
    return held;
  };

  const job = new Cron(pattern, { timezone, protect: true }, async () => {
    if (await tend()) await post("schedule");
  });
  const timer = setInterval(() => void tend(), options.renewMs ?? Math.floor(leaseMs / 3));
  timer.unref();
  void tend();
  log.info({ next: job.nextRun()?.toISOString(), timezone }, "digest schedule set");
  return {
    holding: () => holding,
    async stop() {
      clearInterval(timer);
      job.stop();
      await running;
      if (store && holding) await store.leases.release(SCHEDULE_LEASE, holder).catch(() => undefined);
      holding = false;
    },
  };
}
