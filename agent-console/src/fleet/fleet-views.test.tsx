/**
 * The 设备 tab rendered from a store: level as shape + word, problems in words with alerts marked,
 * last seen relative, version marked when behind, devices, counts on the level filter, the centre
 * filter only when the list spans centres, the detail panel (devices, readiness, diagnostics with
 * who asked and the result), the history strip, and both languages.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_ALERT_RULES, type FleetKiosk } from '@rvw/shared';
import { all, html, one } from '../queue/test-render';
import { FleetBoard, type FleetSection } from './FleetView';
import { FleetStore } from './fleet-store';
import { stretchesOf } from './HistoryStrip';
import { AT, diagnostic, fakeTransport, fleetKiosk, report } from './test-fleet';

const NOW = Date.parse(AT) + 90_000;

const rows: FleetKiosk[] = [
  fleetKiosk('k1', '田林 一号'),
  fleetKiosk('k2', '华悦 二号', ['printer-out-of-paper', 'version-behind'], {
    report: report({
      appVersion: '1.3.2',
      printer: { state: 'problem', name: 'kiosk-printer', problem: 'out-of-paper', message: 'media-empty' },
    }),
    alerts: ['printer-out-of-paper'],
  }),
  fleetKiosk('k3', '康健 三号', ['reader-fault'], {
    report: report({ reader: { state: 'fault', reason: 'IDCARD_READER_ERROR' } }),
  }),
];

async function loaded(kiosks = rows, patch: Parameters<typeof fakeTransport>[1] = {}) {
  const store = new FleetStore(fakeTransport(kiosks, patch));
  await store.open();
  return store;
}

function board(
  store: FleetStore,
  locale: 'zh-CN' | 'en' = 'zh-CN',
  section?: FleetSection,
  administers = true,
) {
  return html(
    <FleetBoard
      state={store.getSnapshot()}
      store={store}
      centreName={(id) => (id === 'suzhou-gusu' ? '姑苏中心' : '田林中心')}
      serverUrl="https://rvw.example.cn"
      onFailure={() => 'X'}
      now={NOW}
      administers={administers}
      {...(section ? { initialSection: section } : {})}
    />,
    locale,
  );
}

describe('a technician', () => {
  it('sees the list and the codes, not the rules or updates, and rotates but does not revoke', async () => {
    const store = await loaded();
    await store.select('k3');
    const markup = board(store, 'zh-CN', undefined, false);
    expect(all(markup, 'fleet-section-list')).toHaveLength(1);
    expect(all(markup, 'fleet-section-enrol')).toHaveLength(1);
    expect(all(markup, 'fleet-section-rules')).toHaveLength(0);
    expect(all(markup, 'fleet-section-updates')).toHaveLength(0);
    expect(one(markup, 'kiosk-rotate')).toBeTruthy();
    expect(one(markup, 'kiosk-revoke')).toBeFalsy();
    // An admin's board has both.
    expect(one(board(store), 'kiosk-revoke')).toBeTruthy();
  });
});

describe('the fleet table', () => {
  it('lists red first, then amber, then green, each level as a word', async () => {
    const markup = board(await loaded());
    const levels = all(markup, 'fleet-level').map((l) => [l.attr('data-level'), l.text]);
    expect(levels).toEqual([
      ['red', '✖故障'],
      ['amber', '▲需处理'],
      ['green', '●正常'],
    ]);
  });

  it('says what is wrong in words, marks alerts, and marks a version behind', async () => {
    const markup = board(await loaded());
    const amber = all(markup, 'fleet-row')[1]!;
    expect(amber.text).toContain('告警打印机缺纸');
    expect(amber.text).toContain('软件版本落后');
    expect(amber.text).toContain('落后（最新 1.4.0）');
    expect(all(markup, 'fleet-version').map((v) => v.attr('data-behind'))).toEqual([
      'false',
      'true',
      'false',
    ]);
    expect(all(markup, 'fleet-row')[2]!.text).toContain('一切正常');
  });

  it('says when each kiosk was last seen, relative to now', async () => {
    expect(all(board(await loaded()), 'fleet-seen')[0]!.text).toBe('1 分钟前');
    expect(all(board(await loaded(), 'en'), 'fleet-seen')[0]!.text).toBe('1 min ago');
  });

  it('shows the devices, a bad one marked', async () => {
    const markup = board(await loaded());
    const red = all(markup, 'fleet-devices')[0]!;
    expect(red.text).toContain('读卡器 故障');
    expect(red.tag).toBeTruthy();
    expect(markup).toMatch(/data-device="reader" data-bad="true"/);
  });

  it('counts per level on the level filter; the centre filter appears only across centres', async () => {
    const one1 = board(await loaded());
    expect(one(one1, 'fleet-level-red')!.text).toBe('故障 1');
    expect(one(one1, 'fleet-level-all')!.text).toBe('全部 3');
    expect(one(one1, 'fleet-centre')).toBeNull();
    const other = fleetKiosk('k9', '姑苏 九号', ['offline']);
    other.kiosk.centreId = 'suzhou-gusu';
    const markup = board(await loaded([...rows, other]));
    expect(one(markup, 'fleet-centre')!.text).toContain('姑苏中心 (1)');
    expect(one(markup, 'fleet-level-red')!.text).toBe('故障 2');
  });

  it('filters by level', async () => {
    const store = await loaded();
    store.chooseLevel('amber');
    expect(all(board(store), 'fleet-row').map((r) => r.attr('data-kiosk-id'))).toEqual(['k2']);
  });

  it('says so when no kiosk is enrolled, and when the list failed', async () => {
    expect(one(board(await loaded([])), 'fleet-empty')).not.toBeNull();
    const store = new FleetStore(fakeTransport([], { fleet: () => Promise.reject(new Error('x')) }));
    await store.open();
    expect(one(board(store), 'fleet-error')!.text).toContain('设备列表读取失败');
  });

  it('speaks English', async () => {
    const markup = board(await loaded(), 'en');
    expect(all(markup, 'fleet-row')[1]!.text).toContain('AlertPrinter out of paper');
    expect(one(markup, 'fleet-level-amber')!.text).toBe('Attention 1');
  });
});

describe('the kiosk detail', () => {
  it('shows devices in full, the readiness check, and diagnostics with who asked and the result', async () => {
    const k3 = fleetKiosk('k3', '康健 三号', ['cannot-call'], {
      report: report({
        cameras: [],
        readiness: {
          canCall: false,
          at: AT,
          checks: [
            { part: 'camera', result: 'problem', code: 'NotFoundError' },
            { part: 'server', result: 'ok' },
          ],
        },
      }),
    });
    const done = diagnostic('k3', {
      state: 'done',
      result: {
        kind: 'checks',
        checks: [
          { name: 'printer', ok: true, exitCode: 0, summary: 'ready' },
          { name: 'cameras', ok: false, exitCode: 3, summary: 'no /dev/video*' },
        ],
      },
    });
    const store = await loaded([k3], { diagnostics: () => Promise.resolve([done]) });
    await store.select('k3');
    const markup = board(store);
    const detail = one(markup, 'kiosk-detail')!;
    expect(detail.text).toContain('康健 三号');
    expect(one(markup, 'kiosk-devices')!.text).toContain('摄像头无');
    expect(one(markup, 'kiosk-readiness')!.text).toContain('不能视频通话');
    expect(one(markup, 'kiosk-readiness')!.text).toContain('摄像头：有问题 NotFoundError');
    const request = one(markup, 'diag-request')!;
    expect(request.text).toContain('检查 · 已完成');
    expect(request.text).toContain('王主管');
    expect(one(markup, 'diag-checks')!.text).toContain('摄像头和麦克风：未通过（退出码 3） — no /dev/video*');
    expect(one(markup, 'diag-ask-restart')!.text).toBe('重启应用');
    expect(one(markup, 'kiosk-rotate')!.text).toBe('更换凭据');
    expect(one(markup, 'kiosk-revoke')!.text).toBe('停用');
  });

  it('shows log lines when they arrive', async () => {
    const store = await loaded();
    await store.select('k1');
    store.applyDiagnostic(
      diagnostic('k1', { kind: 'logs', state: 'done', result: { kind: 'logs', lines: ['a', 'b'] } }),
    );
    expect(one(board(store), 'diag-logs')!.text).toBe('a\nb');
    expect(one(board(store), 'kiosk-diagnostics')!.text).toContain('2 行日志（已去除身份证号和姓名）');
  });
});

describe('the history strip', () => {
  it('turns points into stretches of one level over the last 24 hours', () => {
    const now = Date.parse('2026-12-07T12:00:00.000Z');
    const point = (at: string, level: 'green' | 'amber' | 'red') => ({
      at,
      level,
      problems: [],
      appVersion: null,
      rttMs: null,
      diskFreeBytes: null,
    });
    const s = stretchesOf(
      [
        point('2026-12-06T00:00:00.000Z', 'green'),
        point('2026-12-07T00:00:00.000Z', 'green'),
        point('2026-12-07T06:00:00.000Z', 'red'),
      ],
      now,
    );
    expect(s.map((x) => [x.level, Math.round(x.left), Math.round(x.width)])).toEqual([
      ['green', 0, 75],
      ['red', 75, 25],
    ]);
  });
});

describe('the panels', () => {
  it('the enrolment form and the open codes', async () => {
    const markup = board(await loaded(), 'zh-CN', 'enrol');
    expect(one(markup, 'enrolment-form')!.text).toContain('有效时间（小时）');
    expect(one(markup, 'enrol-hours')!.attr('value')).toBe('24');
  });

  it('the alert rules and update channels load inside their panels', async () => {
    expect(board(await loaded(), 'zh-CN', 'rules')).toContain('正在读取设备列表');
    expect(one(board(await loaded(), 'en', 'updates'), 'fleet-view')!.text).toContain('Updates');
    expect(DEFAULT_ALERT_RULES.offlineAfterS).toBe(120);
  });
});

describe('a failed action', () => {
  it('is said in the detail panel, KIOSK_OFFLINE in the fleet’s words', async () => {
    const store = await loaded(rows, {
      requestDiagnostics: () =>
        Promise.reject(Object.assign(new Error('offline'), { code: 'KIOSK_OFFLINE' })),
    });
    await store.select('k1');
    await store.diagnose('k1', 'logs');
    const markup = board(store);
    expect(one(markup, 'kiosk-detail-error')!.text).toBe('终端现在离线：等它重新连接后再试。');
    expect(one(markup, 'fleet-error')).toBeNull();
  });
});
