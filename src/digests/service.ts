/**
 * Digests for moderators, independent of any platform: a preview that only
 * the moderator who asked can post, posting to the configured destinations
 * (or, by default, the chat where it was asked), and the scheduled digest of
 * the articles added since the last one, through the outbox in the shared
 * store. Without a store (it could not be opened) digests say so clearly while
 * questions go on.
 */
import { randomUUID } from "node:crypto";
import type { Logger } from "pino";
import { UserError } from "../core/errors.ts";
import type { Digest, DigestQuery } from "../core/digest.ts";
import type { Library } from "../core/library.ts";
import type { Outbox } from "../store/index.ts";
import { recordDigest } from "./compose.ts";
import { type Destination, type DestinationReport, type Sender, postDigest } from "./poster.ts";

/** Previews kept for their Post buttons. */
const KEPT_PREVIEWS = 200;

export interface DigestServiceOptions {
  /** The outbox; undefined when the store could not be opened (digests are then unavailable). */
  outbox: Outbox | undefined;
  library: () => Library;
  /** DIGEST_DISCORD_CHANNEL_IDS and DIGEST_TELEGRAM_CHAT_IDS; empty: post where the digest was asked for. */
  destinations: readonly Destination[];
  senders: () => Partial<Record<"discord" | "telegram", Sender>>;
  /** Posted by the schedule when nothing is new; unset: post nothing. */
  noNews?: string;
  log: Logger;
}

interface Preview {
  digest: Digest;
  requester: string;
  here: Destination;
}

export class DigestService {
  private readonly previews = new Map<string, Preview>();

  constructor(private readonly options: DigestServiceOptions) {}

  private outbox(): Outbox {
    if (this.options.outbox) return this.options.outbox;
    this.options.log.error("digests unavailable: the store could not be opened");
    throw new UserError("Digests are unavailable right now: the store cannot be opened. The operators have been told.");
  }

  /** Builds a digest to show privately; returns the id its Post button carries. */
  preview(query: DigestQuery, requester: string, here: Destination): { id: string; digest: Digest } {
    const digest = this.options.library().digest(query);
    const id = randomUUID().slice(0, 18);
    this.previews.set(id, { digest, requester, here });
    if (this.previews.size > KEPT_PREVIEWS) this.previews.delete(this.previews.keys().next().value!);
    return { id, digest };
  }

  /** Where a digest asked for in `here` goes. */
  destinationsFor(here: Destination): Destination[] {
    return this.options.destinations.length > 0 ? [...this.options.destinations] : [here];
  }

  /**
   * Posts a previewed digest; only its requester may, and only while still a
   * moderator where it was asked (`stillModerator` asks the platform again at
   * the press: roles change). Returns a summary line per destination.
   */
  async post(previewId: string, presser: string, stillModerator: (here: Destination) => Promise<boolean>): Promise<string[]> {
    const preview = this.previews.get(previewId);
    if (!preview) throw new UserError("This preview has expired; run /digest again.");
    if (preview.requester !== presser) throw new UserError("Only the moderator who asked for this digest can post it.");
    if (!(await stillModerator(preview.here).catch(() => false))) throw new UserError("Only moderators can post a digest, and you are not one (any more).");
    const outbox = this.outbox();
    const record = await recordDigest(outbox, preview.digest, this.destinationsFor(preview.here));
    if (!record) return ["There is nothing to post."];
    this.previews.delete(previewId);
    return (await postDigest(outbox, record, this.options.senders())).map(describe);
  }

  /**
   * The scheduled run: finishes unfinished digests, then posts the articles
   * not yet in any posted digest to the configured destinations.
   */
  async postNew(): Promise<DestinationReport[]> {
    const destinations = this.options.destinations;
    if (destinations.length === 0) {
      this.options.log.warn("scheduled digest skipped: no DIGEST_DISCORD_CHANNEL_IDS or DIGEST_TELEGRAM_CHAT_IDS");
      return [];
    }
    const outbox = this.outbox();
    const senders = this.options.senders();
    const reports: DestinationReport[] = [];
    for (const record of await outbox.unfinished()) reports.push(...(await postDigest(outbox, record, senders)));
    const posted = await outbox.posted();
    const library = this.options.library();
    const ids = library.articles.map((a) => a.id).filter((id) => !posted.has(id));
    const record = await recordDigest(outbox, library.digest({ ids }), destinations);
    if (record) reports.push(...(await postDigest(outbox, record, senders)));
    else if (this.options.noNews) await this.sendNoNews(destinations, senders);
    for (const report of reports) {
      if (report.failed > 0 || report.pending > 0) this.options.log.warn({ ...report }, "scheduled digest: destination failing");
      else this.options.log.info({ ...report }, "scheduled digest posted");
    }
    return reports;
  }

  private async sendNoNews(destinations: readonly Destination[], senders: Partial<Record<"discord" | "telegram", Sender>>): Promise<void> {
    const day = new Date().toISOString().slice(0, 10);
    for (const destination of destinations) {
      const [platform, chat] = [destination.split(":")[0] as "discord" | "telegram", destination.slice(destination.indexOf(":") + 1)];
      await senders[platform]?.send(chat, { blocks: [{ type: "text", text: this.options.noNews! }], sources: [] }, `nonews-${day}`.slice(0, 25)).catch((err: unknown) => this.options.log.warn({ err, destination }, "no-news line failed"));
    }
  }
}

/** One line for the moderator about a destination. */
export function describe(report: DestinationReport): string {
  if (report.failed === 0 && report.pending === 0) return `${report.destination}: posted (${report.sent} message${report.sent === 1 ? "" : "s"}).`;
  const state = report.failed > 0 ? `${report.failed} failed` : `${report.pending} still pending`;
  return `${report.destination}: ${report.sent} sent, ${state} — ${report.error ?? "unknown error"}. Check the bot can post there.`;
}
