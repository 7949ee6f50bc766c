/**
 * The door-to-door profile's windows (上门办, issue 11 #10), with the mocked Electron: a normal
 * window (no kiosk mode, no full screen) maximized on the laptop's screen, without developer tools,
 * kept maximized when the display changes; the fixed kiosk and the technician's window unchanged.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { KioskHost } from '../host/kiosk-host';
import { loadKioskConfig } from '../host/config';
import { APP_START_URL } from './app-protocol';
import { BrowserWindowMock, resetElectronFakes, screen, type FakeDisplay } from './electron-fake';
import { createKioskWindow, portableWindow, windowOptions } from './window';
import { KioskWindows } from './windows';

vi.mock('electron', () => import('./electron-fake'));

const base = { RVW_SERVER_URL: 'https://centre.example', RVW_KIOSK_TOKEN: 'tok' };
const portable = loadKioskConfig({ ...base, RVW_KIOSK_PROFILE: 'portable' }, 'linux');
const fixed = loadKioskConfig(base, 'linux');
const technician = loadKioskConfig({ ...base, RVW_KIOSK_FULLSCREEN: '0' }, 'linux');
// A laptop's own screen.
const laptop: FakeDisplay = { id: 1, bounds: { x: 0, y: 0, width: 1366, height: 768 } };
// What recovery needs of the host: the wipe before a crashed window reloads.
const host = { handlers: { 'identity:wipe': async () => ({}) } } as unknown as Pick<KioskHost, 'handlers'>;

beforeEach(() => resetElectronFakes());

describe('the door-to-door window', () => {
  it('is a normal window: no kiosk mode, no full screen, no developer tools, named 上门办', () => {
    expect(portableWindow(portable)).toBe(true);
    const opts = windowOptions(portable, '/p.cjs');
    expect(opts).toMatchObject({ kiosk: false, fullscreen: false, title: '远程虚拟窗口 · 上门办' });
    expect(opts.webPreferences).toMatchObject({ devTools: false, sandbox: true, contextIsolation: true });
  });

  it('fills the laptop screen when it appears (maximized), and shows', () => {
    const win = createKioskWindow(portable, '/p.cjs', 'both') as unknown as BrowserWindowMock;
    expect(win.maximized).toBe(false);
    win.emit('ready-to-show');
    expect(win.maximized).toBe(true);
    expect(win.shown).toBe(true);
    expect(win.isKiosk()).toBe(false);
  });

  it('the fixed kiosk stays in kiosk mode, and the technician’s window stays small with its tools', () => {
    expect(windowOptions(fixed, 'p')).toMatchObject({ kiosk: true, fullscreen: true });
    const tech = createKioskWindow(technician, 'p', 'both') as unknown as BrowserWindowMock;
    tech.emit('ready-to-show');
    expect(tech.maximized).toBe(false);
    expect(windowOptions(technician, 'p').webPreferences).toMatchObject({ devTools: true });
    expect(portableWindow(fixed) || portableWindow(technician)).toBe(false);
  });

  it('opens one window on the laptop and keeps it maximized when the display changes, never kiosk', async () => {
    vi.useFakeTimers();
    screen.displays = [laptop];
    const windows = new KioskWindows({ config: portable, preloadPath: '/p.cjs', host, settleMs: 100 });
    try {
      windows.start();
      expect(BrowserWindowMock.instances).toHaveLength(1);
      const win = BrowserWindowMock.instances[0]!;
      expect(win.loaded).toEqual([`${APP_START_URL}?view=both`]);
      win.emit('ready-to-show');
      expect(win.maximized).toBe(true);
      // A projector plugged in and the laptop's resolution changed: the window follows, maximized.
      win.maximized = false;
      screen.displays = [{ ...laptop, bounds: { ...laptop.bounds, width: 1920, height: 1080 } }];
      screen.emit('display-metrics-changed');
      await vi.advanceTimersByTimeAsync(100);
      expect(win.maximized).toBe(true);
      expect(win.isKiosk()).toBe(false);
    } finally {
      windows.stop();
      vi.useRealTimers();
    }
  });
});
