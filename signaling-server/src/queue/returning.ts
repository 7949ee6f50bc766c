/**
 * Residents coming back (issue 8 #7): a kiosk whose last call the resident hung up, and which asks
 * again within RETURN_WINDOW_MS, has its new ticket served near the front (queue-rules.ts). Read
 * from the sessions when the queue is ordered, so nothing new is stored.
 */
import type { Db } from '../db/database';
import { RETURN_WINDOW_MS, returnedAt, type EndedCall } from './queue-rules';

/** `rows` (waiting tickets with their kiosk and creation time), each with its `returnedAt`. */
export async function withReturns<T extends { kioskId: string; createdAt: string }>(
  db: Db,
  rows: readonly T[],
): Promise<Array<T & { returnedAt: string | null }>> {
  if (rows.length === 0) return [];
  const earliest = rows.reduce((min, r) => (r.createdAt < min ? r.createdAt : min), rows[0]!.createdAt);
  const since = new Date(Date.parse(earliest) - RETURN_WINDOW_MS).toISOString();
  const ended = await db
    .selectFrom('sessions')
    .select(['kiosk_id as kioskId', 'ended_at as endedAt', 'ended_by as endedBy'])
    .where('ended_at', '>=', since)
    .where('kiosk_id', 'in', [...new Set(rows.map((r) => r.kioskId))])
    .execute();
  const byKiosk = new Map<string, EndedCall[]>();
  for (const { kioskId, endedAt, endedBy } of ended)
    if (endedAt && endedBy) byKiosk.set(kioskId, [...(byKiosk.get(kioskId) ?? []), { endedAt, endedBy }]);
  return rows.map((r) => ({ ...r, returnedAt: returnedAt(r.createdAt, byKiosk.get(r.kioskId) ?? []) }));
}
