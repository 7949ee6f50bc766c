/** Reconnection as a pluggable policy (after LiveKit's `nextRetryDelayInMs`). */
import type { IdCardError } from './errors';

/** What a policy knows when asked for the next delay. */
export interface ReconnectContext {
  /** Attempts that have failed since the reader was last online (0 for the first retry). */
  retryCount: number;
  /** Milliseconds since the reader was last online (or since start). */
  elapsedMs: number;
  /** Why the last attempt ended. */
  error?: IdCardError;
}

/** Decides how long to wait before reopening the port; null means give up. */
export interface ReconnectPolicy {
  nextRetryDelayInMs(context: ReconnectContext): number | null;
}

/** Default delays in ms, by retry count; the last repeats forever. */
export const DEFAULT_RECONNECT_DELAYS: readonly number[] = [250, 500, 1000, 2000, 4000, 5000];

/** Options of {@link DefaultReconnectPolicy}. */
export interface DefaultReconnectPolicyOptions {
  /** Delays by retry count; default {@link DEFAULT_RECONNECT_DELAYS}. */
  delays?: readonly number[];
  /** Up to this much random jitter is added after the first retry; default 250 ms. */
  maxJitterMs?: number;
  /** Never wait longer than this; default 5000 ms. */
  maxDelayMs?: number;
  /** Give up after this many retries; default null (never: a kiosk keeps trying). */
  maxRetries?: number | null;
  /** Random source in [0, 1); default Math.random (tests pass a fixed one). */
  random?: () => number;
}

/** 250 ms, 500 ms, 1 s, 2 s, 4 s, then 5 s forever, with up to 250 ms jitter (capped at 5 s). */
export class DefaultReconnectPolicy implements ReconnectPolicy {
  private readonly delays: readonly number[];
  private readonly maxJitterMs: number;
  private readonly maxDelayMs: number;
  private readonly maxRetries: number | null;
  private readonly random: () => number;

  constructor(options: DefaultReconnectPolicyOptions = {}) {
    this.delays = options.delays ?? DEFAULT_RECONNECT_DELAYS;
    this.maxJitterMs = options.maxJitterMs ?? 250;
    this.maxDelayMs = options.maxDelayMs ?? 5000;
    this.maxRetries = options.maxRetries ?? null;
    this.random = options.random ?? Math.random;
    if (this.delays.length === 0 || this.delays.some((d) => !(d >= 0))) {
      throw new TypeError('delays must be a non-empty list of non-negative numbers');
    }
  }

  nextRetryDelayInMs(context: ReconnectContext): number | null {
    if (this.maxRetries !== null && context.retryCount >= this.maxRetries) return null;
    const base = this.delays[Math.min(context.retryCount, this.delays.length - 1)]!;
    // Jitter keeps a fleet of kiosks from hammering in step after a shared power cut.
    const jitter = context.retryCount === 0 ? 0 : Math.floor(this.random() * this.maxJitterMs);
    return Math.min(base + jitter, this.maxDelayMs);
  }
}
