/** For tests (imported by tests only): a valid heartbeat to change field by field. */
import type { HealthReport } from '@rvw/shared';

export function sampleReport(overrides: Partial<HealthReport> = {}): HealthReport {
  return {
    appVersion: '0.1.0',
    os: { platform: 'linux', name: 'UOS 20', release: '5.10.0', arch: 'x64' },
    uptimeS: 10,
    disk: { freeBytes: 10_000_000_000, totalBytes: 100_000_000_000 },
    memory: { freeBytes: 1_000_000_000, totalBytes: 8_000_000_000 },
    rttMs: null,
    reader: { state: 'online' },
    printer: { state: 'ready', name: 'Kiosk', problem: null, message: null },
    cameras: [{ label: 'HD USB Camera', path: '/dev/video0' }],
    microphones: [{ label: 'USB Audio: Mic', path: 'hw:1,0' }],
    displays: [],
    lastError: null,
    readiness: null,
    busy: false,
    at: '2026-12-07T08:00:00.000Z',
    ...overrides,
  };
}
