import { describe, expect, test } from 'vitest';
import {
  DEFAULT_RETRY_DELAYS_MS,
  DelayTablePolicy,
  ReasonPolicy,
  defaultPeerReconnectPolicy,
  PEER_MEDIA_GRACE_MS,
  type ReconnectContext,
} from './reconnect-policy';

const at = (retryCount: number, elapsedMs = 0, reason = 'transport'): ReconnectContext => ({
  retryCount,
  elapsedMs,
  reason,
});

describe('DelayTablePolicy', () => {
  test('walks the default table, then repeats its last delay', () => {
    const policy = new DelayTablePolicy({ random: () => 0 });
    const delays = [0, 1, 2, 3, 4, 5, 6, 50].map((n) => policy.nextRetryDelayInMs(at(n)));
    expect(delays).toEqual([0, 300, 1200, 2700, 4800, 7000, 7000, 7000]);
    expect(DEFAULT_RETRY_DELAYS_MS.at(-1)).toBe(7000);
  });

  test('adds up to jitterMs at random, but keeps an immediate first try immediate', () => {
    const policy = new DelayTablePolicy({ delaysMs: [0, 1000], jitterMs: 500, random: () => 0.999 });
    expect(policy.nextRetryDelayInMs(at(0))).toBe(0);
    expect(policy.nextRetryDelayInMs(at(1))).toBe(1499);
    const low = new DelayTablePolicy({ delaysMs: [1000], jitterMs: 500, random: () => 0 });
    expect(low.nextRetryDelayInMs(at(0))).toBe(1000);
  });

  test('gives up after maxRetries attempts or maxElapsedMs down', () => {
    const policy = new DelayTablePolicy({
      delaysMs: [100],
      jitterMs: 0,
      maxRetries: 2,
      maxElapsedMs: 10_000,
    });
    expect(policy.nextRetryDelayInMs(at(1, 9_999))).toBe(100);
    expect(policy.nextRetryDelayInMs(at(2, 0))).toBeNull();
    expect(policy.nextRetryDelayInMs(at(0, 10_000))).toBeNull();
  });

  test('rejects an empty or negative table and a negative jitter', () => {
    expect(() => new DelayTablePolicy({ delaysMs: [] })).toThrow(TypeError);
    expect(() => new DelayTablePolicy({ delaysMs: [100, -1] })).toThrow(/delaysMs/);
    expect(() => new DelayTablePolicy({ jitterMs: -5 })).toThrow(/jitterMs/);
  });
});

describe('ReasonPolicy', () => {
  test('picks the policy named by the reason, else the fallback', () => {
    const policy = new ReasonPolicy(
      { refused: new DelayTablePolicy({ delaysMs: [3000], jitterMs: 0 }) },
      new DelayTablePolicy({ delaysMs: [10], jitterMs: 0 }),
    );
    expect(policy.nextRetryDelayInMs(at(4, 0, 'refused'))).toBe(3000);
    expect(policy.nextRetryDelayInMs(at(4, 0, 'transport'))).toBe(10);
    // A reason that happens to be an Object.prototype key is not a policy.
    expect(policy.nextRetryDelayInMs(at(0, 0, 'toString'))).toBe(10);
  });
});

test('the peer default rebuilds every 2 s until the media grace period is over', () => {
  const policy = defaultPeerReconnectPolicy();
  expect(policy.nextRetryDelayInMs(at(0, 0, 'peer-failed'))).toBe(2000);
  expect(policy.nextRetryDelayInMs(at(20, PEER_MEDIA_GRACE_MS - 1, 'peer-closed'))).toBe(2000);
  // Issue 7 #2: past the grace period the call is given up, so that the session can end cleanly.
  expect(policy.nextRetryDelayInMs(at(21, PEER_MEDIA_GRACE_MS, 'peer-closed'))).toBeNull();
});

test("the peer default follows the session's grace when given, and rebuilds at once after a failed ICE restart", () => {
  const policy = defaultPeerReconnectPolicy(60_000);
  // Issue 13: the agent's media grace must not end a session the server still holds (60 s).
  expect(policy.nextRetryDelayInMs(at(20, PEER_MEDIA_GRACE_MS, 'peer-closed'))).toBe(2000);
  expect(policy.nextRetryDelayInMs(at(20, 59_999, 'peer-closed'))).toBe(2000);
  expect(policy.nextRetryDelayInMs(at(21, 60_000, 'peer-closed'))).toBeNull();
  expect(policy.nextRetryDelayInMs(at(1, 3000, 'restart-timeout'))).toBe(0);
  expect(policy.nextRetryDelayInMs(at(1, 60_000, 'restart-timeout'))).toBeNull();
});
