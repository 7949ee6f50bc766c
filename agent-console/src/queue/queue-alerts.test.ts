// Issue 8 #12: a busy agent is alerted (sound and title badge) when the queue goes from empty to
// waiting, and once for each ticket that passes the one-minute first-response target.
import { describe, expect, it } from 'vitest';
import type { QueueEntry } from '@rvw/shared';
import { FIRST_RESPONSE_MS, initialAlertMemory, nextQueueAlert, titleCount } from './queue-alerts';

const T0 = Date.parse('2026-03-01T08:00:00.000Z');

function entry(id: string, createdAtMs: number, kioskOnline = true): QueueEntry {
  return {
    ticketId: id,
    position: 1,
    number: `A${id}`,
    kiosk: { id: `k${id}`, name: 'K', location: 'L', centreId: 'main', kind: 'fixed' as const },
    createdAt: new Date(createdAtMs).toISOString(),
    identityIntent: 'none',
    kioskOnline,
    need: 'unsure',
    tags: [],
    place: {
      centreId: 'main',
      centreName: '中心',
      region: '上海市',
      committee: 'L',
      kioskName: 'K',
      kioskKind: 'fixed' as const,
    },
  };
}

describe('queue alerts', () => {
  it('alerts when the queue goes from empty to waiting, not again while it stays waiting', () => {
    let r = nextQueueAlert(initialAlertMemory, [], T0);
    expect(r.alert).toBe(false);
    r = nextQueueAlert(r.memory, [entry('1', T0)], T0 + 1000);
    expect(r.alert).toBe(true);
    r = nextQueueAlert(r.memory, [entry('1', T0), entry('2', T0 + 2000)], T0 + 3000);
    expect(r.alert).toBe(false);
    r = nextQueueAlert(r.memory, [], T0 + 4000);
    expect(r.alert).toBe(false);
    r = nextQueueAlert(r.memory, [entry('3', T0 + 5000)], T0 + 5000);
    expect(r.alert).toBe(true);
  });

  it('alerts once for each ticket that has waited past the first-response target', () => {
    let r = nextQueueAlert(initialAlertMemory, [entry('1', T0)], T0);
    expect(r.alert).toBe(true);
    r = nextQueueAlert(r.memory, [entry('1', T0)], T0 + FIRST_RESPONSE_MS - 1);
    expect(r.alert).toBe(false);
    r = nextQueueAlert(r.memory, [entry('1', T0)], T0 + FIRST_RESPONSE_MS + 1);
    expect(r.alert).toBe(true);
    r = nextQueueAlert(r.memory, [entry('1', T0)], T0 + FIRST_RESPONSE_MS + 5000);
    expect(r.alert).toBe(false);
  });

  it('ignores tickets of offline kiosks: nobody can take them', () => {
    const offline = [entry('1', T0 - 5 * FIRST_RESPONSE_MS, false)];
    const r = nextQueueAlert(initialAlertMemory, offline, T0);
    expect(r.alert).toBe(false);
    expect(titleCount(offline)).toBe(0);
    expect(titleCount([...offline, entry('2', T0)])).toBe(1);
  });
});
