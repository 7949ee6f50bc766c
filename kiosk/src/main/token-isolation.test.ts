// Point 5 of issue 6: nothing the renderer can read contains the kiosk's long-lived token. The
// kiosk is driven through a whole visit over each real bridge (Electron IPC with the fake electron,
// and the browser shell's socket.io), against the real signaling server; every answer and every
// event that reaches the renderer's side is recorded raw and searched for the token.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { io } from 'socket.io-client';
import type { Socket } from 'socket.io-client';
import { BRIDGE_IO_PATH, createBridgeClient } from '@rvw/shared';
import type { BridgeTransport, KioskBridge } from '@rvw/shared';
import {
  connectAgent,
  createTestAgent,
  createTestKiosk,
  okData,
  startTestServer,
} from '@rvw/signaling-server/testing';
import type { TestClient, TestServer } from '@rvw/signaling-server/testing';
import type { BrowserWindow } from 'electron';
import { startBrowserShell } from '../browser-shell/browser-shell';
import type { BrowserShell } from '../browser-shell/browser-shell';
import { testKioskConfig } from '../browser-shell/test-stack';
import { APP_START_URL } from './app-protocol';
import { BrowserWindowMock, ipcMain, resetElectronFakes } from './electron-fake';
import { setupIpc } from './ipc-manager';
import { createPreloadBridge } from '../preload/bridge-api';
import type { BridgeIpc } from '../preload/bridge-api';
import { socketTransport } from '../renderer/bridge/web-bridge';
import type { WebBridgeSocket } from '../renderer/bridge/web-bridge';
import { KioskApp } from '../renderer/kiosk-app';
import { takesTaps } from '../renderer/flow/machine';
import { FakeReader, sampleResidentCard } from '../host/fake-reader';
import { bootKioskHost } from '../host/kiosk-host';
import type { KioskHost } from '../host/kiosk-host';

// Node has no media devices: the visit's kiosk has a camera and a microphone (readiness, issue 12).
const cameraAndMicrophone = async () => ({ camera: { ok: true }, microphone: { ok: true } });

vi.mock('electron', () => import('./electron-fake'));

const quiet = { info() {}, warn() {}, error() {} };
const until = (check: () => unknown) => vi.waitFor(check, { timeout: 5000, interval: 10 });

describe('the kiosk token never reaches the renderer', () => {
  let t: TestServer;
  let token: string;
  let agent: TestClient;
  let reader: FakeReader;
  let host: KioskHost;
  const cleanup: Array<() => unknown> = [];
  /** Everything that crossed to the renderer's side, raw. */
  let seen: unknown[];

  beforeEach(async () => {
    resetElectronFakes();
    t = await startTestServer();
    token = (await createTestKiosk(t.server)).token;
    agent = await connectAgent(t.url, (await createTestAgent(t.server)).token);
    reader = new FakeReader();
    host = await bootKioskHost(testKioskConfig(t.url, token, true), { reader, logger: quiet });
    seen = [];
  });

  afterEach(async () => {
    for (const undo of cleanup.splice(0).reverse()) await undo();
    await host.close();
    agent.close();
    await t.close();
  });

  /** Records every answer the transport brings back and every event it delivers. */
  function recording(transport: BridgeTransport): BridgeTransport {
    return {
      async invoke(channel, request) {
        const answer = await transport.invoke(channel, request);
        seen.push({ channel, answer });
        return answer;
      },
      listen: (channel, deliver) =>
        transport.listen(channel, (payload) => {
          seen.push({ channel, payload });
          deliver(payload);
        }),
    };
  }

  /** One whole visit: config, card, consent, ticket, identity, call with signals both ways, hang-up, wipe. */
  async function visit(bridge: KioskBridge): Promise<void> {
    const app = new KioskApp(bridge, { probeDevices: cameraAndMicrophone });
    cleanup.push(() => app.stop());
    await app.start();
    const flow = () => app.getSnapshot().flow;
    await until(() => expect(app.getSnapshot().serverConnected).toBe(true));
    seen.push({ snapshot: app.getSnapshot() });
    reader.place(sampleResidentCard);
    await until(() => expect(flow().screen).toBe('greeting'));
    app.send({ type: 'confirm-identity' });
    // Consent takes an answer once it has settled (issue 8 #1).
    await until(() => expect(takesTaps(flow())).toBe(true));
    app.send({ type: 'consent', agree: true });
    // What the resident needs (issue 11), then the optional disability question.
    await until(() => expect(flow().screen).toBe('need'));
    await until(() => expect(takesTaps(flow())).toBe(true));
    app.send({ type: 'choose-need', need: 'unsure' });
    await until(() => expect(takesTaps(flow())).toBe(true));
    app.send({ type: 'answer-disability', disability: false });
    await until(() => expect(flow().identityShared).toBe(true));
    const ticketId = flow().ticket!.ticket.id;
    const opened = okData(await agent.request('ticket:accept', { ticketId }));
    const sessionId = opened.session.id;
    await until(() => expect(flow().screen).toBe('call'));
    okData(await agent.request('signal', { sessionId, data: { type: 'offer', sdp: 'v=0 agent' } }));
    await until(() => expect(JSON.stringify(seen)).toContain('v=0 agent'));
    seen.push({
      answer: await bridge.invoke('signal:send', { sessionId, data: { type: 'answer', sdp: 'v=0' } }),
    });
    seen.push({
      demo: await bridge.invoke('demo:card', { cardType: null }).catch((e: unknown) => String(e)),
    });
    app.send({ type: 'hang-up' });
    // The rating comes after the call (issue 9); then thanks.
    await until(() => expect(flow().screen).toBe('rating'));
    await until(() => expect(takesTaps(flow())).toBe(true));
    app.send({ type: 'rate', level: 'satisfied' });
    await until(() => expect(flow().screen).toBe('thanks'));
    await until(() => expect(takesTaps(flow())).toBe(true));
    app.send({ type: 'thanks-done' });
    await until(async () => expect((await bridge.invoke('idcard:current', {})).card).toBeNull());
    seen.push({
      failure: await bridge
        .invoke('identity:share', { ticketId, consentText: '把您的信息告诉工作人员吗？', locale: 'zh-CN' })
        .catch((e: unknown) => String(e)),
    });
    seen.push({ snapshot: app.getSnapshot() });
  }

  function expectNoToken(): void {
    const text = JSON.stringify(seen);
    // The record is the real thing: the visit's answers and events are in it.
    for (const sign of [
      'config:get',
      'kiosk:state',
      'ticket:request',
      'session:opened',
      'signal:relay',
      '310***',
    ]) {
      expect(text).toContain(sign);
    }
    expect(token.length).toBeGreaterThan(16);
    expect(text).not.toContain(token);
    expect(text).not.toContain(t.url);
  }

  it('over Electron IPC (preload bridge, IPC manager, fake electron)', async () => {
    const win = new BrowserWindowMock();
    await win.loadURL(APP_START_URL);
    cleanup.push(setupIpc(host, () => [win as unknown as BrowserWindow], quiet));
    // What the preload hears: every webContents.send of the main process.
    const pageListeners = new Map<string, Set<(event: unknown, payload: unknown) => void>>();
    const send = win.webContents.send.bind(win.webContents);
    win.webContents.send = (channel: string, ...args: unknown[]) => {
      send(channel, ...args);
      seen.push({ channel, sent: args });
      for (const l of pageListeners.get(channel) ?? []) l({}, args[0]);
    };
    const ipc: BridgeIpc = {
      invoke: (channel, request) =>
        ipcMain.invoke(channel, win.webContents, win.webContents.mainFrame, request),
      on(channel, listener) {
        if (!pageListeners.has(channel)) pageListeners.set(channel, new Set());
        pageListeners.get(channel)!.add(listener as never);
      },
      removeListener: (channel, listener) => pageListeners.get(channel)?.delete(listener as never),
    };
    const ipcSeen: unknown[] = [];
    const recordingIpc: BridgeIpc = {
      invoke: async (channel, ...args) => {
        const answer = await ipc.invoke(channel, ...args);
        ipcSeen.push({ channel, answer });
        return answer;
      },
      on: ipc.on,
      removeListener: ipc.removeListener,
    };
    await visit(createPreloadBridge(recordingIpc));
    seen.push(...ipcSeen);
    expectNoToken();
  });

  it("over the browser shell's socket.io bridge", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rvw-token-'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html>');
    const shell: BrowserShell = await startBrowserShell({ kioskHost: host, rendererDir: dir });
    cleanup.push(() => shell.close());
    const socket: WebBridgeSocket = io(shell.url, { path: BRIDGE_IO_PATH, transports: ['websocket'] });
    // A second page records every packet the shell pushes, whoever it is meant for.
    const spy: Socket = io(shell.url, { path: BRIDGE_IO_PATH, transports: ['websocket'], forceNew: true });
    spy.onAny((...args: unknown[]) => seen.push({ pushed: args }));
    cleanup.push(
      () => socket.disconnect(),
      () => spy.disconnect(),
    );
    await visit(createBridgeClient(recording(socketTransport(socket, 5000))));
    expectNoToken();
  });
});
