import { describe, expect, it } from 'vitest';
import { adminApi, connectAgent, connectKiosk, createTestKiosk, okData } from '../testing';
import { useTestServer } from '../testing/hooks';
import { memberRoom } from '../socket/types';
import { kioskStory, liveVisit, OFFER } from './transfer-test-support';

const t = useTestServer();

describe('consulted transfer', () => {
  it('invites, relays the hand-over call between the two agents only, and hands the resident over on complete', async () => {
    const v = await liveVisit(t);
    const { first, second, third, kiosk, sessionId } = v;
    const c = okData(await first.client.request('case:open', { sessionId, itemCode: 'ltci-assessment' }));

    const started = okData(
      await first.client.request('transfer:start', {
        sessionId,
        mode: 'consulted',
        target: { kind: 'agent', agentId: second.id },
        note: '长护险评估，材料已齐',
      }),
    );
    expect(started).toMatchObject({
      sessionId,
      mode: 'consulted',
      phase: 'inviting',
      from: { agentId: first.id, displayName: '李敏' },
      note: '长护险评估，材料已齐',
    });
    const transferId = started.transferId;
    // The invited agent gets the invitation; so does the first agent's own console.
    await second.client.waitFor(
      'transfer:state',
      (s) => s.transferId === transferId && s.phase === 'inviting',
    );
    await first.client.waitFor('transfer:state', (s) => s.phase === 'inviting');
    expect(third.client.all('transfer:state')).toEqual([]);

    // Only the invited agent answers.
    expect(await third.client.request('transfer:answer', { transferId, accept: true })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    const consulting = okData(await second.client.request('transfer:answer', { transferId, accept: true }));
    expect(consulting).toMatchObject({
      phase: 'consulting',
      to: { agentId: second.id, displayName: '王芳' },
    });
    await first.client.waitFor('transfer:state', (s) => s.phase === 'consulting');

    // The hand-over call: the first agent offers, the second answers; nobody else hears it.
    okData(await first.client.request('consult:signal', { transferId, data: OFFER }));
    expect(await second.client.waitFor('consult:signal')).toEqual({ transferId, data: OFFER });
    const answer = { type: 'answer' as const, sdp: 'v=0 answer' };
    okData(await second.client.request('consult:signal', { transferId, data: answer }));
    expect(await first.client.waitFor('consult:signal')).toEqual({ transferId, data: answer });
    expect(await third.client.request('consult:signal', { transferId, data: OFFER })).toMatchObject({
      ok: false,
      error: { code: 'NOT_SESSION_MEMBER' },
    });
    expect(first.client.all('consult:signal')).toHaveLength(1);
    expect(second.client.all('consult:signal')).toHaveLength(1);
    expect(kiosk.all('consult:signal')).toEqual([]);
    // Meanwhile the resident stays with the first agent.
    okData(await kiosk.request('signal', { sessionId, data: OFFER }));
    await first.client.waitFor('signal', (s) => s.sessionId === sessionId);
    expect(second.client.all('signal')).toEqual([]);

    // Only the first agent completes it.
    expect(await second.client.request('transfer:complete', { transferId })).toMatchObject({
      ok: false,
      error: { code: 'NOT_SESSION_MEMBER' },
    });
    const done = okData(await first.client.request('transfer:complete', { transferId }));
    expect(done).toMatchObject({ phase: 'completed', to: { agentId: second.id } });

    // The second agent is in the same session as the initiator, with the case where it was.
    const forSecond = await second.client.waitFor('session:opened', (o) => o.session.id === sessionId);
    expect(forSecond.initiator).toBe(true);
    expect(forSecond.session.agent).toEqual({ id: second.id, displayName: '王芳' });
    const caseForSecond = await second.client.waitFor('case:state', (s) => s.caseId === c.caseId);
    expect(caseForSecond.status).toBe('open');
    await kiosk.waitFor('session:transfer', (n) => n.phase === 'connected');
    expect(kioskStory(kiosk, sessionId)).toEqual([
      'opened:李敏',
      'transfer:transferring',
      'opened:王芳',
      'transfer:connected',
    ]);
    await first.client.waitFor('transfer:state', (s) => s.phase === 'completed');
    await second.client.waitFor('transfer:state', (s) => s.phase === 'completed');

    // The call signals now go between the kiosk and the second agent; the first has left.
    okData(await second.client.request('signal', { sessionId, data: OFFER }));
    expect(await kiosk.waitFor('signal')).toEqual({ sessionId, data: OFFER });
    const candidate = { type: 'answer' as const, sdp: 'v=0 kiosk' };
    okData(await kiosk.request('signal', { sessionId, data: candidate }));
    await second.client.waitFor('signal', (s) => s.data.type === 'answer');
    expect(await first.client.request('signal', { sessionId, data: OFFER })).toMatchObject({
      ok: false,
      error: { code: 'NOT_SESSION_MEMBER' },
    });
    // The first agent is in wrap-up, the second in a session; the case changed hands.
    await first.client.waitFor('agent:status', (p) => p.status === 'wrap-up');
    await second.client.waitFor('agent:status', (p) => p.status === 'in-session');
    okData(
      await second.client.request('form:revise', {
        caseId: c.caseId,
        field: 'contactPhone',
        value: '13812345678',
        baseRevision: 0,
      }),
    );

    const detail = await (await adminApi(t.server)).getCase({ params: { caseId: c.caseId } });
    expect(detail.agentId).toBe(second.id);
    expect(detail.transfers).toEqual([
      expect.objectContaining({
        transferId,
        mode: 'consulted',
        phase: 'completed',
        target: { kind: 'agent', agentId: second.id },
        from: { agentId: first.id, displayName: '李敏' },
        to: { agentId: second.id, displayName: '王芳' },
        note: '长护险评估，材料已齐',
      }),
    ]);
  });

  it('a declined invitation is cancelled for both, and the first agent keeps the resident', async () => {
    const { first, second, kiosk, sessionId } = await liveVisit(t);
    const { transferId } = okData(
      await first.client.request('transfer:start', {
        sessionId,
        mode: 'consulted',
        target: { kind: 'agent', agentId: second.id },
      }),
    );
    const declined = okData(await second.client.request('transfer:answer', { transferId, accept: false }));
    expect(declined).toMatchObject({ phase: 'cancelled', reason: 'declined' });
    await first.client.waitFor('transfer:state', (s) => s.phase === 'cancelled' && s.reason === 'declined');
    // Answered once only; no hand-over call after a decline.
    expect(await second.client.request('transfer:answer', { transferId, accept: true })).toMatchObject({
      ok: false,
      error: { code: 'WRONG_STATE' },
    });
    expect(await first.client.request('consult:signal', { transferId, data: OFFER })).toMatchObject({
      ok: false,
      error: { code: 'NOT_SESSION_MEMBER' },
    });
    okData(await first.client.request('signal', { sessionId, data: OFFER }));
    await kiosk.waitFor('signal');
    expect(kiosk.all('session:transfer')).toEqual([]);
    // The session is free for another transfer.
    okData(
      await first.client.request('transfer:start', {
        sessionId,
        mode: 'consulted',
        target: { kind: 'agent', agentId: second.id },
      }),
    );
  });

  it('the first agent cancels during the hand-over: the call between them ends and the resident stays', async () => {
    const { first, second, kiosk, sessionId } = await liveVisit(t);
    const { transferId } = okData(
      await first.client.request('transfer:start', {
        sessionId,
        mode: 'consulted',
        target: { kind: 'agent', agentId: second.id },
      }),
    );
    okData(await second.client.request('transfer:answer', { transferId, accept: true }));
    expect(await second.client.request('transfer:cancel', { transferId })).toMatchObject({
      ok: false,
      error: { code: 'NOT_SESSION_MEMBER' },
    });
    const cancelled = okData(await first.client.request('transfer:cancel', { transferId }));
    expect(cancelled).toMatchObject({ phase: 'cancelled', reason: 'withdrawn' });
    await second.client.waitFor('transfer:state', (s) => s.phase === 'cancelled');
    expect(await second.client.request('consult:signal', { transferId, data: OFFER })).toMatchObject({
      ok: false,
      error: { code: 'WRONG_STATE' },
    });
    expect(await first.client.request('transfer:complete', { transferId })).toMatchObject({
      ok: false,
      error: { code: 'WRONG_STATE' },
    });
    okData(await kiosk.request('signal', { sessionId, data: OFFER }));
    await first.client.waitFor('signal');
    expect(kiosk.all('session:transfer')).toEqual([]);
  });

  it('refuses a consulted transfer to a skill group, to themself, to an agent who is away or offline, and a second one', async () => {
    const { first, second, third, sessionId } = await liveVisit(t);
    const start = (agentId: string) =>
      first.client.request('transfer:start', {
        sessionId,
        mode: 'consulted',
        target: { kind: 'agent', agentId },
      });
    expect(
      await first.client.request('transfer:start', {
        sessionId,
        mode: 'consulted',
        target: { kind: 'skill', skill: 'medical-insurance' },
      }),
    ).toMatchObject({ ok: false, error: { code: 'BAD_PAYLOAD' } });
    expect(await start(first.id)).toMatchObject({ ok: false, error: { code: 'BAD_PAYLOAD' } });
    okData(await second.client.request('agent:status', { status: 'away' }));
    expect(await start(second.id)).toMatchObject({ ok: false, error: { code: 'AGENT_UNAVAILABLE' } });
    third.client.close();
    await expect.poll(() => t.server.io.in(memberRoom('agent', third.id)).fetchSockets()).toEqual([]);
    expect(await start(third.id)).toMatchObject({ ok: false, error: { code: 'AGENT_UNAVAILABLE' } });
    okData(await second.client.request('agent:status', { status: 'available' }));
    okData(await start(second.id));
    expect(await start(second.id)).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });

  it('a hand-over in progress is cancelled at start-up with the reason, and the case read-back lists it', async () => {
    const { first, second, sessionId } = await liveVisit(t);
    const c = okData(await first.client.request('case:open', { sessionId, itemCode: 'ltci-assessment' }));
    const { transferId } = okData(
      await first.client.request('transfer:start', {
        sessionId,
        mode: 'consulted',
        target: { kind: 'agent', agentId: second.id },
      }),
    );
    okData(await second.client.request('transfer:answer', { transferId, accept: true }));
    await t.restart();
    const detail = await (await adminApi(t.server)).getCase({ params: { caseId: c.caseId } });
    expect(detail.agentId).toBe(first.id);
    expect(detail.transfers).toEqual([
      expect.objectContaining({
        transferId,
        phase: 'cancelled',
        reason: 'restart',
        to: { agentId: second.id, displayName: '王芳' },
      }),
    ]);
  });

  it('a console that reconnects hears the transfer under way; the second agent cannot take another resident meanwhile', async () => {
    const { first, second, sessionId } = await liveVisit(t);
    const { transferId } = okData(
      await first.client.request('transfer:start', {
        sessionId,
        mode: 'consulted',
        target: { kind: 'agent', agentId: second.id },
      }),
    );
    okData(await second.client.request('transfer:answer', { transferId, accept: true }));
    const again = await connectAgent(t.url, second.token);
    t.track(again);
    expect(await again.waitFor('transfer:state')).toMatchObject({ transferId, phase: 'consulting' });

    // In the hand-over the second agent is busy: another resident is refused (AGENT_BUSY), so the
    // hand-over still completes to them (transfers-consult-busy.test.ts has the rest).
    const k = await createTestKiosk(t.server);
    const other = await connectKiosk(t.url, k.token);
    t.track(other);
    const { ticket } = okData(await other.request('ticket:request', { need: 'medical-insurance' }));
    expect(await second.client.request('ticket:accept', { ticketId: ticket.id })).toMatchObject({
      ok: false,
      error: { code: 'AGENT_BUSY' },
    });
    expect(okData(await first.client.request('transfer:complete', { transferId }))).toMatchObject({
      phase: 'completed',
      to: { agentId: second.id },
    });
  });
});
