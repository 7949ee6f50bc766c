/**
 * KioskApp across a transfer (issue 11 #6): the call with the first agent ends when the transfer
 * starts, and a new call (the kiosk answering, as always) starts for the same session with the new
 * agent, or again with the first one when the transfer is cancelled. The case stays throughout.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { KioskBridge, SessionOpened } from '@rvw/shared';
import { sampleCase } from './case/test-cases';
import type { RunningCall, StartCall } from './call/call-controller';
import { opened } from './flow/test-fixtures';
import { KioskApp } from './kiosk-app';
import { eventBridge } from './paper/test-paper';

function fakeBridge() {
  const invoke = vi.fn(async (channel: string): Promise<unknown> => {
    switch (channel) {
      case 'config:get':
        return { locale: 'zh-CN', demo: false, documentCamera: null };
      case 'server:sync':
        return { connected: true };
      default:
        return {};
    }
  });
  const { bridge, emit } = eventBridge(invoke);
  return { bridge: bridge as unknown as KioskBridge, emit };
}

/** The calls started, with the agent each was for and whether it ended. */
function recordCalls() {
  const calls: Array<{ sessionId: string; agentId: string; ended: boolean }> = [];
  const startCall: StartCall = (sessionId, session) => {
    const call = { sessionId, agentId: session.session.agent.id, ended: false };
    calls.push(call);
    const running: RunningCall = { sessionId, signal: () => undefined, end: () => (call.ended = true) };
    return running;
  };
  return { calls, startCall };
}

function withAgent(agentId: string, displayName: string): SessionOpened {
  const first = opened();
  return { ...first, session: { ...first.session, agent: { id: agentId, displayName } } };
}

describe('KioskApp across a transfer', () => {
  let app: KioskApp | null = null;
  afterEach(() => app?.stop());

  async function inCall() {
    const b = fakeBridge();
    const rec = recordCalls();
    app = new KioskApp(b.bridge, { startCall: rec.startCall });
    await app.start();
    b.emit('kiosk:state', { kiosk: opened().session.kiosk, ticket: null, session: opened() });
    b.emit('case:state', sampleCase(2));
    expect(app.getSnapshot().flow.screen).toBe('call');
    expect(rec.calls).toEqual([{ sessionId: 's1', agentId: 'a1', ended: false }]);
    return { ...b, ...rec, flow: () => app!.getSnapshot().flow };
  }

  it('ends the first agent’s call, then calls the new agent in the same session, the case kept', async () => {
    const k = await inCall();
    k.emit('session:transfer', { sessionId: 's1', phase: 'transferring' });
    expect(k.flow().screen).toBe('transferring');
    expect(k.calls[0]!.ended).toBe(true);
    expect(app!.getSnapshot().media).toMatchObject({ local: null, remote: null });

    k.emit('session:opened', withAgent('a2', '陈静'));
    expect(k.flow().screen).toBe('call');
    expect(k.calls.map((c) => [c.agentId, c.ended])).toEqual([
      ['a1', true],
      ['a2', false],
    ]);
    expect(k.flow().cases.map((c) => c.form.revision)).toEqual([2]);
    k.emit('session:transfer', { sessionId: 's1', phase: 'connected' });
    expect(k.calls).toHaveLength(2);
  });

  it('a cancelled transfer calls the first agent again', async () => {
    const k = await inCall();
    k.emit('session:transfer', { sessionId: 's1', phase: 'transferring' });
    k.emit('session:transfer', { sessionId: 's1', phase: 'cancelled' });
    expect(k.flow().screen).toBe('call');
    expect(k.calls.map((c) => [c.agentId, c.ended])).toEqual([
      ['a1', true],
      ['a1', false],
    ]);
  });

  it('the session re-opened with another agent during the call restarts the call with them', async () => {
    const k = await inCall();
    k.emit('session:opened', withAgent('a2', '陈静'));
    expect(k.calls.map((c) => [c.agentId, c.ended])).toEqual([
      ['a1', true],
      ['a2', false],
    ]);
    // The same agent's session again (a resync) does not restart anything.
    k.emit('session:opened', withAgent('a2', '陈静'));
    expect(k.calls).toHaveLength(2);
  });
});
