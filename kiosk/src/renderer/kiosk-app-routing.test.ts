/**
 * KioskApp and issue 11 over a fake bridge: the ticket request carries the tile and the disability
 * answer as the bridge takes them; a consented card is checked in with the consent text shown, and
 * an appointment due turns into its ticket; across a transfer the call with the first agent ends and
 * a new call (the kiosk answering, as always) starts for the same session with the new agent, or
 * again with the first one when the transfer is cancelled. The case stays throughout.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Appointment, KioskBridge, SessionOpened } from '@rvw/shared';
import { sampleCase } from './case/test-cases';
import type { RunningCall, StartCall } from './call/call-controller';
import { takesTaps } from './flow/machine';
import type { FlowEvent } from './flow/machine';
import { card, opened, position, readiness } from './flow/test-fixtures';
import { identityConsentText } from './consent-text';
import { dueAppointment } from './test-routing-states';
import { KioskApp } from './kiosk-app';
import { eventBridge } from './paper/test-paper';

function fakeBridge(appointment: Appointment | null = null) {
  const invoke = vi.fn(async (channel: string): Promise<unknown> => {
    switch (channel) {
      case 'config:get':
        return { locale: 'zh-CN', demo: false, documentCamera: null };
      case 'server:sync':
        return { connected: true };
      case 'idcard:status':
        return { state: 'online' };
      case 'appointment:check-in':
        return { appointment };
      case 'ticket:request':
        return position();
      case 'enrolment:state':
        return { enrolled: true, serverUrl: 'http://127.0.0.1:1', kiosk: null };
      case 'readiness:check':
        return readiness();
      default:
        return {};
    }
  });
  const { bridge, emit } = eventBridge(invoke);
  return { bridge: bridge as unknown as KioskBridge, emit, invoke };
}

/** The camera and the microphone both open. */
const probeOk = async () => ({ camera: { ok: true }, microphone: { ok: true } });

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

describe('KioskApp: the need, the disability answer and the appointment reach the bridge', () => {
  let app: KioskApp | null = null;
  afterEach(() => app?.stop());

  /** Each tap once its screen takes taps (the settle timer runs for real). */
  async function tap(a: KioskApp, ...events: FlowEvent[]) {
    for (const event of events) {
      await vi.waitFor(() => expect(takesTaps(a.getSnapshot().flow)).toBe(true), { timeout: 5000 });
      a.send(event);
    }
  }

  it('asks for the ticket with the tile pressed and the answer given', async () => {
    const b = fakeBridge();
    app = new KioskApp(b.bridge, { startCall: null, probeDevices: probeOk });
    await app.start();
    await tap(
      app,
      { type: 'call-without-card' },
      { type: 'choose-need', need: 'elderly-care' },
      { type: 'answer-disability', disability: true },
    );
    await vi.waitFor(() => expect(app!.getSnapshot().flow.screen).toBe('waiting'));
    expect(b.invoke).toHaveBeenCalledWith('ticket:request', {
      identity: 'none',
      need: 'elderly-care',
      disability: true,
    });
    expect(b.invoke).not.toHaveBeenCalledWith('appointment:check-in', expect.anything());
  });

  it('checks a consented card in with the text shown; an appointment due becomes its ticket', async () => {
    const b = fakeBridge(dueAppointment);
    app = new KioskApp(b.bridge, { startCall: null, probeDevices: probeOk });
    await app.start();
    b.emit('idcard:card', card);
    await tap(app, { type: 'confirm-identity' });
    // Consent waits for its speech to start; without speech in Node the fallback frees it.
    await tap(app, { type: 'consent', agree: true });
    await vi.waitFor(() => expect(app!.getSnapshot().flow.screen).toBe('appointment-found'));
    expect(b.invoke).toHaveBeenCalledWith('appointment:check-in', {
      consentText: identityConsentText('zh-CN'),
      locale: 'zh-CN',
    });
    await tap(app, { type: 'appointment-continue' });
    await vi.waitFor(() => expect(app!.getSnapshot().flow.screen).toBe('waiting'));
    expect(b.invoke).toHaveBeenCalledWith('ticket:request', { identity: 'pending', appointmentId: 'ap1' });
  });
});

describe('KioskApp across a transfer', () => {
  let app: KioskApp | null = null;
  afterEach(() => app?.stop());

  async function inCall() {
    const b = fakeBridge();
    const rec = recordCalls();
    app = new KioskApp(b.bridge, { startCall: rec.startCall, probeDevices: probeOk });
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
