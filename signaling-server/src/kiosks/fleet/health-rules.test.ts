import { DEFAULT_ALERT_RULES, type AlertRules, type HealthReport } from '@rvw/shared';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  alertsOf,
  compareVersions,
  healthNow,
  historyDue,
  inOpeningHours,
  isOffline,
  reportProblems,
  residentProblems,
} from './health-rules';
import { TokenBuckets } from './token-buckets';
import { GiB, healthyReport } from './fleet-test-support';

const codes = (r: HealthReport, rules: AlertRules = DEFAULT_ALERT_RULES, latest: string | null = null) =>
  reportProblems(r, rules, latest).map((p) => p.code);

describe('reportProblems', () => {
  it.each<[string, Partial<HealthReport>, string[]]>([
    ['healthy', {}, []],
    ['reader fault', { reader: { state: 'fault', reason: 'IDCARD_SAM_SELFTEST_FAILED' } }, ['reader-fault']],
    ['reader offline (unplugged)', { reader: { state: 'offline' } }, ['reader-fault']],
    ['reader disabled', { reader: { state: 'disabled' } }, ['reader-disabled']],
    [
      'printer out of paper',
      { printer: { state: 'problem', name: 'Q', problem: 'out-of-paper', message: null } },
      ['printer-out-of-paper'],
    ],
    [
      'printer jammed',
      { printer: { state: 'problem', name: 'Q', problem: 'jammed', message: null } },
      ['printer-problem'],
    ],
    [
      'printer absent',
      { printer: { state: 'absent', name: null, problem: null, message: null } },
      ['printer-absent'],
    ],
    [
      'no printer by configuration',
      { printer: { state: 'none', name: null, problem: null, message: null } },
      [],
    ],
    ['no printer reading yet', { printer: null }, []],
    ['no camera', { cameras: [] }, ['no-camera']],
    ['no microphone', { microphones: [] }, ['no-microphone']],
    [
      'none listed, but the renderer opened both at the last readiness check (Windows, a browser)',
      {
        cameras: [],
        microphones: [],
        readiness: {
          canCall: true,
          checks: [
            { part: 'camera', result: 'ok' },
            { part: 'microphone', result: 'ok' },
          ],
          at: '2026-12-07T02:00:00.000Z',
        },
      },
      [],
    ],
    [
      'none listed, and the renderer could not open the camera',
      {
        cameras: [],
        readiness: {
          canCall: false,
          checks: [
            { part: 'camera', result: 'problem', code: 'NotFoundError' },
            { part: 'microphone', result: 'ok' },
          ],
          at: '2026-12-07T02:00:00.000Z',
        },
      },
      ['no-camera', 'cannot-call'],
    ],
    [
      'readiness says no call',
      {
        readiness: {
          canCall: false,
          checks: [{ part: 'turn', result: 'problem', code: 'TURN_FAILED' }],
          at: '2026-12-07T02:00:00.000Z',
        },
      },
      ['cannot-call'],
    ],
    ['disk at 5 %', { disk: { freeBytes: 5 * GiB, totalBytes: 100 * GiB } }, ['disk-low']],
    ['disk at 10 % (not below)', { disk: { freeBytes: 10 * GiB, totalBytes: 100 * GiB } }, []],
    ['disk unreadable', { disk: null }, []],
  ])('%s', (_name, over, expected) => {
    expect(codes(healthyReport(over))).toEqual(expected);
  });

  it('a reader fault is red, reader disabled amber; the detail carries the reason', () => {
    const [fault] = reportProblems(
      healthyReport({ reader: { state: 'fault', reason: 'IDCARD_SAM_SELFTEST_FAILED' } }),
      DEFAULT_ALERT_RULES,
      null,
    );
    expect(fault).toEqual({ code: 'reader-fault', level: 'red', detail: 'IDCARD_SAM_SELFTEST_FAILED' });
    const [disabled] = reportProblems(
      healthyReport({ reader: { state: 'disabled' } }),
      DEFAULT_ALERT_RULES,
      null,
    );
    expect(disabled?.level).toBe('amber');
  });

  it('version behind the stable channel only when older', () => {
    expect(codes(healthyReport({ appVersion: '1.2.0' }), DEFAULT_ALERT_RULES, '1.3.0')).toEqual([
      'version-behind',
    ]);
    expect(codes(healthyReport({ appVersion: '1.3.0' }), DEFAULT_ALERT_RULES, '1.3.0')).toEqual([]);
    expect(codes(healthyReport({ appVersion: '1.4.0' }), DEFAULT_ALERT_RULES, '1.3.0')).toEqual([]);
    expect(codes(healthyReport({ appVersion: '1.3.0-beta.2' }), DEFAULT_ALERT_RULES, '1.3.0')).toEqual([
      'version-behind',
    ]);
    expect(codes(healthyReport({ appVersion: '1.2.0' }), DEFAULT_ALERT_RULES, null)).toEqual([]);
  });

  it('the disk threshold follows the rules', () => {
    const r = healthyReport({ disk: { freeBytes: 15 * GiB, totalBytes: 100 * GiB } });
    expect(codes(r, { ...DEFAULT_ALERT_RULES, diskFreeMinPercent: 20 })).toEqual(['disk-low']);
    expect(codes(r, { ...DEFAULT_ALERT_RULES, diskFreeMinPercent: 0 })).toEqual([]);
  });
});

describe('compareVersions', () => {
  it.each([
    ['1.0.0', '1.0.1', -1],
    ['1.10.0', '1.9.9', 1],
    ['2.0.0', '2.0.0', 0],
    ['1.0.0-alpha', '1.0.0', -1],
    ['1.0.0-alpha.2', '1.0.0-alpha.10', -1],
    ['1.0.0-alpha', '1.0.0-beta', -1],
    ['1.0.0-1', '1.0.0-alpha', -1],
  ])('%s vs %s', (a, b, sign) => {
    expect(Math.sign(compareVersions(a, b))).toBe(sign);
    expect(Math.sign(compareVersions(b, a))).toBe(-sign || 0);
  });

  it('is antisymmetric and total on release versions', () => {
    const v = fc.tuple(fc.nat(50), fc.nat(50), fc.nat(50)).map((t) => t.join('.'));
    fc.assert(
      fc.property(v, v, v, (a, b, c) => {
        expect(Math.sign(compareVersions(a, b))).toBe(-Math.sign(compareVersions(b, a)) || 0);
        if (compareVersions(a, b) <= 0 && compareVersions(b, c) <= 0)
          expect(compareVersions(a, c)).toBeLessThanOrEqual(0);
      }),
    );
  });
});

describe('offline and opening hours', () => {
  const rules = DEFAULT_ALERT_RULES; // Monday to Saturday 08:30–17:30, 120 s
  // 2026-12-07 is a Monday; 10:00 in Shanghai is 02:00 UTC.
  const mondayTen = new Date('2026-12-07T02:00:00Z');

  it('offline only when not connected and silent for offlineAfterS (or never heard)', () => {
    const now = mondayTen.getTime();
    expect(isOffline(true, null, mondayTen, rules)).toBe(false);
    expect(isOffline(false, null, mondayTen, rules)).toBe(true);
    expect(isOffline(false, now - 119_000, mondayTen, rules)).toBe(false);
    expect(isOffline(false, now - 120_000, mondayTen, rules)).toBe(true);
  });

  it.each([
    ['2026-12-07T00:29:00Z', false], // Monday 08:29
    ['2026-12-07T00:30:00Z', true], // Monday 08:30
    ['2026-12-07T09:29:00Z', true], // Monday 17:29
    ['2026-12-07T09:30:00Z', false], // Monday 17:30
    ['2026-12-12T02:00:00Z', true], // Saturday 10:00
    ['2026-12-13T02:00:00Z', false], // Sunday 10:00
    ['2026-12-06T17:00:00Z', false], // Monday 01:00 in Shanghai (Sunday in UTC)
    ['2026-12-06T23:00:00Z', false], // Monday 07:00
  ])('%s in opening hours: %s', (at, open) => {
    expect(inOpeningHours(new Date(at), rules)).toBe(open);
  });

  it('offline is an alert during opening hours only; the level is red either way', () => {
    const facts = { online: false, lastSeenMs: null, rules };
    const day = healthNow([], { ...facts, now: mondayTen });
    expect(day).toMatchObject({ level: 'red', alerts: ['offline'], offline: true });
    const night = healthNow([], { ...facts, now: new Date('2026-12-07T14:00:00Z') });
    expect(night).toMatchObject({ level: 'red', alerts: [], offline: true });
  });

  it('switched-off rules give no alert, but the problem stays', () => {
    const problems = reportProblems(
      healthyReport({
        reader: { state: 'fault' },
        printer: { state: 'problem', name: 'Q', problem: 'out-of-paper', message: null },
        cameras: [],
      }),
      rules,
      '9.9.9',
    );
    expect(alertsOf(problems, rules, mondayTen).sort()).toEqual(
      ['no-camera', 'printer-out-of-paper', 'reader-fault', 'version-behind'].sort(),
    );
    const off = {
      ...rules,
      readerFault: false,
      printerProblem: false,
      versionBehind: false,
      cannotCall: false,
    };
    expect(alertsOf(problems, off, mondayTen)).toEqual([]);
    expect(problems).toHaveLength(4);
  });

  it('reader-disabled is never an alert', () => {
    const problems = reportProblems(healthyReport({ reader: { state: 'disabled' } }), rules, null);
    expect(alertsOf(problems, rules, mondayTen)).toEqual([]);
  });
});

describe('residentProblems and history', () => {
  it('drops the problems that are not the resident’s business', () => {
    const problems = reportProblems(
      healthyReport({
        appVersion: '0.1.0',
        disk: { freeBytes: 1, totalBytes: 100 },
        printer: { state: 'problem', name: 'Q', problem: 'out-of-paper', message: null },
      }),
      DEFAULT_ALERT_RULES,
      '1.0.0',
    );
    expect(residentProblems(problems).map((p) => p.code)).toEqual(['printer-out-of-paper']);
  });

  it('a point at each change, else at most one per 5-minute bucket', () => {
    const last = { at: '2026-12-07T02:00:10Z', level: 'green' as const, problems: [] };
    const at = (iso: string) => new Date(iso);
    expect(historyDue(null, { at: at('2026-12-07T02:00:20Z'), level: 'green', problems: [] })).toBe(true);
    expect(historyDue(last, { at: at('2026-12-07T02:04:59Z'), level: 'green', problems: [] })).toBe(false);
    expect(historyDue(last, { at: at('2026-12-07T02:05:00Z'), level: 'green', problems: [] })).toBe(true);
    expect(historyDue(last, { at: at('2026-12-07T02:00:40Z'), level: 'amber', problems: ['disk-low'] })).toBe(
      true,
    );
    const amber = { ...last, level: 'amber' as const, problems: ['disk-low' as const] };
    expect(
      historyDue(amber, { at: at('2026-12-07T02:00:40Z'), level: 'amber', problems: ['printer-absent'] }),
    ).toBe(true);
  });
});

describe('TokenBuckets', () => {
  it('allows a burst of 6, then one every 5 s, per key', () => {
    const b = new TokenBuckets();
    const results = Array.from({ length: 8 }, () => b.take('a', 0));
    expect(results).toEqual([true, true, true, true, true, true, false, false]);
    expect(b.take('b', 0)).toBe(true);
    expect(b.take('a', 4999)).toBe(false);
    expect(b.take('a', 5000)).toBe(true);
    expect(b.take('a', 5000)).toBe(false);
  });

  it('never lets more than burst + elapsed/refill through', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(20_000), { maxLength: 200 }), (gaps) => {
        const b = new TokenBuckets({ burst: 6, refillMs: 5000 });
        let t = 0;
        let passed = 0;
        for (const g of gaps) {
          t += g;
          if (b.take('k', t)) passed++;
        }
        expect(passed).toBeLessThanOrEqual(6 + Math.floor(t / 5000));
      }),
    );
  });

  it('forgets full buckets', () => {
    const b = new TokenBuckets();
    b.take('a', 0);
    b.prune(1000);
    expect(b.size).toBe(1);
    b.prune(5000);
    expect(b.size).toBe(0);
  });
});
