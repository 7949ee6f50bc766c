import { afterEach, expect, test, vi } from 'vitest';
import { consoleSocketPolicy } from './socket-policy';
import { CONSOLE_CONNECT_TIMEOUT_MS } from './console-socket';

afterEach(() => {
  vi.restoreAllMocks();
});

const delay = (retryCount: number, reason = 'transport') =>
  consoleSocketPolicy().nextRetryDelayInMs({ retryCount, elapsedMs: retryCount * 4000, reason });

test('a lost transport is retried at once, then after about 0.3 s, 1.2 s, then every 2 s (issue 13)', () => {
  vi.spyOn(Math, 'random').mockReturnValue(0);
  expect([0, 1, 2, 3, 4, 100].map((n) => delay(n))).toEqual([0, 300, 1200, 2000, 2000, 2000]);
});

test('with jitter on every wait but the first, and never a wait of 5 s or more', () => {
  vi.spyOn(Math, 'random').mockReturnValue(0.999);
  expect([0, 1, 2, 3, 4].map((n) => delay(n))).toEqual([0, 1299, 2199, 2999, 2999]);
  for (const reason of ['transport', 'refused', 'server-disconnect'])
    for (let n = 0; n < 50; n++) expect(delay(n, reason)!).toBeLessThan(5000);
  // Each attempt gives up within a few seconds, so attempts keep cycling while the network is out.
  expect(CONSOLE_CONNECT_TIMEOUT_MS).toBeLessThanOrEqual(4000);
});
