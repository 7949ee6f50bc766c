/**
 * The kiosk's health report (issue 12 #2): what a kiosk tells the server every 30 s and at once on
 * any change, over its own socket (`kiosk:heartbeat`; the server knows which kiosk from the socket,
 * so a kiosk cannot report for another). Every field is bounded so that a report stays small
 * (MAX_HEARTBEAT_BYTES). It comes from the device modules themselves: the reader service's status,
 * the printer module's reading, the operating system's device lists. Nothing about a resident.
 */
import { z } from 'zod';
import { ReaderStatus } from '../bridge/idcard';
import { PrintFailureReason } from '../paper/print-job';
import { Readiness } from './readiness';

/** How often a kiosk reports when nothing changes (RVW_HEARTBEAT_MS overrides it). */
export const DEFAULT_HEARTBEAT_INTERVAL_MS = 30_000;
/** The largest heartbeat the server accepts, as JSON (a bigger one is refused with PAYLOAD_TOO_LARGE). */
export const MAX_HEARTBEAT_BYTES = 16_384;

const text = (max: number) => z.string().max(max);
const bytes = z
  .number()
  .int()
  .nonnegative()
  .max(2 ** 53);

/** The printer as the printer module last read it. */
export const PrinterReport = z.object({
  /** `ready`: it can print; `problem`: see `problem`; `absent`: no print system or queue found;
   * `none`: this kiosk has no printer by configuration (the door-to-door profile), not a fault. */
  state: z.enum(['ready', 'problem', 'absent', 'none']),
  /** The queue's name. */
  name: text(120).nullable(),
  problem: PrintFailureReason.nullable(),
  /** The print system's own words, for technicians. */
  message: text(300).nullable(),
});
export type PrinterReport = z.infer<typeof PrinterReport>;

/** A capture device the operating system lists (a camera or a microphone). */
export const CaptureDevice = z.object({
  /** Its name as the system gives it (e.g. "HD USB Camera"). */
  label: text(120),
  /** Where it is (`/dev/video0`, ALSA `hw:1,0`); null when the system gives no path. */
  path: text(120).nullable(),
});
export type CaptureDevice = z.infer<typeof CaptureDevice>;

/** A display attached to the kiosk. */
export const DisplayReport = z.object({
  id: text(40),
  width: z.number().int().positive().max(20_000),
  height: z.number().int().positive().max(20_000),
  primary: z.boolean(),
  /** True when it takes touch (Electron's touchSupport); null when unknown. */
  touch: z.boolean().nullable(),
});
export type DisplayReport = z.infer<typeof DisplayReport>;

/** One heartbeat. */
export const HealthReport = z
  .object({
    /** The kiosk app's version (package.json's, semver). */
    appVersion: text(40),
    os: z.object({
      /** node's os.platform(): linux, win32… */
      platform: text(20),
      /** The distribution's pretty name (UOS 20, Kylin V10…) or Windows' version; null when unknown. */
      name: text(120).nullable(),
      release: text(80),
      /** node's os.arch(): x64, arm64… */
      arch: text(20),
    }),
    /** Seconds since the kiosk app started. */
    uptimeS: z.number().int().nonnegative(),
    /** Free and total bytes of the disk holding the kiosk's data folder; null when unreadable. */
    disk: z.object({ freeBytes: bytes, totalBytes: bytes }).nullable(),
    memory: z.object({ freeBytes: bytes, totalBytes: bytes }),
    /** The last round trip to the server (the previous heartbeat's ack), ms; null for the first. */
    rttMs: z.number().nonnegative().max(600_000).nullable(),
    /** The ID reader's status, from the reader service. */
    reader: ReaderStatus,
    /** The printer, from the printer module; null until its first reading. */
    printer: PrinterReport.nullable(),
    cameras: z.array(CaptureDevice).max(16),
    microphones: z.array(CaptureDevice).max(16),
    displays: z.array(DisplayReport).max(8),
    /** The last error code the kiosk met (a bridge or device error) and when; null for none. */
    lastError: z.object({ code: text(60), at: z.iso.datetime() }).nullable(),
    /** The last readiness check before a session, if one has run since start. */
    readiness: Readiness.nullable(),
    /** True while a resident is at the kiosk (a ticket or a session is open): no restarts, no updates. */
    busy: z.boolean(),
    /** When the kiosk took this reading (its own clock; the server also records when it arrived). */
    at: z.iso.datetime(),
  })
  .strict();
export type HealthReport = z.infer<typeof HealthReport>;
