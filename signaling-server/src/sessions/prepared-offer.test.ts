/**
 * A call prepared before the accept (issue 13 #3): `call:prepare` is the agent's (its TURN
 * credential: turn-sessions.test.ts); an accept that carries the prepared
 * offer has the kiosk hear `session:opened` and, right after it, the offer as the session's first
 * `signal`; the agent's copy says so (`offerRelayed`). An accept without one is unchanged, and a
 * malformed offer is refused with a code before anything is accepted.
 */
import { describe, expect, it } from 'vitest';
import { okData } from '../testing';
import { useTestServer } from '../testing/hooks';

const t = useTestServer();

const OFFER = { type: 'offer' as const, sdp: 'v=0\r\no=- 4611731400430051336 2 IN IP4 127.0.0.1\r\n' };

describe('a call prepared before the accept', () => {
  it('a kiosk cannot ask for call:prepare', async () => {
    const { kiosk } = await t.kioskWithTicket();
    expect(await kiosk.requestRaw('call:prepare', {})).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
  });

  it('the offer sent with the accept reaches the kiosk right after session:opened', async () => {
    const { kiosk, agent, ticket } = await t.kioskWithTicket();
    const from = kiosk.received.length;
    const opened = okData(await agent.request('ticket:accept', { ticketId: ticket.id, offer: OFFER }));
    expect(opened.offerRelayed).toBe(true);
    const signal = await kiosk.waitFor('signal', () => true, { from });
    expect(signal).toEqual({ sessionId: opened.session.id, data: OFFER });
    const names = kiosk.received.slice(from).map((r) => r.event);
    expect(names.indexOf('session:opened')).toBe(names.indexOf('signal') - 1);
    // The kiosk is told that the offer follows (it answers before it draws the call screen).
    expect(kiosk.received.slice(from).find((r) => r.event === 'session:opened')?.payload).toMatchObject({
      offerRelayed: true,
    });
    const pushed = agent.received.filter((r) => r.event === 'session:opened').map((r) => r.payload);
    expect(pushed).toContainEqual(expect.objectContaining({ offerRelayed: true }));
  });

  it('take-the-next carries the offer too', async () => {
    const { kiosk, agent } = await t.kioskWithTicket();
    const from = kiosk.received.length;
    const opened = okData(await agent.request('ticket:accept-next', { offer: OFFER }));
    expect(opened.offerRelayed).toBe(true);
    expect(await kiosk.waitFor('signal', () => true, { from })).toEqual({
      sessionId: opened.session.id,
      data: OFFER,
    });
  });

  it('an accept without an offer sends the kiosk no signal and says nothing of one', async () => {
    const { kiosk, agent, ticket } = await t.kioskWithTicket();
    const from = kiosk.received.length;
    const opened = okData(await agent.request('ticket:accept', { ticketId: ticket.id }));
    expect(opened.offerRelayed).toBeUndefined();
    const kioskOpened = await kiosk.waitFor('session:opened', () => true, { from });
    expect(kioskOpened.offerRelayed).toBeUndefined();
    expect(kiosk.received.slice(from).some((r) => r.event === 'signal')).toBe(false);
  });

  it('a malformed offer is refused with a code, and the ticket still waits', async () => {
    const { agent, ticket } = await t.kioskWithTicket();
    for (const offer of [
      { type: 'answer', sdp: 'v=0' },
      { type: 'offer', sdp: '' },
      { type: 'offer', sdp: 'x'.repeat(64_001) },
      { type: 'offer', sdp: 'v=0', candidate: {} },
    ]) {
      const res = await agent.requestRaw('ticket:accept', { ticketId: ticket.id, offer });
      expect(res).toMatchObject({ ok: false, error: { code: 'BAD_PAYLOAD' } });
    }
    const opened = okData(await agent.request('ticket:accept', { ticketId: ticket.id }));
    expect(opened.session.ticketId).toBe(ticket.id);
  });
});
