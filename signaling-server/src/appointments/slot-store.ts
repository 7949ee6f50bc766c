/**
 * Appointment slots in the database (issue 11 #8): a supervisor opens consecutive windows for a
 * skill group of their centre; agents list a day's slots; the kiosk lists the open ones ahead.
 * `booked` counts every appointment of a slot that was not cancelled.
 */
import { randomUUID } from 'node:crypto';
import {
  AppError,
  QueueError,
  RequestError,
  Skill,
  type AppointmentSlot,
  type CreateSlotsRequest,
  type LocalText,
} from '@rvw/shared';
import type { Db } from '../db/database';
import type { AppointmentSlotRow } from '../db/schema-routing';

/** How far ahead the kiosk offers slots. */
export const KIOSK_SLOT_DAYS = 14;

/** A slot row with its booked count and its specialist's name (when it has one). */
export interface SlotRecord extends AppointmentSlotRow {
  booked: number;
  specialist_name: string | null;
}

/** The item's name for a code, from the catalogue (undefined for an item no longer there). */
export type ItemNames = (itemCode: string) => LocalText | undefined;

/** The client-facing shape of a slot. */
export function toSlot(row: SlotRecord, names: ItemNames): AppointmentSlot {
  const itemName = names(row.item_code);
  return {
    slotId: row.id,
    centreId: row.centre_id,
    skill: Skill.catch('consultation').parse(row.skill),
    itemCode: row.item_code,
    ...(itemName ? { itemName } : {}),
    startsAt: row.starts_at,
    endsAt: row.ends_at,
    capacity: row.capacity,
    booked: row.booked,
    ...(row.specialist_agent_id
      ? {
          specialist: {
            agentId: row.specialist_agent_id,
            displayName: row.specialist_name ?? row.specialist_agent_id,
          },
        }
      : {}),
  };
}

/** The first and the last instant (exclusive) of an Asia/Shanghai day, as ISO strings. */
export function shanghaiDayRange(day: string): { from: string; to: string } {
  const start = new Date(`${day}T00:00:00+08:00`);
  return { from: start.toISOString(), to: new Date(start.getTime() + 86_400_000).toISOString() };
}

/** Slots with their booked count, filtered by `where` (the caller's centre, a day, a skill...). */
function slotQuery(db: Db) {
  return db
    .selectFrom('appointment_slots as s')
    .leftJoin('agents as g', 'g.id', 's.specialist_agent_id')
    .selectAll('s')
    .select('g.display_name as specialist_name')
    .select((eb) =>
      eb
        .selectFrom('appointments as a')
        .whereRef('a.slot_id', '=', 's.id')
        .where('a.status', '!=', 'cancelled')
        .select((e) => e.fn.countAll<number>().as('n'))
        .as('booked'),
    );
}

function asRecord(row: AppointmentSlotRow & { specialist_name: string | null; booked: unknown }): SlotRecord {
  return { ...row, booked: Number(row.booked ?? 0) };
}

/** One slot with its booked count, or null. */
export async function getSlot(db: Db, slotId: string): Promise<SlotRecord | null> {
  const row = await slotQuery(db).where('s.id', '=', slotId).executeTakeFirst();
  return row ? asRecord(row) : null;
}

/** The slots of a centre starting on `day` (Asia/Shanghai), optionally of one skill, by start. */
export async function slotsOfDay(
  db: Db,
  centreId: string,
  day: string,
  skill?: Skill,
): Promise<SlotRecord[]> {
  const { from, to } = shanghaiDayRange(day);
  let q = slotQuery(db)
    .where('s.centre_id', '=', centreId)
    .where('s.starts_at', '>=', from)
    .where('s.starts_at', '<', to);
  if (skill) q = q.where('s.skill', '=', skill);
  return (await q.orderBy('s.starts_at').orderBy('s.skill').execute()).map(asRecord);
}

/** A centre's slots that start after `now` within KIOSK_SLOT_DAYS and still have a free place. */
export async function openSlots(db: Db, centreId: string, now: Date, skill?: Skill): Promise<SlotRecord[]> {
  const until = new Date(now.getTime() + KIOSK_SLOT_DAYS * 86_400_000).toISOString();
  let q = slotQuery(db)
    .where('s.centre_id', '=', centreId)
    .where('s.starts_at', '>', now.toISOString())
    .where('s.starts_at', '<', until);
  if (skill) q = q.where('s.skill', '=', skill);
  const rows = (await q.orderBy('s.starts_at').orderBy('s.skill').execute()).map(asRecord);
  return rows.filter((r) => r.booked < r.capacity);
}

/** What opening slots needs to check against the catalogue. */
export interface SlotCatalogue {
  /** The item's category (its skill group), or undefined when the code is not in the catalogue. */
  categoryOf(itemCode: string): string | undefined;
}

/**
 * Opens `count` consecutive windows of `lengthMin` minutes from `from` for the centre's skill group.
 * BAD_PAYLOAD for an item not in the catalogue or of another category, NOT_FOUND for a specialist
 * who is not an agent of the centre, SLOT_PAST when the first window has begun.
 */
export async function createSlots(
  db: Db,
  input: { centreId: string; request: CreateSlotsRequest; catalogue: SlotCatalogue; now: Date },
): Promise<string[]> {
  const { request: r, centreId, now } = input;
  const category = input.catalogue.categoryOf(r.itemCode);
  if (category === undefined) throw RequestError.badPayload('itemCode is not an item of the catalogue');
  if (category !== r.skill)
    throw RequestError.badPayload("itemCode is not an item of the slot's skill group");
  const start = Date.parse(r.from);
  if (start <= now.getTime()) throw QueueError.slotPast();
  return db.transaction().execute(async (trx) => {
    if (r.specialistAgentId) {
      const agent = await trx
        .selectFrom('agents')
        .select('id')
        .where('id', '=', r.specialistAgentId)
        .where('centre_id', '=', centreId)
        .where('disabled_at', 'is', null)
        .executeTakeFirst();
      if (!agent) throw RequestError.notFound('The specialist');
    }
    const ids: string[] = [];
    const created = now.toISOString();
    for (let i = 0; i < r.count; i++) {
      const id = randomUUID();
      ids.push(id);
      await trx
        .insertInto('appointment_slots')
        .values({
          id,
          centre_id: centreId,
          skill: r.skill,
          item_code: r.itemCode,
          starts_at: new Date(start + i * r.lengthMin * 60_000).toISOString(),
          ends_at: new Date(start + (i + 1) * r.lengthMin * 60_000).toISOString(),
          capacity: r.capacity,
          specialist_agent_id: r.specialistAgentId ?? null,
          created_at: created,
        })
        .execute();
    }
    return ids;
  });
}

/** The slots with these ids, in start order. */
export async function slotsByIds(db: Db, ids: readonly string[]): Promise<SlotRecord[]> {
  if (ids.length === 0) return [];
  return (await slotQuery(db).where('s.id', 'in', ids).orderBy('s.starts_at').execute()).map(asRecord);
}

/** Refuses a request that is not for this centre's slot (never says whose it is). */
export function ensureSameCentre(
  slot: { centre_id: string } | null | undefined,
  centreId: string,
): asserts slot {
  if (!slot || slot.centre_id !== centreId) throw AppError.notFound('The appointment slot');
}
