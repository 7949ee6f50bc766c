/** Test support for the fleet's tests: a healthy heartbeat to vary. */
import type { HealthReport } from '@rvw/shared';

/** One gibibyte. */
export const GiB = 1024 ** 3;

/** A healthy report; `over` replaces fields. */
export function healthyReport(over: Partial<HealthReport> = {}): HealthReport {
  return {
    appVersion: '1.2.0',
    os: { platform: 'linux', name: 'UOS 20', release: '5.10.0', arch: 'x64' },
    uptimeS: 100,
    disk: { freeBytes: 50 * GiB, totalBytes: 100 * GiB },
    memory: { freeBytes: 2 * GiB, totalBytes: 8 * GiB },
    rttMs: 12,
    reader: { state: 'online' },
    printer: { state: 'ready', name: 'Q', problem: null, message: null },
    cameras: [{ label: 'HD USB Camera', path: '/dev/video0' }],
    microphones: [{ label: 'USB Mic', path: 'hw:1,0' }],
    displays: [{ id: '1', width: 1920, height: 1080, primary: true, touch: true }],
    lastError: null,
    readiness: null,
    busy: false,
    at: '2026-12-07T02:00:00.000Z',
    ...over,
  };
}
