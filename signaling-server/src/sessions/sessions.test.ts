import { describe, expect, it } from 'vitest';
import {
  ManualScheduler,
  connectAgent,
  connectKiosk,
  createTestAgent,
  createTestKiosk,
  okData,
} from '../testing';
import { useTestServer } from '../testing/hooks';

const t = useTestServer(
  { iceServers: [{ urls: 'turn:turn.example.org:3478', username: 'u', credential: 'c' }] },
  { startEach: false },
);

/** A kiosk with a ticket accepted by an agent: both connected, session open. */
async function openSession(opts: { scheduler?: ManualScheduler } = {}) {
  await t.start({ scheduler: opts.scheduler });
  const { k, a, kiosk, agent, ticket } = await t.kioskWithTicket({
    kioskName: '第一居委会',
    agentName: '李敏',
  });
  const opened = okData(await agent.request('ticket:accept', { ticketId: ticket.id }));
  return { k, a, kiosk, agent, ticket, opened, sessionId: opened.session.id };
}

describe('sessions', () => {
  it('opens a session with two members: the agent initiates, the kiosk answers, both get the ICE servers', async () => {
    const { kiosk, agent, opened, ticket, a, k } = await openSession();
    expect(opened.initiator).toBe(true);
    expect(opened.iceServers).toEqual([
      { urls: 'turn:turn.example.org:3478', username: 'u', credential: 'c' },
    ]);
    expect(opened.session).toMatchObject({
      ticketId: ticket.id,
      ticketNumber: 'A001',
      kiosk: { id: k.kiosk.id, name: '第一居委会' },
      agent: { id: a.agent.id, displayName: '李敏' },
      endedAt: null,
      endedBy: null,
    });
    expect(await agent.waitFor('session:opened')).toEqual(opened);
    const forKiosk = await kiosk.waitFor('session:opened');
    expect(forKiosk.initiator).toBe(false);
    expect(forKiosk.session).toEqual(opened.session);
    await kiosk.waitFor('ticket:update', (u) => u.ticket.status === 'serving' && u.position === 0);
    await agent.waitFor('queue:update', (q) => q.entries.length === 0);
  });

  it('relays signals between the two members only', async () => {
    const { kiosk, agent, sessionId } = await openSession();
    const offer = { type: 'offer' as const, sdp: 'v=0 offer' };
    okData(await agent.request('signal', { sessionId, data: offer }));
    expect(await kiosk.waitFor('signal')).toEqual({ sessionId, data: offer });
    const candidate = {
      type: 'candidate' as const,
      candidate: { candidate: 'candidate:1 1 udp 1 127.0.0.1 9 typ host', sdpMid: '0' },
    };
    okData(await kiosk.request('signal', { sessionId, data: candidate }));
    expect(await agent.waitFor('signal')).toEqual({ sessionId, data: candidate });
    // Nobody hears their own signals.
    expect(agent.all('signal')).toHaveLength(1);
    expect(kiosk.all('signal')).toHaveLength(1);
  });

  it('refuses signals from a kiosk or agent that is not a member, and the members never receive them', async () => {
    const { kiosk, agent, sessionId } = await openSession();
    const other = await connectKiosk(t.url, (await createTestKiosk(t.server)).token);
    const otherAgent = await connectAgent(t.url, (await createTestAgent(t.server)).token);
    t.track(other, otherAgent);
    const data = { type: 'offer' as const, sdp: 'intruder' };
    expect(await other.request('signal', { sessionId, data })).toMatchObject({
      ok: false,
      error: { code: 'NOT_SESSION_MEMBER' },
    });
    expect(await otherAgent.request('signal', { sessionId, data })).toMatchObject({
      ok: false,
      error: { code: 'NOT_SESSION_MEMBER' },
    });
    expect(await other.request('session:end', { sessionId })).toMatchObject({
      ok: false,
      error: { code: 'NOT_SESSION_MEMBER' },
    });
    expect(await other.request('signal', { sessionId: 'no-such', data })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    // A legitimate signal afterwards is the first and only one each member sees.
    okData(await agent.request('signal', { sessionId, data: { type: 'offer', sdp: 'real' } }));
    await kiosk.waitFor('signal');
    expect(kiosk.all('signal').map((s) => s.data.sdp)).toEqual(['real']);
    expect(agent.all('signal')).toEqual([]);
    expect(other.all('signal')).toEqual([]);
  });

  it('ends by either member: records ended_at and endedBy, finishes the ticket, tells both', async () => {
    const { kiosk, agent, sessionId, ticket } = await openSession();
    const ended = okData(await kiosk.request('session:end', { sessionId, reason: 'resident done' }));
    expect(ended).toMatchObject({ sessionId, endedBy: 'kiosk', reason: 'resident done' });
    expect(await agent.waitFor('session:ended')).toEqual(ended);
    expect(await kiosk.waitFor('session:ended')).toEqual(ended);
    await kiosk.waitFor('ticket:update', (u) => u.ticket.status === 'done');
    const row = await t.server.db
      .selectFrom('sessions')
      .selectAll()
      .where('id', '=', sessionId)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ ended_by: 'kiosk', ended_at: ended.endedAt, end_reason: 'resident done' });
    const trow = await t.server.db
      .selectFrom('tickets')
      .select('status')
      .where('id', '=', ticket.id)
      .executeTakeFirstOrThrow();
    expect(trow.status).toBe('done');
    // Ended is ended: no more signals, no second end.
    expect(await agent.request('signal', { sessionId, data: { type: 'offer', sdp: 'late' } })).toMatchObject({
      ok: false,
      error: { code: 'SESSION_ENDED' },
    });
    expect(await agent.request('session:end', { sessionId })).toMatchObject({
      ok: false,
      error: { code: 'SESSION_ENDED' },
    });
    // The kiosk may queue again; the agent is free again.
    okData(await kiosk.request('ticket:request', {}));
  });

  it('records endedBy agent when the agent ends', async () => {
    const { agent, sessionId } = await openSession();
    expect(okData(await agent.request('session:end', { sessionId })).endedBy).toBe('agent');
    const row = await t.server.db
      .selectFrom('sessions')
      .select('ended_by')
      .where('id', '=', sessionId)
      .executeTakeFirstOrThrow();
    expect(row.ended_by).toBe('agent');
  });

  it('gives a reconnecting member its open session, and ends the session (system) if a member stays away', async () => {
    const scheduler = new ManualScheduler();
    const { kiosk, agent, k, sessionId } = await openSession({ scheduler });
    expect(scheduler.pending).toBe(0);

    kiosk.close();
    await waitUntil(() => scheduler.pending === 1);
    // It comes back within the grace period: its state carries the session, the wait is cancelled.
    const back = await connectKiosk(t.url, k.token);
    t.track(back);
    const state = await back.waitFor('kiosk:state');
    expect(state.session).toMatchObject({ initiator: false, session: { id: sessionId } });
    expect(state.ticket).toMatchObject({ ticket: { status: 'serving' }, position: 0 });
    expect(scheduler.pending).toBe(0);

    back.close();
    await waitUntil(() => scheduler.pending === 1);
    scheduler.advance(59_999);
    expect(agent.all('session:ended')).toEqual([]);
    scheduler.advance(1);
    const ended = await agent.waitFor('session:ended');
    expect(ended).toMatchObject({ sessionId, endedBy: 'system', reason: 'kiosk-lost' });
    const row = await t.server.db
      .selectFrom('sessions')
      .select(['ended_by', 'ended_at'])
      .where('id', '=', sessionId)
      .executeTakeFirstOrThrow();
    expect(row.ended_by).toBe('system');
    expect(row.ended_at).not.toBeNull();
  });

  it('an agent reconnecting (console reload) receives agent:state with its session', async () => {
    const { agent, a, sessionId } = await openSession();
    agent.close();
    const again = await connectAgent(t.url, a.token);
    t.track(again);
    const state = await again.waitFor('agent:state');
    expect(state.session).toMatchObject({ initiator: true, session: { id: sessionId } });
  });

  it('gives members of sessions left open by a restart their grace period', async () => {
    const scheduler = new ManualScheduler();
    const { sessionId, a } = await openSession({ scheduler });
    await t.restart({ scheduler });
    expect(scheduler.pending).toBe(2);
    const agent = await connectAgent(t.url, a.token);
    t.track(agent);
    expect(scheduler.pending).toBe(1); // the agent is back; the kiosk is still awaited
    scheduler.runAll();
    expect((await agent.waitFor('session:ended')).sessionId).toBe(sessionId);
  });

  it('keeps absence deadlines in the database, and a restart honours the time already waited', async () => {
    const scheduler = new ManualScheduler();
    let offsetMs = 0;
    const clock = () => new Date(Date.now() + offsetMs);
    await t.start({ scheduler, clock });
    const { kiosk, agent, ticket, a } = await t.kioskWithTicket();
    const opened = okData(await agent.request('ticket:accept', { ticketId: ticket.id }));
    kiosk.close();
    await waitUntil(() => scheduler.pending === 1);
    const row = await t.server.db.selectFrom('member_absences').selectAll().executeTakeFirstOrThrow();
    expect(row).toMatchObject({ session_id: opened.session.id, member: 'kiosk' });

    // 20 of the 60 seconds pass while the server is down: after the restart 40 are left.
    offsetMs = 20_000;
    await t.restart({ scheduler, clock });
    const back = await connectAgent(t.url, a.token);
    t.track(back);
    expect(scheduler.pending).toBe(1); // the agent is back; the kiosk's deadline still runs
    scheduler.advance(40_000);
    expect(await back.waitFor('session:ended')).toMatchObject({ endedBy: 'system', reason: 'kiosk-lost' });
    expect(await t.server.db.selectFrom('member_absences').selectAll().execute()).toEqual([]);
  });
});

/** Polls a condition that server-side socket events make true (disconnect handling is asynchronous). */
async function waitUntil(cond: () => boolean, timeoutMs = 5000): Promise<void> {
  const start = Date.now();
  while (!cond()) {
    if (Date.now() - start > timeoutMs) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 10));
  }
}
