// Issue 11 #4: a centre in offer mode offers each ticket to the longest-idle available agent; an
// offer not taken in time is recorded missed, its agent set away and the ticket offered to the
// next; a stale offer's accept is CONFLICT; pulls of the centre's tickets are refused; offers,
// statuses and the queue survive a restart.
import { describe, expect, it } from 'vitest';
import { connectAgent, connectKiosk, okData, setTestCentreRouting } from '../testing';
import { useTestServer } from '../testing/hooks';
import { agentIn, offersOf, TestClock, ticketFrom, waitSeconds } from './routing-test-support';

const clock = new TestClock();
const t = useTestServer({ clock: clock.now });

async function offerCentre(): Promise<void> {
  await setTestCentreRouting(t.server, 'main', { mode: 'offer', offerTimeoutS: 15 });
}

describe('offer mode', () => {
  it('offers to the longest idle; a missed offer is recorded, its agent set away, and the next agent offered', async () => {
    await offerCentre();
    const first = await agentIn(t, { name: '先空闲', ready: true });
    clock.advance(1);
    const second = await agentIn(t, { name: '后空闲', ready: true });
    const { position } = await ticketFrom(t, {});
    const ticketId = position.ticket.id;

    const offer = await first.client.waitFor('offer:new');
    expect(offer.entry).toMatchObject({ ticketId, number: 'A001' });
    expect(Date.parse(offer.expiresAt) - Date.parse(offer.offeredAt)).toBe(15_000);
    expect(second.client.all('offer:new')).toEqual([]);

    // The centre offers its tickets: pulls are refused with a sentence saying so.
    const pulled = await second.client.request('ticket:accept', { ticketId });
    expect(pulled).toMatchObject({ ok: false, error: { code: 'WRONG_STATE' } });
    expect(!pulled.ok && pulled.error.message).toMatch(/offers its tickets/);
    expect(await second.client.request('ticket:accept-next', {})).toMatchObject({
      ok: false,
      error: { code: 'WRONG_STATE' },
    });

    await waitSeconds(t, clock, 14);
    expect(first.client.all('offer:gone')).toEqual([]);
    await waitSeconds(t, clock, 2);
    expect(await first.client.waitFor('offer:gone')).toEqual({ offerId: offer.offerId, outcome: 'missed' });
    await first.client.waitFor('agent:status', (s) => s.status === 'away');
    const next = await second.client.waitFor('offer:new');
    expect(next.entry.ticketId).toBe(ticketId);
    expect(await offersOf(t, ticketId)).toEqual([
      { agent_id: first.id, outcome: 'missed' },
      { agent_id: second.id, outcome: null },
    ]);
    const change = await t.server.db
      .selectFrom('agent_status_changes')
      .select(['status', 'reason'])
      .where('agent_id', '=', first.id)
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(change).toEqual({ status: 'away', reason: 'missed-offer' });

    // The first offer moved on: CONFLICT. The second is taken.
    expect(await first.client.request('offer:accept', { offerId: offer.offerId })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
    const opened = okData(await second.client.request('offer:accept', { offerId: next.offerId }));
    expect(opened.session.ticketNumber).toBe('A001');
    expect((await offersOf(t, ticketId)).at(-1)).toEqual({ agent_id: second.id, outcome: 'accepted' });
    await second.client.waitFor('agent:status', (s) => s.status === 'in-session');
  });

  it('hands a declined offer to the next agent at once, and withdraws an offer whose ticket is cancelled', async () => {
    await offerCentre();
    const first = await agentIn(t, { ready: true });
    clock.advance(1);
    const second = await agentIn(t, { ready: true });
    const kiosk = await ticketFrom(t, {});
    const offer = await first.client.waitFor('offer:new');
    okData(await first.client.request('offer:decline', { offerId: offer.offerId }));
    expect(await first.client.request('offer:decline', { offerId: offer.offerId })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
    const next = await second.client.waitFor('offer:new');
    expect(first.client.all('offer:new')).toHaveLength(1);

    okData(await kiosk.client.request('ticket:cancel', { ticketId: kiosk.position.ticket.id }));
    expect(await second.client.waitFor('offer:gone')).toEqual({
      offerId: next.offerId,
      outcome: 'withdrawn',
    });
    expect(await offersOf(t, kiosk.position.ticket.id)).toEqual([
      { agent_id: first.id, outcome: 'declined' },
      { agent_id: second.id, outcome: 'withdrawn' },
    ]);
  });

  it('keeps statuses, open offers and the queue across a restart', async () => {
    await offerCentre();
    const agent = await agentIn(t, { skills: ['residence'], ready: true });
    const kiosk = await ticketFrom(t, { need: 'residence' });
    const offer = await agent.client.waitFor('offer:new');

    await t.restart();
    const back = await connectAgent(t.url, agent.token);
    t.track(back);
    expect((await back.waitFor('agent:status')).status).toBe('available');
    expect(
      back
        .all('queue:update')
        .at(-1)!
        .entries.map((e) => e.number),
    ).toEqual(['A001']);
    const again = await back.waitFor('offer:new');
    expect(again).toMatchObject({ offerId: offer.offerId, expiresAt: offer.expiresAt });
    expect(again.entry).toMatchObject({ number: 'A001', need: 'residence' });
    const kioskBack = await connectKiosk(t.url, kiosk.token);
    t.track(kioskBack);
    const opened = okData(await back.request('offer:accept', { offerId: offer.offerId }));
    expect(opened.session.ticketNumber).toBe('A001');
  });

  it('records a deadline that passed while the server was down as missed, on start', async () => {
    await offerCentre();
    const agent = await agentIn(t, { ready: true });
    await ticketFrom(t, {});
    const offer = await agent.client.waitFor('offer:new');
    await t.server.close();
    clock.advance(20);
    await t.restart();
    const row = await t.server.db
      .selectFrom('offers')
      .select('outcome')
      .where('id', '=', offer.offerId)
      .executeTakeFirstOrThrow();
    expect(row.outcome).toBe('missed');
    const status = await t.server.db
      .selectFrom('agents')
      .select('status')
      .where('id', '=', agent.id)
      .executeTakeFirstOrThrow();
    expect(status.status).toBe('away');
  });
});
