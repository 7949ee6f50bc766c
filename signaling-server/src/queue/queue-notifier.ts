/**
 * Queue pushes: the ordered snapshot (with positions) to every agent, and to each kiosk the view of
 * its own ticket, sent only when it changed.
 */
import type { QueueSnapshot, TicketPosition } from '@rvw/shared';
import type { Clock } from '../clock';
import type { Db } from '../db/database';
import type { Presence } from '../socket/presence';
import { AGENTS_ROOM, memberRoom, type RvwServer } from '../socket/types';
import { queueEntries, ticketPosition } from './ticket-store';

/** Pushes queue changes to agents and kiosks. */
export class QueueNotifier {
  /** Last TicketPosition sent to each waiting ticket's kiosk, to push only changes. */
  private readonly lastSent = new Map<string, string>();

  constructor(private readonly deps: { io: RvwServer; db: Db; clock: Clock; presence: Presence }) {}

  /** The queue as agents see it now: in service order, each entry with its position and its kiosk's presence. */
  async snapshot(): Promise<QueueSnapshot> {
    const now = this.deps.clock();
    const lines = await queueEntries(this.deps.db, now);
    const online = new Map<string, boolean>();
    for (const l of lines) {
      if (!online.has(l.kiosk.id))
        online.set(l.kiosk.id, await this.deps.presence.isPresent('kiosk', l.kiosk.id));
    }
    const entries = lines.map(({ kioskOfflineSince, ...l }) => {
      const kioskOnline = online.get(l.kiosk.id) ?? false;
      // The recorded time only means something while the kiosk is away.
      return kioskOnline || !kioskOfflineSince
        ? { ...l, kioskOnline }
        : { ...l, kioskOnline, kioskOfflineSince };
    });
    return { entries, serverTime: now.toISOString() };
  }

  /** Sends a kiosk the current view of one of its tickets. */
  async pushTicket(ticketId: string, kioskId: string): Promise<TicketPosition | null> {
    const pos = await ticketPosition(this.deps.db, ticketId);
    if (pos) {
      this.lastSent.set(ticketId, JSON.stringify(pos));
      this.deps.io.to(memberRoom('kiosk', kioskId)).emit('ticket:update', pos);
      if (pos.ticket.status !== 'waiting') this.lastSent.delete(ticketId);
    }
    return pos;
  }

  /** The queue changed: push the snapshot to agents and new positions to the kiosks that moved. */
  async queueChanged(): Promise<void> {
    const snapshot = await this.snapshot();
    const { entries } = snapshot;
    this.deps.io.to(AGENTS_ROOM).emit('queue:update', snapshot);
    const live = new Set<string>();
    for (const e of entries) {
      live.add(e.ticketId);
      const pos: TicketPosition = {
        ticket: {
          id: e.ticketId,
          number: e.number,
          kioskId: e.kiosk.id,
          status: 'waiting',
          createdAt: e.createdAt,
          hasIdentity: e.identity !== undefined,
          need: e.need,
          centreId: e.place.centreId,
        },
        position: e.position,
        waiting: entries.length,
        estimate: { kind: 'none', reason: 'no-history' },
      };
      const key = JSON.stringify(pos);
      if (this.lastSent.get(e.ticketId) === key) continue;
      this.lastSent.set(e.ticketId, key);
      this.deps.io.to(memberRoom('kiosk', e.kiosk.id)).emit('ticket:update', pos);
    }
    for (const id of this.lastSent.keys()) if (!live.has(id)) this.lastSent.delete(id);
  }
}
