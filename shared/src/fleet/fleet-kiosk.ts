/**
 * A kiosk as the fleet view shows it (issue 12 #3): its record, whether it is connected, when it was
 * last heard, its level (green, amber, red), what is wrong in words (problems), its latest report
 * (version, devices) and the alert rules it trips. The server derives level and problems from the
 * latest report (signaling-server/src/kiosks/fleet/); the console only shows them.
 */
import { z } from 'zod';
import { Kiosk } from '../domain';
import { HealthReport } from './health-report';
import { FleetProblem, FleetProblemCode, HealthLevel } from './problems';

/** A kiosk in the fleet view. */
export const FleetKiosk = z.object({
  kiosk: Kiosk,
  /** A socket of the kiosk is connected now. */
  online: z.boolean(),
  /** When its last heartbeat (or connection) arrived; null when never. */
  lastSeenAt: z.string().nullable(),
  level: HealthLevel,
  problems: z.array(FleetProblem),
  /** The latest report; null before the first heartbeat. */
  report: HealthReport.nullable(),
  /** The alert rules this kiosk trips now (a subset of its problems' codes). */
  alerts: z.array(FleetProblemCode),
});
export type FleetKiosk = z.infer<typeof FleetKiosk>;

/** One point of a kiosk's bounded history (7 days, downsampled: each change, else one per bucket). */
export const HealthHistoryPoint = z.object({
  at: z.string(),
  level: HealthLevel,
  problems: z.array(FleetProblemCode),
  appVersion: z.string().nullable(),
  rttMs: z.number().nullable(),
  diskFreeBytes: z.number().nullable(),
});
export type HealthHistoryPoint = z.infer<typeof HealthHistoryPoint>;
