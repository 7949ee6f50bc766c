/**
 * Per-kiosk token buckets for heartbeats (issue 12 #9): checked in memory before any database work,
 * so a flood from one kiosk costs a map look-up and never slows another kiosk.
 */

/** A bucket's size and refill; default a burst of 6, one token every 5 s. */
export interface BucketPolicy {
  burst: number;
  refillMs: number;
}

/** The heartbeat policy: a kiosk beats every 30 s and at once on a change. */
export const HEARTBEAT_BUCKET: BucketPolicy = { burst: 6, refillMs: 5000 };

/** Token buckets by key, on the time the caller gives (ms). */
export class TokenBuckets {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(private readonly policy: BucketPolicy = HEARTBEAT_BUCKET) {}

  /** Takes one token from `key`'s bucket at `nowMs`; false when it is empty. */
  take(key: string, nowMs: number): boolean {
    const b = this.refilled(key, nowMs);
    if (b.tokens < 1) return false;
    b.tokens -= 1;
    return true;
  }

  /** Forgets the buckets that are full again (they behave as new ones). */
  prune(nowMs: number): void {
    for (const key of [...this.buckets.keys()])
      if (this.refilled(key, nowMs).tokens >= this.policy.burst) this.buckets.delete(key);
  }

  /** How many buckets are remembered. */
  get size(): number {
    return this.buckets.size;
  }

  private refilled(key: string, nowMs: number): { tokens: number; at: number } {
    let b = this.buckets.get(key);
    if (!b) {
      b = { tokens: this.policy.burst, at: nowMs };
      this.buckets.set(key, b);
      return b;
    }
    // A clock that went back refills nothing.
    const gained = Math.max(0, nowMs - b.at) / this.policy.refillMs;
    b.tokens = Math.min(this.policy.burst, b.tokens + gained);
    b.at = Math.max(b.at, nowMs);
    return b;
  }
}
