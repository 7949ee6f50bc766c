/**
 * The renderer's controller, outside React: it feeds bridge events (the reader's and the server's,
 * which the host re-sends) into the flow machine, runs the machine's effects as bridge calls, owns
 * the call, and publishes a snapshot for the screens (useSyncExternalStore). It never talks to the
 * server itself: the host holds that connection and its credential.
 */
import { bridgeErrorCode } from '@rvw/shared';
import type { CardType, KioskBridge, KioskRuntimeConfig, Locale } from '@rvw/shared';
import type { LocalMedia } from '@rvw/shared/call';
import { startKioskCall } from './call/call-controller';
import type { CallMedia, RunningCall, StartCall } from './call/call-controller';
import { CallSetupClock } from './call/call-setup';
import { CallScreenHold } from './call/call-screen-hold';
import { MirrorCamera } from './call/mirror-camera';
import { probeCallDevices } from './call/device-probe';
import type { CallDeviceProbes } from './call/device-probe';
import { EnrolmentController } from './enrolment/enrolment-controller';
import { initialEnrolment } from './enrolment/enrolment-model';
import type { EnrolmentView } from './enrolment/enrolment-model';
import { gateSpeech } from './enrolment/enrolment-speech';
import { inCall, initialFlow, transition } from './flow/machine';
import { TimerRunner } from './flow/timer-runner';
import type { Effect, FlowEvent, FlowState } from './flow/machine';
import { isCaseEffect, runCaseEffect } from './case/case-effects';
import { identityConsentText } from './consent-text';
import { announce } from './speech';
import { PaperController } from './paper/paper-controller';
import type { PaperSnapshot } from './paper/paper-controller';
import { chooseSpeech, NOTHING_SPOKEN } from './paper/paper-speech';

/** What the screens render from. */
export interface KioskSnapshot {
  flow: FlowState;
  config: KioskRuntimeConfig | null;
  /** The resident's language if they chose one this visit, else the kiosk's own. */
  locale: Locale;
  media: CallMedia;
  /** The resident's own picture while next in line (call/mirror-camera.ts); null: no mirror. */
  mirror: MediaStream | null;
  /** False while the server cannot be reached (shown discreetly for staff). */
  serverConnected: boolean;
  /** Printing and the document camera (issue 10), over the screens. */
  paper: PaperSnapshot;
  /** The enrolment gate (issue 12): when its screen is set, it stands in front of the resident screens. */
  enrolment: EnrolmentView;
}

/** Tunables, replaceable in tests. */
export interface KioskAppDeps {
  /** Delay between attempts to read the config from the bridge; default 3000 ms. */
  retryMs?: number;
  /**
   * Starts a session's call; default the real one (camera and peer). null: this page runs no call,
   * as on the dual-screen machine's touch window, whose video window runs it (docs/architecture.md).
   */
  startCall?: StartCall | null;
  /** Opens the camera and the microphone before a call (readiness); default the real probe. */
  probeDevices?: () => Promise<CallDeviceProbes>;
  /** How long the enrolment gate's success screen stays; default ENROLLED_MS. */
  enrolledMs?: number;
  /** Opens the camera and microphone for the mirror and the call; default openCallMedia. */
  openMedia?: () => Promise<LocalMedia>;
}

/** One kiosk screen's controller. */
export class KioskApp {
  private snapshot: KioskSnapshot;
  // What the screen shows: the snapshot, except while a call's first picture is on its way.
  private shown: KioskSnapshot;
  private readonly hold = new CallScreenHold(() => this.show());
  /** Print offers and states, capture requests: their state, bridge calls and camera. */
  readonly paper: PaperController;
  /** The first-run enrolment screen and the calm "needs enrolling again" (issue 12). */
  readonly enrolment: EnrolmentController;
  private readonly listeners = new Set<() => void>();
  private readonly unsubscribers: Array<() => void> = [];
  private call: RunningCall | null = null;
  // The agent the running call is with (a transfer hands the same session to another agent).
  private callAgent: string | null = null;
  private stopped = false;
  private retry: ReturnType<typeof setTimeout> | null = null;
  // Screen timers the flow asks for (start-timer / cancel-timer effects); expiries come back as events.
  private readonly timers = new TimerRunner((event) => this.send(event));
  // What was last read aloud (the screen's and the paper layer's); a change is spoken (paper/paper-speech.ts).
  private spoken = NOTHING_SPOKEN;
  // The call's set-up time, from session:opened to the agent's first frame, once per session.
  private readonly setupClock = new CallSetupClock((sessionId, ms) => {
    void this.bridge.invoke('call:setup', { sessionId, ms }).catch(() => undefined);
  });
  private enrolmentStarted = false;
  // The camera, opened while the resident is next in line; the call takes a clone. None in a page
  // that runs no call (the dual-screen machine's touch window).
  private readonly mirror: MirrorCamera | null;

  constructor(
    private readonly bridge: KioskBridge,
    private readonly deps: KioskAppDeps = {},
  ) {
    this.paper = new PaperController(bridge, {
      locale: () => this.snapshot.locale,
      documentCamera: () => this.snapshot.config?.documentCamera ?? null,
      callStream: () => this.snapshot.media.local,
    });
    this.snapshot = {
      flow: initialFlow,
      config: null,
      locale: 'zh-CN',
      media: { local: null, remote: null },
      mirror: null,
      serverConnected: false,
      paper: this.paper.getSnapshot(),
      enrolment: initialEnrolment,
    };
    this.shown = this.snapshot;
    this.paper.subscribe(() => this.publish({ paper: this.paper.getSnapshot() }));
    this.enrolment = new EnrolmentController(bridge, deps.enrolledMs);
    this.enrolment.subscribe(() => this.gateChanged());
    this.mirror =
      deps.startCall === null
        ? null
        : new MirrorCamera((mirror) => {
            this.publish({ mirror });
            this.send({ type: 'mirror', on: mirror !== null });
          }, deps.openMedia);
  }

  /** The current snapshot (stable until something changes). */
  getSnapshot = (): KioskSnapshot => this.shown;

  /** Subscribes to changes; returns the unsubscribe function. */
  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Listens to the reader and the server through the bridge, reads the config, resumes where the kiosk stands. */
  async start(): Promise<void> {
    if (!this.enrolmentStarted) {
      this.enrolmentStarted = true;
      void this.enrolment.start();
    }
    this.unsubscribers.push(
      this.bridge.on('idcard:status', (status) => this.send({ type: 'reader-status', status })),
      this.bridge.on('idcard:card', (card) => this.send({ type: 'card-placed', card })),
      this.bridge.on('idcard:removed', () => this.send({ type: 'card-removed' })),
      ...this.listenToServer(),
      ...this.paper.listen(),
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
    this.publish({ config });
    const [status, current] = await Promise.all([
      this.bridge.invoke('idcard:status', {}).catch(() => null),
      this.bridge.invoke('idcard:current', {}).catch(() => null),
    ]);
    if (status) this.send({ type: 'reader-status', status });
    if (current?.card) this.send({ type: 'card-placed', card: current.card });
    // The host re-sends kiosk:state after this, so a reloaded screen resumes the ticket or session.
    const sync = await this.bridge.invoke('server:sync', {}).catch(() => null);
    if (sync && !this.stopped) this.serverStatus(sync.connected);
    // The centre should know before a resident does that this kiosk cannot hold a call: the window
    // that runs calls checks its readiness once at start (the host reports the verdict).
    if (sync?.connected && !this.stopped && this.deps.startCall !== null) void this.checkReadinessAtStart();
  }

  private async checkReadinessAtStart(): Promise<void> {
    const probes = await (this.deps.probeDevices ?? probeCallDevices)();
    if (!this.stopped) await this.bridge.invoke('readiness:check', probes).catch(() => null);
  }

  // The bridge checks every event against the contract (the host checked it against the protocol first).
  private listenToServer(): Array<() => void> {
    return [
      this.bridge.on('server:status', ({ connected, restarting }) =>
        this.serverStatus(connected, restarting),
      ),
      this.bridge.on('kiosk:state', (state) => this.send({ type: 'server-state', state })),
      this.bridge.on('ticket:update', (position) => this.send({ type: 'ticket-update', position })),
      this.bridge.on('session:opened', (opened) => {
        this.setupClock.opened(opened.session.id);
        this.send({ type: 'session-opened', opened });
      }),
      this.bridge.on('session:ended', ({ sessionId, endedBy }) => {
        this.setupClock.ended(sessionId);
        this.send({ type: 'session-ended', sessionId, endedBy });
      }),
      this.bridge.on('session:transfer', (notice) => this.send({ type: 'session-transfer', notice })),
      this.bridge.on('signal:relay', ({ sessionId, data }) => {
        if (this.call?.sessionId === sessionId) this.call.signal(data);
      }),
      this.bridge.on('case:state', (state) => this.send({ type: 'case-state', state })),
      this.bridge.on('session:entitlements', ({ ticketId, entitlements }) =>
        this.send({ type: 'entitlements', ticketId, entitlements }),
      ),
    ];
  }

  /** Feeds one event to the flow and runs what it asks for. */
  send = (event: FlowEvent): void => {
    if (this.stopped) return;
    const step = transition(this.snapshot.flow, event);
    // Into the call with the agent's offer right behind: the call screen comes with the agent's
    // picture, so that drawing it does not hold up the call (call/call-screen-hold.ts).
    if (
      event.type === 'session-opened' &&
      event.opened.offerRelayed === true &&
      this.mirror &&
      !inCall(this.snapshot.flow.screen) &&
      inCall(step.state.screen)
    ) {
      this.hold.start();
    }
    // The language lives in the flow, so every return to welcome resets it with the rest.
    this.publish({ flow: step.state });
    this.syncCall(step.state);
    this.mirror?.follow(step.state);
    const { screen, session } = step.state;
    this.paper.setContext({
      sessionId: session?.session.id ?? null,
      inCall: inCall(screen),
      atHome: screen === 'welcome',
    });
    for (const effect of step.effects) void this.run(effect);
  };

  /** Reads the screen aloud again (the resident's "say it again"). */
  repeatSpeech = (): void => this.speak(true);

  /** Switches the screen language for this visit. */
  setLocale = (locale: Locale): void => this.send({ type: 'set-locale', locale });

  // The screens show whether a call can work; the flag stays in the snapshot for staff and tests.
  private serverStatus(connected: boolean, restarting?: boolean): void {
    this.publish({ serverConnected: connected });
    this.send({ type: 'server-status', connected, restarting: restarting === true });
  }

  /** Demo: places (or removes) a sample card on the simulated reader. */
  demoCard = (cardType: CardType | null): void => {
    void this.bridge.invoke('demo:card', { cardType }).catch(() => undefined);
  };

  /** Stops listening and ends any call. */
  stop(): void {
    this.stopped = true;
    if (this.retry) clearTimeout(this.retry);
    this.timers.cancelAll();
    this.hold.release();
    this.call?.end();
    this.call = null;
    this.mirror?.release();
    this.paper.stop();
    this.enrolment.stop();
    for (const off of this.unsubscribers.splice(0)) off();
  }

  // The gate coming up or going leaves nothing of a resident behind: the flow goes home (card wiped).
  private gateChanged(): void {
    const before = this.snapshot.enrolment.screen;
    const enrolment = this.enrolment.getSnapshot();
    this.publish({ enrolment });
    if ((before === null) !== (enrolment.screen === null)) this.send({ type: 'reset' });
  }

  private syncCall(flow: FlowState): void {
    // The call goes on through the form's review and signature (the screens of the call). It is one
    // agent's call: after a transfer the same session opens with another agent, and a new call starts.
    const sessionId = inCall(flow.screen) ? (flow.session?.session.id ?? null) : null;
    const agentId = sessionId ? (flow.session?.session.agent.id ?? null) : null;
    if (this.call && (this.call.sessionId !== sessionId || this.callAgent !== agentId)) {
      this.call.end();
      this.call = null;
      this.callAgent = null;
      this.hold.release();
      this.publish({ media: { local: null, remote: null } });
    }
    const startCall = this.deps.startCall === undefined ? startKioskCall : this.deps.startCall;
    if (!this.call && sessionId && flow.session && startCall) {
      this.callAgent = agentId;
      this.call = startCall(
        sessionId,
        flow.session,
        (data) => void this.bridge.invoke('signal:send', { sessionId, data }).catch(() => undefined),
        (media) => this.publish({ media }),
        () => {
          this.hold.release();
          this.setupClock.firstFrame(sessionId);
        },
        this.mirror?.openForCall,
      );
    }
  }

  private async run(effect: Effect): Promise<void> {
    if (isCaseEffect(effect)) return runCaseEffect(this.bridge, effect, this.snapshot.locale, this.send);
    switch (effect.type) {
      case 'wipe':
        // The privacy reset: nothing of the visit's paper (a thumbnail, a job's title) stays either.
        this.paper.reset();
        await this.bridge.invoke('identity:wipe', {}).catch(() => undefined);
        return;
      case 'start-timer':
      case 'cancel-timer':
        this.timers.run(effect);
        return;
      case 'check-appointment': {
        // With the consent text shown (the host sends nothing of the card without it). No
        // appointment, or no answer (the feature is off, the server is out of reach): the tiles stay.
        const { locale } = this.snapshot;
        const appointment = await this.bridge
          .invoke('appointment:check-in', { consentText: identityConsentText(locale), locale })
          .then((r) => r.appointment)
          .catch(() => null);
        this.send({ type: 'appointment-checked', appointment });
        return;
      }
      case 'check-readiness': {
        // The camera and microphone are opened here (only the renderer can); the host adds the
        // server, reader, printer and TURN. No answer from the host: the server is out of reach.
        const probes = await (this.deps.probeDevices ?? probeCallDevices)();
        try {
          const readiness = await this.bridge.invoke('readiness:check', probes);
          this.send({ type: 'readiness-checked', readiness });
        } catch (err) {
          this.send({ type: 'readiness-failed', code: bridgeErrorCode(err) });
        }
        return;
      }
      case 'request-ticket': {
        try {
          const position = await this.bridge.invoke('ticket:request', effect.request);
          this.send({ type: 'ticket-issued', position });
        } catch (err) {
          this.send({ type: 'ticket-failed', code: bridgeErrorCode(err) });
        }
        return;
      }
      case 'share-identity': {
        // The text the consent screen showed, in the language on screen, goes to the consent ledger.
        const { locale } = this.snapshot;
        const consentText = identityConsentText(locale);
        const ok = await this.bridge
          .invoke('identity:share', { ticketId: effect.ticketId, consentText, locale })
          .then((r) => r.shared)
          .catch(() => false);
        this.send({ type: 'identity-shared', ok });
        return;
      }
      case 'cancel-ticket':
        await this.bridge.invoke('ticket:cancel', { ticketId: effect.ticketId }).catch(() => undefined);
        return;
      case 'end-session':
        await this.bridge.invoke('session:end', { sessionId: effect.sessionId }).catch(() => undefined);
        return;
    }
  }

  private publish(patch: Partial<KioskSnapshot>): void {
    const next = { ...this.snapshot, ...patch };
    next.locale = next.flow.locale ?? next.config?.locale ?? 'zh-CN';
    this.snapshot = next;
    this.hold.changed();
  }

  private show(): void {
    this.shown = this.snapshot;
    // Speech follows the screen: once the config is known, every change of what it says is spoken.
    if (this.shown.config && !this.stopped) this.speak(false);
    for (const listener of this.listeners) listener();
  }

  // Says what changed (or, `again`, everything on show). The flow hears when a screen's speech
  // started (consent waits for it before taking an answer).
  private speak(again: boolean): void {
    const { flow, locale, paper, enrolment } = this.snapshot;
    if (enrolment.screen) {
      // The gate stands in front of everything: it alone is spoken.
      const gate = gateSpeech(enrolment, locale);
      if (!again && gate.key === this.spoken.flow) return;
      this.spoken = { flow: gate.key, paper: '' };
      announce(gate.text, locale, () => undefined);
      return;
    }
    const { keys, text } = chooseSpeech(again ? NOTHING_SPOKEN : this.spoken, flow, paper.view, locale);
    this.spoken = keys;
    if (text === null) return;
    const screen = flow.screen;
    announce(text, locale, () => this.send({ type: 'speech-started', screen }));
  }
}
