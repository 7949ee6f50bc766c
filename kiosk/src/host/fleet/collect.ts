/**
 * Assembles one heartbeat (HealthReport) from the sources that already know each part: the host's
 * health snapshot (the reader service's status, the printer module's reading), the machine's
 * readings (system-info.ts), the last error the bridge met, the last readiness verdict and the busy
 * state. Nothing here reads a device itself.
 */
import type { CaptureDevice, DisplayReport, HealthReport, PrinterReport, Readiness } from '@rvw/shared';
import type { KioskHealthSnapshot, PrinterHealth } from '../health';
import { APP_VERSION, captureLists, diskReport, osReport, runtimeReport } from './system-info';
import type { SystemSources } from './system-info';

/** The last error code a bridge call met, and when. */
export type LastError = HealthReport['lastError'];

/** Everything a report is made of. */
export interface ReportSources {
  system: SystemSources;
  /** The host's health snapshot (reader status, printer reading). */
  health: () => KioskHealthSnapshot;
  /** True when this kiosk has no printer by configuration (RVW_KIOSK_PRINTER=none). */
  noPrinter: boolean;
  /** The displays (the Electron shell passes them); default none. */
  displays?: () => DisplayReport[];
  lastError: () => LastError;
  readiness: () => Readiness | null;
  busy: () => boolean;
  /** The previous heartbeat's round trip. */
  rttMs: () => number | null;
  now: () => Date;
  /** Default kiosk/package.json's version. */
  appVersion?: string;
  /**
   * What the renderer last opened (its readiness probes' labels): the devices where the system
   * lists none (Windows, macOS, a browser shell's stand-in camera).
   */
  opened?: () => { camera: string | null; microphone: string | null };
}

/** The printer reading as the report names it. */
export function printerReport(printer: PrinterHealth | null, noPrinter: boolean): PrinterReport | null {
  if (noPrinter) return { state: 'none', name: null, problem: null, message: null };
  if (!printer) return null;
  const state: PrinterReport['state'] = printer.problem
    ? 'problem'
    : printer.condition === 'absent'
      ? 'absent'
      : 'ready';
  return {
    state,
    name: printer.name?.slice(0, 120) ?? null,
    problem: printer.problem,
    message: printer.message?.slice(0, 300) ?? null,
  };
}

const clip = (s: string | undefined, max: number): string | undefined =>
  s === undefined ? s : s.slice(0, max);

// The system's list; when it has none, the device the renderer opened (no path: the system gave none).
const orOpened = (listed: CaptureDevice[], label: string | null | undefined): CaptureDevice[] =>
  listed.length > 0 || !label ? listed : [{ label: label.slice(0, 120), path: null }];

/** Reads every source once and builds the report. */
export async function collectReport(sources: ReportSources): Promise<HealthReport> {
  const [os, devices, disk] = await Promise.all([
    osReport(sources.system),
    captureLists(sources.system),
    diskReport(sources.system.dataDir),
  ]);
  const snapshot = sources.health();
  const reader = snapshot.idcard;
  return {
    appVersion: (sources.appVersion ?? APP_VERSION).slice(0, 40),
    os,
    ...runtimeReport(sources.system),
    disk,
    rttMs: sources.rttMs(),
    reader: {
      state: reader.state,
      ...(reader.reason !== undefined ? { reason: reader.reason } : {}),
      ...(reader.message !== undefined ? { message: clip(reader.message, 300) } : {}),
    },
    printer: printerReport(snapshot.printer, sources.noPrinter),
    cameras: orOpened(devices.cameras, sources.opened?.().camera),
    microphones: orOpened(devices.microphones, sources.opened?.().microphone),
    displays: (sources.displays?.() ?? []).slice(0, 8),
    lastError: sources.lastError(),
    readiness: sources.readiness(),
    busy: sources.busy(),
    at: sources.now().toISOString(),
  };
}

/** What a change is judged on: everything but the readings that move by themselves. */
export function changeKey(report: HealthReport): string {
  const { uptimeS, memory, rttMs, at, disk, ...rest } = report;
  void uptimeS;
  void memory;
  void rttMs;
  void at;
  void disk;
  return JSON.stringify(rest);
}
