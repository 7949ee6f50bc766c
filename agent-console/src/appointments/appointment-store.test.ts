/**
 * The console's 预约 store against the real server: a supervisor opens slots, an agent books for a
 * resident on the phone (a wrong field named before sending; CONFLICT, SLOT_FULL and SLOT_PAST kept
 * as codes for the view), the day's list for the agent and for the supervisor, and cancelling (asked,
 * then confirmed; the place freed; WRONG_STATE the second time).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { idCheckDigit, maskIdNumber } from '@rvw/shared';
import { createTestAgent, startTestServer, type TestServer } from '@rvw/signaling-server/testing';
import { httpAppointments } from './appointment-api';
import { AppointmentStore } from './appointment-store';
import { shanghaiDay } from './appointment-words';

const WANG = '31010619480315002' + idCheckDigit('31010619480315002')!;
const LI = '31010419520101003' + idCheckDigit('31010419520101003')!;
const HOUR = 3_600_000;

let now = new Date();
let server: TestServer;
let day: string;

beforeEach(async () => {
  now = new Date();
  server = await startTestServer({ clock: () => now, sessionTtlHours: 24 * 7 });
  day = shanghaiDay(new Date(now.getTime() + 24 * HOUR));
});
afterEach(async () => {
  await server.close();
});

async function storeOf(role: 'admin' | 'agent', skills: Array<'elderly-care' | 'residence'> = []) {
  const { token } = await createTestAgent(server.server, { role, skills });
  const errors: unknown[] = [];
  const transport = httpAppointments(token, role === 'admin', server.url);
  return {
    store: new AppointmentStore(
      transport,
      () => now,
      (e) => void errors.push(e),
    ),
    transport,
    errors,
  };
}

const form = (over: Record<string, unknown> = {}) => ({
  skill: 'elderly-care',
  itemCode: 'senior-allowance',
  from: `${day}T10:00:00+08:00`,
  lengthMin: 30,
  count: 2,
  capacity: 1,
  ...over,
});

describe('appointment store', () => {
  it('a supervisor opens slots; a wrong form is refused before anything is sent', async () => {
    const boss = await storeOf('admin');
    expect(await boss.store.createSlots(form({ itemCode: '' }))).toMatchObject({
      ok: false,
      field: 'itemCode',
    });
    expect(boss.store.getSnapshot().creating.error).toBe('invalid');
    expect(await boss.store.createSlots(form({ skill: 'residence' }))).toEqual({
      ok: false,
      code: 'BAD_PAYLOAD',
    });
    expect(await boss.store.createSlots(form())).toEqual({ ok: true });
    expect(boss.store.getSnapshot().creating.created).toHaveLength(2);
    await boss.store.loadSlots(day);
    expect(boss.store.getSnapshot().slots.items?.map((s) => s.itemName?.zh)).toEqual([
      expect.any(String),
      expect.any(String),
    ]);
    const agentOnly = await storeOf('agent');
    expect(await agentOnly.store.createSlots(form())).toEqual({ ok: false, code: 'FORBIDDEN' });
    expect(agentOnly.errors).toHaveLength(1);
  });

  it('an agent books by phone: field errors by name, then CONFLICT, SLOT_FULL and SLOT_PAST as codes', async () => {
    const boss = await storeOf('admin');
    await boss.store.createSlots(form());
    const { store } = await storeOf('agent', ['elderly-care']);
    await store.loadSlots(day);
    const [first, second] = store.bookable();
    expect(first && second).toBeTruthy();

    const resident = { slotId: first!.slotId, residentName: '王秀英', idNumber: WANG, phone: '' };
    expect(await store.book({ ...resident, idNumber: '123' })).toMatchObject({
      ok: false,
      field: 'idNumber',
    });
    expect(store.getSnapshot().booking.error).toBe('invalid.idNumber');
    expect(await store.book({ ...resident, phone: '12' })).toMatchObject({ ok: false, field: 'phone' });
    expect(await store.book({ ...resident, slotId: '' })).toMatchObject({ ok: false, field: 'slotId' });

    expect(await store.book({ ...resident, idNumber: WANG.toLowerCase() })).toEqual({ ok: true });
    expect(store.getSnapshot().booking.booked).toMatchObject({ residentName: '王秀英', status: 'booked' });
    expect(await store.book(resident)).toEqual({ ok: false, code: 'CONFLICT' });
    expect(await store.book({ ...resident, residentName: '李建国', idNumber: LI })).toEqual({
      ok: false,
      code: 'SLOT_FULL',
    });

    now = new Date(Date.parse(second!.startsAt) + 60_000);
    expect(store.bookable()).toEqual([]);
    expect(await store.book({ ...resident, slotId: second!.slotId })).toEqual({
      ok: false,
      code: 'SLOT_PAST',
    });
  });

  it("the day's list: the agent's own skills, and the whole centre for the supervisor", async () => {
    const boss = await storeOf('admin');
    await boss.store.createSlots(form({ capacity: 2 }));
    const elderly = await storeOf('agent', ['elderly-care']);
    const residence = await storeOf('agent', ['residence']);
    await elderly.store.loadSlots(day);
    const slotId = elderly.store.bookable()[0]!.slotId;
    await elderly.store.book({ slotId, residentName: '王秀英', idNumber: WANG, phone: '13800138000' });

    await elderly.store.refresh(day);
    expect(elderly.store.getSnapshot()).toMatchObject({ day, appointments: { loading: false, error: null } });
    expect(elderly.store.getSnapshot().appointments.items).toEqual([
      expect.objectContaining({ residentName: '王秀英', idNumberMasked: maskIdNumber(WANG) }),
    ]);
    await residence.store.refresh(day);
    expect(residence.store.getSnapshot().appointments.items).toEqual([]);
    await boss.store.refresh(day);
    expect(boss.store.getSnapshot().appointments.items).toHaveLength(1);
  });

  it('cancels a booked appointment only once it is confirmed: the row shows it, the slot’s place is free', async () => {
    const boss = await storeOf('admin');
    await boss.store.createSlots(form());
    const { store, errors } = await storeOf('agent', ['elderly-care']);
    await store.loadSlots(day);
    const slotId = store.bookable()[0]!.slotId;
    await store.book({ slotId, residentName: '王秀英', idNumber: WANG, phone: '' });
    await store.refresh(day);
    const id = store.getSnapshot().appointments.items![0]!.appointmentId;
    expect(store.getSnapshot().slots.items?.find((s) => s.slotId === slotId)?.booked).toBe(1);

    // Without asking first, nothing is sent; asking and keeping it sends nothing either.
    expect(await store.confirmCancel()).toEqual({ ok: false, code: 'WRONG_STATE' });
    store.askCancel(id);
    expect(store.getSnapshot().cancelling).toMatchObject({ appointmentId: id, asking: true, busy: false });
    store.keepAppointment();
    await boss.store.refresh(day);
    expect(boss.store.getSnapshot().appointments.items?.map((a) => a.status)).toEqual(['booked']);

    store.askCancel(id);
    const done = store.confirmCancel();
    expect(store.getSnapshot().cancelling).toMatchObject({ appointmentId: id, asking: false, busy: true });
    expect(await done).toEqual({ ok: true });
    expect(store.getSnapshot().cancelling).toMatchObject({ busy: false, error: null });
    expect(store.getSnapshot().appointments.items?.map((a) => a.status)).toEqual(['cancelled']);
    await store.loadSlots(day);
    expect(store.getSnapshot().slots.items?.find((s) => s.slotId === slotId)?.booked).toBe(0);

    // A second cancel (another console had the old list): WRONG_STATE, and the day is read again.
    store.askCancel(id);
    expect(await store.confirmCancel()).toEqual({ ok: false, code: 'WRONG_STATE' });
    expect(store.getSnapshot().cancelling.error).toBe('WRONG_STATE');
    expect(errors).toHaveLength(1);
    await boss.store.refresh(day);
    expect(boss.store.getSnapshot().appointments.items).toEqual([]);
  });
});
