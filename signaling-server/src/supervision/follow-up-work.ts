/**
 * A supervisor works the follow-ups of low ratings (every bad review gets an outcome): assigns one to
 * a staff member of the centre and adds notes while it is open; closing is the case area's
 * closeFollowUp. A follow-up belongs to the centre of the agent who was rated.
 */
import { RequestError, type FollowUp } from '@rvw/shared';
import type { Db } from '../db/database';
import { followUpById } from '../cases/ratings';
import { scrubIdNumbers } from '@rvw/shared';
import { centreOfAgent, requireCentre } from './centre-scope';

/** NOT_FOUND, or FORBIDDEN for a follow-up of another centre's agent; returns whether it is open. */
export async function requireFollowUpCentre(db: Db, followUpId: string, centreId: string): Promise<boolean> {
  const row = await db
    .selectFrom('follow_ups as f')
    .innerJoin('agents as a', 'a.id', 'f.agent_id')
    .select(['a.centre_id', 'f.closed_at'])
    .where('f.id', '=', followUpId)
    .executeTakeFirst();
  if (!row) throw RequestError.notFound('The follow-up');
  requireCentre(row.centre_id, centreId, 'The follow-up');
  return row.closed_at === null;
}

/**
 * Assigns an open follow-up of the caller's centre to a staff member of the same centre. NOT_FOUND
 * (follow-up or account), FORBIDDEN (either of another centre), CONFLICT once it is closed.
 */
export async function assignFollowUp(
  db: Db,
  r: { id: string; agentId: string; centreId: string },
): Promise<FollowUp> {
  if (!(await requireFollowUpCentre(db, r.id, r.centreId))) throw closed();
  const assigneeCentre = await centreOfAgent(db, r.agentId);
  if (assigneeCentre === null) throw RequestError.notFound('The staff member');
  requireCentre(assigneeCentre, r.centreId, 'The staff member');
  const res = await db
    .updateTable('follow_ups')
    .set({ assigned_to: r.agentId })
    .where('id', '=', r.id)
    .where('closed_at', 'is', null)
    .executeTakeFirst();
  if (Number(res.numUpdatedRows) === 0) throw closed();
  return (await followUpById(db, r.id))!;
}

/** Adds a note (ID-number-shaped text scrubbed) to an open follow-up of the caller's centre. */
export async function noteFollowUp(
  db: Db,
  r: { id: string; by: string; text: string; centreId: string; now: Date },
): Promise<FollowUp> {
  if (!(await requireFollowUpCentre(db, r.id, r.centreId))) throw closed();
  await db.transaction().execute(async (trx) => {
    // Checked again inside the transaction: a close in between wins.
    const open = await trx
      .selectFrom('follow_ups')
      .select('id')
      .where('id', '=', r.id)
      .where('closed_at', 'is', null)
      .executeTakeFirst();
    if (!open) throw closed();
    await trx
      .insertInto('follow_up_notes')
      .values({ follow_up_id: r.id, by: r.by, at: r.now.toISOString(), text: scrubIdNumbers(r.text) })
      .execute();
  });
  return (await followUpById(db, r.id))!;
}

// As closeFollowUp says it: "A closing note for this follow-up already exists."
function closed(): RequestError {
  return RequestError.conflict('A closing note for this follow-up');
}
