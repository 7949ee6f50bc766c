import { describe, expect, it } from 'vitest';
import { kioskSocketPolicy, type KioskDropReason } from './server-link-policy';

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
