/** A token bucket per socket: `rate` events per second on average, bursts up to `burst`. */
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
