import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { io } from 'socket.io-client';
import type { KioskConfig } from '../host/config';
import type { DisplayLayout } from '../host/display-layout';
import { FakeReader, sampleResidentCard } from '../host/fake-reader';
import { bootKioskHost, type KioskHost } from '../host/kiosk-host';
import { APP_START_URL } from './app-protocol';
import { planWindows, type PlannedDisplay } from './displays';
import {
  app,
  BrowserWindowMock,
  ipcMain,
  resetElectronFakes,
  screen,
  type FakeDisplay,
} from './electron-fake';
import { setupIpc } from './ipc-manager';
import { startKiosk, stopKiosk } from './main';
import { setupSingleInstance } from './single-instance';
import { KioskWindows } from './windows';

vi.mock('electron', () => import('./electron-fake'));
vi.mock('electron-updater', () => import('./electron-updater-fake'));

const dual: DisplayLayout = { layout: 'dual', video: { kind: 'upper' }, touch: { kind: 'lower' } };
const single: DisplayLayout = { layout: 'single' };
// The dual-screen machine: a landscape display above a touch screen, the touch screen primary.
const upper: FakeDisplay = { id: 11, bounds: { x: 0, y: -1080, width: 1920, height: 1080 } };
const lower: FakeDisplay = { id: 12, bounds: { x: 0, y: 0, width: 1920, height: 1080 } };

const views = (plan: { windows: Array<{ view: string; display: PlannedDisplay }> }) =>
  plan.windows.map((w) => `${w.view}@${w.display.id}`);

describe('planWindows', () => {
  it('single: one window showing both on the primary display, however many are connected', () => {
    expect(views(planWindows(single, [upper, lower], 12))).toEqual(['both@12']);
    expect(planWindows(single, [upper, lower], 12).fallback).toBeNull();
  });

  it('dual: the video on the upper display and the touch screens on the lower, in any list order', () => {
    expect(views(planWindows(dual, [lower, upper], 12))).toEqual(['video@11', 'touch@12']);
    expect(views(planWindows(dual, [upper, lower], 11))).toEqual(['video@11', 'touch@12']);
    expect(planWindows(dual, [lower, upper], 12).fallback).toBeNull();
  });

  it('dual: displays named by index, id or primary', () => {
    const byIndex: DisplayLayout = {
      layout: 'dual',
      video: { kind: 'index', index: 1 },
      touch: { kind: 'index', index: 0 },
    };
    expect(views(planWindows(byIndex, [lower, upper], 12))).toEqual(['video@11', 'touch@12']);
    const byId: DisplayLayout = { layout: 'dual', video: { kind: 'id', id: 12 }, touch: { kind: 'primary' } };
    expect(views(planWindows(byId, [lower, upper], 11))).toEqual(['video@12', 'touch@11']);
  });

  it('dual with one display falls back to single, and says why', () => {
    const plan = planWindows(dual, [lower], 12);
    expect(views(plan)).toEqual(['both@12']);
    expect(plan.fallback).toMatch(
      /dual layout not possible: .*"upper".*"lower" are the same one \(1 display is connected: index:0 = id:12 \(1920x1080 at 0,0\)\)/,
    );
  });

  it('dual with a display that is not there falls back to single on the touch display, or the primary', () => {
    const missingVideo: DisplayLayout = {
      layout: 'dual',
      video: { kind: 'index', index: 2 },
      touch: { kind: 'id', id: 11 },
    };
    const plan = planWindows(missingVideo, [lower, upper], 12);
    expect(views(plan)).toEqual(['both@11']);
    expect(plan.fallback).toMatch(
      /no display matches the video display "index:2" \(2 displays are connected: index:0 = id:12 .*; index:1 = id:11 \(1920x1080 at 0,-1080\)\)/,
    );
    const missingTouch: DisplayLayout = {
      layout: 'dual',
      video: { kind: 'upper' },
      touch: { kind: 'id', id: 99 },
    };
    expect(views(planWindows(missingTouch, [lower, upper], 12))).toEqual(['both@12']);
    expect(planWindows(missingTouch, [lower, upper], 12).fallback).toMatch(/touch display "id:99"/);
  });

  it('no display at all: no window', () => {
    expect(planWindows(dual, [], 1)).toEqual({ windows: [], fallback: null });
  });
});

describe('KioskWindows', () => {
  const quiet = { info: () => {}, warn: () => {}, error: () => {} };
  let host: KioskHost;
  let reader: FakeReader;
  let logs: Array<[string, string]>;
  let windows: KioskWindows | null;
  const offline = { connect: () => io('http://127.0.0.1:9', { autoConnect: false }) };
  const config = (display: DisplayLayout, fullscreen = true): KioskConfig => ({
    serverUrl: 'http://127.0.0.1:9',
    kioskToken: 'tok',
    locale: 'zh-CN',
    idcard: null,
    demo: false,
    demoSimControl: null,
    fullscreen,
    display,
  });
  const logger = {
    info: (m: string) => logs.push(['info', m]),
    warn: (m: string) => logs.push(['warn', m]),
  };

  function open(display: DisplayLayout, fullscreen = true): KioskWindows {
    windows = new KioskWindows({
      config: config(display, fullscreen),
      preloadPath: '/opt/kiosk/preload.cjs',
      host,
      settleMs: 500,
      logger,
    });
    windows.start();
    return windows;
  }
  const byView = (view: string) =>
    BrowserWindowMock.instances.find((w) => !w.destroyed && w.loaded[0] === `${APP_START_URL}?view=${view}`);

  beforeEach(async () => {
    resetElectronFakes();
    logs = [];
    windows = null;
    reader = new FakeReader();
    host = await bootKioskHost(config(single), { ...offline, reader, logger: quiet });
  });
  afterEach(async () => {
    windows?.stop();
    vi.useRealTimers();
    await host.close();
  });

  it('dual: a full-screen kiosk window per display, both with the same preload', () => {
    screen.displays = [lower, upper];
    screen.primaryId = 12;
    const w = open(dual);
    expect(BrowserWindowMock.instances).toHaveLength(2);
    const video = byView('video')!;
    const touch = byView('touch')!;
    expect(video.options).toMatchObject({ ...upper.bounds, kiosk: true, fullscreen: true });
    expect(touch.options).toMatchObject({ ...lower.bounds, kiosk: true, fullscreen: true });
    for (const win of [video, touch])
      expect(win.options).toMatchObject({ webPreferences: { preload: '/opt/kiosk/preload.cjs' } });
    expect(w.views()).toEqual(['video', 'touch']);
    expect(w.all()).toHaveLength(2);
    expect(w.touchWindow()).toBe(touch);
    expect(logs).toEqual([]);
  });

  it('single: one window showing both', () => {
    screen.displays = [lower, upper];
    const w = open(single);
    expect(BrowserWindowMock.instances.map((x) => x.loaded)).toEqual([[`${APP_START_URL}?view=both`]]);
    expect(w.touchWindow()).toBe(BrowserWindowMock.instances[0]);
  });

  it('dual with the second display missing: one window showing both, logged once', async () => {
    vi.useFakeTimers();
    screen.displays = [lower];
    screen.primaryId = 12;
    const w = open(dual);
    expect(w.views()).toEqual(['both']);
    expect(logs).toEqual([
      ['warn', expect.stringMatching(/^kiosk: dual layout not possible: .*one window shows both on id:12/)],
    ]);
    // More display events with the same displays: nothing is opened again, nothing logged again.
    screen.emit('display-metrics-changed', {}, lower, ['workArea']);
    await vi.advanceTimersByTimeAsync(500);
    screen.emit('display-metrics-changed', {}, lower, ['workArea']);
    await vi.advanceTimersByTimeAsync(500);
    expect(BrowserWindowMock.instances).toHaveLength(1);
    expect(logs).toHaveLength(1);
  });

  it('a display plugged in: the dual layout comes back, new windows before the old one closes', async () => {
    vi.useFakeTimers();
    screen.displays = [lower];
    screen.primaryId = 12;
    const w = open(dual);
    const both = byView('both')!;
    const seenWhenClosed: number[] = [];
    both.on('closed', () =>
      seenWhenClosed.push(BrowserWindowMock.instances.filter((x) => !x.destroyed).length),
    );

    screen.add(upper);
    // A plug-in fires several events: the windows change once, after they settle.
    await vi.advanceTimersByTimeAsync(499);
    expect(w.views()).toEqual(['both']);
    await vi.advanceTimersByTimeAsync(1);
    expect(w.views().sort()).toEqual(['touch', 'video']);
    expect(both.destroyed).toBe(true);
    expect(seenWhenClosed).toEqual([2]);
    expect(byView('video')!.options).toMatchObject(upper.bounds);
    expect(logs.map((l) => l[0])).toEqual(['warn', 'info']);
    expect(logs[1]![1]).toMatch(/dual layout/);
  });

  it('the upper display unplugged: one window showing both on the touch screen, logged once', async () => {
    vi.useFakeTimers();
    screen.displays = [lower, upper];
    screen.primaryId = 12;
    const w = open(dual);
    const [video, touch] = [byView('video')!, byView('touch')!];
    screen.remove(11);
    await vi.advanceTimersByTimeAsync(500);
    expect(w.views()).toEqual(['both']);
    expect(video.destroyed && touch.destroyed).toBe(true);
    expect(byView('both')!.options).toMatchObject(lower.bounds);
    expect(w.all()).toEqual([byView('both')]);
    expect(logs).toEqual([['warn', expect.stringContaining('1 display is connected')]]);
  });

  it('a display that moves or changes size takes its window along, leaving kiosk mode around the move', async () => {
    vi.useFakeTimers();
    screen.displays = [lower, upper];
    screen.primaryId = 12;
    open(dual);
    const touch = byView('touch')!;
    const video = byView('video')!;
    screen.displays = [{ id: 12, bounds: { x: 0, y: 0, width: 1080, height: 1920 } }, upper];
    screen.emit('display-metrics-changed', {}, screen.displays[0], ['bounds', 'rotation']);
    await vi.advanceTimersByTimeAsync(500);
    expect(touch.moves).toEqual([{ x: 0, y: 0, width: 1080, height: 1920 }]);
    expect(touch.kiosk).toBe(true);
    expect(video.moves).toEqual([]);
    expect(BrowserWindowMock.instances).toHaveLength(2);
  });

  it('a technician window (not full screen) sits in its display corner at 1280x800', () => {
    screen.displays = [lower, upper];
    open(dual, false);
    expect(byView('video')!.options).toMatchObject({
      x: 0,
      y: -1080,
      width: 1280,
      height: 800,
      kiosk: false,
    });
  });

  it('a crashed video window reloads its own view without wiping the card; the touch window wipes first', async () => {
    vi.useFakeTimers();
    screen.displays = [lower, upper];
    open(dual);
    const [video, touch] = [byView('video')!, byView('touch')!];
    reader.place(sampleResidentCard);
    await vi.advanceTimersByTimeAsync(0);

    video.webContents.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 139 });
    await vi.advanceTimersByTimeAsync(1500);
    expect(video.loaded).toEqual([`${APP_START_URL}?view=video`, `${APP_START_URL}?view=video`]);
    expect((await host.handlers['idcard:current']({})).card).not.toBeNull();

    touch.webContents.emit('render-process-gone', {}, { reason: 'oom', exitCode: 1 });
    await vi.advanceTimersByTimeAsync(1500);
    expect((await host.handlers['idcard:current']({})).card).toBeNull();
    expect(touch.loaded).toEqual([`${APP_START_URL}?view=touch`, `${APP_START_URL}?view=touch`]);
  });

  it('both windows use the one host: each may call the bridge and each receives its events', async () => {
    screen.displays = [lower, upper];
    const w = open(dual);
    setupIpc(host, () => w.all(), quiet);
    const [video, touch] = [byView('video')!, byView('touch')!];
    for (const win of [video, touch])
      expect(
        await ipcMain.invoke('bridge:idcard:status', win.webContents, win.webContents.mainFrame, {}),
      ).toEqual({
        ok: true,
        data: { state: 'online' },
      });
    reader.place(sampleResidentCard);
    for (const win of [video, touch])
      expect(win.webContents.sent.map((s) => s[0])).toContain('bridge-event:idcard:card');

    // A window that has gone is neither answered nor sent to.
    video.close();
    const forbidden = { ok: false, error: { code: 'FORBIDDEN', message: expect.any(String) } };
    expect(
      await ipcMain.invoke('bridge:config:get', video.webContents, video.webContents.mainFrame, {}),
    ).toEqual(forbidden);
    const before = video.webContents.sent.length;
    reader.remove();
    expect(video.webContents.sent).toHaveLength(before);
    expect(touch.webContents.sent.at(-1)?.[0]).toBe('bridge-event:idcard:removed');
  });

  it('a second start brings the touch window forward', () => {
    screen.displays = [lower, upper];
    const w = open(dual);
    expect(setupSingleInstance(() => w.touchWindow())).toBe(true);
    app.emit('second-instance');
    expect(byView('touch')!.focused).toBe(true);
    expect(byView('video')!.focused).toBe(false);
  });
});

describe('start-up on the dual-screen machine', () => {
  beforeEach(() => resetElectronFakes());

  it('opens the video and touch windows from the configuration, with IPC for both', async () => {
    screen.displays = [lower, upper];
    screen.primaryId = 12;
    await startKiosk('/opt/kiosk/dist/main', {
      RVW_SERVER_URL: 'http://127.0.0.1:9',
      RVW_KIOSK_TOKEN: 't',
      RVW_KIOSK_LAYOUT: 'dual',
    });
    try {
      const loaded = BrowserWindowMock.instances.map((w) => w.loaded[0]);
      expect(loaded).toEqual([`${APP_START_URL}?view=video`, `${APP_START_URL}?view=touch`]);
      for (const win of BrowserWindowMock.instances) {
        expect(win.options).toMatchObject({
          webPreferences: { preload: '/opt/kiosk/dist/main/preload.cjs' },
        });
        expect(
          await ipcMain.invoke('bridge:config:get', win.webContents, win.webContents.mainFrame, {}),
        ).toMatchObject({ ok: true });
      }
    } finally {
      await stopKiosk();
    }
  });
});
