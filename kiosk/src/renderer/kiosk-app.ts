/**
 * The renderer's controller, outside React: it feeds bridge and server events into the flow
 * machine, runs the machine's effects (bridge calls, socket emits), owns the call, and publishes a
 * snapshot for the screens (useSyncExternalStore).
 */
import { serverEvents } from '@rvw/shared';
import type { CardType, KioskBridge, KioskRuntimeConfig, Locale } from '@rvw/shared';
import { CallController } from './call/call-controller';
import type { CallMedia } from './call/call-controller';
import { endsVisit, initialFlow, transition } from './flow/machine';
import { TimerRunner } from './flow/timer-runner';
import type { Effect, FlowEvent, FlowState } from './flow/machine';
import { connectKioskSocket, request } from './server/kiosk-socket';
import type { KioskSocket } from './server/kiosk-socket';

/** What the screens render from. */
export interface KioskSnapshot {
  flow: FlowState;
  config: KioskRuntimeConfig | null;
  locale: Locale;
  media: CallMedia;
  /** False while the server cannot be reached (shown discreetly for staff). */
  serverConnected: boolean;
}

/** Dependencies, replaceable in tests; default the real socket. */
export interface KioskAppDeps {
  connect?: (serverUrl: string, token: string) => KioskSocket;
  /** Delay between attempts to read the config from the bridge; default 3000 ms. */
  retryMs?: number;
  /** How long a server request may take before the resident is told; default 15000 ms. */
  requestTimeoutMs?: number;
}

/** One kiosk screen's controller. */
export class KioskApp {
  private snapshot: KioskSnapshot = {
    flow: initialFlow,
    config: null,
    locale: 'zh-CN',
    media: { local: null, remote: null },
    serverConnected: false,
  };
  private readonly listeners = new Set<() => void>();
  private readonly unsubscribers: Array<() => void> = [];
  private socket: KioskSocket | null = null;
  private call: CallController | null = null;
  private stopped = false;
  private retry: ReturnType<typeof setTimeout> | null = null;
  // Screen timers the flow asks for (start-timer / cancel-timer effects); expiries come back as events.
  private readonly timers = new TimerRunner((event) => this.send(event));

  constructor(
    private readonly bridge: KioskBridge,
    private readonly deps: KioskAppDeps = {},
  ) {}

  /** The current snapshot (stable until something changes). */
  getSnapshot = (): KioskSnapshot => this.snapshot;

  /** Subscribes to changes; returns the unsubscribe function. */
  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Reads the config, listens to the reader, connects to the server. */
  async start(): Promise<void> {
    this.unsubscribers.push(
      this.bridge.on('idcard:status', (status) => this.send({ type: 'reader-status', status })),
      this.bridge.on('idcard:card', (card) => this.send({ type: 'card-placed', card })),
      this.bridge.on('idcard:removed', () => this.send({ type: 'card-removed' })),
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
    this.publish({ config, locale: config.locale });
    const [status, current] = await Promise.all([
      this.bridge.invoke('idcard:status', {}).catch(() => null),
      this.bridge.invoke('idcard:current', {}).catch(() => null),
    ]);
    if (status) this.send({ type: 'reader-status', status });
    if (current?.card) this.send({ type: 'card-placed', card: current.card });
    this.connect(config);
  }

  private connect(config: KioskRuntimeConfig): void {
    const socket = (this.deps.connect ?? connectKioskSocket)(config.serverUrl, config.kioskToken);
    this.socket = socket;
    socket.on('connect', () => this.publish({ serverConnected: true }));
    socket.on('disconnect', () => this.publish({ serverConnected: false }));
    socket.on('connect_error', () => this.publish({ serverConnected: false }));
    // Everything from the server is checked before it can move a screen.
    socket.on('kiosk:state', (payload) => {
      const parsed = serverEvents['kiosk:state'].safeParse(payload);
      if (parsed.success) this.send({ type: 'server-state', state: parsed.data });
    });
    socket.on('ticket:update', (payload) => {
      const parsed = serverEvents['ticket:update'].safeParse(payload);
      if (parsed.success) this.send({ type: 'ticket-update', position: parsed.data });
    });
    socket.on('session:opened', (payload) => {
      const parsed = serverEvents['session:opened'].safeParse(payload);
      if (parsed.success) this.send({ type: 'session-opened', opened: parsed.data });
    });
    socket.on('session:ended', (payload) => {
      const parsed = serverEvents['session:ended'].safeParse(payload);
      if (parsed.success)
        this.send({ type: 'session-ended', sessionId: parsed.data.sessionId, endedBy: parsed.data.endedBy });
    });
    socket.on('signal', (payload) => {
      const parsed = serverEvents.signal.safeParse(payload);
      if (parsed.success && this.call?.sessionId === parsed.data.sessionId)
        this.call.signal(parsed.data.data);
    });
  }

  /** Feeds one event to the flow and runs what it asks for. */
  send = (event: FlowEvent): void => {
    if (this.stopped) return;
    const step = transition(this.snapshot.flow, event);
    const patch: Partial<KioskSnapshot> = { flow: step.state };
    // The next resident starts in the kiosk's own language.
    if (endsVisit(event) && this.snapshot.config) patch.locale = this.snapshot.config.locale;
    this.publish(patch);
    this.syncCall(step.state);
    for (const effect of step.effects) void this.run(effect);
  };

  /** Switches the screen language. */
  setLocale = (locale: Locale): void => this.publish({ locale });

  /** Demo: places (or removes) a sample card on the simulated reader. */
  demoCard = (cardType: CardType | null): void => {
    void this.bridge.invoke('demo:card', { cardType }).catch(() => undefined);
  };

  /** Disconnects and ends any call. */
  stop(): void {
    this.stopped = true;
    if (this.retry) clearTimeout(this.retry);
    this.timers.cancelAll();
    this.call?.end();
    this.call = null;
    this.socket?.disconnect();
    for (const off of this.unsubscribers.splice(0)) off();
  }

  private syncCall(flow: FlowState): void {
    const sessionId = flow.screen === 'call' ? (flow.session?.session.id ?? null) : null;
    if (this.call && this.call.sessionId !== sessionId) {
      this.call.end();
      this.call = null;
      this.publish({ media: { local: null, remote: null } });
    }
    if (!this.call && sessionId && flow.session && this.socket) {
      const socket = this.socket;
      this.call = new CallController(
        sessionId,
        flow.session,
        (data) => socket.emit('signal', { sessionId, data }, () => undefined),
        (media) => this.publish({ media }),
      );
    }
  }

  private async run(effect: Effect): Promise<void> {
    switch (effect.type) {
      case 'wipe':
        await this.bridge.invoke('identity:wipe', {}).catch(() => undefined);
        return;
      case 'start-timer':
      case 'cancel-timer':
        this.timers.run(effect);
        return;
      case 'request-ticket': {
        if (!this.socket) {
          this.send({ type: 'ticket-failed', code: 'SERVER_UNREACHABLE' });
          return;
        }
        try {
          const position = await request(this.socket, 'ticket:request', {}, this.deps.requestTimeoutMs);
          this.send({ type: 'ticket-issued', position });
        } catch (err) {
          this.send({ type: 'ticket-failed', code: String((err as { code?: unknown }).code ?? 'INTERNAL') });
        }
        return;
      }
      case 'share-identity': {
        const ok = await this.bridge
          .invoke('identity:share', { ticketId: effect.ticketId })
          .then((r) => r.shared)
          .catch(() => false);
        this.send({ type: 'identity-shared', ok });
        return;
      }
      case 'cancel-ticket':
        if (this.socket)
          await request(
            this.socket,
            'ticket:cancel',
            { ticketId: effect.ticketId },
            this.deps.requestTimeoutMs,
          ).catch(() => undefined);
        return;
      case 'end-session':
        if (this.socket)
          await request(
            this.socket,
            'session:end',
            { sessionId: effect.sessionId },
            this.deps.requestTimeoutMs,
          ).catch(() => undefined);
        return;
    }
  }

  private publish(patch: Partial<KioskSnapshot>): void {
    this.snapshot = { ...this.snapshot, ...patch };
    for (const listener of this.listeners) listener();
  }
}
