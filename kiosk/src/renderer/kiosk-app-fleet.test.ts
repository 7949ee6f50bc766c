/**
 * KioskApp and issue 12 over a fake bridge that answers as the contract says (shared/src/bridge/
 * fleet.ts): the camera and microphone probes reach `readiness:check` before any ticket; a kiosk
 * that cannot call never asks for one; a failed check is the server out of reach; the call's set-up
 * time is sent once; the first-run screen redeems a code; a refused credential shows "needs
 * enrolling again" with nothing of the resident kept.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BridgeError, type EnrolmentState, type KioskBridge, type Readiness } from '@rvw/shared';
import type { StartCall } from './call/call-controller';
import { takesTaps } from './flow/machine';
import type { FlowEvent } from './flow/machine';
import { card, opened, position, readiness } from './flow/test-fixtures';
import { KioskApp } from './kiosk-app';
import { eventBridge } from './paper/test-paper';

const enrolled: EnrolmentState = {
  enrolled: true,
  serverUrl: 'https://rvw.example.gov.cn',
  kiosk: { name: '静安寺街道 1 号机', location: '愚园路居委会' },
};
const fresh: EnrolmentState = { enrolled: false, serverUrl: null, kiosk: null };

interface Answers {
  enrolment?: EnrolmentState | Error;
  readiness?: Readiness | Error;
  redeem?: EnrolmentState | Error;
}

function fakeBridge(answers: Answers = {}) {
  const answer = <T>(value: T | Error): T => {
    if (value instanceof Error) throw value;
    return value;
  };
  const invoke = vi.fn(async (channel: string, _request?: unknown): Promise<unknown> => {
    switch (channel) {
      case 'config:get':
        return { locale: 'zh-CN', demo: false, documentCamera: null };
      case 'server:sync':
        return { connected: true };
      case 'idcard:status':
        return { state: 'online' };
      case 'enrolment:state':
        return answer(answers.enrolment ?? enrolled);
      case 'enrolment:redeem':
        return answer(answers.redeem ?? enrolled);
      case 'readiness:check':
        return answer(answers.readiness ?? readiness());
      case 'ticket:request':
        return position();
      default:
        return {};
    }
  });
  const { bridge, emit } = eventBridge(invoke);
  return { bridge: bridge as unknown as KioskBridge, emit, invoke };
}

const probes = {
  camera: { ok: false, error: 'NotFoundError' },
  microphone: { ok: true, label: 'USB Audio' },
};

describe('KioskApp: readiness before a call, the set-up time, and the enrolment gate', () => {
  let app: KioskApp | null = null;
  afterEach(() => app?.stop());

  async function tap(a: KioskApp, ...events: FlowEvent[]) {
    for (const event of events) {
      await vi.waitFor(() => expect(takesTaps(a.getSnapshot().flow)).toBe(true), { timeout: 5000 });
      a.send(event);
    }
  }
  const toTheQuestion: FlowEvent[] = [
    { type: 'call-without-card' },
    { type: 'choose-need', need: 'unsure' },
    { type: 'answer-disability', disability: false },
  ];

  it('hands the probes to readiness:check and asks for the ticket only when a call can be held', async () => {
    const b = fakeBridge();
    app = new KioskApp(b.bridge, { startCall: null, probeDevices: async () => probes });
    await app.start();
    await tap(app, ...toTheQuestion);
    await vi.waitFor(() => expect(app!.getSnapshot().flow.screen).toBe('waiting'));
    const channels = b.invoke.mock.calls.map(([c]) => c);
    expect(channels.indexOf('readiness:check')).toBeLessThan(channels.indexOf('ticket:request'));
    expect(b.invoke).toHaveBeenCalledWith('readiness:check', probes);
  });

  it('a kiosk that cannot call shows the calm screen and never asks for a ticket', async () => {
    const b = fakeBridge({ readiness: readiness(false) });
    app = new KioskApp(b.bridge, { startCall: null, probeDevices: async () => probes });
    await app.start();
    await tap(app, ...toTheQuestion);
    await vi.waitFor(() => expect(app!.getSnapshot().flow.screen).toBe('no-video'));
    expect(b.invoke.mock.calls.map(([c]) => c)).not.toContain('ticket:request');
    await tap(app, { type: 'no-video-done' });
    expect(app.getSnapshot().flow.screen).toBe('welcome');
    await vi.waitFor(() => expect(b.invoke).toHaveBeenCalledWith('identity:wipe', {}));
  });

  it('a check the host cannot answer is the server out of reach: the problem screen, no ticket', async () => {
    const b = fakeBridge({ readiness: BridgeError.unreachable('no answer') });
    app = new KioskApp(b.bridge, { startCall: null, probeDevices: async () => probes });
    await app.start();
    await tap(app, ...toTheQuestion);
    await vi.waitFor(() =>
      expect(app!.getSnapshot().flow).toMatchObject({ screen: 'problem', problem: 'server' }),
    );
    expect(b.invoke.mock.calls.map(([c]) => c)).not.toContain('ticket:request');
  });

  it('sends the set-up time once, from session:opened to the first frame', async () => {
    const b = fakeBridge();
    const firstFrames: Array<() => void> = [];
    const startCall: StartCall = (sessionId, _o, _s, _m, onFirstFrame) => {
      if (onFirstFrame) firstFrames.push(onFirstFrame);
      return { sessionId, signal: () => undefined, end: () => undefined };
    };
    app = new KioskApp(b.bridge, { startCall, probeDevices: async () => probes });
    await app.start();
    await tap(app, ...toTheQuestion);
    await vi.waitFor(() => expect(app!.getSnapshot().flow.screen).toBe('waiting'));
    b.emit('session:opened', opened());
    expect(firstFrames).toHaveLength(1);
    await new Promise((r) => setTimeout(r, 20));
    firstFrames[0]!();
    firstFrames[0]!();
    const setups = b.invoke.mock.calls.filter(([c]) => c === 'call:setup');
    expect(setups).toHaveLength(1);
    const [, request] = setups[0]!;
    expect(request).toMatchObject({ sessionId: 's1' });
    expect((request as { ms: number }).ms).toBeGreaterThanOrEqual(15);
  });

  it('with the offer right behind session:opened, the call screen comes with the first frame (700 ms at most)', async () => {
    const b = fakeBridge();
    const frames: Array<() => void> = [];
    const startCall: StartCall = (sessionId, _o, _s, _m, onFirstFrame) => {
      if (onFirstFrame) frames.push(onFirstFrame);
      return { sessionId, signal: () => undefined, end: () => undefined };
    };
    app = new KioskApp(b.bridge, { startCall, probeDevices: async () => probes });
    await app.start();
    await tap(app, ...toTheQuestion);
    await vi.waitFor(() => expect(app!.getSnapshot().flow.screen).toBe('waiting'));
    const shown: string[] = [];
    app.subscribe(() => shown.push(app!.getSnapshot().flow.screen));
    b.emit('session:opened', { ...opened(), offerRelayed: true });
    // The call runs (it answers the offer, the picture starts) while the screen still shows the wait.
    expect(frames).toHaveLength(1);
    expect(app.getSnapshot().flow.screen).toBe('waiting');
    frames[0]!();
    expect(app.getSnapshot().flow.screen).toBe('call');
    expect(shown).toEqual(['call']);

    // No picture (the offer was lost): the call screen comes by itself.
    app.stop();
    const again = fakeBridge();
    app = new KioskApp(again.bridge, { startCall, probeDevices: async () => probes });
    await app.start();
    await tap(app, ...toTheQuestion);
    await vi.waitFor(() => expect(app!.getSnapshot().flow.screen).toBe('waiting'));
    again.emit('session:opened', { ...opened(), offerRelayed: true });
    expect(app.getSnapshot().flow.screen).toBe('waiting');
    await new Promise((r) => setTimeout(r, 500));
    expect(app.getSnapshot().flow.screen).toBe('waiting');
    await vi.waitFor(() => expect(app!.getSnapshot().flow.screen).toBe('call'), { timeout: 1000 });
  });

  it('without an offer announced, the call screen shows at once', async () => {
    const b = fakeBridge();
    const startCall: StartCall = (sessionId) => ({
      sessionId,
      signal: () => undefined,
      end: () => undefined,
    });
    app = new KioskApp(b.bridge, { startCall, probeDevices: async () => probes });
    await app.start();
    await tap(app, ...toTheQuestion);
    await vi.waitFor(() => expect(app!.getSnapshot().flow.screen).toBe('waiting'));
    b.emit('session:opened', opened());
    expect(app.getSnapshot().flow.screen).toBe('call');
  });

  it('a fresh install shows the first-run screen; the code is redeemed, then where the kiosk stands, then welcome', async () => {
    const b = fakeBridge({ enrolment: fresh });
    app = new KioskApp(b.bridge, { startCall: null, enrolledMs: 50 });
    await app.start();
    await vi.waitFor(() => expect(app!.getSnapshot().enrolment.screen).toBe('enrol'));
    await app.enrolment.redeem('K7QX93RMTD', 'https://rvw.example.gov.cn');
    expect(b.invoke).toHaveBeenCalledWith('enrolment:redeem', {
      code: 'K7QX93RMTD',
      serverUrl: 'https://rvw.example.gov.cn',
    });
    expect(app.getSnapshot().enrolment).toMatchObject({ screen: 'enrolled', kiosk: enrolled.kiosk });
    // Left alone, the success screen goes on to the welcome screen by itself.
    await vi.waitFor(() => expect(app!.getSnapshot().enrolment.screen).toBeNull());
    expect(app.getSnapshot().flow.screen).toBe('welcome');
  });

  it('a refused code says why in words and keeps the screen', async () => {
    const b = fakeBridge({
      enrolment: fresh,
      redeem: new BridgeError('ENROLMENT_CODE_INVALID' as never, 'refused'),
    });
    app = new KioskApp(b.bridge, { startCall: null });
    await app.start();
    await vi.waitFor(() => expect(app!.getSnapshot().enrolment.screen).toBe('enrol'));
    await app.enrolment.redeem('K7QX93RMTD');
    expect(app.getSnapshot().enrolment).toMatchObject({ screen: 'enrol', error: 'ENROLMENT_CODE_INVALID' });
  });

  it('a credential refused while running: "needs enrolling again", the resident flow gone and the card wiped', async () => {
    const b = fakeBridge();
    app = new KioskApp(b.bridge, { startCall: null });
    await app.start();
    b.emit('idcard:card', card);
    await vi.waitFor(() => expect(app!.getSnapshot().flow.screen).toBe('greeting'));
    b.invoke.mockClear();
    b.emit('server:status', { connected: false, refused: 'AUTH_REVOKED' });
    expect(app.getSnapshot().enrolment.screen).toBe('re-enrol');
    expect(app.getSnapshot().flow).toMatchObject({ screen: 'welcome', card: null });
    await vi.waitFor(() => expect(b.invoke).toHaveBeenCalledWith('identity:wipe', {}));
    // The technician reaches the first-run screen from it, and may go back.
    app.enrolment.openEnrol();
    expect(app.getSnapshot().enrolment).toMatchObject({ screen: 'enrol', fromReEnrol: true });
    app.enrolment.back();
    expect(app.getSnapshot().enrolment.screen).toBe('re-enrol');
    // The host's own word (the refused token deleted) keeps it there; a down server alone does not.
    b.emit('enrolment:state', fresh);
    expect(app.getSnapshot().enrolment.screen).toBe('re-enrol');
  });

  it('a host that cannot say whether it is enrolled never holds the kiosk up', async () => {
    const b = fakeBridge({ enrolment: BridgeError.unreachable('no answer') });
    app = new KioskApp(b.bridge, { startCall: null });
    await app.start();
    await new Promise((r) => setTimeout(r, 20));
    expect(app.getSnapshot().enrolment.screen).toBeNull();
    b.emit('server:status', { connected: false });
    expect(app.getSnapshot().enrolment.screen).toBeNull();
  });
});
