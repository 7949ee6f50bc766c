/**
 * Cancelling appointments over HTTP with real accounts and kiosks (issue 11 #8): the place in the
 * slot is free again, the kiosk's check-in no longer finds it, it is recorded (who, when), and the
 * refusals keep their codes: WRONG_STATE twice or once checked in, FORBIDDEN for another centre's,
 * NOT_FOUND for an unknown one, BAD_PAYLOAD for a reason too long.
 */
import { describe, expect, it } from 'vitest';
import type { CreateSlotsRequest } from '@rvw/shared';
import { shanghaiDay } from '../queue/queue-rules';
import { createTestCentre } from '../testing';
import { codeOf, HOUR, LI, useAppointmentServer, WANG, type Api } from './appointment-test-support';

const CONSENT = '我同意用身份证查询和办理预约。';

const { t, clock, tomorrowAt, account, kioskApi } = useAppointmentServer();

function slotsRequest(over: Partial<CreateSlotsRequest> = {}): CreateSlotsRequest {
  return {
    skill: 'elderly-care',
    itemCode: 'senior-allowance',
    from: tomorrowAt(0),
    lengthMin: 30,
    count: 1,
    capacity: 1,
    ...over,
  };
}

const booking = (slotId: string, idNo = WANG, residentName = '王秀英') => ({
  body: { slotId, residentName, idNumber: idNo },
});
const cancel = (api: Api, appointmentId: string, reason?: string) =>
  api.cancelAppointment({ params: { appointmentId }, body: reason === undefined ? {} : { reason } });

describe('appointments: cancelling', () => {
  it('frees the place of a full slot, is recorded (who, when), and a second cancel is WRONG_STATE', async () => {
    const boss = await account({ role: 'admin' });
    const agent = await account({ skills: ['elderly-care'] });
    const { api: kiosk } = await kioskApi();
    const { slots } = await boss.api.createSlots({ body: slotsRequest({ capacity: 1 }) });
    const slotId = slots[0]!.slotId;
    const { appointment } = await agent.api.bookAppointment(booking(slotId));
    expect(await codeOf(kiosk.kioskBook(booking(slotId, LI, '李建国')))).toBe('SLOT_FULL');
    expect((await kiosk.kioskSlots({ query: {} })).slots).toEqual([]);

    const reason = '居民来电说那天去不了。';
    const { appointment: cancelled } = await cancel(agent.api, appointment.appointmentId, reason);
    expect(cancelled).toMatchObject({
      appointmentId: appointment.appointmentId,
      status: 'cancelled',
      slot: { slotId, booked: 0 },
    });
    const row = await t.server.db
      .selectFrom('appointments')
      .select('status')
      .where('id', '=', appointment.appointmentId)
      .executeTakeFirstOrThrow();
    expect(row.status).toBe('cancelled');
    // Who and when, in the log; never the resident's name, number or the free-text reason.
    const line = t
      .logText()
      .split('\n')
      .find((l) => l.includes('appointments: cancelled'));
    expect(line).toBeDefined();
    expect(JSON.parse(line!)).toMatchObject({
      appointmentId: appointment.appointmentId,
      by: agent.id,
      centreId: 'main',
      at: clock.now.toISOString(),
      withReason: true,
    });
    for (const secret of [WANG, '王秀英', reason]) expect(t.logText()).not.toContain(secret);

    // The place is free again: the kiosk offers the slot and another resident books it.
    expect((await kiosk.kioskSlots({ query: {} })).slots.map((s) => s.slotId)).toEqual([slotId]);
    const { appointment: other } = await kiosk.kioskBook(booking(slotId, LI, '李建国'));
    expect(other.slot.booked).toBe(1);
    // The same resident may book the slot again after cancelling (the cancelled one does not count).
    const { slots: roomy } = await boss.api.createSlots({
      body: slotsRequest({ from: tomorrowAt(HOUR), capacity: 2 }),
    });
    const first = await agent.api.bookAppointment(booking(roomy[0]!.slotId));
    await cancel(agent.api, first.appointment.appointmentId);
    await agent.api.bookAppointment(booking(roomy[0]!.slotId));

    const again = await cancel(agent.api, appointment.appointmentId).catch((e: unknown) => e);
    expect(again).toMatchObject({ code: 'WRONG_STATE', message: expect.stringMatching(/only a booked/i) });
    expect(await codeOf(cancel(boss.api, appointment.appointmentId))).toBe('WRONG_STATE');
    // The day's lists leave it out.
    const day = shanghaiDay(new Date(slots[0]!.startsAt));
    const listed = await boss.api.listAppointments({ query: { day } });
    expect(listed.appointments.map((a) => a.appointmentId)).not.toContain(appointment.appointmentId);
  });

  it('a cancelled appointment is not found at the kiosk’s check-in; a checked-in one cannot be cancelled', async () => {
    const boss = await account({ role: 'admin' });
    const agent = await account({});
    const { api: kiosk } = await kioskApi();
    const { slots } = await boss.api.createSlots({ body: slotsRequest({ capacity: 2 }) });
    const slotId = slots[0]!.slotId;
    const wang = (await agent.api.bookAppointment(booking(slotId))).appointment;
    const li = (await agent.api.bookAppointment(booking(slotId, LI, '李建国'))).appointment;
    await cancel(boss.api, wang.appointmentId);

    const checkIn = (idNo: string) =>
      kiosk.kioskCheckIn({ body: { idNumber: idNo, consentText: CONSENT, locale: 'zh-CN' } });
    clock.now = new Date(Date.parse(slots[0]!.startsAt) - 5 * 60_000);
    expect((await checkIn(WANG)).appointment).toBeNull();
    expect((await checkIn(LI)).appointment).toMatchObject({
      appointmentId: li.appointmentId,
      status: 'arrived',
    });
    expect(await codeOf(cancel(agent.api, li.appointmentId))).toBe('WRONG_STATE');
    // The sweep leaves a cancelled one cancelled (not missed).
    clock.now = new Date(Date.parse(slots[0]!.endsAt) + 1000);
    await t.restart();
    const rows = await t.server.db.selectFrom('appointments').select(['id', 'status']).execute();
    expect(rows.find((r) => r.id === wang.appointmentId)?.status).toBe('cancelled');
  });

  it('FORBIDDEN for another centre’s, NOT_FOUND for an unknown one, BAD_PAYLOAD for a bad body, a kiosk not at all', async () => {
    await createTestCentre(t.server, { id: 'suzhou-gusu' });
    const boss = await account({ role: 'admin' });
    const agent = await account({});
    const otherAgent = await account({ centreId: 'suzhou-gusu' });
    const otherBoss = await account({ role: 'admin', centreId: 'suzhou-gusu' });
    const { api: kiosk } = await kioskApi();
    const { slots } = await boss.api.createSlots({ body: slotsRequest() });
    const { appointment } = await agent.api.bookAppointment(booking(slots[0]!.slotId));
    const id = appointment.appointmentId;

    expect(await codeOf(cancel(otherAgent.api, id))).toBe('FORBIDDEN');
    expect(await codeOf(cancel(otherBoss.api, id))).toBe('FORBIDDEN');
    expect(await codeOf(cancel(agent.api, 'no-such-appointment'))).toBe('NOT_FOUND');
    expect(await codeOf(cancel(agent.api, id, 'x'.repeat(201)))).toBe('BAD_PAYLOAD');
    const wrongBody = { reason: 42 } as unknown as { reason?: string };
    expect(
      await codeOf(agent.api.cancelAppointment({ params: { appointmentId: id }, body: wrongBody })),
    ).toBe('BAD_PAYLOAD');
    // A kiosk's token is no account's: the route is not for kiosks.
    expect(await codeOf(cancel(kiosk, id))).toBe('AUTH_INVALID');
    // Nothing of that changed it: still booked, and its own centre's agent may cancel it.
    expect((await cancel(agent.api, id, '  ')).appointment.status).toBe('cancelled');
  });
});
