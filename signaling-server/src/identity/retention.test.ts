/**
 * Nothing personal is held forever: a full number on a ticket nobody serves expires (default at the
 * end of its Shanghai day), and a waiting ticket whose kiosk stays offline past its grace is closed.
 */
import { describe, expect, it } from 'vitest';
import { idCheckDigit, maskIdNumber, type ResidentIdentity } from '@rvw/shared';
import { ManualScheduler } from '../testing';
import { useTestServer } from '../testing/hooks';
import { identityExpiry } from './retention';

const first17 = '31010119480315779';
const ID_NUMBER = first17 + idCheckDigit(first17)!;
const identity: ResidentIdentity = {
  cardType: 'resident',
  name: '王秀英',
  gender: 'female',
  birthDate: '1948-03-15',
  idNumber: ID_NUMBER,
  idNumberValid: true,
};

const t = useTestServer({}, { startEach: false });

async function until(check: () => Promise<boolean>, what: string): Promise<void> {
  for (let i = 0; i < 100; i++) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`timed out waiting for ${what}`);
}

/** A server whose clock the test moves, with a kiosk holding a ticket with a consented identity. */
async function setUp() {
  let offsetMs = 0;
  const scheduler = new ManualScheduler();
  await t.start({ clock: () => new Date(Date.now() + offsetMs), scheduler, abandonedTicketGraceSeconds: 60 });
  const w = await t.kioskWithTicket();
  const res = await fetch(`${t.url}/api/kiosk/identity`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${w.k.token}` },
    body: JSON.stringify({
      ticketId: w.ticket.id,
      consent: true,
      consentText: '我同意把身份信息提供给服务中心。',
      identity,
    }),
  });
  expect(res.status).toBe(200);
  const sweep = async (advanceMs: number) => {
    offsetMs += advanceMs;
    scheduler.advance(60_000);
    await t.server.retention.runOnce();
  };
  const ticketRow = () =>
    t.server.db.selectFrom('tickets').selectAll().where('id', '=', w.ticket.id).executeTakeFirstOrThrow();
  const identityRow = () =>
    t.server.db
      .selectFrom('ticket_identities')
      .selectAll()
      .where('ticket_id', '=', w.ticket.id)
      .executeTakeFirst();
  return { ...w, sweep, ticketRow, identityRow };
}

describe('retention', () => {
  it('expires a number at the end of its Asia/Shanghai day, or after the configured age', () => {
    // 18:00 in Shanghai on 25 November: the day ends at 16:00 UTC.
    expect(identityExpiry(new Date('2026-11-25T10:00:00Z'), null).toISOString()).toBe(
      '2026-11-25T16:00:00.000Z',
    );
    // 00:30 in Shanghai on 26 November (16:30 UTC on the 25th): that Shanghai day ends a day later.
    expect(identityExpiry(new Date('2026-11-25T16:30:00Z'), null).toISOString()).toBe(
      '2026-11-26T16:00:00.000Z',
    );
    expect(identityExpiry(new Date('2026-11-25T10:00:00Z'), 2).toISOString()).toBe(
      '2026-11-25T12:00:00.000Z',
    );
  });

  it('closes a waiting ticket whose kiosk stays offline past its grace, and deletes its identity', async () => {
    const { kiosk, agent, ticket, sweep, ticketRow, identityRow } = await setUp();
    kiosk.close();
    await until(
      async () =>
        (
          await t.server.db
            .selectFrom('kiosks')
            .select('offline_since')
            .where('id', '=', ticket.kioskId)
            .executeTakeFirstOrThrow()
        ).offline_since !== null,
      'the kiosk to be marked offline',
    );
    await sweep(30_000);
    expect((await ticketRow()).status).toBe('waiting');
    await sweep(31_000);
    expect((await ticketRow()).status).toBe('cancelled');
    expect(await identityRow()).toBeUndefined();
    const from = agent.received.length;
    await agent.waitFor('queue:update', (q) => !q.entries.some((e) => e.ticketId === ticket.id), {
      from: from - 1,
    });
    expect(t.logText()).toContain('ticket closed: its kiosk stayed offline');
  });

  it('purges the full number of a ticket nobody served once its Shanghai day is over', async () => {
    const { ticketRow, identityRow, sweep } = await setUp();
    const held = await identityRow();
    expect(held?.purged_at).toBeNull();
    // An hour before the end of the day: still held.
    const expiry = identityExpiry(new Date(held!.consented_at), null).getTime();
    await sweep(expiry - Date.now() - 3_600_000);
    expect((await identityRow())?.purged_at).toBeNull();
    await sweep(3_600_000 + 1000);
    const purged = await identityRow();
    expect(purged?.purged_at).not.toBeNull();
    expect(purged?.id_number).toBe(maskIdNumber(ID_NUMBER));
    // The resident still waits (the kiosk is online); only the number is gone.
    expect((await ticketRow()).status).toBe('waiting');
  });
});
