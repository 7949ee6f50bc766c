/**
 * The fleet view (issue 12 #3): each kiosk's row (FleetKiosk) from its stored report, re-judged at
 * read time under the alert rules in force and the stable version, with its connection and the
 * clock; and the live pushes (`fleet:update`) to the admins and technicians of the kiosk's centre, who are in the
 * supervisors' room of their centre (supervision/supervisor-push.ts).
 */
import type { AlertRules, FleetKiosk } from '@rvw/shared';
import type { Clock } from '../../clock';
import type { Db } from '../../db/database';
import { memberRoom, type RvwServer } from '../../socket/types';
import { fleetRoom } from './fleet-room';
import { healthNow, reportProblems } from './health-rules';
import { stableVersion, storedKiosks, type StoredKiosk } from './fleet-store';

/** What the view reads. */
export interface FleetViewDeps {
  io: RvwServer;
  db: Db;
  clock: Clock;
  /** The alert rules in force (the area keeps them). */
  rules(): AlertRules;
}

/** Builds fleet rows and pushes them. */
export class FleetView {
  /** When each kiosk was last heard (connection, heartbeat, disconnection), in ms. */
  private readonly seen = new Map<string, number>();

  constructor(private readonly deps: FleetViewDeps) {}

  /** The kiosk was heard now. */
  heard(kioskId: string): void {
    this.seen.set(kioskId, this.deps.clock().getTime());
  }

  /** The kiosks with a socket connected (on any node). */
  async onlineKiosks(): Promise<Set<string>> {
    const ids = new Set<string>();
    for (const s of await this.deps.io.fetchSockets()) if (s.data?.kind === 'kiosk') ids.add(s.data.kioskId);
    return ids;
  }

  private async onlineIn(kioskId: string): Promise<Set<string>> {
    const n = (await this.deps.io.in(memberRoom('kiosk', kioskId)).fetchSockets()).length;
    return new Set(n > 0 ? [kioskId] : []);
  }

  /** The rows of the kiosks matching `filter`, judged now. */
  async rows(filter: { centreId?: string; kioskId?: string } = {}): Promise<FleetKiosk[]> {
    // One kiosk (each heartbeat): ask its own room, not every socket of the server.
    const [stored, online, latest] = await Promise.all([
      storedKiosks(this.deps.db, filter),
      filter.kioskId ? this.onlineIn(filter.kioskId) : this.onlineKiosks(),
      stableVersion(this.deps.db),
    ]);
    return stored.map((s) => this.row(s, online.has(s.kiosk.id), latest));
  }

  /** One kiosk's row judged now; null for an unknown or revoked kiosk. */
  async rowOf(kioskId: string): Promise<FleetKiosk | null> {
    return (await this.rows({ kioskId }))[0] ?? null;
  }

  /** Sends one kiosk's row to the admins and technicians of its centre. */
  async push(kioskId: string): Promise<FleetKiosk | null> {
    const row = await this.rowOf(kioskId);
    if (row) this.deps.io.to(fleetRoom(row.kiosk.centreId)).emit('fleet:update', { kiosk: row });
    return row;
  }

  /** Sends rows already built. */
  send(rows: readonly FleetKiosk[]): void {
    for (const row of rows)
      this.deps.io.to(fleetRoom(row.kiosk.centreId)).emit('fleet:update', { kiosk: row });
  }

  /** The stable channel's version now. */
  latestVersion(): Promise<string | null> {
    return stableVersion(this.deps.db);
  }

  /** Forgets kiosks not seen for a week (memory stays bounded). */
  forget(beforeMs: number): void {
    for (const [id, at] of [...this.seen]) if (at < beforeMs) this.seen.delete(id);
  }

  private row(s: StoredKiosk, online: boolean, latest: string | null): FleetKiosk {
    const rules = this.deps.rules();
    const now = this.deps.clock();
    const heardAt = this.seen.get(s.kiosk.id) ?? null;
    const receivedAt = s.receivedAt ? Date.parse(s.receivedAt) : null;
    const lastSeenMs =
      heardAt === null ? receivedAt : receivedAt === null ? heardAt : Math.max(heardAt, receivedAt);
    const stored = s.report ? reportProblems(s.report, rules, latest) : [];
    const h = healthNow(stored, { online, lastSeenMs, now, rules });
    return {
      kiosk: s.kiosk,
      online,
      lastSeenAt: lastSeenMs === null ? null : new Date(lastSeenMs).toISOString(),
      level: h.level,
      problems: h.problems,
      report: s.report,
      alerts: h.alerts,
    };
  }
}
