/**
 * Grace periods for absent session members: when a member's last socket goes away, the session
 * waits `graceMs` for it to come back before the server ends it (endedBy 'system'). These timers
 * only wake the check; the deadline itself is recorded in the database (absence-store.ts).
 */
import type { Scheduler } from '../clock';
import type { AbsentMember } from './absence-store';

export type { AbsentMember } from './absence-store';

/** One timer per absent member; the callback runs at most once per start. */
export class GraceTimers {
  private readonly timers = new Map<string, unknown>();

  /** `graceMs`: how long to wait; `onExpire`: what to do when the member did not return. */
  constructor(
    private readonly scheduler: Scheduler,
    private readonly graceMs: number,
    private readonly onExpire: (member: AbsentMember) => void,
  ) {}

  /** How long a member may stay away, in milliseconds. */
  get periodMs(): number {
    return this.graceMs;
  }

  private key(m: AbsentMember): string {
    return `${m.sessionId}:${m.kind}`;
  }

  /**
   * Starts the wait for a member unless it is already running: `graceMs` by default, or `delayMs`
   * when a deadline recorded earlier (before a restart) leaves less.
   */
  start(member: AbsentMember, delayMs = this.graceMs): void {
    const key = this.key(member);
    if (this.timers.has(key)) return;
    const handle = this.scheduler.schedule(
      () => {
        this.timers.delete(key);
        this.onExpire(member);
      },
      Math.max(0, delayMs),
    );
    this.timers.set(key, handle);
  }

  /** The member came back: stop waiting for it. */
  cancel(member: AbsentMember): void {
    const key = this.key(member);
    const handle = this.timers.get(key);
    if (handle === undefined) return;
    this.scheduler.cancel(handle);
    this.timers.delete(key);
  }

  /** The session ended: stop waiting for either member. */
  cancelSession(sessionId: string): void {
    this.cancel({ sessionId, kind: 'kiosk' });
    this.cancel({ sessionId, kind: 'agent' });
  }

  /** Number of running waits (for tests and health figures). */
  get size(): number {
    return this.timers.size;
  }

  /** Stops every wait (server shutdown: open sessions stay open in the database). */
  clear(): void {
    for (const handle of this.timers.values()) this.scheduler.cancel(handle);
    this.timers.clear();
  }
}
