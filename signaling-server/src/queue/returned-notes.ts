/**
 * The note a ticket carries back to the front of the queue after the system ended its call (issue 13
 * #1): why (the kiosk lost past the grace, the agent lost, the media lost), the agent who served it
 * and when. Read from the ticket's latest session when the queue is read, so nothing new is stored.
 */
import { ReturnedReason, type ReturnedNote } from '@rvw/shared';
import type { Db } from '../db/database';

/** The notes of the requeued tickets among `ticketIds`, by ticket id (tickets without one are absent). */
export async function returnedNotes(
  db: Db,
  ticketIds: readonly string[],
): Promise<Map<string, ReturnedNote>> {
  const notes = new Map<string, ReturnedNote>();
  if (ticketIds.length === 0) return notes;
  const rows = await db
    .selectFrom('sessions as s')
    .innerJoin('agents as a', 'a.id', 's.agent_id')
    .select([
      's.ticket_id as ticketId',
      's.ended_at as endedAt',
      's.ended_by as endedBy',
      's.end_reason as reason',
    ])
    .select('a.display_name as agentName')
    .where('s.ticket_id', 'in', [...new Set(ticketIds)])
    .where('s.ended_at', 'is not', null)
    .orderBy('s.ended_at', 'asc')
    .execute();
  // The latest ended session of each ticket decides: a later call the resident or agent ended
  // closes the ticket anyway, so only a system end leaves a waiting ticket with a note.
  const latest = new Map<string, (typeof rows)[number]>();
  for (const r of rows) latest.set(r.ticketId, r);
  for (const [ticketId, r] of latest) {
    const reason = ReturnedReason.safeParse(r.reason);
    if (r.endedBy !== 'system' || !reason.success || !r.endedAt) continue;
    notes.set(ticketId, { reason: reason.data, agentName: r.agentName, at: r.endedAt });
  }
  return notes;
}
