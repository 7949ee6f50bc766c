/** The live store: first paint, pushes, when charts and follow-ups are read again, follow-up work, the report. */
import { describe, expect, it } from 'vitest';
import type { Agent, FollowUp, SupervisorCharts, SupervisorSnapshot } from '@rvw/shared';
import type { ConsoleSocket } from '../../app/console-socket';
import { ConsoleError } from '../../lib/errors';
import { placeholdersOf } from '../../i18n/translate';
import { chartsDue, hoursShown, percent, reportFileName, shanghaiDayOf, textProblem } from './live-rules';
import { LiveStore } from './live-store';
import { liveMessages } from './live-text';
import type { LiveTransport } from './live-transport';

const T0 = Date.parse('2026-11-22T02:03:00.000Z'); // 10:03 in Shanghai
const DAY = '2026-11-22';

/** A view of the centre at `serverTime`, with today's answers, ratings and open follow-ups. */
function snap(
  p: { at?: number; answered?: number; satisfied?: number; followUpsOpen?: number; day?: string } = {},
) {
  return {
    serverTime: new Date(p.at ?? T0).toISOString(),
    centres: [{ id: 'main', name: '主中心' }],
    queues: [{ centreId: 'main', need: 'residence', waiting: 1, longestWaitS: 30, offersMissed: 0 }],
    agents: [],
    sessions: [],
    today: {
      day: p.day ?? DAY,
      answered: p.answered ?? 0,
      firstResponseWithin1Min: null,
      closed: 0,
      resolvedShare: null,
      notDone: 0,
      meanHandlingS: null,
      crossCentre: 0,
      portable: 0,
    },
    ratings: {
      levels: {
        'very-satisfied': 0,
        satisfied: p.satisfied ?? 0,
        'basically-satisfied': 0,
        dissatisfied: 0,
        'very-dissatisfied': 0,
      },
      notRated: 0,
      followUpsOpen: p.followUpsOpen ?? 0,
    },
  } satisfies SupervisorSnapshot;
}

function followUp(id: string, p: Partial<FollowUp> = {}): FollowUp {
  return {
    id,
    sessionId: `s-${id}`,
    caseNumbers: [],
    agentId: 'a1',
    level: 'dissatisfied',
    reasons: [],
    staffNote: null,
    openedAt: new Date(T0).toISOString(),
    closedAt: null,
    closedBy: null,
    closingNote: null,
    assignedTo: null,
    notes: [],
    ...p,
  };
}

const charts = (day: string): SupervisorCharts => ({ day, queue: [], firstResponse: [], ratingsPerDay: [] });

/** A transport that records its calls and answers from what the test set. */
class FakeTransport implements LiveTransport {
  calls: string[] = [];
  view: SupervisorSnapshot = snap();
  open: FollowUp[] = [];
  fail: string | null = null;
  private check(name: string) {
    this.calls.push(name);
    if (this.fail) throw new ConsoleError(this.fail, 'refused');
  }
  live = async (): Promise<SupervisorSnapshot> => (this.check('live'), this.view);
  charts = async (day: string) => (this.check(`charts ${day}`), charts(day));
  followUps = async () => (this.check('followUps'), this.open);
  staff = async () => (this.check('staff'), [{ id: 'a2', displayName: '王 回访' } as Agent]);
  assign = async (id: string, agentId: string) => {
    this.check(`assign ${id} ${agentId}`);
    return followUp(id, { assignedTo: { agentId, displayName: '王 回访' } });
  };
  note = async (id: string, text: string) => {
    this.check(`note ${id} ${text}`);
    return followUp(id, { notes: [{ by: 'sup', at: '', text }] });
  };
  close = async (id: string, note: string) => {
    this.check(`close ${id} ${note}`);
    return followUp(id, { closedAt: new Date(T0).toISOString(), closingNote: note });
  };
  report = async (day: string) => (this.check(`report ${day}`), new Uint8Array([0xef, 0xbb, 0xbf]));
}

/** The console socket as the store uses it: handlers by event, and a way to push. */
function fakeSocket() {
  const handlers = new Map<string, (payload: unknown) => void>();
  const socket = { on: (event: string, fn: (p: unknown) => void) => handlers.set(event, fn) };
  return {
    socket: socket as unknown as ConsoleSocket,
    push: (p: unknown) => handlers.get('supervisor:update')!(p),
  };
}

const settle = () => new Promise((r) => setTimeout(r, 0));

function setUp(localNow = T0 - 2000) {
  const transport = new FakeTransport();
  const failures: string[] = [];
  const store = new LiveStore(transport, {
    now: () => localNow,
    failed: (e) => {
      const code = (e as ConsoleError).code;
      failures.push(code);
      return code;
    },
  });
  const { socket, push } = fakeSocket();
  let current = true;
  store.bind(socket, () => current);
  return { store, transport, push, failures, leave: () => (current = false) };
}

describe('the live store', () => {
  it('paints first from the server, with the charts of today, the open follow-ups and the staff', async () => {
    const { store, transport } = setUp();
    transport.open = [followUp('f1')];
    transport.view = snap({ followUpsOpen: 1 });
    await store.open();
    await settle();
    expect(transport.calls.sort()).toEqual(['charts 2026-11-22', 'followUps', 'live', 'staff']);
    const s = store.getSnapshot();
    expect(s.snapshot?.queues[0]?.waiting).toBe(1);
    expect(s.day).toBe(DAY);
    expect(s.offsetMs).toBe(2000); // the server's clock is 2 s ahead of this machine's
    expect(s.charts?.day).toBe(DAY);
    expect(s.followUps.map((f) => f.id)).toEqual(['f1']);
    expect(s.staff.map((a) => a.displayName)).toEqual(['王 回访']);
    expect(store.today()).toBe(DAY);
  });

  it('reads everything at the first paint even when a push came before the tab was opened', async () => {
    const { store, transport, push } = setUp();
    transport.open = [followUp('f1')];
    transport.view = snap({ followUpsOpen: 1 });
    // The server greets a supervisor's socket with the view before the tab is ever shown.
    push(snap({ followUpsOpen: 1 }));
    await settle();
    expect(transport.calls).toEqual([]);
    await store.open();
    await settle();
    expect(transport.calls.sort()).toEqual(['charts 2026-11-22', 'followUps', 'live', 'staff']);
    expect(store.getSnapshot().followUps.map((f) => f.id)).toEqual(['f1']);
  });

  it('follows the pushes; reads the charts and follow-ups again only when they moved', async () => {
    const { store, transport, push, leave } = setUp();
    await store.open();
    await settle();
    transport.calls = [];

    // Same answers, same ratings, same 10 minutes: nothing to read again.
    push(snap({ at: T0 + 60_000 }));
    await settle();
    expect(transport.calls).toEqual([]);
    expect(store.getSnapshot().snapshot?.serverTime).toBe(new Date(T0 + 60_000).toISOString());
    // Another answer: today's charts.
    push(snap({ at: T0 + 61_000, answered: 1 }));
    await settle();
    expect(transport.calls).toEqual(['charts 2026-11-22']);
    // A rating and a follow-up opened: charts and follow-ups.
    transport.calls = [];
    push(snap({ at: T0 + 62_000, answered: 1, satisfied: 1, followUpsOpen: 1 }));
    await settle();
    expect(transport.calls.sort()).toEqual(['charts 2026-11-22', 'followUps']);
    // A new 10-minute point (10:10) since they were read.
    transport.calls = [];
    push(snap({ at: T0 + 8 * 60_000, answered: 1, satisfied: 1, followUpsOpen: 1 }));
    await settle();
    expect(transport.calls).toEqual(['charts 2026-11-22']);

    // A push that is not a view, or for a page signed out since, changes nothing.
    const before = store.getSnapshot();
    push({ serverTime: 'x' });
    leave();
    push(snap({ answered: 9 }));
    await settle();
    expect(store.getSnapshot()).toBe(before);
  });

  it('keeps another day chosen: its charts are read once, never again on a push', async () => {
    const { store, transport, push } = setUp();
    await store.open();
    await settle();
    await store.chooseDay('2026-11-20');
    transport.calls = [];
    push(snap({ at: T0 + 3_600_000, answered: 5 }));
    await settle();
    expect(transport.calls).toEqual([]);
    expect(store.getSnapshot()).toMatchObject({ day: '2026-11-20', charts: { day: '2026-11-20' } });
    await store.chooseDay('not a day');
    expect(store.getSnapshot().day).toBe('2026-11-20');
  });

  it('assigns, notes and closes follow-ups; a closed one leaves the list; one at a time', async () => {
    const { store, transport } = setUp();
    transport.open = [followUp('f1'), followUp('f2')];
    transport.view = snap({ followUpsOpen: 2 });
    await store.open();
    await settle();
    const assigning = store.assign('f1', 'a2');
    expect(store.getSnapshot().working).toBe('f1');
    expect(await store.note('f2', 'refused while busy')).toBe(false);
    expect(await assigning).toBe(true);
    expect(store.getSnapshot().followUps[0]?.assignedTo?.agentId).toBe('a2');
    expect(await store.note('f1', '  已电话联系  ')).toBe(true);
    expect(store.getSnapshot().followUps[0]?.notes.map((n) => n.text)).toEqual(['已电话联系']);
    expect(await store.close('f1', '已回访')).toBe(true);
    expect(store.getSnapshot().followUps.map((f) => f.id)).toEqual(['f2']);
    expect(transport.calls.filter((c) => /^(assign|note|close)/.test(c))).toEqual([
      'assign f1 a2',
      'note f1 已电话联系',
      'close f1 已回访',
    ]);
  });

  it('says why a call failed (the console decides on a lost login), and recovers', async () => {
    const { store, transport, failures } = setUp();
    await store.open();
    await settle();
    transport.open = [followUp('f1')];
    transport.fail = 'FORBIDDEN';
    expect(await store.assign('f1', 'a9')).toBe(false);
    expect(store.getSnapshot()).toMatchObject({ error: 'FORBIDDEN', working: null });
    expect(await store.report()).toBeNull();
    expect(failures).toEqual(['FORBIDDEN', 'FORBIDDEN']);
    transport.fail = null;
    const bytes = await store.report();
    expect([...(bytes ?? [])]).toEqual([0xef, 0xbb, 0xbf]);
    expect(transport.calls.at(-1)).toBe('report 2026-11-22');
    expect(store.getSnapshot()).toMatchObject({ error: null, downloading: false });
  });

  it('forgets everything at sign-out, and drops answers that come after', async () => {
    const { store, transport } = setUp();
    let release: () => void = () => undefined;
    transport.live = () =>
      new Promise<SupervisorSnapshot>((r) => {
        release = () => r(snap({ answered: 3 }));
      });
    const opening = store.open();
    store.reset();
    release();
    await opening;
    await settle();
    expect(store.getSnapshot()).toMatchObject({ snapshot: null, day: null, charts: null });
  });
});

describe('the live rules', () => {
  it('reads a Shanghai day, percentages, file names and the hours to draw', () => {
    expect(shanghaiDayOf(Date.parse('2026-11-21T16:00:00.000Z'))).toBe('2026-11-22');
    expect(shanghaiDayOf(Date.parse('2026-11-21T15:59:59.000Z'))).toBe('2026-11-21');
    expect([percent(2 / 3), percent(null)]).toEqual(['67%', null]);
    expect(reportFileName('main', DAY)).toBe('日报-main-2026-11-22.csv');
    expect(textProblem(' a ')).toBe('short');
    expect(textProblem('已回访')).toBeNull();
    const hours = (busy: number[]) =>
      hoursShown(
        Array.from({ length: 24 }, (_, hour) => ({
          hour,
          answered: busy.includes(hour) ? 1 : 0,
          within1Min: null,
        })),
      );
    expect(hours([])).toEqual([8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18]);
    expect(hours([7, 20])[0]).toBe(7);
    expect(hours([7, 20]).at(-1)).toBe(20);
  });

  it('never reads another day’s charts again, and reads today’s at a new day', () => {
    const a = snap();
    expect(chartsDue('2026-11-21', T0, a, snap({ answered: 4 }))).toBe(false);
    expect(chartsDue(DAY, T0, null, a)).toBe(true);
    expect(chartsDue('2026-11-23', T0, a, snap({ day: '2026-11-23' }))).toBe(true);
  });

  it('has every word in both languages with the same placeholders', () => {
    const zh = liveMessages['zh-CN'];
    const en = liveMessages.en;
    expect(Object.keys(en).sort()).toEqual(Object.keys(zh).sort());
    for (const key of Object.keys(zh) as Array<keyof typeof zh>)
      expect([key, placeholdersOf(en[key]).sort()]).toEqual([key, placeholdersOf(zh[key]).sort()]);
  });
});
