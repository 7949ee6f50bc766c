// Issue 11 #2: an agent's status is one click (available, away), follows sessions (in a session,
// wrap-up until ready or the centre's limit), goes away with the last console, and every change is
// recorded with its reason; statuses survive a restart. A supervisor sets skills and reads the
// changes of their own centre only.
import { describe, expect, it } from 'vitest';
import { createHttpClient, httpRoutes } from '@rvw/shared';
import {
  agentIn,
  queueNumbers,
  TestClock,
  ticketFrom,
  untilQueue,
  waitSeconds,
} from '../queue/routing-test-support';
import {
  adminApi,
  connectAgent,
  createTestAgent,
  createTestCentre,
  okData,
  setTestCentreRouting,
} from '../testing';
import { useTestServer } from '../testing/hooks';
import { SIGN_OUT_GRACE_S } from './status-area';

const clock = new TestClock();
const t = useTestServer({ clock: clock.now });

const changesOf = (agentId: string) =>
  t.server.db
    .selectFrom('agent_status_changes')
    .select(['status', 'reason'])
    .where('agent_id', '=', agentId)
    .orderBy('id')
    .execute();

describe('agent status', () => {
  it('starts away at sign-in, changes with one click on every console, and goes away with the last console', async () => {
    const agent = await agentIn(t);
    expect((await agent.client.waitFor('agent:status')).status).toBe('away');
    const tab2 = await connectAgent(t.url, agent.token);
    t.track(tab2);
    expect((await tab2.waitFor('agent:status')).status).toBe('away');

    const ack = okData(await agent.client.request('agent:status', { status: 'available' }));
    expect(ack).toMatchObject({ agentId: agent.id, status: 'available', online: true, centreId: 'main' });
    await tab2.waitFor('agent:status', (s) => s.status === 'available');

    tab2.close();
    // Another console is still there: nothing changes.
    okData(await agent.client.request('agent:status', { status: 'away' }));
    okData(await agent.client.request('agent:status', { status: 'available' }));
    // A reload within the grace keeps the status, and is no new sign-in.
    agent.client.close();
    await expect.poll(() => t.server.routing.statuses.signingOut(agent.id)).toBe(true);
    const reloaded = await connectAgent(t.url, agent.token);
    expect((await reloaded.waitFor('agent:status')).status).toBe('available');
    reloaded.close();
    await expect.poll(() => t.server.routing.statuses.signingOut(agent.id)).toBe(true);
    await waitSeconds(t, clock, SIGN_OUT_GRACE_S - 1);
    expect((await changesOf(agent.id)).at(-1)).toEqual({ status: 'available', reason: 'chosen' });
    await waitSeconds(t, clock, 2);
    expect(await changesOf(agent.id)).toEqual([
      { status: 'away', reason: 'signed-in' },
      { status: 'available', reason: 'chosen' },
      { status: 'away', reason: 'chosen' },
      { status: 'available', reason: 'chosen' },
      { status: 'away', reason: 'signed-out' },
    ]);
  });

  it('is in a session from the accept (no click then: WRONG_STATE), wraps up after, and is ready on a click', async () => {
    const agent = await agentIn(t, { ready: true });
    const kiosk = await ticketFrom(t, {});
    const opened = okData(
      await agent.client.request('ticket:accept', { ticketId: kiosk.position.ticket.id }),
    );
    await agent.client.waitFor('agent:status', (s) => s.status === 'in-session');
    const refused = await agent.client.request('agent:status', { status: 'away' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'WRONG_STATE' } });

    okData(await agent.client.request('session:end', { sessionId: opened.session.id }));
    const wrap = await agent.client.waitFor('agent:status', (s) => s.status === 'wrap-up');
    expect(Date.parse(wrap.wrapUpEndsAt!) - Date.parse(wrap.since)).toBe(120_000);
    okData(await agent.client.request('agent:status', { status: 'available' }));
    expect(await changesOf(agent.id)).toEqual([
      { status: 'away', reason: 'signed-in' },
      { status: 'available', reason: 'chosen' },
      { status: 'in-session', reason: 'session-started' },
      { status: 'wrap-up', reason: 'session-ended' },
      { status: 'available', reason: 'chosen' },
    ]);
  });

  it("ends wrap-up by the centre's limit, also after a restart", async () => {
    await setTestCentreRouting(t.server, 'main', { wrapUpLimitS: 60 });
    const agent = await agentIn(t, { ready: true });
    const kiosk = await ticketFrom(t, {});
    const opened = okData(
      await agent.client.request('ticket:accept', { ticketId: kiosk.position.ticket.id }),
    );
    okData(await kiosk.client.request('session:end', { sessionId: opened.session.id }));
    await agent.client.waitFor('agent:status', (s) => s.status === 'wrap-up');
    await waitSeconds(t, clock, 30);
    expect(agent.client.all('agent:status').at(-1)!.status).toBe('wrap-up');

    await t.restart();
    const back = await connectAgent(t.url, agent.token);
    t.track(back);
    expect((await back.waitFor('agent:status')).status).toBe('wrap-up');
    await waitSeconds(t, clock, 31);
    await back.waitFor('agent:status', (s) => s.status === 'available');
    expect((await changesOf(agent.id)).at(-1)).toEqual({ status: 'available', reason: 'wrap-up-limit' });
  });
});

describe("a supervisor and their centre's agents", () => {
  it('sets skills (which re-route at once) and lists the day’s changes, for their own centre only', async () => {
    await createTestCentre(t.server, { id: 'other' });
    const admin = await adminApi(t.server);
    const agent = await agentIn(t, { ready: true });
    const colleague = await agentIn(t, { ready: true });
    const stranger = await createTestAgent(t.server, { centreId: 'other' });
    await ticketFrom(t, { need: 'residence' });
    await ticketFrom(t, { need: 'elderly-care' });
    // Nobody online has either skill: both wait for one (until anySkillAfterS).
    await untilQueue(agent.client, []);
    const { agent: updated } = await admin.setAgentSkills({
      params: { agentId: colleague.id },
      body: { skills: ['elderly-care'] },
    });
    expect(updated.skills).toEqual(['elderly-care']);
    await colleague.client.waitFor('agent:status', (s) => s.skills.includes('elderly-care'));
    // Now someone online has elderly care: it goes to them at once.
    await untilQueue(colleague.client, ['A002']);
    expect(queueNumbers(agent.client)).toEqual([]);
    await expect(
      admin.setAgentSkills({ params: { agentId: stranger.agent.id }, body: { skills: [] } }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });

    const { changes } = await admin.listStatusChanges({ query: { agentId: agent.id } });
    expect(changes.map((c) => [c.status, c.reason])).toEqual([
      ['away', 'signed-in'],
      ['available', 'chosen'],
    ]);
    const otherAdmin = createHttpClient(httpRoutes, {
      baseUrl: t.url,
      token: (await createTestAgent(t.server, { role: 'admin', centreId: 'other' })).token,
    });
    expect((await otherAdmin.listStatusChanges({ query: { agentId: agent.id } })).changes).toEqual([]);
  });
});
