import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import type { BridgeEventMap } from '@rvw/shared';
import { busyTracker } from './busy-state';
import { greetingWith, ticketPosition as position } from './features/test-greeting';

function setup() {
  const events = new EventEmitter<BridgeEventMap>();
  return { events, tracker: busyTracker(events) };
}

describe('busyTracker', () => {
  it('is idle at first and busy while a ticket waits or is served', () => {
    const { events, tracker } = setup();
    expect(tracker.busy()).toBe(false);
    events.emit('ticket:update', position('waiting'));
    expect(tracker.busy()).toBe(true);
    events.emit('ticket:update', position('serving'));
    expect(tracker.busy()).toBe(true);
    events.emit('ticket:update', position('cancelled'));
    expect(tracker.busy()).toBe(false);
  });

  it('is busy from session:opened to session:ended', () => {
    const { events, tracker } = setup();
    const opened = greetingWith('s1').session!;
    events.emit('session:opened', opened);
    expect(tracker.busy()).toBe(true);
    events.emit('session:ended', { sessionId: 's1', endedBy: 'agent', endedAt: '2026-01-01T00:05:00.000Z' });
    expect(tracker.busy()).toBe(false);
  });

  it('takes the whole picture from kiosk:state (a reconnect)', () => {
    const { events, tracker } = setup();
    events.emit('kiosk:state', greetingWith('s1'));
    expect(tracker.busy()).toBe(true);
    events.emit('kiosk:state', greetingWith(null));
    expect(tracker.busy()).toBe(false);
    events.emit('kiosk:state', { ...greetingWith(null), ticket: position('waiting') });
    expect(tracker.busy()).toBe(true);
  });

  it('runs whenIdle at once when idle, else once the resident has gone, and can cancel', () => {
    const { events, tracker } = setup();
    const now = vi.fn();
    tracker.whenIdle(now);
    expect(now).toHaveBeenCalledTimes(1);

    events.emit('session:opened', greetingWith('s1').session!);
    const later = vi.fn();
    const cancelled = vi.fn();
    tracker.whenIdle(later);
    const cancel = tracker.whenIdle(cancelled);
    cancel();
    events.emit('ticket:update', position('serving'));
    expect(later).not.toHaveBeenCalled();
    events.emit('session:ended', { sessionId: 's1', endedBy: 'kiosk', endedAt: '2026-01-01T00:05:00.000Z' });
    // The ticket is still open (serving) until the server says it is done.
    expect(later).not.toHaveBeenCalled();
    events.emit('ticket:update', position('done'));
    expect(later).toHaveBeenCalledTimes(1);
    expect(cancelled).not.toHaveBeenCalled();
    events.emit('ticket:update', position('waiting'));
    events.emit('ticket:update', position('done'));
    expect(later).toHaveBeenCalledTimes(1);
  });

  it('stops listening on close: a pending callback never runs', () => {
    const { events, tracker } = setup();
    events.emit('ticket:update', position('waiting'));
    const fn = vi.fn();
    tracker.whenIdle(fn);
    tracker.close();
    events.emit('ticket:update', position('done'));
    expect(fn).not.toHaveBeenCalled();
    expect(events.listenerCount('ticket:update')).toBe(0);
  });
});
