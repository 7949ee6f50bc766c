/**
 * The sign-in throttle's rules, pure: when a counter is forgotten, when an attempt may go ahead,
 * how long the growing delay is, and when a lock starts. Times are ms since the epoch.
 */

/** The limits of one kind of counter (an account's or an address's). */
export interface ThrottlePolicy {
  /** Counted failures that lock the key. */
  maxFailures: number;
  /** Failures that cost no delay (typing slips). */
  freeFailures: number;
  /** How long a lock lasts, and how long a quiet counter is remembered. */
  lockMs: number;
  /** The first delay; each further failure doubles it, up to MAX_DELAY_MS. 0 turns delays off. */
  delayMs: number;
}

/** One key's counter. */
export interface ThrottleState {
  failures: number;
  lastAt: number;
  nextAttemptAt: number | null;
  lockedUntil: number | null;
}

/** The longest growing delay between two attempts. */
export const MAX_DELAY_MS = 60_000;

/** Whether an attempt may go ahead now, or must wait (delay) or is locked out, and for how long. */
export type Gate = { kind: 'open' } | { kind: 'wait' | 'locked'; retryAfterMs: number };

/** The counter as it stands at `now`: null once forgotten (a lock served, or quiet for lockMs). */
export function current(
  state: ThrottleState | null,
  now: number,
  policy: ThrottlePolicy,
): ThrottleState | null {
  if (!state) return null;
  if (state.lockedUntil !== null) return state.lockedUntil > now ? state : null;
  return state.lastAt + policy.lockMs > now ? state : null;
}

/** May an attempt go ahead? */
export function gate(state: ThrottleState | null, now: number, policy: ThrottlePolicy): Gate {
  const s = current(state, now, policy);
  if (!s) return { kind: 'open' };
  if (s.lockedUntil !== null) return { kind: 'locked', retryAfterMs: s.lockedUntil - now };
  if (s.nextAttemptAt !== null && s.nextAttemptAt > now)
    return { kind: 'wait', retryAfterMs: s.nextAttemptAt - now };
  return { kind: 'open' };
}

/** The delay after `failures` failures: none for the free ones, then delayMs doubling. */
export function delayAfter(failures: number, policy: ThrottlePolicy): number {
  const over = failures - policy.freeFailures;
  if (over <= 0 || policy.delayMs === 0) return 0;
  return Math.min(policy.delayMs * 2 ** (over - 1), MAX_DELAY_MS);
}

/**
 * Counts an attempt as a failure before the password is checked (so that guesses sent in parallel
 * count too); `locks` is true when this attempt starts a lock.
 */
export function countAttempt(
  state: ThrottleState | null,
  now: number,
  policy: ThrottlePolicy,
): { state: ThrottleState; locks: boolean } {
  const failures = (current(state, now, policy)?.failures ?? 0) + 1;
  const locks = failures >= policy.maxFailures;
  return {
    state: {
      failures,
      lastAt: now,
      nextAttemptAt: now + delayAfter(failures, policy),
      lockedUntil: locks ? now + policy.lockMs : null,
    },
    locks,
  };
}

/** Takes back an attempt counted in advance that did not fail (for a key that is not cleared). */
export function uncount(state: ThrottleState, locked: boolean, now: number): ThrottleState {
  return {
    failures: Math.max(0, state.failures - 1),
    lastAt: state.lastAt,
    nextAttemptAt: now,
    lockedUntil: locked ? null : state.lockedUntil,
  };
}
