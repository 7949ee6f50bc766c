/**
 * Appointments over HTTP with real accounts and kiosks (issue 11 #8): opening slots, booking by phone
 * and at the kiosk (past, full, duplicate, two at once for the last place), the kiosk's check-in in
 * and out of its window, the missed sweep, the day's lists, and rights limited to one's centre.
 */
import { describe, expect, it, vi } from 'vitest';
import { maskIdNumber, type CreateSlotsRequest, type HttpClientError } from '@rvw/shared';
import { shanghaiDay } from '../queue/queue-rules';
import { claimAppointment } from './appointment-store';
import { connectKiosk, createTestCentre, okData } from '../testing';
import { agentIn } from '../queue/routing-test-support';
import { codeOf, HOUR, idNumber, LI, useAppointmentServer, WANG } from './appointment-test-support';

const { t, clock, at, tomorrowAt, account, kioskApi } = useAppointmentServer();

function slotsRequest(over: Partial<CreateSlotsRequest> = {}): CreateSlotsRequest {
  return {
    skill: 'elderly-care',
    itemCode: 'senior-allowance',
    from: tomorrowAt(0),
    lengthMin: 30,
    count: 1,
    capacity: 2,
    ...over,
  };
}

const booking = (slotId: string, idNo = WANG, residentName = '王秀英') => ({
  body: { slotId, residentName, idNumber: idNo, phone: '13800138000' },
});

describe('appointments: slots and booking', () => {
  it('a supervisor opens slots of their centre; an agent books by phone; only ciphertext and a hash are stored', async () => {
    const boss = await account({ role: 'admin' });
    const agent = await account({ skills: ['elderly-care'] });
    const { slots } = await boss.api.createSlots({ body: slotsRequest({ count: 3 }) });
    expect(slots).toHaveLength(3);
    expect(slots[0]).toMatchObject({
      centreId: 'main',
      skill: 'elderly-care',
      itemCode: 'senior-allowance',
      itemName: { zh: expect.any(String), en: expect.any(String) },
      capacity: 2,
      booked: 0,
    });
    expect(Date.parse(slots[1]!.startsAt) - Date.parse(slots[0]!.startsAt)).toBe(30 * 60_000);
    expect(slots[0]!.endsAt).toBe(slots[1]!.startsAt);

    const { appointment } = await agent.api.bookAppointment(booking(slots[0]!.slotId));
    expect(appointment).toMatchObject({
      status: 'booked',
      residentName: '王秀英',
      idNumberMasked: maskIdNumber(WANG),
      bookedBy: agent.id,
      slot: { slotId: slots[0]!.slotId, booked: 1 },
    });
    const listed = await agent.api.listSlots({ query: { day: shanghaiDay(new Date(slots[0]!.startsAt)) } });
    expect(listed.slots.find((s) => s.slotId === slots[0]!.slotId)?.booked).toBe(1);

    const row = await t.server.db.selectFrom('appointments').selectAll().executeTakeFirstOrThrow();
    const stored = JSON.stringify(row);
    for (const secret of [WANG, '王秀英', '13800138000']) expect(stored).not.toContain(secret);
    expect(row.id_hash).toMatch(/^[0-9a-f]{64}$/);
    for (const secret of [WANG, '王秀英', '13800138000']) expect(t.logText()).not.toContain(secret);
  });

  it('refuses an item outside the catalogue or the skill, a slot already begun, and an agent opening slots', async () => {
    const boss = await account({ role: 'admin' });
    const agent = await account({ skills: ['elderly-care'] });
    expect(await codeOf(boss.api.createSlots({ body: slotsRequest({ itemCode: 'no-such-item' }) }))).toBe(
      'BAD_PAYLOAD',
    );
    expect(await codeOf(boss.api.createSlots({ body: slotsRequest({ skill: 'residence' }) }))).toBe(
      'BAD_PAYLOAD',
    );
    expect(await codeOf(boss.api.createSlots({ body: slotsRequest({ from: at(-60_000) }) }))).toBe(
      'SLOT_PAST',
    );
    expect(await codeOf(agent.api.createSlots({ body: slotsRequest() }))).toBe('FORBIDDEN');
  });

  it('SLOT_PAST once the window has begun, SLOT_FULL at capacity, CONFLICT for the same resident twice', async () => {
    const boss = await account({ role: 'admin' });
    const agent = await account({});
    const { slots } = await boss.api.createSlots({ body: slotsRequest({ capacity: 2, count: 2 }) });
    const [first, second] = slots as [(typeof slots)[0], (typeof slots)[0]];

    await agent.api.bookAppointment(booking(first.slotId));
    expect(await codeOf(agent.api.bookAppointment(booking(first.slotId, WANG, '王 秀英')))).toBe('CONFLICT');
    await agent.api.bookAppointment(booking(second.slotId)); // another slot: fine
    await agent.api.bookAppointment(booking(first.slotId, LI, '李建国'));
    expect(
      await codeOf(agent.api.bookAppointment(booking(first.slotId, idNumber('31010419600101004')))),
    ).toBe('SLOT_FULL');

    clock.now = new Date(Date.parse(second.startsAt) + 1000);
    expect(await codeOf(agent.api.bookAppointment(booking(second.slotId, LI)))).toBe('SLOT_PAST');
    const { appointments } = await boss.api.listAppointments({
      query: { day: shanghaiDay(new Date(first.startsAt)) },
    });
    expect(appointments.map((a) => a.residentName).sort()).toEqual(['李建国', '王秀英', '王秀英']);
  });

  it('two bookings at once for the last place: exactly one gets it, the other SLOT_FULL', async () => {
    const boss = await account({ role: 'admin' });
    const agent = await account({});
    const kiosk = await kioskApi();
    const { slots } = await boss.api.createSlots({ body: slotsRequest({ capacity: 1 }) });
    const slotId = slots[0]!.slotId;
    const results = await Promise.allSettled([
      agent.api.bookAppointment(booking(slotId, WANG)),
      kiosk.api.kioskBook(booking(slotId, LI, '李建国')),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const refused = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect((refused.reason as HttpClientError).code).toBe('SLOT_FULL');
    const count = await t.server.db
      .selectFrom('appointments')
      .select((e) => e.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(1);
  });
});

describe('appointments: the kiosk', () => {
  it('lists its centre’s open slots of the next 14 days, books with the card, and checks in only within the window', async () => {
    const boss = await account({ role: 'admin' });
    const kiosk = await kioskApi();
    const { slots } = await boss.api.createSlots({ body: slotsRequest({ capacity: 1, count: 2 }) });
    const [first, second] = slots as [(typeof slots)[0], (typeof slots)[0]];
    await boss.api.createSlots({ body: slotsRequest({ from: at(15 * 24 * HOUR) }) }); // too far ahead

    const { appointment } = await kiosk.api.kioskBook(booking(first.slotId));
    expect(appointment).toMatchObject({ bookedBy: 'kiosk', status: 'booked' });
    // The first is full now; the far one is beyond 14 days.
    expect((await kiosk.api.kioskSlots({ query: {} })).slots.map((s) => s.slotId)).toEqual([second.slotId]);
    expect((await kiosk.api.kioskSlots({ query: { skill: 'residence' } })).slots).toEqual([]);

    const checkIn = (idNo: string) =>
      kiosk.api.kioskCheckIn({
        body: { idNumber: idNo, consentText: '我同意用身份证查询和办理预约。', locale: 'zh-CN' as const },
      });
    clock.now = new Date(Date.parse(first.startsAt) - 16 * 60_000); // 16 minutes early: not yet
    expect((await checkIn(WANG)).appointment).toBeNull();
    clock.now = new Date(Date.parse(first.startsAt) - 14 * 60_000);
    expect((await checkIn(LI)).appointment).toBeNull(); // someone else
    const found = (await checkIn(WANG)).appointment;
    expect(found).toMatchObject({ appointmentId: appointment.appointmentId, status: 'arrived' });
    const row = await t.server.db
      .selectFrom('appointments')
      .select(['kiosk_id', 'arrived_at'])
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ kiosk_id: kiosk.id, arrived_at: clock.now.toISOString() });
    // Again (the kiosk restarted before the ticket): still found.
    expect((await checkIn(WANG)).appointment?.appointmentId).toBe(appointment.appointmentId);

    clock.now = new Date(Date.parse(first.endsAt));
    expect((await checkIn(WANG)).appointment).toBeNull();
    for (const secret of [WANG, '王秀英']) expect(t.logText()).not.toContain(secret);
    // Every check-in sent the number only after consent, and each consent is in the ledger.
    const consents = await t.server.db
      .selectFrom('consent_entries')
      .select(['kind', 'kiosk_id', 'ticket_id', 'text'])
      .execute();
    expect(consents).toHaveLength(5);
    expect(new Set(consents.map((c) => `${c.kind} ${c.kiosk_id} ${c.ticket_id} ${c.text}`))).toEqual(
      new Set([`share-identity ${kiosk.id} null 我同意用身份证查询和办理预约。`]),
    );
  });

  it('a booked appointment whose window has passed is marked missed by the sweep at start', async () => {
    const boss = await account({ role: 'admin' });
    const kiosk = await kioskApi();
    const { slots } = await boss.api.createSlots({ body: slotsRequest() });
    await kiosk.api.kioskBook(booking(slots[0]!.slotId));
    clock.now = new Date(Date.parse(slots[0]!.endsAt) + 1000);
    await t.restart();
    const status = await t.server.db.selectFrom('appointments').select('status').executeTakeFirstOrThrow();
    expect(status.status).toBe('missed');
  });
});

describe('appointments: lists and rights', () => {
  it("an agent's day: their skills' slots and their own as specialist, not another specialist's", async () => {
    const boss = await account({ role: 'admin' });
    const elderly = await account({ skills: ['elderly-care'], displayName: '张专员' });
    const other = await account({ skills: ['residence'] });
    const { slots: open } = await boss.api.createSlots({ body: slotsRequest() });
    const { slots: own } = await boss.api.createSlots({
      body: slotsRequest({
        skill: 'residence',
        itemCode: 'residence-registration',
        from: tomorrowAt(HOUR),
        specialistAgentId: elderly.id,
      }),
    });
    expect(own[0]!.specialist).toEqual({ agentId: elderly.id, displayName: '张专员' });
    await elderly.api.bookAppointment(booking(open[0]!.slotId));
    await elderly.api.bookAppointment(booking(own[0]!.slotId, LI, '李建国'));
    const day = shanghaiDay(new Date(open[0]!.startsAt));
    const mine = await elderly.api.myAppointments({ query: { day } });
    expect(mine.appointments.map((a) => a.residentName)).toEqual(['王秀英', '李建国']);
    const theirs = await other.api.myAppointments({ query: { day } });
    expect(theirs.appointments).toEqual([]);
  });

  it("a centre's slots and appointments are its own: other centres neither see nor book them", async () => {
    await createTestCentre(t.server, { id: 'suzhou-gusu' });
    const boss = await account({ role: 'admin' });
    const otherBoss = await account({ role: 'admin', centreId: 'suzhou-gusu' });
    const otherAgent = await account({ centreId: 'suzhou-gusu', skills: ['elderly-care'] });
    const otherKiosk = await kioskApi('suzhou-gusu');
    const { slots } = await boss.api.createSlots({ body: slotsRequest() });
    const day = shanghaiDay(new Date(slots[0]!.startsAt));
    const main = await kioskApi();
    await main.api.kioskBook(booking(slots[0]!.slotId));

    expect((await otherBoss.api.listSlots({ query: { day } })).slots).toEqual([]);
    expect((await otherBoss.api.listAppointments({ query: { day } })).appointments).toEqual([]);
    expect((await otherAgent.api.myAppointments({ query: { day } })).appointments).toEqual([]);
    expect((await otherKiosk.api.kioskSlots({ query: {} })).slots).toEqual([]);
    expect(await codeOf(otherAgent.api.bookAppointment(booking(slots[0]!.slotId, LI)))).toBe('NOT_FOUND');
    expect(await codeOf(otherKiosk.api.kioskBook(booking(slots[0]!.slotId, LI)))).toBe('NOT_FOUND');
    // A specialist of another centre cannot be named.
    expect(
      await codeOf(boss.api.createSlots({ body: slotsRequest({ specialistAgentId: otherAgent.id }) })),
    ).toBe('NOT_FOUND');
    clock.now = new Date(Date.parse(slots[0]!.startsAt));
    expect(
      (
        await otherKiosk.api.kioskCheckIn({
          body: { idNumber: WANG, consentText: '我同意用身份证查询和办理预约。', locale: 'zh-CN' as const },
        })
      ).appointment,
    ).toBeNull();
    expect(
      (
        await main.api.kioskCheckIn({
          body: { idNumber: WANG, consentText: '我同意用身份证查询和办理预约。', locale: 'zh-CN' as const },
        })
      ).appointment,
    ).not.toBeNull();
  });
});

describe('appointments: the seam of ticket:request', () => {
  it('claims only an appointment arrived at this kiosk and due now; NOT_FOUND for an unknown one', async () => {
    const boss = await account({ role: 'admin' });
    const kiosk = await kioskApi();
    const other = await kioskApi();
    const { slots } = await boss.api.createSlots({ body: slotsRequest() });
    const slot = slots[0]!;
    const { appointment } = await kiosk.api.kioskBook(booking(slot.slotId));
    const claim = (kioskId: string) =>
      t.server.db
        .transaction()
        .execute((trx) =>
          claimAppointment(trx, { appointmentId: appointment.appointmentId, kioskId, now: clock.now }),
        );
    const refusal = (p: Promise<unknown>) =>
      p.then(
        () => 'claimed',
        (e: unknown) => (e as { code?: string }).code,
      );

    clock.now = new Date(Date.parse(slot.startsAt) - 5 * 60_000);
    expect(await refusal(claim(kiosk.id))).toBe('WRONG_STATE'); // booked, not checked in
    await kiosk.api.kioskCheckIn({
      body: { idNumber: WANG, consentText: '我同意用身份证查询和办理预约。', locale: 'zh-CN' as const },
    });
    expect(await refusal(claim(other.id))).toBe('WRONG_STATE');
    expect(await claim(kiosk.id)).toEqual({
      itemCode: 'senior-allowance',
      skill: 'elderly-care',
      startsAt: slot.startsAt,
      endsAt: slot.endsAt,
    });
    expect(
      await refusal(
        t.server.db
          .transaction()
          .execute((trx) =>
            claimAppointment(trx, { appointmentId: 'nope', kioskId: kiosk.id, now: clock.now }),
          ),
      ),
    ).toBe('NOT_FOUND');
    clock.now = new Date(Date.parse(slot.endsAt));
    expect(await refusal(claim(kiosk.id))).toBe('WRONG_STATE'); // the window has closed
  });
});

describe('appointments: from check-in to served', () => {
  it('the checked-in appointment becomes a ticket, its number shows in the day’s list, and it is served when the session ends', async () => {
    const boss = await account({ role: 'admin' });
    const kiosk = await kioskApi();
    const { slots } = await boss.api.createSlots({ body: slotsRequest() });
    const { appointment } = await kiosk.api.kioskBook(booking(slots[0]!.slotId));
    clock.now = new Date(Date.parse(slots[0]!.startsAt) - 5 * 60_000);
    await kiosk.api.kioskCheckIn({
      body: { idNumber: WANG, consentText: '我同意用身份证查询和办理预约。', locale: 'zh-CN' as const },
    });

    const agent = await agentIn(t, { skills: ['elderly-care'], ready: true });
    const k = await connectKiosk(t.url, kiosk.token);
    t.track(k);
    const pos = okData(await k.request('ticket:request', { appointmentId: appointment.appointmentId }));
    const opened = okData(await agent.client.request('ticket:accept', { ticketId: pos.ticket.id }));
    const day = shanghaiDay(new Date(slots[0]!.startsAt));
    const during = (await boss.api.listAppointments({ query: { day } })).appointments[0]!;
    expect(during).toMatchObject({ status: 'arrived', ticketNumber: pos.ticket.number });

    okData(await k.request('session:end', { sessionId: opened.session.id, reason: 'done' }));
    await vi.waitFor(
      async () =>
        expect((await boss.api.listAppointments({ query: { day } })).appointments[0]!.status).toBe('served'),
      { timeout: 5000, interval: 20 },
    );
  });
});
