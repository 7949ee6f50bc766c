import { describe, expect, it } from 'vitest';
import { KIOSK_CONNECT_TIMEOUT_MS, kioskSocketPolicy, type KioskDropReason } from './server-link-policy';

const reasons: KioskDropReason[] = ['planned-restart', 'server-disconnect', 'refused', 'transport'];

describe('kioskSocketPolicy', () => {
  it('never gives up and never waits 5 s or more, whatever the reason', () => {
    const policy = kioskSocketPolicy();
    for (const reason of reasons) {
      for (let retryCount = 0; retryCount < 200; retryCount++) {
        const delay = policy.nextRetryDelayInMs({ retryCount, elapsedMs: retryCount * 5000, reason });
        expect(delay).not.toBeNull();
        expect(delay!).toBeLessThan(5000);
      }
    }
  });

  it('after a planned restart, tries every 0.5-1 s for about the first 30 s', () => {
    const policy = kioskSocketPolicy();
    let elapsed = 0;
    for (let retryCount = 0; retryCount < 40; retryCount++) {
      const delay = policy.nextRetryDelayInMs({ retryCount, elapsedMs: elapsed, reason: 'planned-restart' })!;
      expect(delay).toBeGreaterThanOrEqual(500);
      expect(delay).toBeLessThan(1000);
      elapsed += delay;
    }
    expect(elapsed).toBeGreaterThan(20_000);
  });

  it('tries at once when the server closed the connection without notice', () => {
    expect(
      kioskSocketPolicy().nextRetryDelayInMs({ retryCount: 0, elapsedMs: 0, reason: 'server-disconnect' }),
    ).toBe(0);
  });
});

describe('a lost transport (issue 13: immediate, then growing, with jitter)', () => {
  it('tries at once, then after about 0.3 s, 1.2 s, then about every 2 s', () => {
    const at = (retryCount: number, random: number) => {
      const original = Math.random;
      Math.random = () => random;
      try {
        return kioskSocketPolicy().nextRetryDelayInMs({ retryCount, elapsedMs: 0, reason: 'transport' });
      } finally {
        Math.random = original;
      }
    };
    expect([0, 1, 2, 3, 4, 50].map((n) => at(n, 0))).toEqual([0, 300, 1200, 2000, 2000, 2000]);
    // The jitter spreads every wait but the first, by up to 1 s.
    expect([0, 1, 2, 3, 4].map((n) => at(n, 0.999))).toEqual([0, 1299, 2199, 2999, 2999]);
  });

  it('gives each connection attempt a few seconds, so attempts keep cycling during an outage', () => {
    expect(KIOSK_CONNECT_TIMEOUT_MS).toBeGreaterThanOrEqual(3000);
    expect(KIOSK_CONNECT_TIMEOUT_MS).toBeLessThanOrEqual(4000);
  });
});
