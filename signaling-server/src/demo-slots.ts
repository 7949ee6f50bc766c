/**
 * The demo's appointment slots (云导办, issue 11 #8): a few windows in the next hours in the first
 * centre, so that a person can book one at the kiosk or by phone and check in at once (check-in
 * opens 15 minutes before a window). Opened through the appointments' own createSlots; none are
 * added while the centre still has a window that has not ended.
 */
import type { CreateSlotsRequest, Skill } from '@rvw/shared';
import { createSlots, type SlotCatalogue } from './appointments/slot-store';
import type { Db } from './db/database';

/** One group of consecutive windows the demo opened. */
export interface DemoSlots {
  centreId: string;
  skill: Skill;
  itemCode: string;
  /** ISO start of the first window and end of the last. */
  from: string;
  to: string;
  count: number;
  lengthMin: number;
  capacity: number;
  /** The specialist's username, when the windows are theirs. */
  specialist?: string;
}

/** What the demo opens, from the next half hour on (offsets in minutes after it). */
const plan: ReadonlyArray<
  Omit<CreateSlotsRequest, 'from' | 'specialistAgentId'> & { offsetMin: number; specialist?: string }
> = [
  { skill: 'elderly-care', itemCode: 'ltci-assessment', offsetMin: 0, lengthMin: 30, count: 4, capacity: 2 },
  {
    skill: 'medical-insurance',
    itemCode: 'medical-record-booklet',
    offsetMin: 0,
    lengthMin: 60,
    count: 2,
    capacity: 2,
    specialist: 'wangfang',
  },
  {
    skill: 'disability',
    itemCode: 'disability-certificate-renewal',
    offsetMin: 30,
    lengthMin: 30,
    count: 2,
    capacity: 1,
    specialist: 'liqiang',
  },
];

/** The next half hour (xx:00 or xx:30) strictly after `now`. */
export function nextHalfHour(now: Date): Date {
  const step = 30 * 60_000;
  return new Date(Math.floor(now.getTime() / step) * step + step);
}

/**
 * Opens the demo's windows in `centreId` unless it has a window that has not ended; returns the
 * groups opened (none when it had some).
 */
export async function ensureDemoSlots(
  db: Db,
  centreId: string,
  catalogue: SlotCatalogue,
  now: Date,
): Promise<DemoSlots[]> {
  const pending = await db
    .selectFrom('appointment_slots')
    .select('id')
    .where('centre_id', '=', centreId)
    .where('ends_at', '>', now.toISOString())
    .executeTakeFirst();
  if (pending) return [];
  const start = nextHalfHour(now).getTime();
  const opened: DemoSlots[] = [];
  for (const { offsetMin, specialist, ...group } of plan) {
    const specialistRow = specialist
      ? await db
          .selectFrom('agents')
          .select('id')
          .where('username', '=', specialist)
          .where('centre_id', '=', centreId)
          .where('disabled_at', 'is', null)
          .executeTakeFirst()
      : undefined;
    const from = new Date(start + offsetMin * 60_000).toISOString();
    const request: CreateSlotsRequest = {
      ...group,
      from,
      ...(specialistRow ? { specialistAgentId: specialistRow.id } : {}),
    };
    await createSlots(db, { centreId, request, catalogue, now });
    opened.push({
      centreId,
      ...group,
      from,
      to: new Date(Date.parse(from) + group.count * group.lengthMin * 60_000).toISOString(),
      ...(specialistRow ? { specialist } : {}),
    });
  }
  return opened;
}
