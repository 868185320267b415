/** Decides whether a user may run one more command now (in memory, or shared through the store). */
export interface RateLimit {
  allow(user: string): boolean | Promise<boolean>;
}

/**
 * A per-user sliding-window rate limit kept in this process's memory: what
 * the adapters use when no shared store is open (the store's
 * SharedRateLimiter holds across processes).
 */
export class RateLimiter implements RateLimit {
  private readonly hits = new Map<string, number[]>();

  constructor(
    private readonly max: number,
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Records a use; false when the user has already used up the window. */
  allow(user: string): boolean {
    const now = this.now();
    const recent = (this.hits.get(user) ?? []).filter((t) => now - t < this.windowMs);
    if (recent.length >= this.max) {
      this.hits.set(user, recent);
      return false;
    }
    recent.push(now);
    this.hits.set(user, recent);
    if (this.hits.size > 10_000) this.prune(now);
    return true;
  }

  private prune(now: number): void {
    for (const [user, times] of this.hits) if (times.every((t) => now - t >= this.windowMs)) this.hits.delete(user);
  }
}
