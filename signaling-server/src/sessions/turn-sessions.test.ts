/**
 * The server hands out short-lived TURN credentials (issue 13 #4): each member's session:opened (and
 * a reconnecting member's resumed session) carries config's static ICE servers plus a TURN entry
 * bound to the session, and iceTransportPolicy; a kiosk gets a kiosk-bound entry with kiosk:state and
 * every heartbeat's ack, for its readiness probe; an agent gets an agent-bound one from `call:prepare`. Neither the secret nor a credential is logged.
 */
import { describe, expect, it } from 'vitest';
import { healthyReport } from '../kiosks/fleet/fleet-test-support';
import { connectKiosk, okData } from '../testing';
import { useTestServer } from '../testing/hooks';
import { liveVisit } from '../transfers/transfer-test-support';
import { turnCredential } from './turn-credentials';

const SECRET = 'turn-secret-0123456789';
const now = new Date('2026-12-07T10:00:00Z');
const EXPIRY = Math.floor(now.getTime() / 1000) + 900;
const STUN = { urls: 'stun:stun.example.org:3478' };
const t = useTestServer({
  clock: () => now,
  iceServers: [STUN],
  turn: { urls: ['turn:turn.example.org:3478'], secret: SECRET, ttlSeconds: 900 },
  iceTransportPolicy: 'relay',
});

const entry = (id: string) => ({
  urls: ['turn:turn.example.org:3478'],
  username: `${EXPIRY}:${id}`,
  credential: turnCredential(SECRET, `${EXPIRY}:${id}`),
});

describe('TURN credentials per session', () => {
  it('session:opened (both members, and a reconnecting kiosk) carries the session’s TURN entry and relay', async () => {
    const { k, kiosk, agent, ticket } = await t.kioskWithTicket();
    const opened = okData(await agent.request('ticket:accept', { ticketId: ticket.id }));
    const sessionId = opened.session.id;
    expect(opened.iceServers).toEqual([STUN, entry(sessionId)]);
    expect(opened.iceTransportPolicy).toBe('relay');
    const forKiosk = await kiosk.waitFor('session:opened');
    expect(forKiosk.iceServers).toEqual([STUN, entry(sessionId)]);
    expect(forKiosk.iceTransportPolicy).toBe('relay');

    const again = await connectKiosk(t.url, k.token);
    t.track(again);
    const state = await again.waitFor('kiosk:state');
    expect(state.session?.iceServers).toEqual([STUN, entry(sessionId)]);
    expect(state.session?.iceTransportPolicy).toBe('relay');
    expect(state.iceServers).toEqual([STUN, entry(`kiosk-${k.kiosk.id}`)]);

    const log = t.logText();
    expect(log).not.toContain(SECRET);
    expect(log).not.toContain(entry(sessionId).credential);
  });

  it('a kiosk’s heartbeat ack renews its kiosk-bound TURN entry', async () => {
    const { k, kiosk } = await t.kioskWithTicket();
    const ack = okData(await kiosk.request('kiosk:heartbeat', healthyReport()));
    expect(ack.iceServers).toEqual([STUN, entry(`kiosk-${k.kiosk.id}`)]);
  });

  it('call:prepare (a call prepared before the accept) gives the agent ICE servers with a TURN credential bound to the agent', async () => {
    const { agent, a } = await t.kioskWithTicket();
    const prepared = okData(await agent.request('call:prepare', {}));
    const me = a.agent.id;
    expect(prepared.iceTransportPolicy).toBe('relay');
    expect(prepared.iceServers).toEqual([STUN, entry(`agent-${me}`)]);
  });

  it('a consulted transfer’s hand-over call gets the session’s TURN entry and relay', async () => {
    const { first, second, sessionId } = await liveVisit(t);
    const started = okData(
      await first.client.request('transfer:start', {
        sessionId,
        mode: 'consulted',
        target: { kind: 'agent', agentId: second.id },
      }),
    );
    expect(started.iceServers).toEqual([STUN, entry(sessionId)]);
    expect(started.iceTransportPolicy).toBe('relay');
  });
});
