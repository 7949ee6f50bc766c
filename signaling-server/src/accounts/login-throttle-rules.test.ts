import { describe, expect, it } from 'vitest';
import {
  countAttempt,
  current,
  delayAfter,
  gate,
  uncount,
  type ThrottlePolicy,
  type ThrottleState,
} from './login-throttle-rules';

const policy: ThrottlePolicy = { maxFailures: 5, freeFailures: 1, lockMs: 15 * 60_000, delayMs: 1000 };

describe('sign-in throttle rules', () => {
  it('charges nothing for the free failures, then doubles the delay up to a minute', () => {
    expect([1, 2, 3, 4, 5, 12].map((n) => delayAfter(n, policy))).toEqual([
      0, 1000, 2000, 4000, 8000, 60_000,
    ]);
    expect(delayAfter(4, { ...policy, delayMs: 0 })).toBe(0);
  });

  it('locks at maxFailures, refuses while locked, and forgets after the lock or a quiet period', () => {
    let state: ThrottleState | null = null;
    let t = 0;
    for (let i = 1; i <= 5; i++) {
      const next = countAttempt(state, t, policy);
      expect(next.locks).toBe(i === 5);
      state = next.state;
      t += 10_000;
    }
    expect(gate(state, t, policy)).toEqual({ kind: 'locked', retryAfterMs: 15 * 60_000 - 10_000 });
    expect(gate(state, 40_000 + 15 * 60_000, policy)).toEqual({ kind: 'open' });
    expect(current(state, 40_000 + 15 * 60_000, policy)).toBeNull();

    const one = countAttempt(null, 0, policy).state;
    const two = countAttempt(one, 0, policy).state;
    expect(gate(two, 500, policy)).toEqual({ kind: 'wait', retryAfterMs: 500 });
    expect(gate(two, 1000, policy)).toEqual({ kind: 'open' });
    // Quiet for the lock period: forgotten, the next failure is the first again.
    expect(countAttempt(two, 15 * 60_000, policy).state.failures).toBe(1);
  });

  it('takes back an attempt that did not fail, including the lock it started', () => {
    let four: ThrottleState | null = null;
    for (let i = 0; i < 4; i++) four = countAttempt(four, 0, policy).state;
    const fifth = countAttempt(four, 0, policy);
    expect(fifth.locks).toBe(true);
    const back = uncount(fifth.state, true, 0);
    expect(back).toMatchObject({ failures: 4, lockedUntil: null, nextAttemptAt: 0 });
    expect(gate(back, 0, policy)).toEqual({ kind: 'open' });
  });
});
