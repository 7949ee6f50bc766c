/**
 * Small hand-written fakes of the Electron API for main-process tests (used through
 * `vi.mock('electron', () => import('./electron-fake'))`). They record what the code under test
 * asked for, and let a test play Electron's part: fire events, invoke handlers, answer permission checks.
 */
import { EventEmitter } from 'node:events';

/** A frame as IPC events carry it. */
export interface FakeFrame {
  url: string;
  parent: FakeFrame | null;
  origin: string;
}

/** A web contents: an EventEmitter that records what was sent to it. */
export class WebContentsMock extends EventEmitter {
  static nextId = 1;
  id = WebContentsMock.nextId++;
  sent: Array<[string, ...unknown[]]> = [];
  url = '';
  destroyed = false;
  mainFrame: FakeFrame = { url: '', parent: null, origin: '' };
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;

  send(channel: string, ...args: unknown[]): void {
    this.sent.push([channel, ...args]);
  }
  getURL(): string {
    return this.url;
  }
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.windowOpenHandler = handler;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  /** Emits a cancellable event the way Electron does and says whether it was prevented. */
  fireCancellable(name: string, url: string): boolean {
    let prevented = false;
    this.emit(name, { url, preventDefault: () => (prevented = true) }, url);
    return prevented;
  }
}

/** A rectangle in screen coordinates, as Electron's Rectangle. */
export interface FakeRect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** A BrowserWindow that records its options, the URLs it loaded and where it was put. */
export class BrowserWindowMock extends EventEmitter {
  static instances: BrowserWindowMock[] = [];
  webContents = new WebContentsMock();
  loaded: string[] = [];
  shown = false;
  /** True when shown without taking the focus (showInactive). */
  shownInactive = false;
  focused = false;
  minimized = false;
  maximized = false;
  destroyed = false;
  kiosk: boolean;
  bounds: FakeRect;
  /** Every setBounds, in order. */
  moves: FakeRect[] = [];

  constructor(readonly options: Record<string, unknown> = {}) {
    super();
    BrowserWindowMock.instances.push(this);
    this.kiosk = options.kiosk === true;
    const n = (k: string, d: number) => (typeof options[k] === 'number' ? (options[k] as number) : d);
    this.bounds = { x: n('x', 0), y: n('y', 0), width: n('width', 800), height: n('height', 600) };
  }
  async loadURL(url: string): Promise<void> {
    this.loaded.push(url);
    this.webContents.url = url;
    this.webContents.mainFrame = { url, parent: null, origin: new URL(url).origin };
  }
  show(): void {
    this.shown = true;
  }
  showInactive(): void {
    this.shown = true;
    this.shownInactive = true;
  }
  setBounds(bounds: FakeRect): void {
    this.bounds = { ...bounds };
    this.moves.push({ ...bounds });
  }
  getBounds(): FakeRect {
    return { ...this.bounds };
  }
  setKiosk(flag: boolean): void {
    this.kiosk = flag;
  }
  isKiosk(): boolean {
    return this.kiosk;
  }
  /** Closes as Electron does: destroyed, then 'closed'. */
  close(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.webContents.destroyed = true;
    this.emit('closed');
  }
  focus(): void {
    this.focused = true;
  }
  restore(): void {
    this.minimized = false;
  }
  maximize(): void {
    this.maximized = true;
  }
  isMaximized(): boolean {
    return this.maximized;
  }
  isMinimized(): boolean {
    return this.minimized;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
}
export { BrowserWindowMock as BrowserWindow };

type Handler = (event: unknown, ...args: unknown[]) => unknown;

/** ipcMain: keeps the registered handlers so a test can invoke them as a renderer would. */
export const ipcMain = {
  handlers: new Map<string, Handler>(),
  handle(channel: string, handler: Handler): void {
    if (this.handlers.has(channel))
      throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, handler);
  },
  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  },
  /** Calls a handler as Electron would for a message from `sender`/`senderFrame`. */
  async invoke(channel: string, sender: WebContentsMock, senderFrame: FakeFrame | null, ...args: unknown[]) {
    const handler = this.handlers.get(channel);
    if (!handler) throw new Error(`No handler registered for '${channel}'`);
    return handler({ sender, senderFrame }, ...args);
  },
};

/** app: an EventEmitter with a controllable single-instance lock and readiness. */
class AppFake extends EventEmitter {
  hasLock = true;
  quitCalls = 0;
  exitCodes: number[] = [];
  private readyResolve: (() => void) | null = null;
  private ready = new Promise<void>((r) => (this.readyResolve = r));
  requestSingleInstanceLock(): boolean {
    return this.hasLock;
  }
  quit(): void {
    this.quitCalls++;
  }
  exit(code = 0): void {
    this.exitCodes.push(code);
  }
  whenReady(): Promise<void> {
    return this.ready;
  }
  /** Plays Electron's 'ready'. */
  becomeReady(): void {
    this.readyResolve?.();
  }
  /** Back to not ready. */
  resetReady(): void {
    this.ready = new Promise<void>((r) => (this.readyResolve = r));
  }
}
export const app = new AppFake();

/** A session that keeps the handlers the code installs. */
export class SessionFake {
  requestHandler: ((...args: unknown[]) => void) | null = null;
  checkHandler: ((...args: unknown[]) => boolean) | null = null;
  deviceHandler: ((...args: unknown[]) => boolean) | null = null;
  setPermissionRequestHandler(h: ((...args: unknown[]) => void) | null): void {
    this.requestHandler = h;
  }
  setPermissionCheckHandler(h: ((...args: unknown[]) => boolean) | null): void {
    this.checkHandler = h;
  }
  setDevicePermissionHandler(h: ((...args: unknown[]) => boolean) | null): void {
    this.deviceHandler = h;
  }
  /** Asks the request handler as Electron would; resolves with the decision. */
  request(
    webContents: WebContentsMock,
    permission: string,
    details: Record<string, unknown>,
  ): Promise<boolean> {
    return new Promise((resolve) => this.requestHandler?.(webContents, permission, resolve, details));
  }
}
export const session = { defaultSession: new SessionFake() };

/** protocol: records privileged schemes and handlers. */
export const protocol = {
  privileged: [] as unknown[],
  handlers: new Map<string, (request: Request) => Response | Promise<Response>>(),
  registerSchemesAsPrivileged(schemes: unknown[]): void {
    this.privileged.push(...schemes);
  },
  handle(scheme: string, handler: (request: Request) => Response | Promise<Response>): void {
    this.handlers.set(scheme, handler);
  },
};

/** net.fetch: records the file URLs the protocol handler asked for. */
export const net = {
  fetched: [] as string[],
  async fetch(url: string): Promise<Response> {
    this.fetched.push(url);
    return new Response('file', { status: 200 });
  },
};

/** powerSaveBlocker: records what was started. */
export const powerSaveBlocker = {
  started: [] as string[],
  start(type: string): number {
    this.started.push(type);
    return this.started.length;
  },
  stop(): void {},
  isStarted(): boolean {
    return this.started.length > 0;
  },
};

/** dialog: records error boxes. */
export const dialog = {
  errors: [] as Array<[string, string]>,
  showErrorBox(title: string, content: string): void {
    this.errors.push([title, content]);
  },
};

/** contextBridge and ipcRenderer for the preload. */
export const contextBridge = {
  exposed: new Map<string, unknown>(),
  exposeInMainWorld(key: string, api: unknown): void {
    this.exposed.set(key, api);
  },
};
export class IpcRendererFake extends EventEmitter {
  invoked: Array<[string, unknown]> = [];
  answer: (channel: string, request: unknown) => unknown = () => ({ ok: true, data: {} });
  async invoke(channel: string, request: unknown): Promise<unknown> {
    this.invoked.push([channel, request]);
    return this.answer(channel, request);
  }
}
export const ipcRenderer = new IpcRendererFake();

/** A display as Electron's screen module lists it. */
export interface FakeDisplay {
  id: number;
  bounds: FakeRect;
}

/** screen: the connected displays, which a test changes and announces as Electron would. */
class ScreenFake extends EventEmitter {
  displays: FakeDisplay[] = [{ id: 1, bounds: { x: 0, y: 0, width: 1920, height: 1080 } }];
  primaryId = 1;
  getAllDisplays(): FakeDisplay[] {
    return this.displays.map((d) => ({ ...d, bounds: { ...d.bounds } }));
  }
  getPrimaryDisplay(): FakeDisplay {
    return this.getAllDisplays().find((d) => d.id === this.primaryId) ?? this.getAllDisplays()[0]!;
  }
  /** Plugs a display in and fires 'display-added'. */
  add(display: FakeDisplay): void {
    this.displays.push(display);
    this.emit('display-added', {}, display);
  }
  /** Unplugs a display and fires 'display-removed'. */
  remove(id: number): void {
    const gone = this.displays.find((d) => d.id === id);
    this.displays = this.displays.filter((d) => d.id !== id);
    this.emit('display-removed', {}, gone);
  }
}
export const screen = new ScreenFake();

/**
 * safeStorage: encryption available with a real Linux backend by default; its "ciphertext" is
 * marked and reversible, and counted, so a test sees that the token was encrypted.
 */
export const safeStorage = {
  available: true,
  backend: 'gnome_libsecret',
  encrypted: 0,
  isEncryptionAvailable(): boolean {
    return this.available;
  },
  getSelectedStorageBackend(): string {
    return this.backend;
  },
  encryptString(text: string): Buffer {
    this.encrypted++;
    return Buffer.from(`SAFE:${Buffer.from(text).toString('base64')}`);
  },
  decryptString(data: Buffer): string {
    const s = data.toString();
    if (!s.startsWith('SAFE:'))
      throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
    return Buffer.from(s.slice(5), 'base64').toString();
  },
};

/** Puts every fake back to its initial state. */
export function resetElectronFakes(): void {
  BrowserWindowMock.instances = [];
  ipcMain.handlers.clear();
  app.removeAllListeners();
  app.hasLock = true;
  app.quitCalls = 0;
  app.exitCodes = [];
  app.resetReady();
  session.defaultSession = new SessionFake();
  protocol.privileged = [];
  protocol.handlers.clear();
  net.fetched = [];
  powerSaveBlocker.started = [];
  dialog.errors = [];
  contextBridge.exposed.clear();
  ipcRenderer.removeAllListeners();
  ipcRenderer.invoked = [];
  screen.removeAllListeners();
  screen.displays = [{ id: 1, bounds: { x: 0, y: 0, width: 1920, height: 1080 } }];
  screen.primaryId = 1;
  safeStorage.available = true;
  safeStorage.backend = 'gnome_libsecret';
  safeStorage.encrypted = 0;
}

export default {
  app,
  BrowserWindow: BrowserWindowMock,
  ipcMain,
  session,
  protocol,
  net,
  powerSaveBlocker,
  dialog,
  contextBridge,
  ipcRenderer,
  screen,
  safeStorage,
};
