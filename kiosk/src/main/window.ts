/**
 * A kiosk window: isolated, sandboxed, full screen in kiosk mode when configured, on its display.
 * The door-to-door profile (上门办) opens a normal window, maximized on the laptop's screen, that the
 * staff can move aside; the technician's window (fullscreen off on a fixed kiosk) stays small.
 */
import { app, BrowserWindow } from 'electron';
import type { BrowserWindowConstructorOptions, Rectangle, WebContents } from 'electron';
import { kioskViewUrl, type KioskView } from '@rvw/shared';
import type { KioskConfig } from '../host/config';
import { APP_START_URL, isAppUrl } from './app-protocol';

/** Where a window goes: the bounds of its display; absent: wherever the system puts it. */
export interface WindowPlacement {
  /** The display's bounds (screen coordinates). */
  bounds: Rectangle;
}

/** The technician's window (not full screen): this size, or the display's if smaller. */
const WINDOWED = { width: 1280, height: 800 };

/** A window's bounds on a display: the whole display in kiosk mode, a window at its top-left corner otherwise. */
export function boundsOn(fullscreen: boolean, display: Rectangle): Rectangle {
  const { x, y, width, height } = display;
  if (fullscreen) return { x, y, width, height };
  return { x, y, width: Math.min(WINDOWED.width, width), height: Math.min(WINDOWED.height, height) };
}

function placementOptions(fullscreen: boolean, placement?: WindowPlacement): BrowserWindowConstructorOptions {
  return placement ? boundsOn(fullscreen, placement.bounds) : { ...WINDOWED };
}

/** What the window needs of the configuration. */
export type WindowConfig = Pick<KioskConfig, 'fullscreen' | 'profile'>;

/** True for the door-to-door machine's normal window: maximized, framed, no developer tools. */
export function portableWindow(config: WindowConfig): boolean {
  return config.profile === 'portable' && !config.fullscreen;
}

/** The window's options: the renderer gets no Node, an isolated world and the sandbox. */
export function windowOptions(
  config: WindowConfig,
  preloadPath: string,
  placement?: WindowPlacement,
): BrowserWindowConstructorOptions {
  const portable = portableWindow(config);
  return {
    ...placementOptions(config.fullscreen, placement),
    show: false,
    fullscreen: config.fullscreen,
    kiosk: config.fullscreen,
    autoHideMenuBar: true,
    backgroundColor: '#ffffff',
    title: portable ? '远程虚拟窗口 · 上门办' : '远程虚拟窗口',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
      // The technician's window may open them; the resident-facing windows may not.
      devTools: !config.fullscreen && !portable,
      // The waiting screen must keep listening for the queue while nothing moves on screen.
      backgroundThrottling: false,
      autoplayPolicy: 'no-user-gesture-required',
    },
  };
}

/** The page a view's window loads: app://kiosk/index.html?view=<view>. */
export function viewUrl(view: KioskView): string {
  return kioskViewUrl(APP_START_URL, view);
}

/**
 * Creates a window for `view` on its display and loads the renderer from app://kiosk/. The video
 * window appears without taking the focus, which stays with the screen the resident touches.
 */
export function createKioskWindow(
  config: WindowConfig,
  preloadPath: string,
  view: KioskView,
  placement?: WindowPlacement,
): BrowserWindow {
  const win = new BrowserWindow(windowOptions(config, preloadPath, placement));
  win.once('ready-to-show', () => {
    // The door-to-door window fills the laptop's screen, as large type needs, yet stays a window.
    if (portableWindow(config)) win.maximize();
    if (view === 'video') win.showInactive();
    else win.show();
  });
  void win.loadURL(viewUrl(view));
  return win;
}

/** Keeps one web contents on the app's own pages: no navigation away, no new windows, no webviews. */
export function guardWebContents(contents: WebContents): void {
  const stayHome = (event: { preventDefault(): void; url?: string }, url?: string): void => {
    if (!isAppUrl(event.url ?? url)) event.preventDefault();
  };
  contents.on('will-navigate', stayHome);
  contents.on('will-redirect', stayHome);
  contents.on('will-attach-webview', (event: { preventDefault(): void }) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

/** Guards every web contents the app creates, now and later. */
export function setupNavigationGuards(): void {
  app.on('web-contents-created', (_event: unknown, contents: WebContents) => guardWebContents(contents));
}
