/**
 * Appointments in the database (issue 11 #8): booking (one transaction decides past, full and
 * duplicate), cancelling a booked one, the kiosk's check-in, the seam the routing core calls from `ticket:request`
 * (claimAppointment, appointmentTicketed, inside its transaction), the missed and served marks, and a
 * day's lists. The resident's name and phone are ciphertext (the appointment id as context), the ID
 * number a keyed hash plus its masked form: nothing here is ever logged.
 */
import { randomUUID } from 'node:crypto';
import {
  AppError,
  AuthError,
  CHECK_IN_EARLY_MIN,
  ErrorCode,
  QueueError,
  RequestError,
  Skill,
  maskIdNumber,
  type Appointment,
} from '@rvw/shared';
import type { Db } from '../db/database';
import type { AppointmentRow } from '../db/schema-routing';
import type { IdentityCipher } from '../identity/identity-crypto';
import { ensureSameCentre, shanghaiDayRange, toSlot, type ItemNames, type SlotRecord } from './slot-store';

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

/** Stored in `booked_by` when the resident booked at a kiosk. */
export const BOOKED_AT_KIOSK = 'kiosk';

/** The HMAC purpose of appointment ID-number hashes (see IdentityCipher.lookupHash). */
export const ID_HASH_PURPOSE = 'appointment-id-number';

/** An appointment row with its slot (as a SlotRecord) and its ticket's number. */
export interface AppointmentRecord {
  row: AppointmentRow;
  slot: SlotRecord;
  ticketNumber: string | null;
}

/** The client-facing shape: the name decrypted (the appointment id is its context), the number masked. */
export function toAppointment(rec: AppointmentRecord, cipher: IdentityCipher, names: ItemNames): Appointment {
  const { row } = rec;
  return {
    appointmentId: row.id,
    slot: toSlot(rec.slot, names),
    status: row.status,
    residentName: cipher.decrypt(row.resident_name, row.id),
    idNumberMasked: row.id_masked,
    bookedBy: row.booked_by,
    bookedAt: row.booked_at,
    ...(rec.ticketNumber ? { ticketNumber: rec.ticketNumber } : {}),
  };
}

/** Appointments with their slots, filtered by the caller's `where` on `a` and `s`. */
function appointmentQuery(db: Db) {
  return db
    .selectFrom('appointments as a')
    .innerJoin('appointment_slots as s', 's.id', 'a.slot_id')
    .leftJoin('agents as g', 'g.id', 's.specialist_agent_id')
    .leftJoin('tickets as t', 't.id', 'a.ticket_id')
    .selectAll('a')
    .select([
      's.centre_id',
      's.skill',
      's.item_code',
      's.starts_at',
      's.ends_at',
      's.capacity',
      's.specialist_agent_id',
      's.created_at as slot_created_at',
      'g.display_name as specialist_name',
      't.number as ticket_number',
    ])
    .select((eb) =>
      eb
        .selectFrom('appointments as b')
        .whereRef('b.slot_id', '=', 'a.slot_id')
        .where('b.status', '!=', 'cancelled')
        .select((e) => e.fn.countAll<number>().as('n'))
        .as('booked'),
    );
}

type JoinedRow = Awaited<ReturnType<ReturnType<typeof appointmentQuery>['execute']>>[number];

function asRecord(r: JoinedRow): AppointmentRecord {
  const row: AppointmentRow = {
    id: r.id,
    slot_id: r.slot_id,
    status: r.status,
    resident_name: r.resident_name,
    id_hash: r.id_hash,
    id_masked: r.id_masked,
    phone: r.phone,
    booked_by: r.booked_by,
    booked_at: r.booked_at,
    kiosk_id: r.kiosk_id,
    arrived_at: r.arrived_at,
    ticket_id: r.ticket_id,
  };
  const slot: SlotRecord = {
    id: r.slot_id,
    centre_id: r.centre_id,
    skill: r.skill,
    item_code: r.item_code,
    starts_at: r.starts_at,
    ends_at: r.ends_at,
    capacity: r.capacity,
    specialist_agent_id: r.specialist_agent_id,
    created_at: r.slot_created_at,
    specialist_name: r.specialist_name,
    booked: Number(r.booked ?? 0),
  };
  return { row, slot, ticketNumber: r.ticket_number };
}

/** One appointment with its slot, or null. */
export async function getAppointment(db: Db, appointmentId: string): Promise<AppointmentRecord | null> {
  const r = await appointmentQuery(db).where('a.id', '=', appointmentId).executeTakeFirst();
  return r ? asRecord(r) : null;
}

/** Who a booking is for: the resident's name, ID number and (optional) phone, in the clear. */
export interface BookingResident {
  name: string;
  idNumber: string;
  phone?: string | undefined;
}

/**
 * Books `slotId` (a slot of `centreId`) for the resident, in one transaction: NOT_FOUND for another
 * centre's or an unknown slot, SLOT_PAST once its window has begun, SLOT_FULL when every place is
 * taken, CONFLICT when this resident already holds a booking of the slot. The row is written first
 * and the counts checked after it (rolled back on refusal), so the write lock orders two bookings of
 * the last place: one gets it, the other SLOT_FULL, also across processes.
 */
export async function bookSlot(
  db: Db,
  cipher: IdentityCipher,
  input: { slotId: string; centreId: string; resident: BookingResident; bookedBy: string; now: Date },
): Promise<string> {
  const id = randomUUID();
  const idNumber = input.resident.idNumber.toUpperCase();
  const idHash = cipher.lookupHash(idNumber, ID_HASH_PURPOSE);
  await db.transaction().execute(async (trx) => {
    const slot = await trx
      .selectFrom('appointment_slots')
      .select(['id', 'centre_id', 'starts_at', 'capacity'])
      .where('id', '=', input.slotId)
      .executeTakeFirst();
    ensureSameCentre(slot, input.centreId);
    if (Date.parse(slot.starts_at) <= input.now.getTime()) throw QueueError.slotPast();
    await trx
      .insertInto('appointments')
      .values({
        id,
        slot_id: slot.id,
        status: 'booked',
        resident_name: cipher.encrypt(input.resident.name, id),
        id_hash: idHash,
        id_masked: maskIdNumber(idNumber),
        phone: input.resident.phone ? cipher.encrypt(input.resident.phone, id) : null,
        booked_by: input.bookedBy,
        booked_at: input.now.toISOString(),
        kiosk_id: null,
        arrived_at: null,
        ticket_id: null,
      })
      .execute();
    const held = await trx
      .selectFrom('appointments')
      .select((e) => [
        e.fn.countAll<number>().as('all'),
        e.fn.sum<number>(e.case().when('id_hash', '=', idHash).then(1).else(0).end()).as('mine'),
      ])
      .where('slot_id', '=', slot.id)
      .where('status', '!=', 'cancelled')
      .executeTakeFirstOrThrow();
    if (Number(held.mine) > 1) throw RequestError.conflict('A booking of this slot for this resident');
    if (Number(held.all) > slot.capacity) throw QueueError.slotFull();
  });
  return id;
}

/**
 * The kiosk's check-in: the resident's appointment in the kiosk's centre whose check-in window is
 * open at `now` (booked, or arrived without an open ticket, e.g. after the kiosk restarted), marked
 * arrived at this kiosk; null when there is none. The earliest such window wins.
 */
export async function checkIn(
  db: Db,
  cipher: IdentityCipher,
  input: { kioskId: string; centreId: string; idNumber: string; now: Date },
): Promise<string | null> {
  const idHash = cipher.lookupHash(input.idNumber.toUpperCase(), ID_HASH_PURPOSE);
  const now = input.now;
  const latestStart = new Date(now.getTime() + CHECK_IN_EARLY_MIN * 60_000).toISOString();
  return db.transaction().execute(async (trx) => {
    const candidates = await trx
      .selectFrom('appointments as a')
      .innerJoin('appointment_slots as s', 's.id', 'a.slot_id')
      .leftJoin('tickets as t', 't.id', 'a.ticket_id')
      .select(['a.id', 'a.status', 's.starts_at', 's.ends_at', 't.status as ticket_status'])
      .where('a.id_hash', '=', idHash)
      .where('s.centre_id', '=', input.centreId)
      .where('a.status', 'in', ['booked', 'arrived'])
      .where('s.starts_at', '<=', latestStart)
      .where('s.ends_at', '>', now.toISOString())
      .orderBy('s.starts_at')
      .execute();
    const found = candidates.find(
      (c) =>
        checkInOpen(c, now) &&
        (c.status === 'booked' || (c.ticket_status !== 'waiting' && c.ticket_status !== 'serving')),
    );
    if (!found) return null;
    await trx
      .updateTable('appointments')
      .set({ status: 'arrived', kiosk_id: input.kioskId, arrived_at: now.toISOString() })
      .where('id', '=', found.id)
      .execute();
    return found.id;
  });
}

/** An appointment that is no longer booked (checked in, served, missed or cancelled) cannot be cancelled. */
export function appointmentNotCancellable(status: string): AppError {
  return new AppError(
    ErrorCode.WrongState,
    `Only a booked appointment can be cancelled; this one is ${status === 'arrived' ? 'checked in' : status}.`,
  );
}

/**
 * Cancels a booked appointment of `centreId`: NOT_FOUND for an unknown one, FORBIDDEN for another
 * centre's, WRONG_STATE once it is not booked. The update is conditional on `booked`, so a check-in
 * or another cancel that wins the race leaves WRONG_STATE here. Its place in the slot is free again
 * (`booked` counts every appointment not cancelled) and the check-in no longer finds it.
 */
export async function cancelAppointment(
  db: Db,
  input: { appointmentId: string; centreId: string },
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom('appointments as a')
      .innerJoin('appointment_slots as s', 's.id', 'a.slot_id')
      .select(['a.status', 's.centre_id'])
      .where('a.id', '=', input.appointmentId)
      .executeTakeFirst();
    if (!row) throw RequestError.notFound('The appointment');
    if (row.centre_id !== input.centreId)
      throw AuthError.forbidden(
        "This appointment belongs to another centre; you may cancel only your own centre's.",
      );
    if (row.status !== 'booked') throw appointmentNotCancellable(row.status);
    const res = await trx
      .updateTable('appointments')
      .set({ status: 'cancelled' })
      .where('id', '=', input.appointmentId)
      .where('status', '=', 'booked')
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) throw appointmentNotCancellable('no longer booked');
  });
}

/** Booked appointments whose window has ended become `missed`; returns how many. */
export async function markMissed(db: Db, now: Date): Promise<number> {
  const ended = db.selectFrom('appointment_slots').select('id').where('ends_at', '<=', now.toISOString());
  const res = await db
    .updateTable('appointments')
    .set({ status: 'missed' })
    .where('status', '=', 'booked')
    .where('slot_id', 'in', ended)
    .executeTakeFirst();
  return Number(res.numUpdatedRows);
}

/** The arrived appointment that became this session's ticket is `served` once the session ends. */
export async function markServed(db: Db, sessionId: string): Promise<void> {
  const ticket = db.selectFrom('sessions').select('ticket_id').where('id', '=', sessionId);
  await db
    .updateTable('appointments')
    .set({ status: 'served' })
    .where('status', '=', 'arrived')
    .where('ticket_id', 'in', ticket)
    .execute();
}

/** A day's appointments of a centre, in start order; `agent` keeps those of their slots only. */
export async function appointmentsOfDay(
  db: Db,
  input: { centreId: string; day: string; agent?: { agentId: string; skills: readonly string[] } },
): Promise<AppointmentRecord[]> {
  const { from, to } = shanghaiDayRange(input.day);
  let q = appointmentQuery(db)
    .where('s.centre_id', '=', input.centreId)
    .where('s.starts_at', '>=', from)
    .where('s.starts_at', '<', to)
    .where('a.status', '!=', 'cancelled');
  const agent = input.agent;
  if (agent) {
    q = q.where((eb) => {
      const mine = eb('s.specialist_agent_id', '=', agent.agentId);
      if (agent.skills.length === 0) return mine;
      return eb.or([
        mine,
        eb.and([eb('s.specialist_agent_id', 'is', null), eb('s.skill', 'in', [...agent.skills])]),
      ]);
    });
  }
  return (await q.orderBy('s.starts_at').orderBy('a.booked_at').execute()).map(asRecord);
}
