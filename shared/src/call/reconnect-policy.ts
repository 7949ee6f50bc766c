/**
 * When to try again after a connection is lost, as a pluggable policy (LiveKit's
 * `ReconnectPolicy`). The peer call and the sockets of both front ends ask one of these instead of
 * keeping retry numbers of their own.
 */

/** What a policy knows when it is asked for the next delay. */
export interface ReconnectContext {
  /** Attempts already made since the connection was last up (0 when it has just dropped). */
  retryCount: number;
  /** Time since the connection was last up (ms). */
  elapsedMs: number;
  /** Why it dropped, in the caller's words (e.g. 'peer-failed', 'refused', 'transport'). */
  reason: string;
}

/** Decides whether and when to try again. */
export interface ReconnectPolicy {
  /** The delay before the next attempt (ms), or null to give up. */
  nextRetryDelayInMs(context: ReconnectContext): number | null;
}

/** Options of {@link DelayTablePolicy}. */
export interface DelayTableOptions {
  /** Delay before attempt n is entry n; past the end the last entry repeats. Default {@link DEFAULT_RETRY_DELAYS_MS}. */
  delaysMs?: readonly number[];
  /** Up to this much (ms) is added at random to each delay except a zero one, so clients do not retry in step. Default 1000. */
  jitterMs?: number;
  /** Give up after this many attempts. Default: never. */
  maxRetries?: number;
  /** Give up once the connection has been down this long (ms). Default: never. */
  maxElapsedMs?: number;
  /** Source of randomness in [0, 1); replaceable in tests. Default Math.random. */
  random?: () => number;
}

/** LiveKit's default table: at once, then quickly, then every 7 s (ms). */
export const DEFAULT_RETRY_DELAYS_MS: readonly number[] = [0, 300, 1200, 2700, 4800, 7000];

/**
 * A socket's waits after its transport was lost (the network or the server went away), for the
 * kiosk host and the console alike (issue 13): LiveKit's style, at once, then after 0.3 s and 1.2 s,
 * then every 2 s, each wait but the first plus up to 1 s of jitter so that a fleet does not retry in
 * step. With attempts that give up after a few seconds, a link that comes back is found within about
 * 3 s, which leaves the call room to show video within 5 s of the network's return.
 */
export const LOST_TRANSPORT_DELAYS_MS: readonly number[] = [0, 300, 1200, 2000];

/** The policy for a lost transport ({@link LOST_TRANSPORT_DELAYS_MS}, jitter up to 1 s). */
export function lostTransportPolicy(): ReconnectPolicy {
  return new DelayTablePolicy({ delaysMs: LOST_TRANSPORT_DELAYS_MS, jitterMs: 1000 });
}

/** A table of delays with jitter; the last delay repeats until a limit, if any, is reached. */
export class DelayTablePolicy implements ReconnectPolicy {
  private readonly delaysMs: readonly number[];
  private readonly jitterMs: number;
  private readonly maxRetries: number;
  private readonly maxElapsedMs: number;
  private readonly random: () => number;

  constructor(options: DelayTableOptions = {}) {
    const delays = options.delaysMs ?? DEFAULT_RETRY_DELAYS_MS;
    if (delays.length === 0 || delays.some((d) => !Number.isFinite(d) || d < 0)) {
      throw new TypeError('delaysMs must be a non-empty list of non-negative numbers');
    }
    const jitter = options.jitterMs ?? 1000;
    if (!Number.isFinite(jitter) || jitter < 0) throw new TypeError('jitterMs must be a non-negative number');
    this.delaysMs = [...delays];
    this.jitterMs = jitter;
    this.maxRetries = options.maxRetries ?? Infinity;
    this.maxElapsedMs = options.maxElapsedMs ?? Infinity;
    this.random = options.random ?? Math.random;
  }

  nextRetryDelayInMs({ retryCount, elapsedMs }: ReconnectContext): number | null {
    if (retryCount >= this.maxRetries || elapsedMs >= this.maxElapsedMs) return null;
    const base = this.delaysMs[Math.min(retryCount, this.delaysMs.length - 1)]!;
    // An immediate first try stays immediate; jitter only spreads the waits.
    if (base === 0 || this.jitterMs === 0) return base;
    return base + Math.floor(this.random() * this.jitterMs);
  }
}

/** A policy that picks another policy by the context's `reason`, with a fallback for other reasons. */
export class ReasonPolicy implements ReconnectPolicy {
  constructor(
    private readonly byReason: Readonly<Record<string, ReconnectPolicy>>,
    private readonly fallback: ReconnectPolicy,
  ) {}

  nextRetryDelayInMs(context: ReconnectContext): number | null {
    const policy = Object.hasOwn(this.byReason, context.reason)
      ? this.byReason[context.reason]!
      : this.fallback;
    return policy.nextRetryDelayInMs(context);
  }
}

/**
 * How long a call may go without media before the initiator gives up (ms): longer than a console
 * or kiosk reload and a short network outage, shorter than a resident will sit before a frozen
 * picture. Once over, the agent's console asks the server to end the session (`session:media-lost`),
 * which puts the resident back at the front of the queue.
 */
export const PEER_MEDIA_GRACE_MS = 45_000;

/**
 * The peer call's default: rebuild 2 s after the peer closed (at once after an ICE restart that
 * brought nothing back: the 2 s were spent already), and keep trying for `graceMs` (the other side
 * may be reloading, or the network may come back). The console passes the session's member grace
 * (`SessionOpened.graceSeconds`), so that it never ends a session before the server would.
 */
export function defaultPeerReconnectPolicy(graceMs: number = PEER_MEDIA_GRACE_MS): ReconnectPolicy {
  return new ReasonPolicy(
    { 'restart-timeout': new DelayTablePolicy({ delaysMs: [0], jitterMs: 0, maxElapsedMs: graceMs }) },
    new DelayTablePolicy({ delaysMs: [2000], jitterMs: 0, maxElapsedMs: graceMs }),
  );
}
