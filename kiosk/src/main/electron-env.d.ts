/**
 * The subset of Electron's API that kiosk/src/main and kiosk/src/preload use. The `electron`
 * package is an optionalDependency whose binary (and so its bundled typings) cannot be installed on
 * the build machines; these declarations follow Electron 39's own electron.d.ts for the members used.
 */
declare module 'electron' {
  import type { EventEmitter } from 'node:events';

  interface IpcMainInvokeEvent {
    sender: WebContents;
    senderFrame: WebFrameMain | null;
  }
  interface WebFrameMain {
    url: string;
    parent: WebFrameMain | null;
    origin: string;
  }
  interface IpcMain {
    handle(channel: string, listener: (event: IpcMainInvokeEvent, ...args: unknown[]) => unknown): void;
    removeHandler(channel: string): void;
  }
  interface IpcRendererEvent {
    senderId: number;
  }
  interface IpcRenderer {
    invoke(channel: string, ...args: unknown[]): Promise<unknown>;
    on(channel: string, listener: (event: IpcRendererEvent, ...args: unknown[]) => void): this;
    removeListener(channel: string, listener: (event: IpcRendererEvent, ...args: unknown[]) => void): this;
  }
  interface ContextBridge {
    exposeInMainWorld(apiKey: string, api: unknown): void;
  }
  interface WebPreferences {
    preload?: string;
    contextIsolation?: boolean;
    sandbox?: boolean;
    nodeIntegration?: boolean;
    nodeIntegrationInSubFrames?: boolean;
    webSecurity?: boolean;
    allowRunningInsecureContent?: boolean;
    webviewTag?: boolean;
    spellcheck?: boolean;
    devTools?: boolean;
    backgroundThrottling?: boolean;
    autoplayPolicy?:
      'no-user-gesture-required' | 'user-gesture-required' | 'document-user-activation-required';
  }
  interface BrowserWindowConstructorOptions {
    width?: number;
    height?: number;
    show?: boolean;
    fullscreen?: boolean;
    kiosk?: boolean;
    autoHideMenuBar?: boolean;
    backgroundColor?: string;
    title?: string;
    webPreferences?: WebPreferences;
  }
  interface RenderProcessGoneDetails {
    reason: string;
    exitCode: number;
  }
  interface HandlerDetails {
    url: string;
  }
  interface WebContents extends EventEmitter {
    id: number;
    mainFrame: WebFrameMain;
    send(channel: string, ...args: unknown[]): void;
    getURL(): string;
    setWindowOpenHandler(
      handler: (details: HandlerDetails) => { action: 'deny' } | { action: 'allow' },
    ): void;
    isDestroyed(): boolean;
  }
  class BrowserWindow extends EventEmitter {
    constructor(options?: BrowserWindowConstructorOptions);
    webContents: WebContents;
    loadURL(url: string): Promise<void>;
    show(): void;
    focus(): void;
    restore(): void;
    isMinimized(): boolean;
    isDestroyed(): boolean;
  }
  interface PermissionRequestDetails {
    requestingUrl?: string;
    mediaTypes?: Array<'video' | 'audio'>;
    isMainFrame?: boolean;
  }
  interface Session {
    setPermissionRequestHandler(
      handler:
        | ((
            webContents: WebContents,
            permission: string,
            callback: (granted: boolean) => void,
            details: PermissionRequestDetails,
          ) => void)
        | null,
    ): void;
    setPermissionCheckHandler(
      handler:
        ((webContents: WebContents | null, permission: string, requestingOrigin: string) => boolean) | null,
    ): void;
    setDevicePermissionHandler(handler: ((details: unknown) => boolean) | null): void;
  }
  interface App extends EventEmitter {
    whenReady(): Promise<void>;
    requestSingleInstanceLock(): boolean;
    quit(): void;
    exit(code?: number): void;
  }
  interface CustomScheme {
    scheme: string;
    privileges?: {
      standard?: boolean;
      secure?: boolean;
      supportFetchAPI?: boolean;
      stream?: boolean;
      corsEnabled?: boolean;
      bypassCSP?: boolean;
    };
  }
  interface Protocol {
    registerSchemesAsPrivileged(schemes: CustomScheme[]): void;
    handle(scheme: string, handler: (request: Request) => Response | Promise<Response>): void;
  }
  interface Net {
    fetch(input: string, init?: RequestInit): Promise<Response>;
  }
  interface PowerSaveBlocker {
    start(type: 'prevent-app-suspension' | 'prevent-display-sleep'): number;
    stop(id: number): void;
    isStarted(id: number): boolean;
  }
  interface Dialog {
    showErrorBox(title: string, content: string): void;
  }

  const app: App;
  const ipcMain: IpcMain;
  const ipcRenderer: IpcRenderer;
  const contextBridge: ContextBridge;
  const session: { defaultSession: Session };
  const protocol: Protocol;
  const net: Net;
  const powerSaveBlocker: PowerSaveBlocker;
  const dialog: Dialog;
}
