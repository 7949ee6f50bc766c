/** The kiosk window: isolated, sandboxed, full screen in kiosk mode when configured. */
import { app, BrowserWindow } from 'electron';
import type { BrowserWindowConstructorOptions, WebContents } from 'electron';
import type { KioskConfig } from '../host/config';
import { APP_START_URL, isAppUrl } from './app-protocol';

/** The window's options: the renderer gets no Node, an isolated world and the sandbox. */
export function windowOptions(
  config: Pick<KioskConfig, 'fullscreen'>,
  preloadPath: string,
): BrowserWindowConstructorOptions {
  return {
    width: 1280,
    height: 800,
    show: false,
    fullscreen: config.fullscreen,
    kiosk: config.fullscreen,
    autoHideMenuBar: true,
    backgroundColor: '#ffffff',
    title: '远程虚拟窗口',
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
      devTools: !config.fullscreen,
      // The waiting screen must keep listening for the queue while nothing moves on screen.
      backgroundThrottling: false,
      autoplayPolicy: 'no-user-gesture-required',
    },
  };
}

/** Creates the window and loads the renderer from app://kiosk/. */
export function createMainWindow(
  config: Pick<KioskConfig, 'fullscreen'>,
  preloadPath: string,
): BrowserWindow {
  const win = new BrowserWindow(windowOptions(config, preloadPath));
  win.once('ready-to-show', () => win.show());
  void win.loadURL(APP_START_URL);
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
