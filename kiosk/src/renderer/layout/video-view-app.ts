/**
 * The controller of the dual-screen machine's video window (issue 9 #8), outside React. It runs the
 * kiosk's one call: a session the server opens for this kiosk starts it, the session's end (or the
 * server saying none is open) ends it. It walks no journey and asks the host for nothing but the
 * config, a resync and the call's signals: the touch window, on the same host, walks the resident
 * through the visit and opens no camera (docs/architecture.md, "The dual-screen machine").
 */
import type { KioskBridge, KioskRuntimeConfig, KioskState, Locale, SessionOpened } from '@rvw/shared';
import { startKioskCall } from '../call/call-controller';
import type { CallMedia, RunningCall, StartCall } from '../call/call-controller';
import { CallSetupClock } from '../call/call-setup';
import { storageLocaleChannel, type LocaleChannel } from './shared-locale';

/** What the video window renders. */
export interface VideoViewSnapshot {
  config: KioskRuntimeConfig | null;
  /** The language the touch window shows (the resident's choice), else the kiosk's own. */
  locale: Locale;
  /** The open session, or null outside a call. */
  session: SessionOpened | null;
  media: CallMedia;
  /** Whether the host's link to the server is up, as the host last said (true until it says otherwise). */
  serverConnected: boolean;
}

/** Tunables, replaceable in tests. */
export interface VideoViewDeps {
  /** Starts a session's call; default the real one (camera and peer). */
  startCall?: StartCall;
  /** Delay between attempts to read the config from the bridge; default 3000 ms. */
  retryMs?: number;
  /** Where the touch window publishes its language; default this origin's localStorage. */
  locales?: LocaleChannel;
}

const NO_MEDIA: CallMedia = { local: null, remote: null };

/** The video window's controller. */
export class VideoViewApp {
  private snapshot: VideoViewSnapshot = {
    config: null,
    locale: 'zh-CN',
    session: null,
    media: NO_MEDIA,
    serverConnected: true,
  };
  private readonly listeners = new Set<() => void>();
  private readonly unsubscribers: Array<() => void> = [];
  private call: RunningCall | null = null;
  private stopped = false;
  private retry: ReturnType<typeof setTimeout> | null = null;
  // This window runs the call, so it reports the call's set-up time (the touch window cannot).
  private readonly setupClock = new CallSetupClock((sessionId, ms) => {
    void this.bridge.invoke('call:setup', { sessionId, ms }).catch(() => undefined);
  });

  constructor(
    private readonly bridge: KioskBridge,
    private readonly deps: VideoViewDeps = {},
  ) {}

  /** The current snapshot (stable until something changes). */
  getSnapshot = (): VideoViewSnapshot => this.snapshot;

  /** Subscribes to changes; returns the unsubscribe function. */
  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Listens to the session events, reads the config and asks the host for the server's view. */
  async start(): Promise<void> {
    const locales = this.deps.locales ?? storageLocaleChannel();
    this.unsubscribers.push(
      locales.subscribe((locale) => this.publish({ locale })),
      this.bridge.on('session:opened', (opened) => {
        this.setupClock.opened(opened.session.id);
        this.follow(opened);
      }),
      this.bridge.on('session:ended', ({ sessionId }) => {
        this.setupClock.ended(sessionId);
        if (this.snapshot.session?.session.id === sessionId) this.follow(null);
      }),
      this.bridge.on('kiosk:state', (state) => this.follow(openSession(state))),
      this.bridge.on('server:status', ({ connected }) => this.publish({ serverConnected: connected })),
      this.bridge.on('signal:relay', ({ sessionId, data }) => {
        if (this.call?.sessionId === sessionId) this.call.signal(data);
      }),
    );
    let config: KioskRuntimeConfig;
    try {
      config = await this.bridge.invoke('config:get', {});
    } catch {
      if (!this.stopped) this.retry = setTimeout(() => void this.start(), this.deps.retryMs ?? 3000);
      for (const off of this.unsubscribers.splice(0)) off();
      return;
    }
    if (this.stopped) return;
    this.publish({ config, locale: locales.read() ?? config.locale });
    // The host answers with kiosk:state, so a reloaded video window picks up a call in progress.
    const status = await this.bridge.invoke('server:sync', {}).catch(() => null);
    if (status && !this.stopped) this.publish({ serverConnected: status.connected });
  }

  /** Stops listening and ends any call. */
  stop(): void {
    this.stopped = true;
    if (this.retry) clearTimeout(this.retry);
    this.endCall();
    for (const off of this.unsubscribers.splice(0)) off();
  }

  // Makes the running call the open session's: the same one stays, another replaces it, none ends it.
  private follow(opened: SessionOpened | null): void {
    if (this.stopped) return;
    const id = opened?.session.id ?? null;
    if ((this.call?.sessionId ?? null) === id && (this.snapshot.session?.session.id ?? null) === id) return;
    this.endCall();
    this.publish({ session: opened, media: NO_MEDIA });
    if (!opened || !id) return;
    const startCall = this.deps.startCall ?? startKioskCall;
    this.call = startCall(
      id,
      opened,
      (data) => void this.bridge.invoke('signal:send', { sessionId: id, data }).catch(() => undefined),
      // A call's media count only while its session is the one on screen.
      (media) => {
        if (!this.stopped && this.snapshot.session?.session.id === id) this.publish({ media });
      },
      () => this.setupClock.firstFrame(id),
    );
  }

  private endCall(): void {
    this.call?.end();
    this.call = null;
  }

  private publish(patch: Partial<VideoViewSnapshot>): void {
    this.snapshot = { ...this.snapshot, ...patch };
    for (const listener of this.listeners) listener();
  }
}

/** The session the server says this kiosk has open, or null. */
function openSession(state: KioskState): SessionOpened | null {
  const opened = state.session;
  return opened && opened.session.endedAt === null ? opened : null;
}
