import { EventEmitter } from 'node:events';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { BridgeEventMap } from '@rvw/shared';
import { busyTracker } from '../busy-state';
import { greetingWith, ticketPosition as position } from './test-greeting';
import { createUpdateGate, withinOpeningHours } from './update-gate';

const MINUTE = 60_000;
/** Wednesday 10:00 in Shanghai (opening hours), and 22:00 (closed). */
const WED_10_SH = Date.parse('2026-12-09T02:00:00Z');
const WED_22_SH = Date.parse('2026-12-09T14:00:00Z');

const card = {} as BridgeEventMap['idcard:card'][0];

/** A gate at `at`; checks every second (default: every minute) so tests can time the quiet to the second. */
function setup(at: number, checkEveryMs = 1000) {
  vi.setSystemTime(at);
  const events = new EventEmitter<BridgeEventMap>();
  const tracker = busyTracker(events);
  const gate = createUpdateGate({ busy: tracker, events, checkEveryMs });
  const install = vi.fn();
  return { events, tracker, gate, install };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('update gate', () => {
  it('outside opening hours installs after 2 quiet minutes, once', () => {
    const { gate, install } = setup(WED_22_SH, MINUTE);
    gate.offer(install);
    expect(install).not.toHaveBeenCalled();
    vi.advanceTimersByTime(MINUTE);
    expect(install).not.toHaveBeenCalled();
    vi.advanceTimersByTime(MINUTE);
    expect(install).toHaveBeenCalledOnce();
    expect(gate.pending()).toBe(false);
    vi.advanceTimersByTime(10 * MINUTE);
    expect(install).toHaveBeenCalledOnce();
  });

  it('during opening hours waits 30 quiet minutes', () => {
    const { gate, install } = setup(WED_10_SH, MINUTE);
    gate.offer(install);
    vi.advanceTimersByTime(29 * MINUTE);
    expect(install).not.toHaveBeenCalled();
    vi.advanceTimersByTime(MINUTE);
    expect(install).toHaveBeenCalledOnce();
  });

  it('never installs during a session, however long, and waits the quiet time after it ends', () => {
    const { events, gate, install } = setup(WED_22_SH);
    events.emit('session:opened', greetingWith('s1').session!);
    gate.offer(install);
    vi.advanceTimersByTime(3 * 60 * MINUTE);
    expect(install).not.toHaveBeenCalled();
    expect(gate.allowsNow()).toBe(false);
    events.emit('session:ended', { sessionId: 's1', endedBy: 'agent', endedAt: new Date().toISOString() });
    // The resident who just ended the call may still be there: the quiet time starts now.
    expect(install).not.toHaveBeenCalled();
    vi.advanceTimersByTime(2 * MINUTE - 1000);
    expect(install).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1000);
    expect(install).toHaveBeenCalledOnce();
  });

  it('never installs while a ticket waits, and a new ticket restarts the quiet time', () => {
    const { events, gate, install } = setup(WED_22_SH);
    gate.offer(install);
    vi.advanceTimersByTime(MINUTE + 30_000);
    events.emit('ticket:update', position('waiting'));
    vi.advanceTimersByTime(60 * MINUTE);
    expect(install).not.toHaveBeenCalled();
    events.emit('ticket:update', position('cancelled'));
    vi.advanceTimersByTime(2 * MINUTE - 1000);
    expect(install).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1000);
    expect(install).toHaveBeenCalledOnce();
  });

  it('never installs while an ID card is on the reader', () => {
    const { events, gate, install } = setup(WED_22_SH);
    events.emit('idcard:card', card);
    gate.offer(install);
    vi.advanceTimersByTime(30 * MINUTE);
    expect(install).not.toHaveBeenCalled();
    events.emit('idcard:removed', {});
    vi.advanceTimersByTime(2 * MINUTE);
    expect(install).toHaveBeenCalledOnce();
  });

  it('counts reported activity (a touch) and restarts the quiet time', () => {
    const { gate, install } = setup(WED_22_SH);
    gate.offer(install);
    vi.advanceTimersByTime(90_000);
    gate.noteActivity();
    vi.advanceTimersByTime(2 * MINUTE - 1000);
    expect(install).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1000);
    expect(install).toHaveBeenCalledOnce();
  });

  it('a later offer replaces the earlier one; a quiet kiosk installs at once; close drops an offer', () => {
    const { gate, install } = setup(WED_22_SH);
    const first = vi.fn();
    gate.offer(first);
    gate.offer(install);
    vi.advanceTimersByTime(2 * MINUTE);
    expect(first).not.toHaveBeenCalled();
    expect(install).toHaveBeenCalledOnce();
    // Still quiet: a new offer installs at once.
    const now = vi.fn();
    gate.offer(now);
    expect(now).toHaveBeenCalledOnce();
    gate.noteActivity();
    const late = vi.fn();
    gate.offer(late);
    gate.close();
    vi.advanceTimersByTime(60 * MINUTE);
    expect(late).not.toHaveBeenCalled();
  });

  it('knows the fleet’s opening hours in Shanghai time', () => {
    const hours = { days: [1, 2, 3, 4, 5, 6], from: '08:30', to: '17:30' };
    expect(withinOpeningHours(hours, WED_10_SH)).toBe(true);
    expect(withinOpeningHours(hours, WED_22_SH)).toBe(false);
    // 08:29 and 08:30, 17:29 and 17:30 Shanghai time.
    expect(withinOpeningHours(hours, Date.parse('2026-12-09T00:29:00Z'))).toBe(false);
    expect(withinOpeningHours(hours, Date.parse('2026-12-09T00:30:00Z'))).toBe(true);
    expect(withinOpeningHours(hours, Date.parse('2026-12-09T09:29:00Z'))).toBe(true);
    expect(withinOpeningHours(hours, Date.parse('2026-12-09T09:30:00Z'))).toBe(false);
    // Sunday 10:00 in Shanghai.
    expect(withinOpeningHours(hours, Date.parse('2026-12-13T02:00:00Z'))).toBe(false);
  });
});
