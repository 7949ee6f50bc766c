/** A token bucket: `rate` events per second on average, bursts up to `burst`. */
export class TokenBucket {
  private tokens: number;
  private last: number;

  /** `burst` defaults to twice the rate. `now` is in milliseconds. */
  constructor(
    private readonly rate: number,
    private readonly burst: number = rate * 2,
    now: number = Date.now(),
  ) {
    if (!(rate > 0)) throw new TypeError(`rate must be positive, got ${rate}`);
    if (!(burst >= 1)) throw new TypeError(`burst must be at least 1, got ${burst}`);
    this.tokens = burst;
    this.last = now;
  }

  /** Takes one token if available; false means the event must be refused. */
  take(now: number = Date.now()): boolean {
    const elapsed = Math.max(0, now - this.last) / 1000;
    this.last = Math.max(this.last, now);
    this.tokens = Math.min(this.burst, this.tokens + elapsed * this.rate);
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}

/**
 * Per-credential limits on this node: how many sockets one credential (a kiosk's token, an agent's
 * login) holds open, and one event bucket shared by all of them, so that opening more sockets buys
 * no more events. Counted per node: behind several nodes a credential may hold `maxSockets` on each.
 */
export class CredentialLimits {
  private readonly entries = new Map<string, { sockets: number; bucket: TokenBucket }>();

  /** `maxSockets` per credential; `rate` events per second per credential (bursts of twice that). */
  constructor(
    readonly maxSockets: number,
    private readonly rate: number,
  ) {
    if (!(maxSockets >= 1)) throw new TypeError(`maxSockets must be at least 1, got ${maxSockets}`);
  }

  /** Counts a new socket of `key`; false (nothing counted) when the credential is at its limit. */
  admit(key: string): boolean {
    const entry = this.entries.get(key);
    if (entry && entry.sockets >= this.maxSockets) return false;
    if (entry) entry.sockets += 1;
    else this.entries.set(key, { sockets: 1, bucket: new TokenBucket(this.rate) });
    return true;
  }

  /** Un-counts a socket of `key`; the bucket goes with the credential's last socket. */
  release(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    entry.sockets -= 1;
    if (entry.sockets <= 0) this.entries.delete(key);
  }

  /** Takes one event from the credential's shared bucket; false means refuse it (RATE_LIMITED). */
  take(key: string): boolean {
    const entry = this.entries.get(key);
    // A socket is always admitted before it dispatches; an unknown key gets nothing.
    return entry ? entry.bucket.take() : false;
  }

  /** Sockets counted for `key` on this node. */
  count(key: string): number {
    return this.entries.get(key)?.sockets ?? 0;
  }
}
