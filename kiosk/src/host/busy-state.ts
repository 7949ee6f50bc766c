/**
 * Whether a resident is at the kiosk (issue 12 #5, #8): busy while a ticket is waiting or being
 * served, or a session is open. Read from the host's own events (the server link re-sends the
 * server's kiosk:state, ticket:update, session:opened and session:ended), so it needs no server of
 * its own. Remote restarts and app updates wait for idle through `whenIdle`.
 */
import type { EventEmitter } from 'node:events';
import type { BridgeEventMap, KioskState, TicketPosition } from '@rvw/shared';

/** The kiosk's busy state, and a way to run something once the resident has gone. */
export interface BusyTracker {
  /** True while a ticket is waiting or served, or a session is open. */
  busy(): boolean;
  /** Runs `fn` once the kiosk is idle (at once, synchronously, if it is now). Returns a canceller. */
  whenIdle(fn: () => void): () => void;
  /** Calls `listener` each time busy() changes (not for repeats); returns an unsubscriber. */
  onChange(listener: (busy: boolean) => void): () => void;
  /** Stops listening; pending whenIdle callbacks never run. */
  close(): void;
}

const openTicket = (t: TicketPosition | null): boolean =>
  t !== null && (t.ticket.status === 'waiting' || t.ticket.status === 'serving');

/** Follows `events` from now on (the kiosk is idle until told otherwise). */
export function busyTracker(events: EventEmitter<BridgeEventMap>): BusyTracker {
  let ticket = false;
  let session: string | null = null;
  let closed = false;
  const waiting = new Set<() => void>();
  const watchers = new Set<(busy: boolean) => void>();
  let last = false;

  const busy = (): boolean => ticket || session !== null;
  const settle = (): void => {
    if (closed) return;
    const now = busy();
    if (now !== last) {
      last = now;
      for (const fn of [...watchers]) fn(now);
    }
    if (busy()) return;
    for (const fn of [...waiting]) {
      waiting.delete(fn);
      fn();
      // A callback may have made the kiosk busy again (it should not, but then the rest wait).
      if (busy()) return;
    }
  };

  const onState = (state: KioskState): void => {
    ticket = openTicket(state.ticket);
    const s = state.session?.session;
    session = s && s.endedAt === null ? s.id : null;
    settle();
  };
  const onTicket = (position: TicketPosition): void => {
    ticket = openTicket(position);
    settle();
  };
  const onOpened = (opened: BridgeEventMap['session:opened'][0]): void => {
    session = opened.session.endedAt === null ? opened.session.id : null;
    settle();
  };
  const onEnded = (ended: BridgeEventMap['session:ended'][0]): void => {
    if (session === ended.sessionId || session === null) session = null;
    settle();
  };
  events.on('kiosk:state', onState);
  events.on('ticket:update', onTicket);
  events.on('session:opened', onOpened);
  events.on('session:ended', onEnded);

  return {
    busy,
    whenIdle(fn) {
      if (closed) return () => undefined;
      if (!busy()) {
        fn();
        return () => undefined;
      }
      // A fresh wrapper, so that the same fn given twice is two separate waits.
      const once = (): void => fn();
      waiting.add(once);
      return () => void waiting.delete(once);
    },
    onChange(listener) {
      if (closed) return () => undefined;
      const once = (b: boolean): void => listener(b);
      watchers.add(once);
      return () => void watchers.delete(once);
    },
    close() {
      closed = true;
      waiting.clear();
      watchers.clear();
      events.off('kiosk:state', onState);
      events.off('ticket:update', onTicket);
      events.off('session:opened', onOpened);
      events.off('session:ended', onEnded);
    },
  };
}
