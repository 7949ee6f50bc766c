/**
 * Appointments in the database (issue 11 #8): the seam the routing core calls from `ticket:request`
 * (claimAppointment, appointmentTicketed). Every change here runs inside the caller's transaction.
 */
import { AppError, CHECK_IN_EARLY_MIN, ErrorCode, RequestError, Skill } from '@rvw/shared';
import type { Db } from '../db/database';

/** What a claimed appointment gives its ticket: the slot's item, skill and window. */
export interface ClaimedAppointment {
  itemCode: string;
  skill: Skill;
  startsAt: string;
  endsAt: string;
}

/** An appointment that cannot become a ticket now (not arrived here, not due, or already used). */
export function appointmentWrongState(): AppError {
  return new AppError(
    ErrorCode.WrongState,
    'This appointment cannot become a ticket now: it is not checked in at this kiosk, or its window is not open.',
  );
}

/** Whether `now` lies in the check-in window: CHECK_IN_EARLY_MIN before the start until the end. */
export function checkInOpen(slot: { starts_at: string; ends_at: string }, now: Date): boolean {
  const t = now.getTime();
  const opens = Date.parse(slot.starts_at) - CHECK_IN_EARLY_MIN * 60_000;
  return t >= opens && t < Date.parse(slot.ends_at);
}

/**
 * The appointment `appointmentId`, checked in (arrived) at `kioskId` and due at `now`, for a ticket
 * of this kiosk: NOT_FOUND when there is no such appointment, WRONG_STATE when it is not this kiosk's
 * arrived appointment, its window is not open, or it already has an open ticket.
 */
export async function claimAppointment(
  trx: Db,
  input: { appointmentId: string; kioskId: string; now: Date },
): Promise<ClaimedAppointment> {
  const row = await trx
    .selectFrom('appointments as a')
    .innerJoin('appointment_slots as s', 's.id', 'a.slot_id')
    .leftJoin('tickets as t', 't.id', 'a.ticket_id')
    .select([
      'a.status',
      'a.kiosk_id',
      's.item_code',
      's.skill',
      's.starts_at',
      's.ends_at',
      't.status as ticket_status',
    ])
    .where('a.id', '=', input.appointmentId)
    .executeTakeFirst();
  if (!row) throw RequestError.notFound('The appointment');
  if (row.status !== 'arrived' || row.kiosk_id !== input.kioskId) throw appointmentWrongState();
  if (!checkInOpen(row, input.now)) throw appointmentWrongState();
  if (row.ticket_status === 'waiting' || row.ticket_status === 'serving') throw appointmentWrongState();
  const skill = Skill.safeParse(row.skill);
  if (!skill.success) throw appointmentWrongState();
  return { itemCode: row.item_code, skill: skill.data, startsAt: row.starts_at, endsAt: row.ends_at };
}

/** Ties a claimed appointment to the ticket it became. */
export async function appointmentTicketed(trx: Db, appointmentId: string, ticketId: string): Promise<void> {
  await trx
    .updateTable('appointments')
    .set({ ticket_id: ticketId })
    .where('id', '=', appointmentId)
    .execute();
}
