// Issue 11 #8 with #3: an appointment checked in at the kiosk becomes a ticket for the slot's skill,
// which goes ahead with the appointment tag; the kiosk's position carries the appointment's window.
// A wrong appointment is refused and no ticket is issued.
import { describe, expect, it } from 'vitest';
import { createHttpClient, httpRoutes, idCheckDigit } from '@rvw/shared';
import { connectKiosk, createTestAgent, createTestKiosk, okData } from '../testing';
import { useTestServer } from '../testing/hooks';
import { shanghaiDay } from './queue-rules';
import { agentIn, TestClock, ticketFrom, untilQueue } from './routing-test-support';

const clock = new TestClock();
const t = useTestServer({ clock: clock.now, sessionTtlHours: 24 * 7 });

const ID = '31010619480315002' + idCheckDigit('31010619480315002')!;

describe('an appointment becomes a ticket', () => {
  it('with the slot’s skill, ahead with its tag, and the window in the kiosk’s position', async () => {
    const boss = createHttpClient(httpRoutes, {
      baseUrl: t.url,
      token: (await createTestAgent(t.server, { role: 'admin' })).token,
    });
    const tomorrow10 = Date.parse(
      `${shanghaiDay(new Date(clock.now().getTime() + 86_400_000))}T10:00:00+08:00`,
    );
    const { slots } = await boss.createSlots({
      body: {
        skill: 'elderly-care',
        itemCode: 'senior-allowance',
        from: new Date(tomorrow10).toISOString(),
        lengthMin: 30,
        count: 1,
        capacity: 2,
      },
    });
    const slot = slots[0]!;
    const k = await createTestKiosk(t.server);
    const kioskApi = createHttpClient(httpRoutes, { baseUrl: t.url, token: k.token });
    const { appointment } = await kioskApi.kioskBook({
      body: { slotId: slot.slotId, residentName: '王秀英', idNumber: ID },
    });
    // Five minutes before the window: the resident is at the kiosk.
    clock.advance((Date.parse(slot.startsAt) - 5 * 60_000 - clock.now().getTime()) / 1000);
    await kioskApi.kioskCheckIn({
      body: { idNumber: ID, consentText: '我同意用身份证查询和办理预约。', locale: 'zh-CN' as const },
    });

    const agent = await agentIn(t, { skills: ['elderly-care'], ready: true });
    await ticketFrom(t, { need: 'elderly-care' });
    const kiosk = await connectKiosk(t.url, k.token);
    t.track(kiosk);
    const refused = await kiosk.request('ticket:request', { appointmentId: 'not-an-appointment' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });

    const pos = okData(await kiosk.request('ticket:request', { appointmentId: appointment.appointmentId }));
    expect(pos.ticket).toMatchObject({ number: 'A002', need: 'elderly-care' });
    expect(pos.appointment).toEqual({
      itemCode: 'senior-allowance',
      startsAt: slot.startsAt,
      endsAt: slot.endsAt,
    });
    expect(pos.position).toBe(1);
    await untilQueue(agent.client, ['A002', 'A001']);
    expect(agent.client.all('queue:update').at(-1)!.entries[0]!.tags).toEqual(['appointment']);
    const row = await t.server.db
      .selectFrom('appointments')
      .select('ticket_id')
      .where('id', '=', appointment.appointmentId)
      .executeTakeFirstOrThrow();
    expect(row.ticket_id).toBe(pos.ticket.id);
  });
});
