/**
 * The rating of a session (好差评) and the follow-ups low ratings open. A session is rated once, by
 * its kiosk, while it is open or within the rating window after it ended; "not rated" (the screen
 * was left alone) is stored too. A low rating (不满意, 非常不满意) opens a follow-up that a
 * supervisor closes with a note: every bad review gets an outcome.
 */
import { randomUUID } from 'node:crypto';
import {
  CaseError,
  RequestError,
  isLowRating,
  type FollowUp,
  type LowRatingReason,
  type RatingLevel,
  type RatingRecord,
  type RatingSubmission,
} from '@rvw/shared';
import type { Db } from '../db/database';
import type { FollowUpRow } from '../db/schema';
import { isUniqueViolation } from '../db/storage-errors';
import { scrubIdNumbers } from '@rvw/shared';

/** True while a session may still be rated: open, or ended less than `windowMs` ago. */
export function ratingOpen(endedAt: string | null, now: Date, windowMs: number): boolean {
  return endedAt === null || now.getTime() - Date.parse(endedAt) <= windowMs;
}

/**
 * Stores a session's rating, and a follow-up when it is low (one transaction). RATING_CLOSED when
 * the session was rated before. Returns the follow-up's id, if one was opened.
 */
export async function storeRating(
  db: Db,
  r: { sessionId: string; agentId: string; rating: RatingSubmission; now: Date },
): Promise<string | null> {
  const at = r.now.toISOString();
  const rated = r.rating.rated;
  try {
    return await db.transaction().execute(async (trx) => {
      await trx
        .insertInto('ratings')
        .values({
          session_id: r.sessionId,
          rated: rated ? 1 : 0,
          level: rated ? r.rating.level : null,
          reasons: JSON.stringify(rated ? r.rating.reasons : []),
          // Typed by committee staff: nothing shaped like an ID number is kept.
          staff_note: rated && r.rating.staffNote ? scrubIdNumbers(r.rating.staffNote) : null,
          at,
        })
        .execute();
      if (!rated || !isLowRating(r.rating.level)) return null;
      const id = randomUUID();
      await trx
        .insertInto('follow_ups')
        .values({
          id,
          session_id: r.sessionId,
          agent_id: r.agentId,
          opened_at: at,
          closed_at: null,
          closed_by: null,
          closing_note: null,
        })
        .execute();
      return id;
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw CaseError.ratingClosed();
    throw err;
  }
}

/** A session's rating as stored, or null. */
export async function ratingOf(db: Db, sessionId: string): Promise<RatingRecord | null> {
  const r = await db.selectFrom('ratings').selectAll().where('session_id', '=', sessionId).executeTakeFirst();
  if (!r) return null;
  return {
    sessionId: r.session_id,
    rated: r.rated === 1,
    level: (r.level as RatingLevel | null) ?? null,
    reasons: JSON.parse(r.reasons) as LowRatingReason[],
    staffNote: r.staff_note,
    at: r.at,
  };
}

async function toFollowUp(db: Db, row: FollowUpRow): Promise<FollowUp> {
  const rating = await ratingOf(db, row.session_id);
  const cases = await db
    .selectFrom('cases')
    .select('number')
    .where('session_id', '=', row.session_id)
    .orderBy('seq')
    .execute();
  return {
    id: row.id,
    sessionId: row.session_id,
    caseNumbers: cases.map((c) => c.number),
    agentId: row.agent_id,
    // A follow-up exists only for a stored low rating.
    level: rating?.level ?? 'very-dissatisfied',
    reasons: rating?.reasons ?? [],
    staffNote: rating?.staffNote ?? null,
    openedAt: row.opened_at,
    closedAt: row.closed_at,
    closedBy: row.closed_by,
    closingNote: row.closing_note,
    ...(await followUpWork(db, row)),
  };
}

/** Issue 11: who was asked to follow it up, and the notes added while open (oldest first). */
async function followUpWork(db: Db, row: FollowUpRow): Promise<Pick<FollowUp, 'assignedTo' | 'notes'>> {
  const assignee = row.assigned_to
    ? await db
        .selectFrom('agents')
        .select('display_name')
        .where('id', '=', row.assigned_to)
        .executeTakeFirst()
    : undefined;
  const notes = await db
    .selectFrom('follow_up_notes')
    .select(['by', 'at', 'text'])
    .where('follow_up_id', '=', row.id)
    .orderBy('id')
    .execute();
  return {
    assignedTo: row.assigned_to
      ? { agentId: row.assigned_to, displayName: assignee?.display_name ?? row.assigned_to }
      : null,
    notes,
  };
}

/** One follow-up by id, or null. */
export async function followUpById(db: Db, id: string): Promise<FollowUp | null> {
  const row = await db.selectFrom('follow_ups').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toFollowUp(db, row) : null;
}

/**
 * Follow-ups, open ones first (oldest first), then closed ones (latest closed first); with
 * `centreId`, only those of that centre's agents (a supervisor's own).
 */
export async function listFollowUps(
  db: Db,
  status: 'open' | 'closed' | 'all' = 'all',
  centreId?: string,
): Promise<FollowUp[]> {
  let q = db.selectFrom('follow_ups').selectAll();
  if (centreId)
    q = q.where('agent_id', 'in', db.selectFrom('agents').select('id').where('centre_id', '=', centreId));
  if (status === 'open') q = q.where('closed_at', 'is', null);
  if (status === 'closed') q = q.where('closed_at', 'is not', null);
  const rows = await q.orderBy('opened_at').orderBy('id').limit(500).execute();
  const open = rows.filter((r) => r.closed_at === null);
  const closed = rows
    .filter((r) => r.closed_at !== null)
    .sort((a, b) => (b.closed_at ?? '').localeCompare(a.closed_at ?? ''));
  return Promise.all([...open, ...closed].map((r) => toFollowUp(db, r)));
}

/** A supervisor closes a follow-up with what was done. NOT_FOUND; CONFLICT when already closed. */
export async function closeFollowUp(
  db: Db,
  r: { id: string; by: string; note: string; now: Date },
): Promise<FollowUp> {
  const row = await db
    .updateTable('follow_ups')
    .set({ closed_at: r.now.toISOString(), closed_by: r.by, closing_note: scrubIdNumbers(r.note) })
    .where('id', '=', r.id)
    .where('closed_at', 'is', null)
    .returningAll()
    .executeTakeFirst();
  if (row) return toFollowUp(db, row);
  const exists = await db.selectFrom('follow_ups').select('id').where('id', '=', r.id).executeTakeFirst();
  if (!exists) throw RequestError.notFound('The follow-up');
  throw RequestError.conflict('A closing note for this follow-up');
}
