/**
 * Pushes the live view (`supervisor:update`) to the supervisors of a centre whenever something of
 * theirs changed, at most once per interval per centre: the first change goes at once, later ones
 * within the interval are gathered into one push at its end (so the last state always arrives). A
 * supervisor's socket joins its centre's room on connect and gets the current view at once, so a
 * reconnect resumes without reloading and nothing is ever polled.
 */
import type { SupervisorSnapshot } from '@rvw/shared';
import type { Logger } from 'pino';
import type { Scheduler } from '../clock';
import type { Db } from '../db/database';
import type { RvwServer, RvwSocket } from '../socket/types';
import { centreOfAgent } from './centre-scope';

/** Room of the supervisors (admins) of one centre. */
export const supervisorsRoom = (centreId: string): string => `supervisors:${centreId}`;

/** At most one push per centre per this many ms (default 1 s). */
export const PUSH_INTERVAL_MS = 1000;

/** What the pusher needs; `build` makes a centre's view. */
export interface SupervisorPushDeps {
  io: RvwServer;
  db: Db;
  log: Logger;
  scheduler: Scheduler;
  build(centreId: string): Promise<SupervisorSnapshot>;
  /** Default PUSH_INTERVAL_MS. */
  intervalMs?: number;
  /** Monotonic-enough time for the throttle (ms); default Date.now. */
  now?: () => number;
}

/** Throttled pushes per centre, and the supervisors' rooms. */
export class SupervisorPush {
  private readonly lastAt = new Map<string, number>();
  private readonly timers = new Map<string, unknown>();
  private stopped = false;

  constructor(private readonly deps: SupervisorPushDeps) {}

  /** An admin's socket joins its centre's room and is sent the current view. Others are ignored. */
  async admit(socket: RvwSocket): Promise<void> {
    const data = socket.data;
    if (data.kind !== 'agent' || data.role !== 'admin') return;
    const centreId = await centreOfAgent(this.deps.db, data.agentId);
    if (!centreId || !socket.connected) return;
    await socket.join(supervisorsRoom(centreId));
    socket.emit('supervisor:update', await this.deps.build(centreId));
  }

  /** Something of these centres changed: push to their supervisors (throttled). */
  changed(centreIds: Iterable<string>): void {
    for (const id of new Set(centreIds)) this.touch(id);
  }

  /** Something changed that any centre may see (the queue, today's figures): every centre. */
  async changedAll(): Promise<void> {
    const rows = await this.deps.db.selectFrom('centres').select('id').execute();
    this.changed(rows.map((r) => r.id));
  }

  /** Cancels the pending pushes; nothing more is sent. */
  stop(): void {
    this.stopped = true;
    for (const t of this.timers.values()) this.deps.scheduler.cancel(t);
    this.timers.clear();
  }

  private touch(centreId: string): void {
    if (this.stopped || this.timers.has(centreId)) return;
    const now = (this.deps.now ?? Date.now)();
    const interval = this.deps.intervalMs ?? PUSH_INTERVAL_MS;
    const wait = (this.lastAt.get(centreId) ?? -Infinity) + interval - now;
    if (wait <= 0) {
      void this.push(centreId);
      return;
    }
    this.timers.set(
      centreId,
      this.deps.scheduler.schedule(() => {
        this.timers.delete(centreId);
        void this.push(centreId);
      }, wait),
    );
  }

  private async push(centreId: string): Promise<void> {
    if (this.stopped) return;
    this.lastAt.set(centreId, (this.deps.now ?? Date.now)());
    const room = supervisorsRoom(centreId);
    try {
      // Nobody watching this centre (on any node): nothing to build.
      if ((await this.deps.io.in(room).fetchSockets()).length === 0) return;
      const snapshot = await this.deps.build(centreId);
      if (!this.stopped) this.deps.io.to(room).emit('supervisor:update', snapshot);
    } catch (err) {
      this.deps.log.error({ err, centreId }, 'supervisor view push failed');
    }
  }
}
