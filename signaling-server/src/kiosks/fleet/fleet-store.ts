/**
 * The fleet's tables (migration 0011): each kiosk's latest report with its derived level and
 * problems, the downsampled history, the alert rules, and the stable channel's version.
 */
import {
  AlertRules,
  DEFAULT_ALERT_RULES,
  FleetProblem,
  FleetProblemCode,
  HealthReport,
  RequestError,
  type HealthHistoryPoint,
  type HealthLevel,
  type Kiosk,
} from '@rvw/shared';
import { z } from 'zod';
import type { Db } from '../../db/database';
import { requireCentre } from '../../supervision/centre-scope';
import { toKiosk } from '../kiosk-store';
import { historyDue } from './health-rules';

/** The fleet_settings key of the alert rules. */
export const ALERT_RULES_KEY = 'alert-rules';

const Problems = z.array(FleetProblem);
const Codes = z.array(FleetProblemCode);

/** The alert rules in force (DEFAULT_ALERT_RULES until an admin sets them). */
export async function loadAlertRules(db: Db): Promise<AlertRules> {
  const row = await db
    .selectFrom('fleet_settings')
    .select('value')
    .where('key', '=', ALERT_RULES_KEY)
    .executeTakeFirst();
  if (!row) return DEFAULT_ALERT_RULES;
  const parsed = AlertRules.safeParse(JSON.parse(row.value));
  return parsed.success ? parsed.data : DEFAULT_ALERT_RULES;
}

/** Replaces the alert rules, recording who set them. */
export async function saveAlertRules(db: Db, rules: AlertRules, by: string, now: Date): Promise<void> {
  const value = JSON.stringify(rules);
  const at = now.toISOString();
  await db
    .insertInto('fleet_settings')
    .values({ key: ALERT_RULES_KEY, value, updated_at: at, updated_by: by })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value, updated_at: at, updated_by: by }))
    .execute();
}

/** The stable update channel's version, or null when none is set. */
export async function stableVersion(db: Db): Promise<string | null> {
  const row = await db
    .selectFrom('update_channels')
    .select('version')
    .where('channel', '=', 'stable')
    .executeTakeFirst();
  return row?.version ?? null;
}

/** A kiosk with its stored health (null before its first heartbeat). */
export interface StoredKiosk {
  kiosk: Kiosk;
  report: HealthReport | null;
  /** The report's problems as stored (never `offline`). */
  problems: FleetProblem[];
  receivedAt: string | null;
}

/** The enrolled (not revoked) kiosks with their stored health; optionally one centre or one kiosk. */
export async function storedKiosks(
  db: Db,
  filter: { centreId?: string; kioskId?: string } = {},
): Promise<StoredKiosk[]> {
  let q = db
    .selectFrom('kiosks as k')
    .leftJoin('kiosk_health as h', 'h.kiosk_id', 'k.id')
    .select([
      'k.id',
      'k.name',
      'k.location',
      'k.centre_id',
      'k.kind',
      'h.report',
      'h.problems',
      'h.received_at',
    ])
    .where('k.revoked_at', 'is', null);
  if (filter.centreId) q = q.where('k.centre_id', '=', filter.centreId);
  if (filter.kioskId) q = q.where('k.id', '=', filter.kioskId);
  const rows = await q.orderBy('k.name').execute();
  return rows.map((r) => {
    const report = r.report ? HealthReport.safeParse(JSON.parse(r.report)) : null;
    const problems = r.problems ? Problems.safeParse(JSON.parse(r.problems)) : null;
    return {
      kiosk: toKiosk(r),
      report: report?.success ? report.data : null,
      problems: problems?.success ? problems.data : [],
      receivedAt: r.received_at,
    };
  });
}

/** The stored problems of one kiosk (empty before its first heartbeat). */
export async function storedProblems(db: Db, kioskId: string): Promise<FleetProblem[]> {
  const row = await db
    .selectFrom('kiosk_health')
    .select('problems')
    .where('kiosk_id', '=', kioskId)
    .executeTakeFirst();
  const parsed = row ? Problems.safeParse(JSON.parse(row.problems)) : null;
  return parsed?.success ? parsed.data : [];
}

/** Stores a kiosk's latest report and, when due, a history point; in one transaction. */
export async function storeReport(
  db: Db,
  kioskId: string,
  input: { report: HealthReport; problems: FleetProblem[]; level: HealthLevel; at: Date },
): Promise<void> {
  const at = input.at.toISOString();
  const row = {
    report: JSON.stringify(input.report),
    level: input.level,
    problems: JSON.stringify(input.problems),
    app_version: input.report.appVersion,
    received_at: at,
  };
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('kiosk_health')
      .values({ kiosk_id: kioskId, ...row })
      .onConflict((oc) => oc.column('kiosk_id').doUpdateSet(row))
      .execute();
    await recordPoint(trx, kioskId, {
      at: input.at,
      level: input.level,
      problems: input.problems.map((p) => p.code),
      appVersion: input.report.appVersion,
      rttMs: input.report.rttMs,
      diskFreeBytes: input.report.disk?.freeBytes ?? null,
    });
  });
}

/** One point of history as recorded. */
export interface PointInput {
  at: Date;
  level: HealthLevel;
  problems: FleetProblemCode[];
  appVersion: string | null;
  rttMs: number | null;
  diskFreeBytes: number | null;
}

/** Adds a history point when due (a change of level or problems, else a new 5-minute bucket). */
export async function recordPoint(db: Db, kioskId: string, point: PointInput): Promise<boolean> {
  const last = await db
    .selectFrom('kiosk_health_history')
    .select(['at', 'level', 'problems'])
    .where('kiosk_id', '=', kioskId)
    .orderBy('at', 'desc')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  const lastPoint = last
    ? { at: last.at, level: last.level, problems: Codes.catch([]).parse(JSON.parse(last.problems)) }
    : null;
  if (!historyDue(lastPoint, point)) return false;
  await db
    .insertInto('kiosk_health_history')
    .values({
      kiosk_id: kioskId,
      at: point.at.toISOString(),
      level: point.level,
      problems: JSON.stringify(point.problems),
      app_version: point.appVersion,
      rtt_ms: point.rttMs,
      disk_free_bytes: point.diskFreeBytes,
    })
    .execute();
  return true;
}

/** A kiosk's history since `since`, oldest first. */
export async function kioskHistory(db: Db, kioskId: string, since: Date): Promise<HealthHistoryPoint[]> {
  const rows = await db
    .selectFrom('kiosk_health_history')
    .selectAll()
    .where('kiosk_id', '=', kioskId)
    .where('at', '>=', since.toISOString())
    .orderBy('at')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    at: r.at,
    level: r.level,
    problems: Codes.catch([]).parse(JSON.parse(r.problems)),
    appVersion: r.app_version,
    rttMs: r.rtt_ms === null ? null : Number(r.rtt_ms),
    diskFreeBytes: r.disk_free_bytes === null ? null : Number(r.disk_free_bytes),
  }));
}

/** Deletes history older than `before`; returns how many points went. */
export async function pruneHistory(db: Db, before: Date): Promise<number> {
  const res = await db
    .deleteFrom('kiosk_health_history')
    .where('at', '<', before.toISOString())
    .executeTakeFirst();
  return Number(res.numDeletedRows);
}

/** NOT_FOUND for an unknown or revoked kiosk, FORBIDDEN for another centre's (supervision's rule). */
export async function requireKioskOfCentre(db: Db, kioskId: string, centreId: string): Promise<Kiosk> {
  const row = await db
    .selectFrom('kiosks')
    .select(['id', 'name', 'location', 'centre_id', 'kind'])
    .where('id', '=', kioskId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  if (!row) throw RequestError.notFound('The kiosk');
  requireCentre(row.centre_id, centreId, 'The kiosk');
  return toKiosk(row);
}
