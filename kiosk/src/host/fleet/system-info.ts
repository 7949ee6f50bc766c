/**
 * The machine's side of a heartbeat (issue 12 #2): app version, operating system, uptime, memory,
 * disk and the capture devices the system lists. The disk and the devices are read the way
 * kiosk-doctor reads them (doctor/disk.ts's statfs of the data folder, doctor/cameras.ts's /sys and
 * ALSA listing), not a second copy of that logic.
 */
import { readFile, statfs } from 'node:fs/promises';
import * as os from 'node:os';
import type { CaptureDevice, HealthReport } from '@rvw/shared';
import { listCaptureDevices } from '../../doctor/cameras';
import { diskCheck } from '../../doctor/disk';
import kioskPackage from '../../../package.json';

/** The kiosk app's version (kiosk/package.json). */
export const APP_VERSION: string = (kioskPackage as { version: string }).version;

/** The cameras and microphones the system lists. */
export interface CaptureLists {
  cameras: CaptureDevice[];
  microphones: CaptureDevice[];
}

/** Where the machine's readings come from; each has the real machine as default (tests give fakes). */
export interface SystemSources {
  platform?: NodeJS.Platform;
  /** Root of /sys, /proc and /dev for the device listing and /etc/os-release; default `/`. */
  root?: string;
  /** The kiosk's data folder, whose disk is measured. */
  dataDir: string;
  /** Seconds the app has run; default process.uptime(). */
  uptimeS?: () => number;
  /** Free and total memory; default os.freemem/os.totalmem. */
  memory?: () => { freeBytes: number; totalBytes: number };
}

/** The distribution's PRETTY_NAME from an os-release file's text; null when it has none. */
export function prettyName(osRelease: string): string | null {
  for (const line of osRelease.split('\n')) {
    const m = /^\s*PRETTY_NAME\s*=\s*(.*)$/.exec(line);
    if (!m) continue;
    const value = m[1]!.trim().replace(/^(["'])(.*)\1$/, '$2');
    return value ? value.slice(0, 120) : null;
  }
  return null;
}

/** The operating system as the report names it. */
export async function osReport(
  sources: Pick<SystemSources, 'platform' | 'root'>,
): Promise<HealthReport['os']> {
  const platform = sources.platform ?? process.platform;
  let name: string | null = null;
  if (platform === 'linux') {
    const root = sources.root ?? '/';
    const text =
      (await readFile(`${root.replace(/\/$/, '')}/etc/os-release`, 'utf8').catch(() => null)) ??
      (await readFile(`${root.replace(/\/$/, '')}/usr/lib/os-release`, 'utf8').catch(() => null));
    name = text ? prettyName(text) : null;
  } else if (platform === 'win32') {
    name = os.version().slice(0, 120) || null;
  }
  return {
    platform: platform.slice(0, 20),
    name,
    release: os.release().slice(0, 80),
    arch: os.arch().slice(0, 20),
  };
}

/** The capture devices the system lists (Linux: V4L2 and ALSA; elsewhere none are listed). */
export async function captureLists(sources: Pick<SystemSources, 'platform' | 'root'>): Promise<CaptureLists> {
  if ((sources.platform ?? process.platform) !== 'linux') return { cameras: [], microphones: [] };
  const devices = await listCaptureDevices(sources.root ?? '/').catch(() => ({ video: [], audio: [] }));
  return {
    cameras: devices.video
      .filter((v) => v.present)
      .slice(0, 16)
      .map((v) => ({ label: v.name.slice(0, 120), path: v.path.slice(0, 120) })),
    microphones: devices.audio
      .slice(0, 16)
      .map((a) => ({ label: `${a.card}: ${a.name}`.slice(0, 120), path: a.hw.slice(0, 120) })),
  };
}

/** Free and total bytes of the data folder's disk, as kiosk-doctor disk measures it; null when unreadable. */
export async function diskReport(dataDir: string): Promise<HealthReport['disk']> {
  const result = await diskCheck({ path: dataDir, statfs: (p) => statfs(p) }).catch(() => null);
  const details = result?.details as { freeBytes?: unknown; totalBytes?: unknown } | undefined;
  if (typeof details?.freeBytes !== 'number' || typeof details.totalBytes !== 'number') return null;
  return {
    freeBytes: Math.max(0, Math.floor(details.freeBytes)),
    totalBytes: Math.max(0, Math.floor(details.totalBytes)),
  };
}

/** Uptime and memory now. */
export function runtimeReport(
  sources: Pick<SystemSources, 'uptimeS' | 'memory'>,
): Pick<HealthReport, 'uptimeS' | 'memory'> {
  return {
    uptimeS: Math.max(0, Math.floor((sources.uptimeS ?? process.uptime)())),
    memory: (sources.memory ?? (() => ({ freeBytes: os.freemem(), totalBytes: os.totalmem() })))(),
  };
}
