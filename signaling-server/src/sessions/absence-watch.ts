/**
 * Absent session members: when a member's last socket goes away (on every node), its deadline is
 * recorded in the database and a process timer wakes the check at that time; if the member is
 * still away then, the session ends (`onLost`). On start, deadlines already in the database are
 * honoured, and members of open sessions who are nowhere connected get a fresh grace period.
 */
import type { Logger } from 'pino';
import type { Clock, Scheduler } from '../clock';
import type { Db } from '../db/database';
import type { Presence } from '../socket/presence';
import type { MemberKind } from '../socket/types';
import { absenceOf, allAbsences, markAbsent, markPresent, type AbsentMember } from './absence-store';
import { GraceTimers } from './grace-timers';
import { getSession, openSessionOf, openSessions } from './session-store';
import { isHandedOver } from '../transfers/transfer-store';

/** What the watch needs. */
export interface AbsenceWatchDeps {
  db: Db;
  clock: Clock;
  scheduler: Scheduler;
  presence: Presence;
  log: Logger;
  /** How long a member may stay away. */
  graceMs: number;
  /** The member did not return in time: end its session. */
  onLost(member: AbsentMember): Promise<void>;
  /**
   * Tells the other member that this one went away (with the deadline after which the session
   * ends) or came back (`session:member`, issue 13 #1). Default: nobody is told.
   */
  announce?(member: AbsentMember, present: boolean, deadline: string | null): Promise<void>;
}

/** Grace periods of absent members, recorded in the database. */
export class AbsenceWatch {
  private readonly timers: GraceTimers;
  private closed = false;

  constructor(private readonly deps: AbsenceWatchDeps) {
    this.timers = new GraceTimers(deps.scheduler, deps.graceMs, (m) => void this.expired(m));
  }

  /** Honours the deadlines in the database and starts waiting for members of open sessions who are away. */
  async start(): Promise<void> {
    const { db, clock } = this.deps;
    const now = clock().getTime();
    const recorded = new Set<string>();
    for (const a of await allAbsences(db)) {
      recorded.add(`${a.sessionId}:${a.kind}`);
      this.timers.start(a, Date.parse(a.deadline) - now);
    }
    for (const rec of await openSessions(db)) {
      for (const kind of ['kiosk', 'agent'] as const) {
        if (recorded.has(`${rec.session.id}:${kind}`)) continue;
        const id = kind === 'kiosk' ? rec.kioskId : rec.agentId;
        // An agent who handed the session over blind is not awaited (issue 11 #6).
        if (kind === 'agent' && (await isHandedOver(db, rec.session.id))) continue;
        if (!(await this.deps.presence.isPresent(kind, id)))
          await this.absent({ sessionId: rec.session.id, kind });
      }
    }
  }

  /** Stops the timers; the deadlines stay in the database for the next start. */
  stop(): void {
    this.closed = true;
    this.timers.clear();
  }

  /** Number of running waits (tests, health). */
  get pending(): number {
    return this.timers.size;
  }

  /** Records a member as absent and wakes the check at its deadline. */
  async absent(member: AbsentMember): Promise<void> {
    const now = this.deps.clock();
    const deadline = new Date(now.getTime() + this.deps.graceMs);
    const recorded = await markAbsent(this.deps.db, member, deadline);
    // A fresh absence waits the whole period; an earlier deadline already recorded is kept.
    const delay =
      recorded.deadline === deadline.toISOString()
        ? this.deps.graceMs
        : Date.parse(recorded.deadline) - now.getTime();
    if (!this.closed) this.timers.start(member, delay);
    await this.tell(member, false, recorded.deadline);
  }

  /** One of a member's sockets went away: if it has none left anywhere, its grace period starts. */
  async left(kind: MemberKind, id: string): Promise<void> {
    if (this.closed || (await this.deps.presence.isPresent(kind, id))) return;
    const session = await openSessionOf(this.deps.db, kind, id);
    if (session && !(await this.deps.presence.isPresent(kind, id))) {
      await this.absent({ sessionId: session.session.id, kind });
    }
  }

  /**
   * A member of a session is back (any new connection of it: after a short loss the server may not
   * even have seen it go): stop waiting for it, and tell the other member, whose call restarts its
   * media at once rather than waiting for its next attempt.
   */
  async returned(member: AbsentMember): Promise<void> {
    this.timers.cancel(member);
    await markPresent(this.deps.db, member);
    await this.tell(member, true, null);
  }

  /** The session ended (its deadlines were dropped with it): stop both timers. */
  ended(sessionId: string): void {
    this.timers.cancelSession(sessionId);
  }

  private async tell(member: AbsentMember, present: boolean, deadline: string | null): Promise<void> {
    if (this.closed || !this.deps.announce) return;
    try {
      await this.deps.announce(member, present, deadline);
    } catch (err) {
      this.deps.log.warn({ err, sessionId: member.sessionId }, 'session:member not sent');
    }
  }

  private async expired(m: AbsentMember): Promise<void> {
    if (this.closed) return;
    const { db, log } = this.deps;
    try {
      // The timer only wakes the check: the recorded deadline decides.
      if (!(await absenceOf(db, m))) return;
      const rec = await getSession(db, m.sessionId);
      if (!rec || rec.session.endedAt) return;
      if (m.kind === 'agent' && (await isHandedOver(db, m.sessionId))) {
        await markPresent(db, m);
        return;
      }
      // It may have come back on another node or just now; only end if it is still away.
      if (await this.deps.presence.isPresent(m.kind, m.kind === 'kiosk' ? rec.kioskId : rec.agentId)) {
        await markPresent(db, m);
        return;
      }
      await this.deps.onLost(m);
      log.info({ sessionId: m.sessionId, absent: m.kind }, 'session ended: member did not return');
    } catch (err) {
      log.error({ err, sessionId: m.sessionId }, 'ending an abandoned session failed');
    }
  }
}
