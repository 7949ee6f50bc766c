/** For tests (imported by tests only): fleet rows, reports and a fake transport. */
import {
  DEFAULT_ALERT_RULES,
  FLEET_PROBLEMS,
  worstLevel,
  type DiagnosticRequest,
  type FleetKiosk,
  type FleetProblemCode,
  type HealthReport,
} from '@rvw/shared';
import type { FleetTransport } from './fleet-transport';

export const AT = '2026-12-07T02:00:00.000Z';

/** A healthy report, with `patch` over it. */
export function report(patch: Partial<HealthReport> = {}): HealthReport {
  return {
    appVersion: '1.4.0',
    os: { platform: 'linux', name: 'UOS 20', release: '5.10.0', arch: 'x64' },
    uptimeS: 3600,
    disk: { freeBytes: 40 * 1024 ** 3, totalBytes: 100 * 1024 ** 3 },
    memory: { freeBytes: 2 * 1024 ** 3, totalBytes: 8 * 1024 ** 3 },
    rttMs: 42,
    reader: { state: 'online' },
    printer: { state: 'ready', name: 'kiosk-printer', problem: null, message: null },
    cameras: [{ label: 'HD USB Camera', path: '/dev/video0' }],
    microphones: [{ label: 'USB Audio', path: 'hw:1,0' }],
    displays: [{ id: '1', width: 1920, height: 1080, primary: true, touch: true }],
    lastError: null,
    readiness: null,
    busy: false,
    at: AT,
    ...patch,
  };
}

/** A kiosk row named `name` with `problems` (their levels from FLEET_PROBLEMS). */
export function fleetKiosk(
  id: string,
  name: string,
  problems: FleetProblemCode[] = [],
  patch: Partial<FleetKiosk> = {},
): FleetKiosk {
  const list = problems.map((code) => ({ code, level: FLEET_PROBLEMS[code].level, detail: null }));
  return {
    kiosk: { id, name, location: `${name}居委会`, centreId: 'xuhui-tianlin', kind: 'fixed' },
    online: !problems.includes('offline'),
    lastSeenAt: AT,
    level: worstLevel(list),
    problems: list,
    report: report(),
    alerts: [],
    ...patch,
  };
}

/** A diagnostic request of `kioskId`. */
export function diagnostic(kioskId: string, patch: Partial<DiagnosticRequest> = {}): DiagnosticRequest {
  return {
    id: 'd1',
    kioskId,
    kind: 'checks',
    requestedBy: { id: 'a1', name: '王主管' },
    requestedAt: AT,
    state: 'sent',
    result: null,
    error: null,
    finishedAt: null,
    ...patch,
  };
}

const never = (): Promise<never> => Promise.reject(new Error('not in this test'));

/** A transport answering `kiosks` for the list, with `patch` over the rest (which fail). */
export function fakeTransport(kiosks: FleetKiosk[], patch: Partial<FleetTransport> = {}): FleetTransport {
  return {
    fleet: () =>
      Promise.resolve({
        kiosks,
        counts: { green: 0, amber: 0, red: 0 },
        rules: DEFAULT_ALERT_RULES,
        latestVersion: '1.4.0',
      }),
    history: () => Promise.resolve([]),
    diagnostics: () => Promise.resolve([]),
    requestDiagnostics: never,
    rotate: never,
    revoke: never,
    enrolmentCodes: () => Promise.resolve([]),
    createEnrolmentCode: never,
    revokeEnrolmentCode: never,
    alertRules: () => Promise.resolve(DEFAULT_ALERT_RULES),
    setAlertRules: never,
    updateChannels: () => Promise.resolve({ channels: [], available: [] }),
    setUpdateChannel: never,
    ...patch,
  };
}
