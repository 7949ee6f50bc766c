// Issue 11 #6: an agent invited to, or in, a consulted hand-over is busy for routing until it completes
// or is cancelled — no offer, no accept, not free in a wait estimate, not a transfer target — and the
// hand-over call's ICE servers reach both agents with the transfer.
import { describe, expect, it } from 'vitest';
import { createHttpClient, httpRoutes, type TicketNeed } from '@rvw/shared';
import { okData, setTestCentreRouting } from '../testing';
import { useTestServer, type ServerUnderTest } from '../testing/hooks';
import { offersOf, ticketFrom } from '../queue/routing-test-support';
import { liveVisit } from './transfer-test-support';

const ICE = [
  { urls: 'stun:stun.example.org' },
  { urls: 'turn:turn.example.org:3478', username: 'u', credential: 'c' },
];
const t = useTestServer({ iceServers: ICE });

/** Another resident at another kiosk, waiting with `need`. */
async function waiting(s: ServerUnderTest, need: TicketNeed) {
  const { client, position } = await ticketFrom(s, { need });
  return { client, ticketId: position.ticket.id, position };
}

describe('the invited agent of a consulted transfer is busy', () => {
  it('cannot accept a waiting ticket, is not free in its estimate, and cannot be another transfer’s target', async () => {
    const { first, second, third, sessionId } = await liveVisit(t);
    // Only 王芳 serves medical insurance: free, so this resident is next.
    const other = await waiting(t, 'medical-insurance');
    expect(other.position.estimate).toEqual({ kind: 'next' });

    const from = other.client.received.length;
    const { transferId } = okData(
      await first.client.request('transfer:start', {
        sessionId,
        mode: 'consulted',
        target: { kind: 'agent', agentId: second.id },
      }),
    );
    // Invited: still online with the skill, no longer free — no basis for a number without history.
    const invited = await other.client.waitFor('ticket:update', (u) => u.estimate.kind !== 'next', { from });
    expect(invited.estimate).toEqual({ kind: 'none', reason: 'no-history' });
    // The sentence says why: the hand-over, not a session of their own.
    const refused = { ok: false, error: { code: 'AGENT_BUSY', message: expect.stringMatching(/hand-over/) } };
    expect(await second.client.request('ticket:accept', { ticketId: other.ticketId })).toMatchObject(refused);
    expect(await second.client.request('ticket:accept-next', {})).toMatchObject(refused);
    // Their status stays what it was: they serve no session yet.
    const presence = okData(await second.client.request('agent:status', { status: 'available' }));
    expect(presence).toMatchObject({ status: 'available' });
    expect(presence.session).toBeUndefined();

    // In the hand-over call: still busy.
    okData(await second.client.request('transfer:answer', { transferId, accept: true }));
    expect(await second.client.request('ticket:accept', { ticketId: other.ticketId })).toMatchObject(refused);
    expect(await second.client.request('ticket:accept-next', {})).toMatchObject(refused);

    // Another agent with a resident cannot choose them, blind or consulted.
    const theirs = await waiting(t, 'residence');
    const opened = okData(await third.client.request('ticket:accept', { ticketId: theirs.ticketId }));
    for (const mode of ['consulted', 'blind'] as const)
      expect(
        await third.client.request('transfer:start', {
          sessionId: opened.session.id,
          mode,
          target: { kind: 'agent', agentId: second.id },
        }),
      ).toMatchObject({ ok: false, error: { code: 'AGENT_UNAVAILABLE' } });
    const api = createHttpClient(httpRoutes, { baseUrl: t.url, token: third.token });
    const { options } = await api.transferOptions();
    const listed = options.find((o) => o.kind === 'agent' && o.agentId === second.id);
    expect(listed).toMatchObject({ status: 'in-session', online: true });

    // Cancelled: free again — next in the estimate, and the accept goes through.
    const at = other.client.received.length;
    okData(await first.client.request('transfer:cancel', { transferId }));
    await other.client.waitFor('ticket:update', (u) => u.estimate.kind === 'next', { from: at });
    okData(await second.client.request('ticket:accept', { ticketId: other.ticketId }));
  });

  it('gets no offer while invited or consulting; an offer they held is withdrawn; offers resume after', async () => {
    const { first, second, third, sessionId } = await liveVisit(t);
    await setTestCentreRouting(t.server, 'main', { mode: 'offer', offerTimeoutS: 60 });
    // 王芳 has been idle longest: the first resident is offered to her.
    const one = await waiting(t, 'unsure');
    const held = await second.client.waitFor('offer:new', (o) => o.entry.ticketId === one.ticketId);

    const { transferId } = okData(
      await first.client.request('transfer:start', {
        sessionId,
        mode: 'consulted',
        target: { kind: 'agent', agentId: second.id },
      }),
    );
    // Invited: her offer is withdrawn and the resident offered to 赵强.
    expect(await second.client.waitFor('offer:gone')).toEqual({
      offerId: held.offerId,
      outcome: 'withdrawn',
    });
    await third.client.waitFor('offer:new', (o) => o.entry.ticketId === one.ticketId);
    expect(await second.client.request('offer:accept', { offerId: held.offerId })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });

    okData(await second.client.request('transfer:answer', { transferId, accept: true }));
    // 赵强 holds an offer; 王芳 is in the hand-over: a second resident is offered to nobody.
    const two = await waiting(t, 'unsure');
    await t.server.routing.recheck();
    expect(await offersOf(t, two.ticketId)).toEqual([]);
    expect(second.client.all('offer:new')).toHaveLength(1);

    okData(await first.client.request('transfer:cancel', { transferId }));
    const next = await second.client.waitFor('offer:new', (o) => o.entry.ticketId === two.ticketId);
    okData(await second.client.request('offer:accept', { offerId: next.offerId }));
  });
});

describe('the hand-over call’s ICE servers', () => {
  it('reach the invited agent with the invitation, and both agents with every state and ack', async () => {
    const { first, second, sessionId } = await liveVisit(t);
    const started = okData(
      await first.client.request('transfer:start', {
        sessionId,
        mode: 'consulted',
        target: { kind: 'agent', agentId: second.id },
      }),
    );
    expect(started.iceServers).toEqual(ICE);
    const invitation = await second.client.waitFor(
      'transfer:state',
      (s) => s.transferId === started.transferId && s.phase === 'inviting',
    );
    expect(invitation.iceServers).toEqual(ICE);
    const answered = okData(
      await second.client.request('transfer:answer', { transferId: started.transferId, accept: true }),
    );
    expect(answered.iceServers).toEqual(ICE);
    const consulting = await first.client.waitFor('transfer:state', (s) => s.phase === 'consulting');
    expect(consulting.iceServers).toEqual(ICE);
    // The same list the resident's call got.
    const opened = first.client.all('session:opened').find((o) => o.session.id === sessionId);
    expect(opened?.iceServers).toEqual(ICE);
  });
});
