/**
 * The fleet's alert rules (issue 12 #3), set by an admin per server: when a kiosk's problem becomes
 * an alert (shown in the fleet view and exported as the `rvw_fleet_alerts` metric). Offline counts
 * only during opening hours (in the centre's time zone, Asia/Shanghai): a kiosk switched off at night
 * is not an alert.
 */
import { z } from 'zod';

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/);

export const AlertRules = z
  .object({
    /** Offline for longer than this (seconds) during opening hours is an alert; default 120. */
    offlineAfterS: z.number().int().min(30).max(86_400),
    /** Opening hours: ISO weekdays (1 = Monday … 7 = Sunday) and the time of day, Asia/Shanghai. */
    openingHours: z.object({
      days: z.array(z.number().int().min(1).max(7)).max(7),
      from: hhmm,
      to: hhmm,
    }),
    readerFault: z.boolean(),
    /** Printer out of paper or stopped (any printer problem). */
    printerProblem: z.boolean(),
    /** Free disk below this percentage is `disk-low`; default 10. */
    diskFreeMinPercent: z.number().min(0).max(90),
    /** An app version older than the stable channel's is `version-behind`. */
    versionBehind: z.boolean(),
    /** A kiosk that cannot hold a video call (no camera, microphone, TURN). */
    cannotCall: z.boolean(),
  })
  .strict();
export type AlertRules = z.infer<typeof AlertRules>;

export const DEFAULT_ALERT_RULES: AlertRules = {
  offlineAfterS: 120,
  openingHours: { days: [1, 2, 3, 4, 5, 6], from: '08:30', to: '17:30' },
  readerFault: true,
  printerProblem: true,
  diskFreeMinPercent: 10,
  versionBehind: true,
  cannotCall: true,
};
