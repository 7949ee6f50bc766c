/**
 * A call that cannot recover (issue 7 #2, issue 8 #6) and a call open in two tabs (issue 8 #4):
 * a session the system ends puts its ticket back at the front of the queue, and one tab of an
 * agent owns a session's call while the others are told it is open elsewhere.
 */
import { describe, expect, it } from 'vitest';
import {
  ManualScheduler,
  connectAgent,
  connectKiosk,
  createTestKiosk,
  okData,
  type TestClient,
} from '../testing';
import { useTestServer } from '../testing/hooks';

const t = useTestServer({}, { startEach: false });

/** A served kiosk (its session open) and a second kiosk waiting behind it. */
async function servedAndWaiting(opts: { scheduler?: ManualScheduler } = {}) {
  await t.start({ scheduler: opts.scheduler });
  const served = await t.kioskWithTicket({ kioskName: '第一居委会', agentName: '李敏' });
  const opened = okData(await served.agent.request('ticket:accept', { ticketId: served.ticket.id }));
  const k2 = await createTestKiosk(t.server, { name: '第二居委会' });
  const other = await connectKiosk(t.url, k2.token);
  t.track(other);
  const later = okData(await other.request('ticket:request', {}));
  return { ...served, opened, sessionId: opened.session.id, later };
}

async function waitUntil(cond: () => boolean, timeoutMs = 5000): Promise<void> {
  const start = Date.now();
  while (!cond()) {
    if (Date.now() - start > timeoutMs) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe('a session the system ends', () => {
  it('media lost past the grace period: ends as system and the ticket is back at the front', async () => {
    const { kiosk, agent, ticket, sessionId, later } = await servedAndWaiting();
    expect(later.position).toBe(1);
    const from = kiosk.received.length;
    const ended = okData(await agent.request('session:media-lost', { sessionId }));
    expect(ended).toMatchObject({ sessionId, endedBy: 'system', reason: 'media-lost' });
    expect(await kiosk.waitFor('session:ended', () => true, { from })).toMatchObject({ endedBy: 'system' });
    // The resident keeps their place: waiting again, first in line, ahead of the one who came later.
    const update = await kiosk.waitFor('ticket:update', (u) => u.ticket.status === 'waiting', { from });
    expect(update).toMatchObject({ ticket: { id: ticket.id }, position: 1, waiting: 2 });
    const queue = await agent.waitFor('queue:update', (q) => q.entries.length === 2);
    expect(queue.entries.map((e) => e.ticketId)).toEqual([ticket.id, later.ticket.id]);
  });

  it('the agent stays away past the grace period: the ticket is back at the front too', async () => {
    const scheduler = new ManualScheduler();
    const { kiosk, agent, ticket, sessionId } = await servedAndWaiting({ scheduler });
    const from = kiosk.received.length;
    agent.close();
    await waitUntil(() => scheduler.pending === 1);
    scheduler.runAll();
    expect(await kiosk.waitFor('session:ended', () => true, { from })).toMatchObject({
      sessionId,
      endedBy: 'system',
      reason: 'agent-lost',
    });
    const update = await kiosk.waitFor('ticket:update', (u) => u.ticket.status === 'waiting', { from });
    expect(update).toMatchObject({ ticket: { id: ticket.id }, position: 1 });
  });

  it('an ending someone chose still closes the ticket', async () => {
    const { kiosk, agent, sessionId } = await servedAndWaiting();
    const from = kiosk.received.length;
    okData(await agent.request('session:end', { sessionId }));
    expect(await kiosk.waitFor('ticket:update', () => true, { from })).toMatchObject({
      ticket: { status: 'done' },
      position: 0,
    });
  });

  it('only the agent reports lost media, and only for its own open session', async () => {
    const { kiosk, sessionId } = await servedAndWaiting();
    expect((await kiosk.requestRaw('session:media-lost', { sessionId })).ok).toBe(false);
  });
});

describe('one tab owns a session', () => {
  async function twoTabs() {
    const served = await servedAndWaiting();
    const tab1 = served.agent;
    const tab2 = await connectAgent(t.url, served.a.token);
    t.track(tab2);
    await tab2.waitFor('agent:state');
    return { ...served, tab1, tab2 };
  }
  const offer = { type: 'offer' as const, sdp: 'v=0 offer' };
  const relayed = (c: TestClient) => c.all('signal').length;

  it('the accepting tab owns the call; another tab is told it is open elsewhere and gets no signals', async () => {
    const { kiosk, tab1, tab2, sessionId } = await twoTabs();
    expect(okData(await tab1.request('session:join', { sessionId, tabId: 'tab-1' }))).toEqual({
      owner: true,
    });
    expect(okData(await tab2.request('session:join', { sessionId, tabId: 'tab-2' }))).toEqual({
      owner: false,
    });
    okData(await kiosk.request('signal', { sessionId, data: offer }));
    await tab1.waitFor('signal');
    // The other tab's signals would start a second call against the same kiosk: they go nowhere.
    const before = kiosk.all('signal').length;
    okData(await tab2.request('signal', { sessionId, data: offer }));
    okData(await tab1.request('signal', { sessionId, data: offer }));
    await kiosk.waitFor('signal', () => true, { from: kiosk.received.length - 1 });
    await waitUntil(() => kiosk.all('signal').length === before + 1);
    expect(relayed(tab2)).toBe(0);
  });

  it('take-over moves the call: the old tab gets session:moved, signals go to the new one', async () => {
    const { kiosk, tab1, tab2, sessionId } = await twoTabs();
    okData(await tab1.request('session:join', { sessionId, tabId: 'tab-1' }));
    expect(okData(await tab2.request('session:take-over', { sessionId, tabId: 'tab-2' }))).toEqual({
      owner: true,
    });
    expect(await tab1.waitFor('session:moved')).toEqual({ sessionId });
    okData(await kiosk.request('signal', { sessionId, data: offer }));
    await tab2.waitFor('signal');
    expect(relayed(tab1)).toBe(0);
  });

  it('the same tab after a reload gets its call back; so does any tab once the owner is gone', async () => {
    const { a, tab1, tab2, sessionId } = await twoTabs();
    okData(await tab1.request('session:join', { sessionId, tabId: 'tab-1' }));
    tab1.close();
    const reloaded = await connectAgent(t.url, a.token);
    t.track(reloaded);
    expect(okData(await reloaded.request('session:join', { sessionId, tabId: 'tab-1' }))).toEqual({
      owner: true,
    });
    reloaded.close();
    await waitUntil(() => !reloaded.connected);
    await new Promise((r) => setTimeout(r, 50));
    expect(okData(await tab2.request('session:join', { sessionId, tabId: 'tab-2' }))).toEqual({
      owner: true,
    });
  });
});
