import { afterEach, describe, expect, it } from 'vitest';
import { HealthReport } from '@rvw/shared';
import type { PrinterHealth } from '../health';
import { changeKey, collectReport, printerReport } from './collect';
import type { ReportSources } from './collect';
import { APP_VERSION, prettyName } from './system-info';
import { fakeMachine, removeTrees, UOS_WITH_CAMERA } from './test-tree';
import kioskPackage from '../../../package.json';

afterEach(removeTrees);

const printer: PrinterHealth = {
  name: 'Kiosk',
  condition: 'stopped',
  accepting: true,
  problem: 'out-of-paper',
  message: 'media-empty',
  ready: false,
  checkedAt: '2026-12-07T08:00:00.000Z',
};

function sources(root: string, over: Partial<ReportSources> = {}): ReportSources {
  return {
    system: {
      root,
      platform: 'linux',
      dataDir: root,
      uptimeS: () => 12.7,
      memory: () => ({ freeBytes: 1, totalBytes: 2 }),
    },
    health: () => ({
      at: 'now',
      idcard: { state: 'offline', reason: 'IDCARD_DISCONNECTED', message: 'unplugged' },
      printer,
    }),
    noPrinter: false,
    lastError: () => ({ code: 'SERVER_UNREACHABLE', at: '2026-12-07T07:59:00.000Z' }),
    readiness: () => null,
    busy: () => true,
    rttMs: () => 35,
    now: () => new Date('2026-12-07T08:00:00.000Z'),
    ...over,
  };
}

describe('collectReport', () => {
  it('builds a report the server takes, from the host health and the machine', async () => {
    const root = fakeMachine(UOS_WITH_CAMERA);
    const report = HealthReport.parse(await collectReport(sources(root)));
    expect(report).toMatchObject({
      appVersion: kioskPackage.version,
      os: { platform: 'linux', name: 'UnionTech OS Desktop 20 Pro' },
      uptimeS: 12,
      memory: { freeBytes: 1, totalBytes: 2 },
      rttMs: 35,
      reader: { state: 'offline', reason: 'IDCARD_DISCONNECTED' },
      printer: { state: 'problem', name: 'Kiosk', problem: 'out-of-paper', message: 'media-empty' },
      cameras: [{ label: 'HD Pro Webcam C920', path: '/dev/video0' }],
      microphones: [{ label: 'HD Pro Webcam C920: USB Audio', path: 'hw:1,0' }],
      displays: [],
      lastError: { code: 'SERVER_UNREACHABLE' },
      busy: true,
      at: '2026-12-07T08:00:00.000Z',
    });
    expect(report.disk?.totalBytes).toBeGreaterThan(0);
    expect(APP_VERSION).toBe(kioskPackage.version);
  });

  it('reports no devices on a machine without them, and the displays the shell gives', async () => {
    const root = fakeMachine({ 'etc/os-release': 'ID=kylin\n' });
    const displays = [{ id: '1', width: 1920, height: 1080, primary: true, touch: true }];
    const report = await collectReport(sources(root, { displays: () => displays }));
    expect(report.os.name).toBeNull();
    expect(report.cameras).toEqual([]);
    expect(report.microphones).toEqual([]);
    expect(report.displays).toEqual(displays);
  });

  it('reports the devices the renderer opened where the system lists none', async () => {
    const root = fakeMachine({});
    const opened = () => ({ camera: 'Integrated Camera', microphone: null });
    const report = await collectReport(sources(root, { opened }));
    expect(report.cameras).toEqual([{ label: 'Integrated Camera', path: null }]);
    expect(report.microphones).toEqual([]);
    // The system's own list wins when it has one.
    const listed = await collectReport(sources(fakeMachine(UOS_WITH_CAMERA), { opened }));
    expect(listed.cameras).toEqual([{ label: 'HD Pro Webcam C920', path: '/dev/video0' }]);
  });

  it('changes its key for a device or state, not for uptime, memory, disk, rtt or time', async () => {
    const root = fakeMachine(UOS_WITH_CAMERA);
    const a = await collectReport(sources(root));
    const b = {
      ...a,
      uptimeS: 99,
      memory: { freeBytes: 9, totalBytes: 9 },
      disk: null,
      rttMs: 1,
      at: '2027-01-01T00:00:00.000Z',
    };
    expect(changeKey(b)).toBe(changeKey(a));
    expect(changeKey({ ...a, cameras: [] })).not.toBe(changeKey(a));
    expect(changeKey({ ...a, busy: false })).not.toBe(changeKey(a));
  });
});

describe('printerReport', () => {
  it('names the printer’s state', () => {
    expect(printerReport(null, false)).toBeNull();
    expect(printerReport(null, true)).toEqual({ state: 'none', name: null, problem: null, message: null });
    expect(printerReport({ ...printer, problem: null, condition: 'idle', ready: true }, false)?.state).toBe(
      'ready',
    );
    expect(printerReport({ ...printer, problem: null, condition: 'absent' }, false)?.state).toBe('absent');
    expect(printerReport(printer, false)?.state).toBe('problem');
  });

  it('reads PRETTY_NAME, quoted or not', () => {
    expect(prettyName('PRETTY_NAME="Kylin V10 SP1"')).toBe('Kylin V10 SP1');
    expect(prettyName("X=1\nPRETTY_NAME='Debian GNU/Linux 12'")).toBe('Debian GNU/Linux 12');
    expect(prettyName('NAME=x')).toBeNull();
  });
});
