/**
 * The appointment link on the real signaling server: the host checks the held card in and books
 * with it, only after the resident's consent (given with the check-in) and only for the same card;
 * the server's refusals reach the renderer with their own codes; nothing of the card is logged.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHttpClient, httpRoutes, type AppointmentSlot, type HttpClient } from '@rvw/shared';
import { createTestAgent, createTestKiosk, startTestServer } from '@rvw/signaling-server/testing';
import type { TestServer } from '@rvw/signaling-server/testing';
import type { KioskConfig } from '../config';
import { FakeReader, sampleForeignCard, sampleResidentCard } from '../fake-reader';
import type { HostContext } from '../feature';
import { appointmentHttp, appointmentLinkFeature } from './appointment-link';
import { identityCardFeature, type IdentityCardFeature } from './identity-card';

const consent = { consentText: '我同意把身份证上的信息提供给服务中心。', locale: 'zh-CN' as const };
const HOUR = 3_600_000;

let now = new Date();
let server: TestServer;
let admin: HttpClient<typeof httpRoutes>;
let reader: FakeReader;
let identity: IdentityCardFeature;
let link: ReturnType<typeof appointmentLinkFeature>;
let logs: string[];
let slot: AppointmentSlot;

beforeEach(async () => {
  now = new Date();
  server = await startTestServer({ clock: () => now });
  const { token } = await createTestAgent(server.server, { role: 'admin' });
  admin = createHttpClient(httpRoutes, { baseUrl: server.url, token });
  const day = new Date(now.getTime() + 24 * HOUR).toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
  const { slots } = await admin.createSlots({
    body: {
      skill: 'elderly-care',
      itemCode: 'senior-allowance',
      from: `${day}T10:00:00+08:00`,
      lengthMin: 30,
      count: 1,
      capacity: 1,
    },
  });
  slot = slots[0]!;
  const kiosk = await createTestKiosk(server.server);
  logs = [];
  const log = (m: string) => void logs.push(m);
  const config = { serverUrl: server.url, kioskToken: kiosk.token } as KioskConfig;
  const ctx: HostContext = {
    config,
    logger: { info: log, warn: log, error: log },
    emit: () => undefined,
    now: () => now,
    fetch,
    httpTimeoutMs: 5000,
  };
  reader = new FakeReader();
  identity = identityCardFeature(ctx, reader, async () => undefined);
  link = appointmentLinkFeature(ctx, {
    heldCard: identity.heldCard,
    http: appointmentHttp(config, { fetch, timeoutMs: 5000 }),
  });
  await Promise.resolve();
});

afterEach(async () => {
  await link.close();
  await identity.close();
  await server.close();
});

const code = (p: Promise<unknown>) =>
  p.then(
    () => 'ok',
    (e: unknown) => (e as { code?: string }).code,
  );

describe('appointment link', () => {
  it('NO_CARD without a card; FORBIDDEN to book before the consented check-in of this card', async () => {
    expect(await code(link.handlers['appointment:check-in'](consent))).toBe('NO_CARD');
    expect(await code(link.handlers['appointment:book']({ slotId: slot.slotId }))).toBe('NO_CARD');
    reader.place(sampleResidentCard);
    expect(await code(link.handlers['appointment:book']({ slotId: slot.slotId }))).toBe('FORBIDDEN');
    expect((await admin.listAppointments({ query: { day: dayOf(slot) } })).appointments).toEqual([]);
  });

  it('lists the slots, books with the card after consent, and checks the card in within the window', async () => {
    reader.place(sampleResidentCard);
    expect(await link.handlers['appointment:check-in'](consent)).toEqual({ appointment: null });
    const { slots } = await link.handlers['appointment:slots']({});
    expect(slots.map((s) => s.slotId)).toEqual([slot.slotId]);
    expect(slots[0]!.itemName?.zh).toBeTruthy();

    const { appointment } = await link.handlers['appointment:book']({
      slotId: slot.slotId,
      phone: '13800138000',
    });
    expect(appointment).toMatchObject({ residentName: '李秀英', idNumberMasked: '310***********0021' });
    expect(JSON.stringify(appointment)).not.toContain(sampleResidentCard.idNumber);

    now = new Date(Date.parse(slot.startsAt) - 10 * 60_000);
    const found = await link.handlers['appointment:check-in'](consent);
    expect(found.appointment).toMatchObject({ appointmentId: appointment.appointmentId, status: 'arrived' });
    const all = logs.join('\n') + server.logText();
    for (const secret of [sampleResidentCard.idNumber, '李秀英']) expect(all).not.toContain(secret);
  });

  it("passes the server's refusals on with their codes (SLOT_FULL), and a new card needs its own consent", async () => {
    reader.place(sampleResidentCard);
    await link.handlers['appointment:check-in'](consent);
    await link.handlers['appointment:book']({ slotId: slot.slotId });
    expect(await code(link.handlers['appointment:book']({ slotId: slot.slotId }))).toBe('CONFLICT');

    reader.place({ ...sampleResidentCard, name: '王建国', idNumber: '310104195201010036' });
    expect(await code(link.handlers['appointment:book']({ slotId: slot.slotId }))).toBe('FORBIDDEN');
    await link.handlers['appointment:check-in'](consent);
    expect(await code(link.handlers['appointment:book']({ slotId: slot.slotId }))).toBe('SLOT_FULL');
    await identity.handlers['identity:wipe']({});
    expect(await code(link.handlers['appointment:book']({ slotId: slot.slotId }))).toBe('NO_CARD');
  });

  it('a card whose number appointments cannot hold has none due, and cannot book', async () => {
    reader.place(sampleForeignCard);
    expect(await link.handlers['appointment:check-in'](consent)).toEqual({ appointment: null });
    expect(await code(link.handlers['appointment:book']({ slotId: slot.slotId }))).toBe('FORBIDDEN');
  });

  it('SERVER_UNREACHABLE when the server is gone', async () => {
    reader.place(sampleResidentCard);
    await server.close();
    expect(await code(link.handlers['appointment:check-in'](consent))).toBe('SERVER_UNREACHABLE');
    server = await startTestServer();
  });
});

function dayOf(s: AppointmentSlot): string {
  return new Date(s.startsAt).toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
}
