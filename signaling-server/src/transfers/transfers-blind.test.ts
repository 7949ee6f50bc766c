import { describe, expect, it } from 'vitest';
import { createHttpClient, httpRoutes } from '@rvw/shared';
import { adminApi, createTestCentre, okData, setTestCentreRouting } from '../testing';
import { useTestServer } from '../testing/hooks';
import { kioskStory, liveVisit, OFFER, onlineAgent } from './transfer-test-support';

const t = useTestServer();

describe('blind transfer', () => {
  it('to a skill group: the ticket waits at the front, another agent takes the same session and its case', async () => {
    const v = await liveVisit(t);
    const { first, second, kiosk, sessionId, ticketId } = v;
    const c = okData(await first.client.request('case:open', { sessionId, itemCode: 'ltci-assessment' }));

    const queued = okData(
      await first.client.request('transfer:start', {
        sessionId,
        mode: 'blind',
        target: { kind: 'skill', skill: 'medical-insurance' },
        note: '居民要问医保报销',
      }),
    );
    expect(queued).toMatchObject({ sessionId, mode: 'blind', phase: 'queued', from: { agentId: first.id } });
    await first.client.waitFor('transfer:state', (s) => s.phase === 'queued');
    await kiosk.waitFor('session:transfer', (n) => n.phase === 'transferring');
    // The first agent has left: no more signals, wrap-up, and free to serve someone else.
    expect(await first.client.request('signal', { sessionId, data: OFFER })).toMatchObject({
      ok: false,
      error: { code: 'NOT_SESSION_MEMBER' },
    });
    await first.client.waitFor('agent:status', (p) => p.status === 'wrap-up');
    // The medical-insurance agent sees the ticket at the front and takes it.
    await second.client.waitFor('queue:update', (q) => q.entries.some((e) => e.ticketId === ticketId));
    const taken = okData(await second.client.request('ticket:accept', { ticketId }));
    expect(taken.session.id).toBe(sessionId);
    expect(taken.initiator).toBe(true);
    expect(taken.session.agent).toEqual({ id: second.id, displayName: '王芳' });
    await kiosk.waitFor('session:transfer', (n) => n.phase === 'connected');
    expect(kioskStory(kiosk, sessionId)).toEqual([
      'opened:李敏',
      'transfer:transferring',
      'opened:王芳',
      'transfer:connected',
    ]);
    // The second agent has the case where the first left it, and the call runs between them.
    expect((await second.client.waitFor('case:state', (s) => s.caseId === c.caseId)).status).toBe('open');
    await second.client.waitFor(
      'transfer:state',
      (s) => s.phase === 'completed' && s.to?.agentId === second.id,
    );
    okData(await second.client.request('signal', { sessionId, data: OFFER }));
    expect(await kiosk.waitFor('signal')).toEqual({ sessionId, data: OFFER });

    const detail = await (await adminApi(t.server)).getCase({ params: { caseId: c.caseId } });
    expect(detail.agentId).toBe(second.id);
    expect(detail.transfers).toEqual([
      expect.objectContaining({
        mode: 'blind',
        phase: 'completed',
        target: { kind: 'skill', skill: 'medical-insurance' },
        from: { agentId: first.id, displayName: '李敏' },
        to: { agentId: second.id, displayName: '王芳' },
        note: '居民要问医保报销',
      }),
    ]);
  });

  it('to one agent: that agent hears of it and takes the session; the resident is never asked again', async () => {
    const { first, second, kiosk, sessionId, ticketId } = await liveVisit(t);
    okData(
      await first.client.request('transfer:start', {
        sessionId,
        mode: 'blind',
        target: { kind: 'agent', agentId: second.id },
      }),
    );
    await second.client.waitFor('transfer:state', (s) => s.phase === 'queued' && s.from.agentId === first.id);
    const taken = okData(await second.client.request('ticket:accept', { ticketId }));
    expect(taken.session.id).toBe(sessionId);
    await kiosk.waitFor('session:transfer', (n) => n.phase === 'connected');
    expect(kioskStory(kiosk, sessionId)).toEqual([
      'opened:李敏',
      'transfer:transferring',
      'opened:王芳',
      'transfer:connected',
    ]);
    // One ticket, one session: nothing started again for the resident.
    expect(kiosk.all('ticket:update').every((u) => u.ticket.id === ticketId)).toBe(true);
    const sessions = await (await adminApi(t.server)).listSessions({ query: { ticketId } });
    expect(sessions.sessions.map((s) => [s.id, s.agent.id])).toEqual([[sessionId, second.id]]);
  });

  it('the first agent takes a blind transfer back before anyone takes it', async () => {
    const { first, second, kiosk, sessionId, ticketId } = await liveVisit(t);
    const { transferId } = okData(
      await first.client.request('transfer:start', {
        sessionId,
        mode: 'blind',
        target: { kind: 'skill', skill: 'medical-insurance' },
      }),
    );
    const cancelled = okData(await first.client.request('transfer:cancel', { transferId }));
    expect(cancelled).toMatchObject({ phase: 'cancelled', reason: 'withdrawn' });
    const back = await first.client.waitFor(
      'session:opened',
      (o) => o.session.id === sessionId && o.initiator,
    );
    expect(back.session.agent.id).toBe(first.id);
    await kiosk.waitFor('session:transfer', (n) => n.phase === 'cancelled');
    expect(kioskStory(kiosk, sessionId)).toEqual([
      'opened:李敏',
      'transfer:transferring',
      'opened:李敏',
      'transfer:cancelled',
    ]);
    okData(await first.client.request('signal', { sessionId, data: OFFER }));
    await kiosk.waitFor('signal');
    expect(await second.client.request('ticket:accept', { ticketId })).toMatchObject({ ok: false });
  });

  it('refuses a transfer by an agent who is not in the session and to an away agent; a session that ends cancels its transfer', async () => {
    const { first, second, third, kiosk, sessionId } = await liveVisit(t);
    const blindTo = (agentId: string) => ({
      sessionId,
      mode: 'blind' as const,
      target: { kind: 'agent' as const, agentId },
    });
    expect(await second.client.request('transfer:start', blindTo(third.id))).toMatchObject({
      ok: false,
      error: { code: 'NOT_SESSION_MEMBER' },
    });
    okData(await third.client.request('agent:status', { status: 'away' }));
    expect(await first.client.request('transfer:start', blindTo(third.id))).toMatchObject({
      ok: false,
      error: { code: 'AGENT_UNAVAILABLE' },
    });
    okData(await first.client.request('transfer:start', blindTo(second.id)));
    // The agent who handed it over is no longer in it; a second transfer is not theirs to make.
    expect(await first.client.request('transfer:start', blindTo(second.id))).toMatchObject({
      ok: false,
      error: { code: 'NOT_SESSION_MEMBER' },
    });
    okData(await kiosk.request('session:end', { sessionId }));
    await first.client.waitFor(
      'transfer:state',
      (s) => s.phase === 'cancelled' && s.reason === 'session-ended',
    );
  });

  it('an ended session refuses a transfer with SESSION_ENDED', async () => {
    const { first, second, kiosk, sessionId } = await liveVisit(t);
    okData(await kiosk.request('session:end', { sessionId }));
    expect(
      await first.client.request('transfer:start', {
        sessionId,
        mode: 'blind',
        target: { kind: 'agent', agentId: second.id },
      }),
    ).toMatchObject({ ok: false, error: { code: 'SESSION_ENDED' } });
  });

  it('lists the agents of the centre and its partners with their status, and the skill groups with the agents online', async () => {
    await createTestCentre(t.server, { id: 'gusu', name: '姑苏中心', region: '江苏省' });
    await createTestCentre(t.server, { id: 'elsewhere' });
    await setTestCentreRouting(t.server, 'main', {}, ['gusu']);
    const { first, third } = await liveVisit(t);
    await onlineAgent(t, '陈静', { skills: ['residence'], centreId: 'gusu' });
    await onlineAgent(t, '不相干', { skills: ['residence'], centreId: 'elsewhere' });
    await onlineAgent(t, '刘洋', { skills: ['medical-insurance'], available: false });
    okData(await third.client.request('agent:status', { status: 'away' }));
    const api = createHttpClient(httpRoutes, { baseUrl: t.url, token: first.token });
    const { options } = await api.transferOptions();
    const agents = options.flatMap((o) =>
      o.kind === 'agent' ? [[o.displayName, o.centreId, o.status]] : [],
    );
    expect(agents).toEqual(
      expect.arrayContaining([
        ['王芳', 'main', 'available'],
        ['赵强', 'main', 'away'],
        ['刘洋', 'main', 'away'],
        ['陈静', 'gusu', 'available'],
      ]),
    );
    expect(agents).toHaveLength(4);
    const skills = Object.fromEntries(
      options.flatMap((o) => (o.kind === 'skill' ? [[o.skill, o.agentsOnline]] : [])),
    );
    expect(skills).toEqual({
      'elderly-care': 0,
      'medical-insurance': 1,
      residence: 1,
      disability: 0,
      'family-planning': 0,
      consultation: 0,
    });
  });
});
