/**
 * Taking back a blind transfer that no agent has taken yet: the first agent serves the resident
 * again in the same session (the ticket leaves the queue, both members get `session:opened` again
 * and the kiosk hears the transfer was cancelled). Refused once another agent took it (CONFLICT) or
 * while the first agent serves another session (AGENT_BUSY).
 */
import { RequestError } from '@rvw/shared';
import type { TransferRow } from '../db/schema-routing';
import type { RoutingDeps } from '../routing/routing-deps';
import { getSession } from '../sessions/session-store';
import { memberRoom } from '../socket/types';
import { TransferError } from './transfer-errors';
import { briefNewAgent, tellKiosk } from './transfer-notify';
import { servesAnother } from './transfer-store';

/** Cancels a queued blind transfer for its first agent; returns the cancelled row. */
export async function cancelQueued(deps: RoutingDeps, row: TransferRow): Promise<TransferRow> {
  const { db, clock, io, sessions } = deps;
  const now = clock();
  const me = row.from_agent_id;
  const cancelled = await db.transaction().execute(async (trx) => {
    if (await servesAnother(trx, me, row.session_id)) throw TransferError.busyElsewhere();
    const moved = await trx
      .updateTable('transfers')
      .set({ phase: 'cancelled', cancel_reason: 'withdrawn', updated_at: now.toISOString() })
      .where('id', '=', row.id)
      .where('phase', '=', 'queued')
      .returningAll()
      .executeTakeFirst();
    if (!moved) throw TransferError.alreadyTaken();
    const back = await trx
      .updateTable('tickets')
      .set({ status: 'serving', agent_id: me, target_agent_id: null })
      .where('id', '=', row.ticket_id)
      .where('status', '=', 'waiting')
      .returning('id')
      .executeTakeFirst();
    if (!back) throw TransferError.alreadyTaken();
    return moved;
  });
  sessions.release(row.session_id);
  const rec = await getSession(db, row.session_id);
  if (!rec) throw RequestError.internal();
  io.to(memberRoom('kiosk', rec.kioskId)).emit('session:opened', await sessions.opened(rec, 'kiosk'));
  tellKiosk(deps, rec.kioskId, rec.session.id, 'cancelled');
  io.to(memberRoom('agent', me)).emit('session:opened', await sessions.opened(rec, 'agent'));
  await briefNewAgent(deps, rec.session.id, rec.session.ticketId, me);
  deps.log.info({ transferId: row.id, sessionId: row.session_id }, 'blind transfer taken back by its agent');
  deps.bus.emit('session-opened', { sessionId: rec.session.id, agentId: me, ticketId: rec.session.ticketId });
  await deps.notifier.pushTicket(rec.session.ticketId, rec.kioskId);
  await deps.notifier.queueChanged();
  return cancelled;
}
