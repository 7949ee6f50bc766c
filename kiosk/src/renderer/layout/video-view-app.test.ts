import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SignalData } from '@rvw/shared';
import {
  connectAgent,
  createTestAgent,
  createTestKiosk,
  okData,
  startTestServer,
  type TestClient,
  type TestServer,
} from '@rvw/signaling-server/testing';
import { startBrowserShell, type BrowserShell } from '../../browser-shell/browser-shell';
import { FakeReader } from '../../host/fake-reader';
import { bootKioskHost, type KioskHost } from '../../host/kiosk-host';
import { createWebBridge } from '../bridge/web-bridge';
import type { CallMedia, StartCall } from '../call/call-controller';
import { takesTaps } from '../flow/machine';
import { needAsked } from '../flow/test-fixtures';
import { KioskApp } from '../kiosk-app';
import { VideoViewApp } from './video-view-app';

const quiet = { info() {}, warn() {}, error() {} };

/** A call that records what happens to it instead of opening a camera and a peer. */
interface RecordedCall {
  sessionId: string;
  signals: SignalData[];
  ended: boolean;
  onMedia: (media: CallMedia) => void;
}

// The dual-screen machine's two pages on one real host, against the real server: the touch page
// (KioskApp with no call of its own) and the video page (VideoViewApp), each with its own web bridge.
describe("the video window runs the kiosk's one call", () => {
  let t: TestServer;
  let token: string;
  let agent: TestClient;
  let host: KioskHost;
  let web: BrowserShell;
  const bridges: Array<ReturnType<typeof createWebBridge>> = [];
  const apps: Array<{ stop(): void }> = [];
  let calls: RecordedCall[];

  const recordCalls: StartCall = (sessionId, _opened, _send, onMedia) => {
    const call: RecordedCall = { sessionId, signals: [], ended: false, onMedia };
    calls.push(call);
    return { sessionId, signal: (d) => call.signals.push(d), end: () => (call.ended = true) };
  };
  const until = (check: () => unknown) => vi.waitFor(check, { timeout: 5000, interval: 10 });

  function bridge() {
    const b = createWebBridge(web.url);
    bridges.push(b);
    return b;
  }
  async function videoPage(): Promise<VideoViewApp> {
    const app = new VideoViewApp(bridge(), { startCall: recordCalls });
    apps.push(app);
    await app.start();
    return app;
  }
  async function touchPage(): Promise<KioskApp> {
    const app = new KioskApp(bridge(), { startCall: null });
    apps.push(app);
    await app.start();
    return app;
  }
  async function waitingTicket(): Promise<string> {
    return (await host.handlers['ticket:request']({})).ticket.id;
  }

  beforeEach(async () => {
    calls = [];
    t = await startTestServer();
    token = (await createTestKiosk(t.server)).token;
    agent = await connectAgent(t.url, (await createTestAgent(t.server)).token);
    host = await bootKioskHost(
      {
        serverUrl: t.url,
        kioskToken: token,
        locale: 'zh-CN',
        idcard: { path: '/dev/fake', baudRate: 115200 },
        demo: false,
        demoSimControl: null,
        fullscreen: false,
      },
      { reader: new FakeReader(), logger: quiet },
    );
    const dir = mkdtempSync(join(tmpdir(), 'rvw-video-view-'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html>');
    web = await startBrowserShell({ kioskHost: host, rendererDir: dir });
  });

  afterEach(async () => {
    for (const app of apps.splice(0)) app.stop();
    for (const b of bridges.splice(0)) b.close();
    await web.close();
    await host.close();
    agent.close();
    await t.close();
  });

  it('one call per session, in the video page only; ended with the session', async () => {
    const video = await videoPage();
    const touch = await touchPage();
    await until(() => expect(video.getSnapshot().config).not.toBeNull());
    expect(video.getSnapshot()).toMatchObject({ session: null, locale: 'zh-CN' });

    // The resident calls from the touch page, as on welcome without a card.
    await until(() => expect(touch.getSnapshot().serverConnected).toBe(true));
    await until(() => expect(takesTaps(touch.getSnapshot().flow)).toBe(true));
    touch.send({ type: 'call-without-card' });
    // The tile "I don't know" and 否, each once its screen takes taps.
    for (const event of needAsked) {
      await until(() => expect(takesTaps(touch.getSnapshot().flow)).toBe(true));
      touch.send(event);
    }
    await until(() => expect(touch.getSnapshot().flow.ticket).not.toBeNull());
    const ticketId = touch.getSnapshot().flow.ticket!.ticket.id;
    const opened = okData(await agent.request('ticket:accept', { ticketId }));
    // Both pages see the session; only the video page starts a call, and only one.
    await until(() => expect(touch.getSnapshot().flow.screen).toBe('call'));
    await until(() => expect(calls.map((c) => c.sessionId)).toEqual([opened.session.id]));
    expect(video.getSnapshot().session?.session.agent.displayName).toBe(opened.session.agent.displayName);

    // The agent's signals reach the call; its media reach the snapshot.
    okData(
      await agent.request('signal', { sessionId: opened.session.id, data: { type: 'offer', sdp: 'v=0' } }),
    );
    await until(() => expect(calls[0]!.signals).toEqual([{ type: 'offer', sdp: 'v=0' }]));
    calls[0]!.onMedia({ local: null, remote: null, state: 'connected' });
    expect(video.getSnapshot().media.state).toBe('connected');

    okData(await agent.request('session:end', { sessionId: opened.session.id }));
    await until(() => expect(calls[0]!.ended).toBe(true));
    expect(video.getSnapshot()).toMatchObject({ session: null, media: { local: null, remote: null } });
    // The touch page goes on to the rating (issue 9), after the call.
    await until(() => expect(touch.getSnapshot().flow.screen).toBe('rating'));
    // The touch page's media never changed: it ran no call.
    expect(touch.getSnapshot().media).toEqual({ local: null, remote: null });
    expect(calls).toHaveLength(1);
  });

  it('a video page opened (or reloaded) during a call picks the call up', async () => {
    const ticketId = await waitingTicket();
    const opened = okData(await agent.request('ticket:accept', { ticketId }));
    await until(async () => expect((await host.handlers['server:sync']({})).connected).toBe(true));
    const video = await videoPage();
    await until(() => expect(calls.map((c) => c.sessionId)).toEqual([opened.session.id]));
    expect(video.getSnapshot().session?.session.id).toBe(opened.session.id);
    // Another resync with the same session changes nothing.
    await host.handlers['server:sync']({});
    await new Promise((r) => setTimeout(r, 200));
    expect(calls).toHaveLength(1);
    expect(calls[0]!.ended).toBe(false);
  });

  it('stop() ends the call', async () => {
    const video = await videoPage();
    const ticketId = await waitingTicket();
    okData(await agent.request('ticket:accept', { ticketId }));
    await until(() => expect(calls).toHaveLength(1));
    video.stop();
    expect(calls[0]!.ended).toBe(true);
  });
});
