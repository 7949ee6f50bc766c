/**
 * The supervisor's live view outside React (issue 11 #9): the server's `supervisor:update` pushes on
 * the console's socket keep it current (never a poll); the first paint, the charts of the chosen
 * day, the open follow-ups and the centre's staff come over HTTP when the tab opens and again only
 * when a push says they moved (live-rules.ts). Follow-up work (assign, note, close) and the daily
 * report go through the transport.
 */
import {
  serverEvents,
  type Agent,
  type FollowUp,
  type SupervisorCharts,
  type SupervisorSnapshot,
} from '@rvw/shared';
import type { ConsoleSocket } from '../../app/console-socket';
import { errorCodeOf } from '../../lib/errors';
import { clockOffsetMs } from '../../ui/time';
import { chartsDue, followUpsDue, shanghaiDayOf } from './live-rules';
import type { LiveTransport } from './live-transport';

/** What the view renders. */
export interface LiveState {
  /** The latest view of the centre; null until the first arrives. */
  snapshot: SupervisorSnapshot | null;
  /** Server clock minus local clock (ms), from the latest snapshot. */
  offsetMs: number;
  /** The day the charts and the report are for (default today on the server's clock). */
  day: string | null;
  charts: SupervisorCharts | null;
  followUps: FollowUp[];
  /** The centre's accounts, to assign follow-ups to. */
  staff: Agent[];
  /** The follow-up being worked on (its buttons wait). */
  working: string | null;
  downloading: boolean;
  /** The code of the last failure, for the view to say; null once something succeeded again. */
  error: string | null;
}

const EMPTY: LiveState = {
  snapshot: null,
  offsetMs: 0,
  day: null,
  charts: null,
  followUps: [],
  staff: [],
  working: null,
  downloading: false,
  error: null,
};

/** Replaceable parts. */
export interface LiveStoreDeps {
  /** Local clock (ms); default Date.now. */
  now?: () => number;
  /** Every failure, for the console to decide on (a lost login signs out); returns its code. */
  failed?: (error: unknown) => string;
}

/** The live view's state for one signed-in page. */
export class LiveStore {
  private state: LiveState = EMPTY;
  private readonly listeners = new Set<() => void>();
  /** Server time at which the charts shown were read. */
  private chartsReadAt = 0;
  private opened = false;
  /** Bumped on reset, so that an answer for a signed-out page is dropped. */
  private epoch = 0;

  constructor(
    private readonly transport: LiveTransport,
    private readonly deps: LiveStoreDeps = {},
  ) {}

  getSnapshot = (): LiveState => this.state;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Listens to the server's pushes on a signed-in socket; `current` says it is still this page's. */
  bind(socket: ConsoleSocket, current: () => boolean = () => true): void {
    socket.on('supervisor:update', (payload) => {
      const parsed = serverEvents['supervisor:update'].safeParse(payload);
      if (parsed.success && current()) this.apply(parsed.data);
    });
  }

  /** The tab was opened: the first paint and what goes with it (again after a failure). */
  async open(): Promise<void> {
    this.opened = true;
    const epoch = this.epoch;
    await this.run(epoch, async () => {
      const snapshot = await this.transport.live();
      if (epoch !== this.epoch) return;
      // The first paint reads everything, whatever pushes came before the tab was opened.
      this.set({ snapshot, offsetMs: clockOffsetMs(snapshot.serverTime, this.localNow()) });
      const day = this.state.day ?? snapshot.today.day;
      this.set({ day });
      await Promise.all([this.readCharts(day), this.readFollowUps()]);
      const staff = await this.transport.staff();
      if (epoch === this.epoch) this.set({ staff });
    });
  }

  /** Applies a view of the centre (a push, or the first paint). */
  apply(snapshot: SupervisorSnapshot): void {
    const prev = this.state.snapshot;
    const day = this.state.day ?? snapshot.today.day;
    this.set({
      snapshot,
      offsetMs: clockOffsetMs(snapshot.serverTime, this.localNow()),
      day,
    });
    if (!this.opened) return;
    if (!this.state.charts || chartsDue(day, this.chartsReadAt, prev, snapshot)) void this.readCharts(day);
    if (followUpsDue(prev, snapshot)) void this.readFollowUps();
  }

  /** The day of the charts and the report. */
  async chooseDay(day: string): Promise<void> {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return;
    this.set({ day, charts: null });
    await this.readCharts(day);
  }

  /** Today on the server's clock. */
  today(): string {
    return shanghaiDayOf(this.localNow() + this.state.offsetMs);
  }

  /** Assigns a follow-up to a staff member of the centre. */
  assign(followUpId: string, agentId: string): Promise<boolean> {
    return this.work(followUpId, () => this.transport.assign(followUpId, agentId));
  }

  /** Adds a note to a follow-up. */
  note(followUpId: string, text: string): Promise<boolean> {
    return this.work(followUpId, () => this.transport.note(followUpId, text.trim()));
  }

  /** Closes a follow-up with what was done; it leaves the list. */
  close(followUpId: string, note: string): Promise<boolean> {
    return this.work(followUpId, () => this.transport.close(followUpId, note.trim()));
  }

  /** The daily report of the chosen day, as CSV bytes; null when it failed (the error says why). */
  async report(): Promise<Uint8Array | null> {
    const day = this.state.day ?? this.today();
    const epoch = this.epoch;
    this.set({ downloading: true });
    let bytes: Uint8Array | null = null;
    await this.run(epoch, async () => {
      bytes = await this.transport.report(day);
    });
    if (epoch === this.epoch) this.set({ downloading: false });
    return bytes;
  }

  /** Forgets everything (sign-out). */
  reset(): void {
    this.epoch += 1;
    this.opened = false;
    this.chartsReadAt = 0;
    this.state = EMPTY;
    this.emit();
  }

  private async readCharts(day: string): Promise<void> {
    const epoch = this.epoch;
    await this.run(epoch, async () => {
      const charts = await this.transport.charts(day);
      if (epoch !== this.epoch || this.state.day !== day) return;
      this.chartsReadAt = this.localNow() + this.state.offsetMs;
      this.set({ charts });
    });
  }

  private async readFollowUps(): Promise<void> {
    const epoch = this.epoch;
    await this.run(epoch, async () => {
      const followUps = await this.transport.followUps();
      if (epoch === this.epoch) this.set({ followUps });
    });
  }

  private async work(followUpId: string, call: () => Promise<FollowUp>): Promise<boolean> {
    if (this.state.working) return false;
    const epoch = this.epoch;
    this.set({ working: followUpId });
    const ok = await this.run(epoch, async () => {
      const changed = await call();
      if (epoch !== this.epoch) return;
      // A closed one leaves the list; the others are replaced in place.
      const followUps = changed.closedAt
        ? this.state.followUps.filter((f) => f.id !== changed.id)
        : this.state.followUps.map((f) => (f.id === changed.id ? changed : f));
      this.set({ followUps });
    });
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

  private localNow(): number {
    return (this.deps.now ?? Date.now)();
  }

  private set(patch: Partial<LiveState>): void {
    this.state = { ...this.state, ...patch };
    this.emit();
  }

  private emit(): void {
    for (const l of this.listeners) l();
  }
}
