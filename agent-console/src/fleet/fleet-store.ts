/**
 * The fleet view outside React (issue 12 #3): the kiosks of the supervisor's centre read over HTTP
 * when the tab opens, then kept current by the server's `fleet:update` pushes on the console's
 * socket (a changed row replaces its own; a new kiosk appears at once), and the diagnostics by
 * `fleet:diagnostics`. The filters, the selected kiosk with its history and diagnostics, and the
 * technician's actions (diagnostics, rotate, revoke) live here; the views only render.
 */
import {
  serverEvents,
  type AlertRules,
  type DiagnosticKind,
  type DiagnosticRequest,
  type FleetKiosk,
  type HealthHistoryPoint,
  type HealthLevel,
} from '@rvw/shared';
import type { ConsoleSocket } from '../app/console-socket';
import { errorCodeOf } from '../lib/errors';
import { mergeKiosk, NO_FILTER, type FleetFilter } from './fleet-rules';
import type { FleetTransport } from './fleet-transport';

/** The most diagnostic requests kept per kiosk (the server keeps 50). */
const MAX_DIAGNOSTICS = 50;

/** What the views render. */
export interface FleetState {
  kiosks: FleetKiosk[];
  rules: AlertRules | null;
  latestVersion: string | null;
  /** True once the first list arrived. */
  loaded: boolean;
  filter: FleetFilter;
  /** The kiosk whose detail panel is open. */
  selectedId: string | null;
  /** The selected kiosk's history (null while it is read). */
  history: HealthHistoryPoint[] | null;
  /** Diagnostic requests per kiosk, newest first. */
  diagnostics: Record<string, DiagnosticRequest[]>;
  /** The action in flight: `<kioskId>:<logs|checks|restart|rotate|revoke>`. */
  working: string | null;
  /** The outcome of the last action on the selected kiosk, for the panel to say. */
  outcome: { kioskId: string; kind: 'rotated' | 'revoked'; at: string } | null;
  /** The code of the last failure; null once something succeeded again. */
  error: string | null;
}

const EMPTY: FleetState = {
  kiosks: [],
  rules: null,
  latestVersion: null,
  loaded: false,
  filter: NO_FILTER,
  selectedId: null,
  history: null,
  diagnostics: {},
  working: null,
  outcome: null,
  error: null,
};

/** Replaceable parts. */
export interface FleetStoreDeps {
  /** Every failure, for the console to decide on (a lost login signs out); returns its code. */
  failed?: (error: unknown) => string;
}

/** The fleet view's state for one signed-in page. */
export class FleetStore {
  private state: FleetState = EMPTY;
  private readonly listeners = new Set<() => void>();
  /** Bumped on reset, so that an answer for a signed-out page is dropped. */
  private epoch = 0;

  constructor(
    readonly transport: FleetTransport,
    private readonly deps: FleetStoreDeps = {},
  ) {}

  getSnapshot = (): FleetState => this.state;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Listens to the server's pushes on a signed-in socket; `current` says it is still this page's. */
  bind(socket: ConsoleSocket, current: () => boolean = () => true): void {
    socket.on('fleet:update', (payload) => {
      const parsed = serverEvents['fleet:update'].safeParse(payload);
      if (parsed.success && current()) this.applyKiosk(parsed.data.kiosk);
    });
    socket.on('fleet:diagnostics', (payload) => {
      const parsed = serverEvents['fleet:diagnostics'].safeParse(payload);
      if (parsed.success && current()) this.applyDiagnostic(parsed.data.request);
    });
    // Pushes sent while the socket was down are lost: a reconnection reads the whole list again.
    socket.on('connect', () => {
      if (this.state.loaded && current()) void this.open();
    });
  }

  /** The tab was opened (or retried): reads the whole list. */
  async open(): Promise<void> {
    const epoch = this.epoch;
    await this.run(epoch, async () => {
      const answer = await this.transport.fleet();
      if (epoch !== this.epoch) return;
      this.set({
        kiosks: answer.kiosks,
        rules: answer.rules,
        latestVersion: answer.latestVersion,
        loaded: true,
      });
    });
  }

  /** A kiosk's row changed (a push): it replaces its own row, or joins the list. */
  applyKiosk(kiosk: FleetKiosk): void {
    if (!this.state.loaded) return; // the first list, when it comes, is newer
    this.set({ kiosks: mergeKiosk(this.state.kiosks, kiosk) });
  }

  /** A diagnostic request changed (sent, answered, expired): it replaces its own, or goes first. */
  applyDiagnostic(request: DiagnosticRequest): void {
    const list = this.state.diagnostics[request.kioskId] ?? [];
    const at = list.findIndex((r) => r.id === request.id);
    const next = at < 0 ? [request, ...list] : list.map((r) => (r.id === request.id ? request : r));
    this.set({
      diagnostics: { ...this.state.diagnostics, [request.kioskId]: next.slice(0, MAX_DIAGNOSTICS) },
    });
  }

  /** Chooses the centre (null: every centre). */
  chooseCentre(centreId: string | null): void {
    this.set({ filter: { ...this.state.filter, centreId } });
  }

  /** Chooses the level (null: every level). */
  chooseLevel(level: HealthLevel | null): void {
    this.set({ filter: { ...this.state.filter, level } });
  }

  /** Searches by name, location or id. */
  search(query: string): void {
    this.set({ filter: { ...this.state.filter, query } });
  }

  /** Opens a kiosk's detail panel (null closes it) and reads its history and diagnostics. */
  async select(kioskId: string | null): Promise<void> {
    this.set({ selectedId: kioskId, history: null, outcome: null });
    if (!kioskId) return;
    const epoch = this.epoch;
    await this.run(epoch, async () => {
      const [history, requests] = await Promise.all([
        this.transport.history(kioskId),
        this.transport.diagnostics(kioskId),
      ]);
      if (epoch !== this.epoch || this.state.selectedId !== kioskId) return;
      // Pushes that came meanwhile are at least as new as the list read.
      const pushed = this.state.diagnostics[kioskId] ?? [];
      const known = new Set(pushed.map((r) => r.id));
      this.set({
        history,
        diagnostics: {
          ...this.state.diagnostics,
          [kioskId]: [...pushed, ...requests.filter((r) => !known.has(r.id))].slice(0, MAX_DIAGNOSTICS),
        },
      });
    });
  }

  /** Asks a kiosk for its logs, to run its checks, or to restart (between sessions). */
  diagnose(kioskId: string, kind: DiagnosticKind): Promise<boolean> {
    return this.act(kioskId, kind, async () => {
      this.applyDiagnostic(await this.transport.requestDiagnostics(kioskId, kind));
    });
  }

  /** Gives a kiosk a new credential. */
  rotate(kioskId: string): Promise<boolean> {
    return this.act(kioskId, 'rotate', async () => {
      const answer = await this.transport.rotate(kioskId);
      this.set({ outcome: { kioskId, kind: 'rotated', at: answer.rotatedAt } });
    });
  }

  /** Revokes a kiosk: it leaves the list and its panel closes. */
  revoke(kioskId: string): Promise<boolean> {
    return this.act(kioskId, 'revoke', async () => {
      const answer = await this.transport.revoke(kioskId);
      this.set({
        kiosks: this.state.kiosks.filter((k) => k.kiosk.id !== kioskId),
        selectedId: this.state.selectedId === kioskId ? null : this.state.selectedId,
        outcome: { kioskId, kind: 'revoked', at: answer.revokedAt },
      });
    });
  }

  /** The alert rules changed (the rules panel saved them). */
  rulesSaved(rules: AlertRules): void {
    this.set({ rules });
  }

  /** Forgets everything (sign-out). */
  reset(): void {
    this.epoch += 1;
    this.state = EMPTY;
    this.emit();
  }

  private async act(kioskId: string, kind: string, call: () => Promise<void>): Promise<boolean> {
    if (this.state.working) return false;
    const epoch = this.epoch;
    this.set({ working: `${kioskId}:${kind}`, outcome: null });
    const ok = await this.run(epoch, call);
    if (epoch === this.epoch) this.set({ working: null });
    return ok;
  }

  /** Runs a call; a failure is kept as the state's error (and told to the console). */
  private async run(epoch: number, call: () => Promise<void>): Promise<boolean> {
    try {
      await call();
      if (epoch === this.epoch && this.state.error) this.set({ error: null });
      return true;
    } catch (err) {
      const code = this.deps.failed ? this.deps.failed(err) : errorCodeOf(err);
      if (epoch === this.epoch) this.set({ error: code });
      return false;
    }
  }

  private set(patch: Partial<FleetState>): void {
    this.state = { ...this.state, ...patch };
    this.emit();
  }

  private emit(): void {
    for (const l of this.listeners) l();
  }
}
