/** The live tab rendered from a store: the agreed test ids, the figures in words, both languages; the charts' options. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Agent, FollowUp, SupervisorCharts, SupervisorSnapshot } from '@rvw/shared';
import { all, html, one } from '../../queue/test-render';
import { firstResponseOption, queueOption, ratingsOption, RATING_COLOURS } from './chart-options';
import { LiveStore } from './live-store';
import type { LiveTransport } from './live-transport';
import { LiveBoard } from './LiveView';

const AT = '2026-11-22T02:00:00.000Z'; // 10:00 in Shanghai

const view: SupervisorSnapshot = {
  serverTime: AT,
  centres: [{ id: 'main', name: '天林中心' }],
  queues: [
    { centreId: 'main', need: 'elderly-care', waiting: 2, longestWaitS: 660, offersMissed: 1 },
    { centreId: 'main', need: 'unsure', waiting: 0, longestWaitS: 0, offersMissed: 0 },
  ],
  agents: [
    {
      agentId: 'a1',
      displayName: '张 坐席',
      centreId: 'main',
      skills: ['elderly-care'],
      status: 'in-session',
      since: '2026-11-22T01:55:00.000Z',
      online: true,
      session: { id: 's1', startedAt: '2026-11-22T01:55:00.000Z', ticketNumber: 'A007' },
    },
    {
      agentId: 'a2',
      displayName: '王 回访',
      centreId: 'main',
      skills: [],
      status: 'away',
      since: '2026-11-22T00:00:00.000Z',
      online: false,
    },
  ],
  sessions: [
    {
      sessionId: 's1',
      ticketNumber: 'A007',
      agentId: 'a1',
      agentName: '张 坐席',
      centreId: 'main',
      kioskCentreId: 'suzhou-gusu',
      kioskName: '姑苏 一居委',
      startedAt: '2026-11-22T01:55:00.000Z',
    },
  ],
  today: {
    day: '2026-11-22',
    answered: 3,
    firstResponseWithin1Min: 2 / 3,
    closed: 4,
    resolvedShare: 0.5,
    notDone: 1,
    meanHandlingS: 200,
    crossCentre: 1,
    portable: 2,
  },
  ratings: {
    levels: {
      'very-satisfied': 3,
      satisfied: 1,
      'basically-satisfied': 0,
      dissatisfied: 1,
      'very-dissatisfied': 0,
    },
    notRated: 2,
    followUpsOpen: 1,
  },
};

const charts: SupervisorCharts = {
  day: '2026-11-22',
  queue: [
    { at: '2026-11-22T01:50:00.000Z', waiting: 1, longestWaitS: 90 },
    { at: '2026-11-22T02:00:00.000Z', waiting: 2, longestWaitS: 660 },
  ],
  firstResponse: Array.from({ length: 24 }, (_, hour) => ({
    hour,
    answered: hour === 9 ? 3 : 0,
    within1Min: hour === 9 ? 2 / 3 : null,
  })),
  ratingsPerDay: [
    {
      day: '2026-11-21',
      levels: {
        'very-satisfied': 1,
        satisfied: 0,
        'basically-satisfied': 0,
        dissatisfied: 0,
        'very-dissatisfied': 0,
      },
    },
    { day: '2026-11-22', levels: view.ratings.levels },
  ],
};

const followUp: FollowUp = {
  id: 'f1',
  sessionId: 's0',
  caseNumbers: ['JA-20261122-0003'],
  agentId: 'a1',
  level: 'dissatisfied',
  reasons: ['waited-too-long'],
  staffNote: null,
  openedAt: AT,
  closedAt: null,
  closedBy: null,
  closingNote: null,
  assignedTo: { agentId: 'a2', displayName: '王 回访' },
  notes: [{ by: 'a2', at: AT, text: '已电话联系' }],
};

const transport: LiveTransport = {
  live: async () => view,
  charts: async () => charts,
  followUps: async () => [followUp],
  staff: async () =>
    [
      { id: 'a1', displayName: '张 坐席' },
      { id: 'a2', displayName: '王 回访' },
      { id: 'a3', displayName: '李 组长' },
    ] as Agent[],
  assign: async () => followUp,
  note: async () => followUp,
  close: async () => followUp,
  report: async () => new Uint8Array(),
};

/** A store opened on the view above (local clock = server clock). */
async function opened(): Promise<LiveStore> {
  const store = new LiveStore(transport, { now: () => Date.parse(AT) });
  await store.open();
  await new Promise((r) => setTimeout(r, 0));
  return store;
}

const board = (store: LiveStore) => <LiveBoard state={store.getSnapshot()} store={store} />;

describe('the live tab', () => {
  // The durations tick on the local clock: pinned to the view's server time.
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.parse(AT));
  });
  afterEach(() => vi.useRealTimers());

  it('shows the queue, staff, sessions, today’s figures, ratings, follow-ups, charts and the report', async () => {
    const markup = html(board(await opened()));
    expect(one(markup, 'live-view')).not.toBeNull();
    const rows = all(markup, 'live-queue-row');
    expect(rows.map((r) => r.attr('data-need'))).toEqual(['elderly-care', 'unsure']);
    expect(rows[0]!.text).toContain('11:00'); // the longest wait, past the 10-minute target
    expect(rows[0]!.tag).not.toContain('live-quiet');
    expect(
      all(markup, 'live-agent-row').map((r) => [r.attr('data-agent-id'), r.attr('data-status')]),
    ).toEqual([
      ['a1', 'in-session'],
      ['a2', 'away'],
    ]);
    expect(all(markup, 'live-agent-status').map((s) => s.text)).toEqual(['服务中', '离开']);
    expect(all(markup, 'live-agent-row')[0]!.text).toContain('A007 · 5:00');
    const session = one(markup, 'live-session-row')!;
    expect(session.text).toContain('姑苏 一居委');
    expect(session.text).toContain('跨中心');
    expect(one(markup, 'live-first-response-value')!.text).toBe('67%');
    expect(one(markup, 'live-resolved-value')!.text).toBe('50%');
    expect(one(markup, 'live-not-done-value')!.text).toBe('1件');
    expect(one(markup, 'live-handling-value')!.text).toBe('3:20');
    expect(all(markup, 'live-rating-level').map((l) => l.attr('data-count'))).toEqual([
      '3',
      '1',
      '0',
      '1',
      '0',
    ]);
    expect(one(markup, 'live-ratings')!.text).toContain('未评价 2');
    const fu = one(markup, 'live-followup-row')!;
    expect(fu.text).toContain('不满意');
    expect(fu.text).toContain('等得太久');
    expect(fu.text).toContain('已电话联系');
    expect(fu.text).toContain('被评价：张 坐席');
    // The assignee is chosen from the centre's staff (the one assigned is shown, not offered again).
    expect(one(markup, 'followup-assign')!.text).toBe('王 回访张 坐席李 组长');
    for (const id of ['followup-assign', 'followup-note', 'followup-close', 'followup-assignee'])
      expect([id, one(markup, id) !== null]).toEqual([id, true]);
    expect(one(markup, 'followup-assignee')!.text).toBe('负责人：王 回访');
    for (const id of ['chart-queue', 'chart-first-response', 'chart-ratings'])
      expect([id, one(markup, id) !== null]).toEqual([id, true]);
    expect(one(markup, 'report-date')!.attr('value')).toBe('2026-11-22');
    expect(one(markup, 'report-download')!.text).toBe('下载日报');
  });

  it('speaks English when the console does', async () => {
    const markup = html(board(await opened()), 'en');
    expect(one(markup, 'report-download')!.text).toBe('Download the daily report');
    expect(all(markup, 'live-agent-status').map((s) => s.text)).toEqual(['In a session', 'Away']);
    expect(one(markup, 'live-not-done-value')!.text).toBe('1');
    expect(one(markup, 'chart-queue')!.text).toContain('Waiting and longest wait');
    for (const zh of ['下载日报', '等候人数', '负责人', '今日数据', '服务中'])
      expect(markup).not.toContain(zh);
  });

  it('says it is reading until the first view comes', () => {
    const store = new LiveStore(transport);
    expect(one(html(board(store)), 'live-view')!.text).toBe('正在读取实时数据…');
  });
});

describe('the charts', () => {
  it('draws the queue with its 10-minute target, in the console’s language', () => {
    const zh = queueOption(charts, 'zh-CN') as {
      xAxis: { data: string[] };
      series: Array<{ name: string; data: number[]; markLine?: unknown }>;
    };
    expect(zh.xAxis.data).toEqual(['09:50', '10:00']);
    expect(zh.series.map((s) => s.name)).toEqual(['等候人数', '最长等候（分钟）']);
    expect(zh.series[1]!.data).toEqual([1.5, 11]);
    expect(JSON.stringify(zh.series[1]!.markLine)).toContain('"yAxis":10');
    const en = queueOption(charts, 'en') as { series: Array<{ name: string }> };
    expect(en.series.map((s) => s.name)).toEqual(['Waiting', 'Longest wait (min)']);
  });

  it('draws answers per hour over the working day and the share within 1 minute', () => {
    const o = firstResponseOption(charts, 'zh-CN') as {
      xAxis: { data: string[] };
      series: Array<{ data: Array<number | null> }>;
    };
    expect(o.xAxis.data[0]).toBe('8时');
    expect(o.xAxis.data.at(-1)).toBe('18时');
    expect(o.series[0]!.data[1]).toBe(3);
    expect(o.series[1]!.data.slice(0, 3)).toEqual([null, 67, null]);
  });

  it('stacks the five rating levels per day, green to red, named in the console’s language', () => {
    const o = ratingsOption(charts, 'en') as {
      xAxis: { data: string[] };
      series: Array<{ name: string; data: number[]; itemStyle: { color: string } }>;
    };
    expect(o.xAxis.data).toEqual(['11-21', '11-22']);
    expect(o.series.map((s) => s.name)).toEqual([
      'Very satisfied',
      'Satisfied',
      'Basically satisfied',
      'Dissatisfied',
      'Very dissatisfied',
    ]);
    expect(o.series[0]!.data).toEqual([1, 3]);
    expect(o.series.map((s) => s.itemStyle.color)).toEqual(Object.values(RATING_COLOURS));
  });
});
