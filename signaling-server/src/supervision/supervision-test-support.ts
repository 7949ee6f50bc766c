/**
 * A scripted day for the supervision tests (imported by tests only): two partner centres, their
 * supervisors, agents and kiosks (one portable), and five visits played with real clients under a
 * clock the test moves forward: on time, late, across centres, one left waiting in each centre.
 */
import {
  createHttpClient,
  httpRoutes,
  type HttpClient,
  type OutcomeRecord,
  type Skill,
  type TicketNeed,
} from '@rvw/shared';
import {
  connectAgent,
  connectKiosk,
  createTestAgent,
  createTestCentre,
  createTestKiosk,
  okData,
  setTestCentreRouting,
  type TestClient,
} from '../testing';
import type { ServerUnderTest } from '../testing/hooks';

/** The partner centre (the default centre is `main`). */
export const GUSU = 'suzhou-gusu';

/** A clock the test moves forward, kept clear of Shanghai's midnight so that "today" holds. */
export class TestClock {
  offsetMs = 0;
  private readonly base: number;

  constructor() {
    const hour = Number(
      new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Shanghai', hour: '2-digit', hour12: false }).format(
        new Date(),
      ),
    );
    // The script moves the clock about half an hour: start well before midnight, well after it.
    this.base = hour >= 22 ? -3 * 3_600_000 : hour < 2 ? 3 * 3_600_000 : 0;
  }

  readonly now = (): Date => new Date(Date.now() + this.base + this.offsetMs);

  advance(ms: number): void {
    this.offsetMs += ms;
  }
}

/** What the scripted day leaves for the test to check. */
export interface ScriptedDay {
  supMain: { api: HttpClient<typeof httpRoutes>; token: string; agentId: string };
  supGusu: { api: HttpClient<typeof httpRoutes>; token: string; agentId: string };
  agentA: { id: string; client: TestClient };
  agentB: { id: string; client: TestClient };
  /** A second agent of main (assignee of follow-ups). */
  agentC: { id: string };
  kioskMain: { id: string; client: TestClient };
  kioskPortable: { id: string; client: TestClient };
  kioskGusu: { id: string; client: TestClient };
  /** Case ids: on time (办结), late (咨询), cross-centre (办不成). */
  cases: { completed: string; consultation: string; notDone: string };
  /** Sessions: on time, late, cross-centre. */
  sessions: { onTime: string; late: string; cross: string };
  /** The tickets left waiting: main's (residence) and gusu's (elderly care). */
  waiting: { main: string; gusu: string };
}

async function supervisor(t: ServerUnderTest, centreId: string, name: string) {
  const s = await createTestAgent(t.server, { role: 'admin', displayName: name, centreId });
  return {
    api: createHttpClient(httpRoutes, { baseUrl: t.url, token: s.token }),
    token: s.token,
    agentId: s.agent.id,
  };
}

async function agent(t: ServerUnderTest, centreId: string, name: string, skills: Skill[]) {
  const a = await createTestAgent(t.server, { displayName: name, centreId, skills });
  const client = await connectAgent(t.url, a.token);
  t.track(client);
  okData(await client.request('agent:status', { status: 'available' }));
  return { id: a.agent.id, client };
}

async function kiosk(t: ServerUnderTest, centreId: string, name: string, kind: 'fixed' | 'portable') {
  const k = await createTestKiosk(t.server, { centreId, name, kind });
  const client = await connectKiosk(t.url, k.token);
  t.track(client);
  return { id: k.kiosk.id, client };
}

async function ticket(k: { client: TestClient }, need: TicketNeed): Promise<string> {
  return okData(await k.client.request('ticket:request', { need })).ticket.id;
}

/**
 * One visit: `by` accepts the kiosk's ticket after `waitMs`, handles one case for `handleMs`, ends
 * the session; the kiosk rates it (or not).
 */
async function visit(
  clock: TestClock,
  k: { client: TestClient },
  by: { client: TestClient },
  v: {
    need: TicketNeed;
    waitMs: number;
    handleMs: number;
    itemCode: string;
    outcome: OutcomeRecord;
    rating: { rated: true; level: 'very-satisfied' | 'dissatisfied' } | { rated: false };
  },
): Promise<{ sessionId: string; caseId: string }> {
  const ticketId = await ticket(k, v.need);
  clock.advance(v.waitMs);
  const opened = okData(await by.client.request('ticket:accept', { ticketId }));
  const sessionId = opened.session.id;
  const c = okData(await by.client.request('case:open', { sessionId, itemCode: v.itemCode }));
  clock.advance(v.handleMs);
  okData(
    await by.client.request('case:outcome', {
      caseId: c.caseId,
      record: v.outcome,
    }),
  );
  okData(await by.client.request('session:end', { sessionId }));
  okData(await by.client.request('agent:status', { status: 'available' }));
  okData(
    await k.client.request('rating:submit', {
      sessionId,
      rating: v.rating.rated ? { ...v.rating, reasons: [] } : v.rating,
    }),
  );
  return { sessionId, caseId: c.caseId };
}

/**
 * Plays the day: main overflows to gusu at once. A (main) answers an elderly-care ticket at once
 * (5 min, 办结, 非常满意) and a consultation from the portable kiosk after 90 s (3 min, 咨询, 不满意:
 * a follow-up); B (gusu) answers main's elderly-care ticket (2 min, 办不成, not rated). Left waiting:
 * a residence ticket at main, an elderly-care ticket at gusu.
 */
export async function scriptedDay(t: ServerUnderTest, clock: TestClock): Promise<ScriptedDay> {
  await createTestCentre(t.server, { id: GUSU, name: '姑苏区社区事务受理服务中心', region: '苏州市姑苏区' });
  await setTestCentreRouting(t.server, 'main', { overflowAfterS: 0, anySkillAfterS: 60 }, [GUSU]);
  const supMain = await supervisor(t, 'main', '主中心 主管');
  const supGusu = await supervisor(t, GUSU, '姑苏 主管');
  const agentA = await agent(t, 'main', '张 坐席', ['elderly-care', 'consultation']);
  const agentB = await agent(t, GUSU, '李 坐席', ['elderly-care']);
  const c = await createTestAgent(t.server, { displayName: '王 回访', centreId: 'main' });
  const kioskMain = await kiosk(t, 'main', '一居委', 'fixed');
  const kioskPortable = await kiosk(t, 'main', '上门办 1号', 'portable');
  const kioskGusu = await kiosk(t, GUSU, '姑苏 一居委', 'fixed');

  const onTime = await visit(clock, kioskMain, agentA, {
    need: 'elderly-care',
    waitMs: 20_000,
    handleMs: 300_000,
    itemCode: 'ltci-result-notice-print',
    outcome: { outcome: 'completed' },
    rating: { rated: true, level: 'very-satisfied' },
  });
  const late = await visit(clock, kioskPortable, agentA, {
    need: 'consultation',
    waitMs: 90_000,
    handleMs: 180_000,
    itemCode: 'policy-consultation',
    outcome: { outcome: 'consultation' },
    rating: { rated: true, level: 'dissatisfied' },
  });
  const cross = await visit(clock, kioskMain, agentB, {
    need: 'elderly-care',
    waitMs: 30_000,
    handleMs: 120_000,
    itemCode: 'ltci-assessment',
    outcome: { outcome: 'not-done', reason: '被评估人未满60周岁', nextStep: '满60周岁后再来申请' },
    rating: { rated: false },
  });
  const waitingMain = await ticket(kioskMain, 'residence');
  const waitingGusu = await ticket(kioskGusu, 'elderly-care');
  clock.advance(120_000);
  return {
    supMain,
    supGusu,
    agentA,
    agentB,
    agentC: { id: c.agent.id },
    kioskMain,
    kioskPortable,
    kioskGusu,
    cases: { completed: onTime.caseId, consultation: late.caseId, notDone: cross.caseId },
    sessions: { onTime: onTime.sessionId, late: late.sessionId, cross: cross.sessionId },
    waiting: { main: waitingMain, gusu: waitingGusu },
  };
}

/** Connects a supervisor's console socket (it joins its centre's room and gets the view at once). */
export async function supervisorSocket(t: ServerUnderTest, token: string): Promise<TestClient> {
  const c = await connectAgent(t.url, token);
  t.track(c);
  await c.waitFor('supervisor:update');
  return c;
}
