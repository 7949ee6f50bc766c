/**
 * The fleet's HTTP routes (issue 12): the fleet view (every kiosk with its level, problems, last
 * report), a kiosk's bounded history, remote diagnostics (recorded with who asked), the alert rules,
 * credential rotation, and the update channels. Admins (supervisors) and technicians see the kiosks
 * of their own centre; only admins change the alert rules and the update channels. The update feed itself (`/updates/<channel>/latest-linux.yml` and the files) is served
 * outside this table, in electron-updater's own format (signaling-server/src/updates/).
 */
import { z } from 'zod';
import { Kiosk } from '../domain';
import { AlertRules } from '../fleet/alert-rules';
import { DiagnosticKind, DiagnosticRequest } from '../fleet/diagnostics';
import { FleetKiosk, HealthHistoryPoint } from '../fleet/fleet-kiosk';
import { HealthLevel } from '../fleet/problems';
import { SetUpdateChannelRequest, UpdateChannel, UpdateChannelName } from '../fleet/updates';
import { CentreId } from '../routing/centre';
import { KioskParams } from './kiosks';
import type { HttpRouteSlice } from './route';

/** Filters of the fleet list. */
export const FleetQuery = z.object({
  /** Default every centre the caller may see (an admin: their own). */
  centreId: CentreId.optional(),
  level: HealthLevel.optional(),
});
export type FleetQuery = z.infer<typeof FleetQuery>;

/** The fleet, with the counts per level and the alert rules in force. */
export const FleetResponse = z.object({
  kiosks: z.array(FleetKiosk),
  counts: z.object({ green: z.number(), amber: z.number(), red: z.number() }),
  rules: AlertRules,
  /** The stable channel's version (what `version-behind` compares with); null when none is set. */
  latestVersion: z.string().nullable(),
});
export type FleetResponse = z.infer<typeof FleetResponse>;

/** A kiosk's history, newest last, over at most 7 days. */
export const KioskHistoryQuery = z.object({
  /** Hours back; default 24, at most 168. */
  hours: z.coerce.number().int().min(1).max(168).optional(),
});
export type KioskHistoryQuery = z.infer<typeof KioskHistoryQuery>;

export const DiagnosticParams = z.object({ kioskId: z.string().min(1).max(64) });

export const RotateKioskResponse = z.object({ kiosk: Kiosk, rotatedAt: z.string() });
export type RotateKioskResponse = z.infer<typeof RotateKioskResponse>;

export const UpdateChannelParams = z.object({ channel: UpdateChannelName });

/** Routes of the fleet area. */
export const fleetRoutes = {
  /** Every kiosk of the caller's centre with its level, problems and latest report. */
  listFleet: {
    method: 'GET',
    path: '/api/fleet',
    roles: ['admin', 'technician'],
    query: FleetQuery,
    response: FleetResponse,
  },
  /** One kiosk's history (downsampled), for its detail panel. */
  kioskHistory: {
    method: 'GET',
    path: '/api/fleet/kiosks/:kioskId/history',
    roles: ['admin', 'technician'],
    params: KioskParams,
    query: KioskHistoryQuery,
    response: z.object({ points: z.array(HealthHistoryPoint) }),
  },
  /**
   * Asks a kiosk for its log lines, to run its checks, or to restart between sessions; recorded
   * with who asked. KIOSK_OFFLINE when the kiosk is not connected. The answer comes later
   * (`fleet:diagnostics`, or listDiagnostics).
   */
  requestDiagnostics: {
    method: 'POST',
    path: '/api/fleet/kiosks/:kioskId/diagnostics',
    roles: ['admin', 'technician'],
    params: KioskParams,
    body: z.object({ kind: DiagnosticKind }).strict(),
    response: z.object({ request: DiagnosticRequest }),
    status: 201,
  },
  /** A kiosk's diagnostic requests, newest first (the last 50). */
  listDiagnostics: {
    method: 'GET',
    path: '/api/fleet/kiosks/:kioskId/diagnostics',
    roles: ['admin', 'technician'],
    params: KioskParams,
    response: z.object({ requests: z.array(DiagnosticRequest) }),
  },
  getAlertRules: {
    method: 'GET',
    path: '/api/admin/fleet/alert-rules',
    roles: ['admin', 'technician'],
    response: z.object({ rules: AlertRules }),
  },
  /** Replaces the alert rules (every kiosk's alerts are re-evaluated and pushed). */
  setAlertRules: {
    method: 'PUT',
    path: '/api/admin/fleet/alert-rules',
    roles: ['admin'],
    body: AlertRules,
    response: z.object({ rules: AlertRules }),
  },
  /**
   * Gives a connected kiosk a new token over its own socket (`kiosk:credential`); once the kiosk has
   * stored it the old one stops working. KIOSK_OFFLINE when it is not connected (revoke, then enrol
   * again, for a kiosk that is gone).
   */
  rotateKioskToken: {
    method: 'POST',
    path: '/api/admin/kiosks/:kioskId/rotate',
    roles: ['admin', 'technician'],
    params: KioskParams,
    response: RotateKioskResponse,
  },
  listUpdateChannels: {
    method: 'GET',
    path: '/api/admin/updates',
    roles: ['admin', 'technician'],
    response: z.object({ channels: z.array(UpdateChannel), available: z.array(z.string()) }),
  },
  /** Sets a channel's release and rollout; NOT_FOUND when the updates folder has no files for that version. */
  setUpdateChannel: {
    method: 'PUT',
    path: '/api/admin/updates/:channel',
    roles: ['admin'],
    params: UpdateChannelParams,
    body: SetUpdateChannelRequest,
    response: z.object({ channel: UpdateChannel }),
  },
} as const satisfies HttpRouteSlice;
