/**
 * Appointments for the queue bench, through the product's own routes: before the day opens, a
 * supervisor of each centre opens half-hour slots per skill (`createSlots`) and books, as by phone,
 * the slot of every resident who will come for an appointment (`bookAppointment`); at the kiosk,
 * within the window, the card checks the resident in (`kioskCheckIn`), and the kiosk asks for its
 * ticket with the appointment's id.
 */
import { createHttpClient, httpRoutes, idCheckDigit, type Skill } from '@rvw/shared';
import { createTestAgent, type TestServer } from '@rvw/signaling-server/testing';
import type { ArrivalPlan, DayPlan } from './queue-day';

/** The ID number each appointment's resident carries. */
const idNumbers = new Map<ArrivalPlan, string>();

/** The slot skill for a need ('unsure' books a consultation). */
function skillOf(a: ArrivalPlan): Skill {
  return a.need === 'unsure' ? 'consultation' : a.need;
}

/** Opens the day's slots (every skill, every half hour from 08:30) and books the day's appointments. */
export async function bookAppointments(rig: TestServer, day: DayPlan, date: string): Promise<void> {
  const items = rig.server.catalogue.list();
  for (const c of day.centres) {
    const { token } = await createTestAgent(rig.server, {
      role: 'admin',
      centreId: c.id,
      username: `bench-sup-${c.id}`,
    });
    const api = createHttpClient(httpRoutes, { baseUrl: rig.url, token });
    for (const skill of new Set(
      day.arrivals.filter((a) => a.appointment && a.centreId === c.id).map(skillOf),
    )) {
      const item = items.find((i) => i.category === skill)!;
      const { slots } = await api.createSlots({
        body: {
          skill,
          itemCode: item.code,
          from: `${date}T08:30:00+08:00`,
          lengthMin: 30,
          count: 17,
          capacity: 50,
        },
      });
      for (const a of day.arrivals.filter(
        (x) => x.appointment && x.centreId === c.id && skillOf(x) === skill,
      )) {
        const at = Date.parse(`${date}T08:30:00+08:00`) + a.atS * 1000;
        const slot = slots.find((s) => Date.parse(s.startsAt) <= at && at < Date.parse(s.endsAt));
        if (!slot) continue;
        const first17 = `320508${1940 + (idNumbers.size % 50)}0101${String(100 + idNumbers.size).slice(-3)}`;
        const idNumber = first17 + idCheckDigit(first17)!;
        await api.bookAppointment({ body: { slotId: slot.slotId, residentName: '李建国', idNumber } });
        idNumbers.set(a, idNumber);
      }
    }
  }
}

/** Checks the arrival's resident in at the kiosk; the appointment's id, or undefined without one. */
export async function checkIn(
  rig: TestServer,
  kioskToken: string,
  a: ArrivalPlan,
): Promise<string | undefined> {
  const idNumber = idNumbers.get(a);
  if (!idNumber) return undefined;
  const api = createHttpClient(httpRoutes, { baseUrl: rig.url, token: kioskToken });
  const { appointment } = await api.kioskCheckIn({
    body: { idNumber, consentText: '我同意用身份证查询和办理预约。', locale: 'zh-CN' as const },
  });
  return appointment?.appointmentId;
}
