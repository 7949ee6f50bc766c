/**
 * The supervisor's live view after a scripted day with real clients: the figures, the push, the
 * charts, and the daily report as CSV from the route and from the CLI (the same bytes).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { SupervisorCharts, SupervisorSnapshot, type QueueFigure } from '@rvw/shared';
import { runCli } from '../cli';
import { shanghaiDay } from '../queue/queue-rules';
import { useTestServer } from '../testing/hooks';
import { okData } from '../testing';
import { REPORT_HEADER, TOTAL_LABEL } from './daily-report';
import { GUSU, scriptedDay, supervisorSocket, TestClock } from './supervision-test-support';

const clock = new TestClock();
const t = useTestServer({ clock: clock.now });

const queueLine = (queues: QueueFigure[], need: string) => queues.find((q) => q.need === need);

describe("the supervisor's live view", () => {
  it('shows the centre’s queue, agents, today’s figures and ratings after a day, and pushes each change', async () => {
    clock.offsetMs = 0;
    const day = await scriptedDay(t, clock);
    const live = await day.supMain.api.supervisorLive();
    expect(SupervisorSnapshot.safeParse(live).success).toBe(true);
    expect(live.centres).toEqual([{ id: 'main', name: expect.any(String) }]);

    // Queue: main's residence ticket has waited the 2 minutes the clock moved; gusu's is not here.
    expect(live.queues.map((q) => q.need)).toEqual([
      'elderly-care',
      'medical-insurance',
      'disability',
      'residence',
      'family-planning',
      'consultation',
      'unsure',
    ]);
    expect(live.queues.every((q) => q.centreId === 'main')).toBe(true);
    expect(queueLine(live.queues, 'residence')).toMatchObject({ waiting: 1, offersMissed: 0 });
    expect(queueLine(live.queues, 'residence')!.longestWaitS).toBeGreaterThanOrEqual(120);
    expect(queueLine(live.queues, 'residence')!.longestWaitS).toBeLessThan(130);
    expect(queueLine(live.queues, 'elderly-care')!.waiting).toBe(0);

    // Agents: main's only, with their status and since when; nobody is in a session.
    expect(live.agents.map((a) => a.displayName).sort()).toEqual(['张 坐席', '王 回访']);
    const a = live.agents.find((x) => x.agentId === day.agentA.id)!;
    expect(a).toMatchObject({ status: 'available', online: true, centreId: 'main' });
    expect(live.agents.find((x) => x.agentId === day.agentC.id)).toMatchObject({
      status: 'away',
      online: false,
    });
    expect(live.sessions).toEqual([]);

    // Today: three answered, two within the minute; 办结, 咨询, 办不成; one cross-centre, one portable.
    expect(live.today).toMatchObject({
      day: shanghaiDay(clock.now()),
      answered: 3,
      firstResponseWithin1Min: 2 / 3,
      closed: 3,
      resolvedShare: 1 / 3,
      notDone: 1,
      crossCentre: 1,
      portable: 1,
    });
    // (300 + 180 + 120) / 3 s, give or take the real time the steps took.
    expect(live.today.meanHandlingS).toBeGreaterThanOrEqual(200);
    expect(live.today.meanHandlingS).toBeLessThan(205);
    expect(live.ratings).toEqual({
      levels: {
        'very-satisfied': 1,
        satisfied: 0,
        'basically-satisfied': 0,
        dissatisfied: 1,
        'very-dissatisfied': 0,
      },
      notRated: 1,
      followUpsOpen: 1,
    });

    // Gusu's supervisor sees the cross-centre session (their agent) but none of main's own work.
    const gusu = await day.supGusu.api.supervisorLive();
    expect(gusu.centres.map((c) => c.id)).toEqual([GUSU]);
    expect(gusu.agents.map((x) => x.displayName)).toEqual(['李 坐席']);
    expect(queueLine(gusu.queues, 'elderly-care')!.waiting).toBe(1);
    expect(queueLine(gusu.queues, 'residence')!.waiting).toBe(0);
    expect(gusu.today).toMatchObject({ answered: 0, closed: 1, notDone: 1, crossCentre: 1, portable: 0 });
    expect(gusu.ratings).toMatchObject({ notRated: 1, followUpsOpen: 0 });

    // The push: a supervisor's socket gets the view on connect, then again when something changes.
    const sup = await supervisorSocket(t, day.supMain.token);
    const first = sup.all('supervisor:update')[0]!;
    expect(first.today.answered).toBe(3);
    const from = sup.received.length;
    const opened = okData(await day.agentA.client.request('ticket:accept', { ticketId: day.waiting.main }));
    const during = await sup.waitFor('supervisor:update', (s) => s.sessions.length === 1, { from });
    expect(SupervisorSnapshot.safeParse(during).success).toBe(true);
    expect(during.sessions[0]).toMatchObject({
      sessionId: opened.session.id,
      agentId: day.agentA.id,
      agentName: '张 坐席',
      centreId: 'main',
      kioskCentreId: 'main',
      kioskName: '一居委',
    });
    expect(queueLine(during.queues, 'residence')!.waiting).toBe(0);
    expect(during.agents.find((x) => x.agentId === day.agentA.id)).toMatchObject({
      status: 'in-session',
      session: { id: opened.session.id },
    });
    // Gusu's supervisor is never sent main's view.
    const gusuSocket = await supervisorSocket(t, day.supGusu.token);
    okData(await day.agentA.client.request('session:end', { sessionId: opened.session.id }));
    await sup.waitFor('supervisor:update', (s) => s.sessions.length === 0, { from: sup.received.length - 1 });
    for (const s of gusuSocket.all('supervisor:update'))
      expect(s.centres).toEqual([{ id: GUSU, name: expect.any(String) }]);

    // A rating pushes today's figures (figures-changed).
    const beforeRating = sup.received.length;
    okData(
      await day.kioskMain.client.request('rating:submit', {
        sessionId: opened.session.id,
        rating: { rated: true, level: 'satisfied', reasons: [] },
      }),
    );
    const rated = await sup.waitFor('supervisor:update', (s) => s.ratings.levels.satisfied === 1, {
      from: beforeRating,
    });
    expect(rated.today.answered).toBe(4);
  });

  it('draws the day’s charts and writes the daily report as CSV, the same from the route and the CLI', async () => {
    clock.offsetMs = 0;
    const day = await scriptedDay(t, clock);
    const today = shanghaiDay(clock.now());

    const charts = await day.supMain.api.supervisorCharts({ query: {} });
    expect(SupervisorCharts.safeParse(charts).success).toBe(true);
    expect(charts.day).toBe(today);
    const answered = charts.firstResponse.reduce((n, h) => n + h.answered, 0);
    const onTime = charts.firstResponse.reduce((n, h) => n + (h.within1Min ?? 0) * h.answered, 0);
    expect([answered, Math.round(onTime)]).toEqual([3, 2]);
    expect(charts.queue.length).toBeGreaterThan(0);
    // The last point is at most 10 minutes old; main's one waiting ticket has been waiting since.
    const last = charts.queue.at(-1)!;
    expect(clock.now().getTime() - Date.parse(last.at)).toBeLessThan(10 * 60_000);
    expect(charts.queue.every((p) => p.waiting <= 2)).toBe(true);
    expect(charts.ratingsPerDay).toHaveLength(14);
    expect(charts.ratingsPerDay.at(-1)).toEqual({
      day: today,
      levels: {
        'very-satisfied': 1,
        satisfied: 0,
        'basically-satisfied': 0,
        dissatisfied: 1,
        'very-dissatisfied': 0,
      },
    });
    expect(charts.ratingsPerDay[0]!.day < today).toBe(true);

    // The still-waiting ticket is withdrawn, so that the report no longer moves with the clock.
    okData(await day.kioskMain.client.request('ticket:cancel', { ticketId: day.waiting.main }));
    const bytes = await day.supMain.api.dailyReport({ query: { date: today } });
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes);
    expect(text.split('\r\n').length).toBe(1 + 8 + 1); // header, 7 needs, total, and the last line end
    expect(text.replace(/\r\n/g, '')).not.toMatch(/\n/);
    const rows = parse(Buffer.from(bytes), { bom: true }) as string[][];
    expect(rows[0]).toEqual([...REPORT_HEADER]);
    const col = (row: string[], name: (typeof REPORT_HEADER)[number]) => row[REPORT_HEADER.indexOf(name)];
    const total = rows.find((r) => col(r, '事项类别') === TOTAL_LABEL)!;
    const expected: Partial<Record<(typeof REPORT_HEADER)[number], string>> = {
      日期: today,
      中心编号: 'main',
      取号: '4',
      应答: '3',
      '1分钟内应答': '2',
      '1分钟内应答率': '66.7%',
      办结: '1',
      受理: '0',
      咨询: '1',
      转办: '0',
      办不成: '1',
      办结受理占比: '33.3%',
      非常满意: '1',
      不满意: '1',
      未评价: '1',
      跨中心: '1',
      上门办: '1',
    };
    for (const [name, value] of Object.entries(expected))
      expect([name, col(total, name as (typeof REPORT_HEADER)[number])]).toEqual([name, value]);
    expect(Number(col(total, '最长等候(秒)'))).toBeGreaterThanOrEqual(120);
    const elderly = rows.find((r) => col(r, '事项类别') === '养老服务')!;
    expect([
      col(elderly, '取号'),
      col(elderly, '应答'),
      col(elderly, '办结'),
      col(elderly, '办不成'),
      col(elderly, '跨中心'),
    ]).toEqual(['2', '2', '1', '1', '1']);
    const consult = rows.find((r) => col(r, '事项类别') === '政策咨询')!;
    expect([col(consult, '1分钟内应答率'), col(consult, '上门办'), col(consult, '不满意')]).toEqual([
      '0.0%',
      '1',
      '1',
    ]);
    // Gusu's report has its own rows only.
    const gusuRows = parse(Buffer.from(await day.supGusu.api.dailyReport({ query: { date: today } })), {
      bom: true,
    }) as string[][];
    expect(new Set(gusuRows.slice(1).map((r) => col(r, '中心编号')))).toEqual(new Set([GUSU]));

    // The CLI writes the same bytes for the same centre and day (to a file, and to stdout).
    const dir = mkdtempSync(join(tmpdir(), 'rvw-report-'));
    try {
      const file = join(dir, 'daily.csv');
      const out: string[] = [];
      const err: string[] = [];
      const io = {
        env: { RVW_DATA_DIR: t.dataDir },
        out: { write: (s: string) => out.push(s) },
        err: { write: (s: string) => err.push(s) },
      };
      const res = await runCli(['report', 'daily', '--date', today, '--centre', 'main', '--out', file], io);
      expect([res, err.join('')]).toEqual([{ exitCode: 0 }, '']);
      expect(Buffer.compare(readFileSync(file), Buffer.from(bytes))).toBe(0);
      expect(out.join('')).toContain(file);
      // Every centre, one after the other, on stdout.
      out.length = 0;
      expect(await runCli(['report', 'daily', '--date', today], io)).toEqual({ exitCode: 0 });
      const all = parse(out.join(''), { bom: true }) as string[][];
      expect(
        all
          .filter((r) => col(r, '事项类别') === TOTAL_LABEL)
          .map((r) => col(r, '中心编号'))
          .sort(),
      ).toEqual(['main', GUSU].sort());
      // Bad input: a stable sentence and exit code, nothing written.
      expect(await runCli(['report', 'daily', '--date', '2026-02-30'], io)).toEqual({ exitCode: 64 });
      expect(await runCli(['report', 'daily', '--centre', 'nowhere'], io)).toEqual({ exitCode: 1 });
      expect(err.join('')).toMatch(/--date must be a calendar day[\s\S]*no centre "nowhere"/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
