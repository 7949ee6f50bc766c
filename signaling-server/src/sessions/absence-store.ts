/**
 * Absence deadlines in the database: when a session member's last socket goes away, the time at
 * which the server ends the session unless the member returns. Kept in the database so that a
 * restarted server (or another node) honours a deadline set before; process timers only wake the
 * check.
 */
import type { Db } from '../db/database';

/** Which member of which session is absent. */
export interface AbsentMember {
  sessionId: string;
  kind: 'kiosk' | 'agent';
}

/** An absent member and its deadline (ISO). */
export interface Absence extends AbsentMember {
  deadline: string;
}

/** Records a member as absent until `deadline`, keeping an earlier deadline already recorded. */
export async function markAbsent(db: Db, member: AbsentMember, deadline: Date): Promise<Absence> {
  await db
    .insertInto('member_absences')
    .values({ session_id: member.sessionId, member: member.kind, deadline: deadline.toISOString() })
    .onConflict((oc) => oc.columns(['session_id', 'member']).doNothing())
    .execute();
  const row = await absenceOf(db, member);
  return row ?? { ...member, deadline: deadline.toISOString() };
}

/** The member came back: drop its deadline. */
export async function markPresent(db: Db, member: AbsentMember): Promise<void> {
  await db
    .deleteFrom('member_absences')
    .where('session_id', '=', member.sessionId)
    .where('member', '=', member.kind)
    .execute();
}

/** The recorded absence of a member, if any. */
export async function absenceOf(db: Db, member: AbsentMember): Promise<Absence | null> {
  const row = await db
    .selectFrom('member_absences')
    .select('deadline')
    .where('session_id', '=', member.sessionId)
    .where('member', '=', member.kind)
    .executeTakeFirst();
  return row ? { ...member, deadline: row.deadline } : null;
}

/** Every recorded absence (at start-up). */
export async function allAbsences(db: Db): Promise<Absence[]> {
  const rows = await db.selectFrom('member_absences').selectAll().execute();
  return rows.map((r) => ({ sessionId: r.session_id, kind: r.member, deadline: r.deadline }));
}

/** The session ended: drop both members' deadlines. */
export async function clearAbsences(db: Db, sessionId: string): Promise<void> {
  await db.deleteFrom('member_absences').where('session_id', '=', sessionId).execute();
}
