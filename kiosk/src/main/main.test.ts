import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { bridgeInvokes } from '@rvw/shared';
import type { BrowserWindow, IpcMainInvokeEvent } from 'electron';
import type { KioskConfig } from '../host/config';
import { FakeReader, sampleResidentCard } from '../host/fake-reader';
import { bootKioskHost } from '../host/kiosk-host';
import { io } from 'socket.io-client';
import type { KioskHost } from '../host/kiosk-host';
import {
  app,
  BrowserWindowMock,
  dialog,
  ipcMain,
  net,
  powerSaveBlocker,
  protocol,
  resetElectronFakes,
  session,
  WebContentsMock,
} from './electron-fake';
import { APP_START_URL, isAppUrl, registerAppScheme, setupAppProtocol } from './app-protocol';
import { isOwnSender, setupIpc } from './ipc-manager';
import { isPermissionAllowed, setupPermissions } from './permissions';
import { setupRecovery } from './recovery';
import { setupSingleInstance } from './single-instance';
import { createKioskWindow, guardWebContents, windowOptions } from './window';
import { main, startKiosk, stopKiosk } from './main';
import { autoUpdater } from './electron-updater-fake';

vi.mock('electron', () => import('./electron-fake'));
vi.mock('electron-updater', () => import('./electron-updater-fake'));

const quiet = { info: () => {}, warn: () => {}, error: () => {} };
// The server link is not under test here: its socket never connects.
const offline = { connect: () => io('http://127.0.0.1:9', { autoConnect: false }) };
const config: KioskConfig = {
  serverUrl: 'http://127.0.0.1:9',
  kioskToken: 'tok',
  locale: 'zh-CN',
  idcard: null,
  demo: false,
  demoSimControl: null,
  fullscreen: true,
};

function asWindow(w: BrowserWindowMock): BrowserWindow {
  return w as unknown as BrowserWindow;
}

beforeEach(() => resetElectronFakes());

describe('window', () => {
  it('isolates and sandboxes the renderer, with kiosk mode following the config', () => {
    const opts = windowOptions({ fullscreen: true }, '/app/preload.cjs');
    expect(opts.webPreferences).toMatchObject({
      preload: '/app/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webviewTag: false,
      devTools: false,
    });
    expect(opts).toMatchObject({ kiosk: true, fullscreen: true });
    expect(windowOptions({ fullscreen: false }, 'p')).toMatchObject({ kiosk: false, fullscreen: false });
  });

  it('loads the renderer from app://kiosk/ with its view and shows when ready', () => {
    const win = createKioskWindow({ fullscreen: false }, '/p.cjs', 'both') as unknown as BrowserWindowMock;
    expect(win.loaded).toEqual([`${APP_START_URL}?view=both`]);
    expect(win.shown).toBe(false);
    win.emit('ready-to-show');
    expect(win.shown).toBe(true);
    expect(win.shownInactive).toBe(false);
  });

  it('puts a window on its display: all of it in kiosk mode, a window in its corner otherwise', () => {
    const bounds = { x: 0, y: -1080, width: 1920, height: 1080 };
    expect(windowOptions({ fullscreen: true }, 'p', { bounds })).toMatchObject(bounds);
    expect(windowOptions({ fullscreen: false }, 'p', { bounds })).toMatchObject({
      x: 0,
      y: -1080,
      width: 1280,
      height: 800,
    });
    // The video window appears without taking the focus from the touch screen.
    const video = createKioskWindow({ fullscreen: true }, 'p', 'video', {
      bounds,
    }) as unknown as BrowserWindowMock;
    expect(video.loaded).toEqual([`${APP_START_URL}?view=video`]);
    video.emit('ready-to-show');
    expect(video.shownInactive).toBe(true);
  });

  it('blocks navigation away from the app, new windows and webviews', () => {
    const contents = new WebContentsMock();
    guardWebContents(contents as never);
    expect(contents.fireCancellable('will-navigate', 'https://evil.example/')).toBe(true);
    expect(contents.fireCancellable('will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(contents.fireCancellable('will-redirect', 'http://127.0.0.1:8080/')).toBe(true);
    expect(contents.fireCancellable('will-navigate', 'app://kiosk/index.html')).toBe(false);
    expect(contents.fireCancellable('will-attach-webview', 'app://kiosk/')).toBe(true);
    expect(contents.windowOpenHandler?.({ url: 'app://kiosk/x' })).toEqual({ action: 'deny' });
  });
});

describe('app protocol', () => {
  it('recognises only the app origin', () => {
    expect(isAppUrl('app://kiosk/index.html')).toBe(true);
    expect(isAppUrl('app://kiosk')).toBe(true);
    expect(isAppUrl('app://other/index.html')).toBe(false);
    expect(isAppUrl('http://kiosk/')).toBe(false);
    expect(isAppUrl('app://user@kiosk/')).toBe(false);
    expect(isAppUrl(undefined)).toBe(false);
    expect(isAppUrl('not a url')).toBe(false);
  });

  it('registers a secure standard scheme and serves files only from the renderer directory', async () => {
    registerAppScheme();
    expect(protocol.privileged).toEqual([
      expect.objectContaining({
        scheme: 'app',
        privileges: expect.objectContaining({ standard: true, secure: true }),
      }),
    ]);
    const dir = mkdtempSync(join(tmpdir(), 'rvw-r-'));
    setupAppProtocol(dir);
    const handle = protocol.handlers.get('app')!;
    expect((await handle(new Request('app://kiosk/'))).status).toBe(200);
    expect((await handle(new Request('app://kiosk/assets/a.js'))).status).toBe(200);
    expect(net.fetched).toEqual([`file://${dir}/index.html`, `file://${dir}/assets/a.js`]);
    expect((await handle(new Request('app://elsewhere/index.html'))).status).toBe(404);
    await handle(new Request('app://kiosk/..%2f..%2fetc%2fpasswd'));
    expect(net.fetched.every((u) => u.startsWith(`file://${dir}/`))).toBe(true);
  });
});

describe('permissions', () => {
  it('grants camera and microphone to the app page only, and nothing else to anyone', async () => {
    setupPermissions();
    const ses = session.defaultSession;
    const wc = new WebContentsMock();
    wc.url = 'app://kiosk/index.html';
    expect(
      await ses.request(wc, 'media', {
        requestingUrl: 'app://kiosk/index.html',
        mediaTypes: ['video', 'audio'],
      }),
    ).toBe(true);
    expect(
      await ses.request(wc, 'media', { requestingUrl: 'https://evil.example/', mediaTypes: ['video'] }),
    ).toBe(false);
    expect(await ses.request(wc, 'geolocation', { requestingUrl: 'app://kiosk/index.html' })).toBe(false);
    expect(await ses.request(wc, 'notifications', { requestingUrl: 'app://kiosk/index.html' })).toBe(false);
    expect(ses.checkHandler?.(wc, 'media', 'app://kiosk')).toBe(true);
    expect(ses.checkHandler?.(wc, 'media', 'http://127.0.0.1:8080')).toBe(false);
    expect(ses.checkHandler?.(wc, 'clipboard-read', 'app://kiosk')).toBe(false);
    expect(ses.deviceHandler?.({})).toBe(false);
  });

  it('refuses unknown media types', () => {
    expect(isPermissionAllowed('media', 'app://kiosk', ['video', 'screen'])).toBe(false);
  });
});

describe('IPC manager', () => {
  let host: KioskHost;
  let reader: FakeReader;
  let win: BrowserWindowMock;

  beforeEach(async () => {
    reader = new FakeReader();
    host = await bootKioskHost(config, { ...offline, reader, logger: quiet });
    win = new BrowserWindowMock();
    await win.loadURL(APP_START_URL);
    setupIpc(host, () => [asWindow(win)], quiet);
  });
  afterEach(() => host.close());

  it('registers one handler per contract channel', () => {
    expect([...ipcMain.handlers.keys()].sort()).toEqual(
      Object.keys(bridgeInvokes)
        .map((c) => `bridge:${c}`)
        .sort(),
    );
  });

  it('answers the own window with ok/data', async () => {
    expect(
      await ipcMain.invoke('bridge:idcard:status', win.webContents, win.webContents.mainFrame, {}),
    ).toEqual({
      ok: true,
      data: { state: 'online' },
    });
  });

  it('drops calls from other windows, subframes and foreign pages', async () => {
    const other = new BrowserWindowMock();
    await other.loadURL(APP_START_URL);
    const forbidden = { ok: false, error: { code: 'FORBIDDEN', message: expect.any(String) } };
    expect(
      await ipcMain.invoke('bridge:config:get', other.webContents, other.webContents.mainFrame, {}),
    ).toEqual(forbidden);
    const sub = { url: 'app://kiosk/index.html', parent: win.webContents.mainFrame, origin: 'app://kiosk' };
    expect(await ipcMain.invoke('bridge:config:get', win.webContents, sub, {})).toEqual(forbidden);
    const foreign = { url: 'https://evil.example/', parent: null, origin: 'https://evil.example' };
    expect(await ipcMain.invoke('bridge:config:get', win.webContents, foreign, {})).toEqual(forbidden);
    expect(await ipcMain.invoke('bridge:config:get', win.webContents, null, {})).toEqual(forbidden);
    win.destroyed = true;
    expect(
      isOwnSender(
        { sender: win.webContents, senderFrame: win.webContents.mainFrame } as unknown as IpcMainInvokeEvent,
        [asWindow(win)],
      ),
    ).toBe(false);
  });

  it('rejects malformed payloads with BAD_PAYLOAD and keeps serving', async () => {
    const frame = win.webContents.mainFrame;
    expect(
      await ipcMain.invoke('bridge:identity:share', win.webContents, frame, { ticketId: 7 }),
    ).toMatchObject({
      ok: false,
      error: { code: 'BAD_PAYLOAD' },
    });
    expect(
      await ipcMain.invoke('bridge:demo:card', win.webContents, frame, { cardType: 'passport' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'BAD_PAYLOAD' },
    });
    expect(await ipcMain.invoke('bridge:idcard:current', win.webContents, frame, 'junk')).toMatchObject({
      ok: false,
      error: { code: 'BAD_PAYLOAD' },
    });
    expect(await ipcMain.invoke('bridge:idcard:current', win.webContents, frame, {})).toEqual({
      ok: true,
      data: { card: null },
    });
  });

  it('forwards host events to the window, masked', () => {
    reader.place(sampleResidentCard);
    reader.remove();
    expect(win.webContents.sent.map((s) => s[0])).toEqual([
      'bridge-event:idcard:card',
      'bridge-event:idcard:removed',
    ]);
    expect(JSON.stringify(win.webContents.sent)).not.toContain(sampleResidentCard.idNumber);
  });
});

describe('recovery', () => {
  afterEach(() => vi.useRealTimers());

  it('wipes the identity, then reloads the start page after a delay', async () => {
    vi.useFakeTimers();
    const reader = new FakeReader();
    const host = await bootKioskHost(config, { ...offline, reader, logger: quiet });
    const win = new BrowserWindowMock();
    await win.loadURL(APP_START_URL);
    setupRecovery(asWindow(win), host, { delayMs: 1000, logger: quiet });
    reader.place(sampleResidentCard);
    expect((await host.handlers['idcard:current']({})).card).not.toBeNull();

    win.webContents.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 139 });
    await vi.advanceTimersByTimeAsync(0);
    expect((await host.handlers['idcard:current']({})).card).toBeNull();
    expect(win.loaded).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(999);
    expect(win.loaded).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(win.loaded).toEqual([APP_START_URL, APP_START_URL]);
    await host.close();
  });
});

describe('single instance', () => {
  it('the first instance keeps the lock and focuses its window on a second start', () => {
    const win = new BrowserWindowMock();
    win.minimized = true;
    expect(setupSingleInstance(() => asWindow(win))).toBe(true);
    expect(app.quitCalls).toBe(0);
    app.emit('second-instance');
    expect(win.minimized).toBe(false);
    expect(win.focused).toBe(true);
  });

  it('a second instance quits', () => {
    app.hasLock = false;
    expect(setupSingleInstance(() => null)).toBe(false);
    expect(app.quitCalls).toBe(1);
    expect(app.listenerCount('second-instance')).toBe(0);
  });
});

describe('start-up', () => {
  it('starts everything in order once ready', async () => {
    await startKiosk('/opt/kiosk/dist/main', {
      RVW_SERVER_URL: 'http://127.0.0.1:8080',
      RVW_KIOSK_TOKEN: 't',
    });
    expect(BrowserWindowMock.instances).toHaveLength(1);
    const win = BrowserWindowMock.instances[0]!;
    expect(win.options).toMatchObject({
      kiosk: true,
      webPreferences: { preload: '/opt/kiosk/dist/main/preload.cjs' },
    });
    expect(win.loaded).toEqual([`${APP_START_URL}?view=both`]);
    expect(protocol.handlers.has('app')).toBe(true);
    expect(session.defaultSession.requestHandler).not.toBeNull();
    expect(powerSaveBlocker.started).toEqual(['prevent-display-sleep']);
    expect(ipcMain.handlers.size).toBe(Object.keys(bridgeInvokes).length);
    expect(win.webContents.listenerCount('render-process-gone')).toBe(1);
    expect(app.listenerCount('web-contents-created')).toBe(1);
    await stopKiosk();
  });

  it('reads updates from the server’s feed for RVW_UPDATE_CHANNEL and stops with the kiosk', async () => {
    autoUpdater.reset();
    await startKiosk('/opt/kiosk/dist/main', {
      RVW_SERVER_URL: 'http://127.0.0.1:8080',
      RVW_KIOSK_TOKEN: 't',
      RVW_UPDATE_CHANNEL: 'beta',
    });
    expect(autoUpdater.feeds).toEqual([
      { provider: 'generic', url: 'http://127.0.0.1:8080/updates/beta', useMultipleRangeRequest: false },
    ]);
    expect(autoUpdater.autoInstallOnAppQuit).toBe(false);
    expect(autoUpdater.checks).toBe(1);
    expect(autoUpdater.listenerCount('update-downloaded')).toBe(1);
    await stopKiosk();
    // Stopped: a download that completes now is never offered for install.
    expect(autoUpdater.listenerCount('update-downloaded')).toBe(0);
  });

  it('refuses an unknown update channel before starting anything', async () => {
    await expect(
      startKiosk('/opt/kiosk/dist/main', {
        RVW_SERVER_URL: 'http://127.0.0.1:8080',
        RVW_KIOSK_TOKEN: 't',
        RVW_UPDATE_CHANNEL: 'nightly',
      }),
    ).rejects.toThrow(/RVW_UPDATE_CHANNEL/);
    expect(BrowserWindowMock.instances).toHaveLength(0);
  });

  it('shows a clear error and exits when the configuration is missing', async () => {
    const saved = { ...process.env };
    delete process.env.RVW_SERVER_URL;
    delete process.env.RVW_KIOSK_CONFIG;
    try {
      main('/opt/kiosk/dist/main');
      expect(protocol.privileged).toHaveLength(1);
      app.becomeReady();
      await vi.waitFor(() => expect(app.exitCodes).toEqual([1]));
      expect(dialog.errors[0]?.[1]).toMatch(/CONFIG_INVALID/);
      expect(BrowserWindowMock.instances).toHaveLength(0);
    } finally {
      process.env = saved;
    }
  });
});
