/**
 * The fleet (issue 12): heartbeats and device health, levels and alert rules, the live fleet view,
 * remote diagnostics, credential rotation and call set-up times. This file wires the handlers, the
 * routes and the timers; the rules are in health-rules.ts, the tables in fleet-store.ts, the rows
 * and pushes in fleet-view.ts, diagnostics in diagnostics-desk.ts, rotation in credential-rotation.ts.
 */
import {
  AlertRules,
  DEFAULT_ALERT_RULES,
  DEFAULT_HEARTBEAT_INTERVAL_MS,
  MAX_HEARTBEAT_BYTES,
  RequestError,
  worstLevel,
  type FleetKiosk,
  type FleetProblem,
  type HttpRoutes,
} from '@rvw/shared';
import { accountOf, type RouteHandlers } from '../../http/route-registrar';
import type { EventHandlers } from '../../socket/dispatch';
import { memberRoom, type RvwSocket } from '../../socket/types';
import { callerCentre } from '../../supervision/centre-scope';
import { recordCallSetup } from './call-setup';
import { CredentialRotation } from './credential-rotation';
import { DiagnosticsDesk } from './diagnostics-desk';
import type { FleetDeps } from './fleet-deps';
import { admitToFleet } from './fleet-room';
import { FleetError } from './fleet-errors';
import {
  kioskHistory,
  loadAlertRules,
  pruneHistory,
  recordPoint,
  requireKioskOfCentre,
  saveAlertRules,
  storeReport,
  storedKiosks,
  storedProblems,
} from './fleet-store';
import { FleetView } from './fleet-view';
import {
  HISTORY_KEEP_MS,
  reportProblems,
  residentProblems,
  ruleOf,
  type AlertRuleName,
} from './health-rules';
import { TokenBuckets } from './token-buckets';

type FleetEvents = 'kiosk:heartbeat' | 'diagnostics:result' | 'call:setup' | 'kiosk:credential-saved';
type FleetRoutes =
  | 'listFleet'
  | 'kioskHistory'
  | 'requestDiagnostics'
  | 'listDiagnostics'
  | 'getAlertRules'
  | 'setAlertRules'
  | 'rotateKioskToken';

/** How often offline kiosks and expired diagnostics are looked for (15 s). */
export const FLEET_CHECK_MS = 15_000;
/** How often history older than 7 days is pruned (1 h). */
export const PRUNE_EVERY_MS = 3_600_000;
/** History asked for by default (24 h). */
const DEFAULT_HISTORY_HOURS = 24;

const key = (row: FleetKiosk) => JSON.stringify([row.online, row.level, row.problems, row.alerts]);
const residentKey = (problems: readonly FleetProblem[]) =>
  JSON.stringify(residentProblems(problems).map((p) => [p.code, p.detail]));

export class FleetArea {
  private rules: AlertRules = DEFAULT_ALERT_RULES;
  private readonly buckets = new TokenBuckets();
  private readonly view: FleetView;
  private readonly diagnostics: DiagnosticsDesk;
  private readonly rotation: CredentialRotation;
  /** Each kiosk's row as last judged by the check (online, level, problems, alerts). */
  private readonly judged = new Map<string, string>();
  private timer: unknown = null;
  private lastPruneMs = -Infinity;
  private stopped = false;

  constructor(private readonly deps: FleetDeps) {
    const isOnline = async (kioskId: string) =>
      (await deps.io.in(memberRoom('kiosk', kioskId)).fetchSockets()).length > 0;
    this.view = new FleetView({ io: deps.io, db: deps.db, clock: deps.clock, rules: () => this.rules });
    this.diagnostics = new DiagnosticsDesk({ ...deps, isOnline });
    this.rotation = new CredentialRotation({ ...deps, isOnline });
    deps.metrics.fleet.setSource(async () =>
      (await this.view.rows()).map((r) => ({
        centreId: r.kiosk.centreId,
        level: r.level,
        rules: r.alerts.map(ruleOf).filter((x): x is AlertRuleName => x !== null),
      })),
    );
  }

  /** Socket handlers of this area. */
  readonly handlers: Pick<EventHandlers, FleetEvents> = {
    'kiosk:heartbeat': async (socket, report) => {
      const { metrics, clock } = this.deps;
      // Size first, then the kiosk's own bucket in memory: a flood costs no database work.
      if (Buffer.byteLength(JSON.stringify(report), 'utf8') > MAX_HEARTBEAT_BYTES) {
        metrics.fleet.heartbeat('PAYLOAD_TOO_LARGE');
        throw FleetError.heartbeatTooLarge(MAX_HEARTBEAT_BYTES);
      }
      if (socket.data.kind !== 'kiosk') throw RequestError.internal();
      // Filed under the socket's own kiosk: a kiosk cannot report for another.
      const kioskId = socket.data.kioskId;
      const now = clock();
      if (!this.buckets.take(kioskId, now.getTime())) {
        metrics.fleet.heartbeat('RATE_LIMITED');
        throw RequestError.rateLimited();
      }
      metrics.fleet.heartbeat('OK');
      const before = await storedProblems(this.deps.db, kioskId);
      const problems = reportProblems(report, this.rules, await this.view.latestVersion());
      await storeReport(this.deps.db, kioskId, { report, problems, level: worstLevel(problems), at: now });
      this.view.heard(kioskId);
      await this.pushKiosk(kioskId);
      if (residentKey(before) !== residentKey(problems)) await this.deps.notifier.queueChanged();
      const iceServers = this.deps.kioskIceServers?.(kioskId) ?? [];
      return {
        serverTime: now.toISOString(),
        nextInMs: DEFAULT_HEARTBEAT_INTERVAL_MS,
        ...(iceServers.length > 0 ? { iceServers } : {}),
      };
    },
    'diagnostics:result': async (socket, answer) => {
      if (socket.data.kind !== 'kiosk') throw RequestError.internal();
      await this.diagnostics.answer(socket.data.kioskId, answer);
      return {};
    },
    'call:setup': async (socket, report) => {
      await recordCallSetup({ ...this.deps, metrics: this.deps.metrics.fleet }, socket.data, report);
      return {};
    },
    'kiosk:credential-saved': async (socket, { rotationId }) => {
      if (socket.data.kind !== 'kiosk') throw RequestError.internal();
      await this.rotation.saved(socket.data.kioskId, rotationId);
      return {};
    },
  };

  /** HTTP route handlers of this area. */
  routes(): Pick<RouteHandlers<HttpRoutes>, FleetRoutes> {
    return {
      listFleet: async ({ query }, ctx) => {
        const centreId = callerCentre(ctx);
        // An admin sees their own centre: another centre's filter finds nothing of theirs.
        const rows = query.centreId && query.centreId !== centreId ? [] : await this.view.rows({ centreId });
        const counts = { green: 0, amber: 0, red: 0 };
        for (const r of rows) counts[r.level] += 1;
        return {
          kiosks: query.level ? rows.filter((r) => r.level === query.level) : rows,
          counts,
          rules: this.rules,
          latestVersion: await this.view.latestVersion(),
        };
      },
      kioskHistory: async ({ params, query }, ctx) => {
        await requireKioskOfCentre(this.deps.db, params.kioskId, callerCentre(ctx));
        const hours = query.hours ?? DEFAULT_HISTORY_HOURS;
        const since = new Date(this.deps.clock().getTime() - hours * 3_600_000);
        return { points: await kioskHistory(this.deps.db, params.kioskId, since) };
      },
      requestDiagnostics: async ({ params, body }, ctx) => {
        const by = accountOf(ctx).agent.id;
        return {
          request: await this.diagnostics.request(params.kioskId, body.kind, by, callerCentre(ctx)),
        };
      },
      listDiagnostics: async ({ params }, ctx) => ({
        requests: await this.diagnostics.list(params.kioskId, callerCentre(ctx)),
      }),
      getAlertRules: async () => ({ rules: this.rules }),
      setAlertRules: async ({ body }, ctx) => {
        const rules = AlertRules.parse(body);
        const by = accountOf(ctx).agent.id;
        await saveAlertRules(this.deps.db, rules, by, this.deps.clock());
        this.rules = rules;
        ctx.log.info({ by }, 'fleet alert rules set');
        await this.reevaluate();
        return { rules };
      },
      rotateKioskToken: async ({ params }, ctx) =>
        this.rotation.rotate(params.kioskId, accountOf(ctx).agent.id, callerCentre(ctx)),
    };
  }

  /** A kiosk's socket connected (it counts as seen). */
  /** A console socket: an admin's or technician's joins its centre's fleet room. */
  async admit(socket: RvwSocket): Promise<void> {
    await admitToFleet(this.deps.db, socket);
  }

  async kioskConnected(kioskId: string): Promise<void> {
    await this.rotation.kioskConnected(kioskId);
    this.view.heard(kioskId);
    await this.pushKiosk(kioskId);
  }

  /** A kiosk's last socket left (heard until now; offline once offlineAfterS has passed). */
  async kioskLeft(kioskId: string): Promise<void> {
    this.view.heard(kioskId);
    await this.pushKiosk(kioskId);
  }

  /** Loads the alert rules and starts the periodic check. */
  async start(): Promise<void> {
    this.rules = await loadAlertRules(this.deps.db);
    this.stopped = false;
    this.arm();
  }

  stop(): void {
    this.stopped = true;
    if (this.timer !== null) this.deps.scheduler.cancel(this.timer);
    this.timer = null;
  }

  /**
   * The periodic check (every FLEET_CHECK_MS; tests call it): pushes the rows that changed by time
   * alone (a kiosk going offline, opening hours beginning), expires unanswered diagnostics, and
   * prunes history older than 7 days (at most hourly).
   */
  async tick(): Promise<void> {
    const now = this.deps.clock().getTime();
    const rows = await this.view.rows();
    const changed = rows.filter((r) => {
      const before = this.judged.get(r.kiosk.id);
      this.judged.set(r.kiosk.id, key(r));
      return before !== undefined && before !== key(r);
    });
    this.view.send(changed);
    // Going offline is a point in the kiosk's history (coming back is the next heartbeat's point).
    for (const r of changed)
      if (r.problems.some((p) => p.code === 'offline'))
        await recordPoint(this.deps.db, r.kiosk.id, {
          at: new Date(now),
          level: r.level,
          problems: r.problems.map((p) => p.code),
          appVersion: r.report?.appVersion ?? null,
          rttMs: null,
          diskFreeBytes: null,
        });
    await this.diagnostics.expireDue();
    if (now - this.lastPruneMs >= PRUNE_EVERY_MS) await this.prune();
    this.buckets.prune(now);
  }

  /** Deletes history older than 7 days; returns how many points went. */
  async prune(): Promise<number> {
    const now = this.deps.clock().getTime();
    this.lastPruneMs = now;
    this.view.forget(now - HISTORY_KEEP_MS);
    return pruneHistory(this.deps.db, new Date(now - HISTORY_KEEP_MS));
  }

  private async pushKiosk(kioskId: string): Promise<void> {
    const row = await this.view.push(kioskId);
    if (row) this.judged.set(kioskId, key(row));
  }

  // New rules: every stored level and problem list is judged again (the queue shows the problems),
  // and every row is pushed.
  private async reevaluate(): Promise<void> {
    const latest = await this.view.latestVersion();
    let residentChanged = false;
    for (const s of await storedKiosks(this.deps.db)) {
      if (!s.report) continue;
      const problems = reportProblems(s.report, this.rules, latest);
      if (residentKey(problems) !== residentKey(s.problems)) residentChanged = true;
      await this.deps.db
        .updateTable('kiosk_health')
        .set({ problems: JSON.stringify(problems), level: worstLevel(problems) })
        .where('kiosk_id', '=', s.kiosk.id)
        .execute();
    }
    const rows = await this.view.rows();
    for (const r of rows) this.judged.set(r.kiosk.id, key(r));
    this.view.send(rows);
    if (residentChanged) await this.deps.notifier.queueChanged();
  }

  private arm(): void {
    if (this.stopped) return;
    this.timer = this.deps.scheduler.schedule(() => {
      this.timer = null;
      this.tick()
        .catch((err: unknown) => this.deps.log.error({ err }, 'fleet check failed'))
        .finally(() => this.arm());
    }, FLEET_CHECK_MS);
  }
}
