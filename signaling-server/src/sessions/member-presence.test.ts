/**
 * Issue 13 #1: the other member hears when a member's last socket went away (with the deadline
 * after which the session ends) and when it came back (`session:member`), and both members know
 * the grace period (`SessionOpened.graceSeconds`).
 */
import { describe, expect, it } from 'vitest';
import { ManualScheduler, connectAgent, connectKiosk, okData } from '../testing';
import { useTestServer } from '../testing/hooks';

const t = useTestServer({}, { startEach: false });

async function openSession() {
  const scheduler = new ManualScheduler();
  await t.start({ scheduler });
  const { k, a, kiosk, agent, ticket } = await t.kioskWithTicket();
  const opened = okData(await agent.request('ticket:accept', { ticketId: ticket.id }));
  return { k, a, kiosk, agent, opened, sessionId: opened.session.id, scheduler };
}

describe('session:member', () => {
  it('tells both members the grace period (60 s by default) with the opened session', async () => {
    const { kiosk, opened } = await openSession();
    expect(opened.graceSeconds).toBe(60);
    expect((await kiosk.waitFor('session:opened')).graceSeconds).toBe(60);
  });

  it('tells the agent the kiosk went away, with the deadline, and that it came back', async () => {
    const { kiosk, agent, k, sessionId } = await openSession();
    const before = Date.now();
    kiosk.close();
    const away = await agent.waitFor('session:member');
    const after = Date.now();
    expect(away).toMatchObject({ sessionId, member: 'kiosk', present: false });
    const row = await t.server.db.selectFrom('member_absences').selectAll().executeTakeFirstOrThrow();
    expect(away.deadline).toBe(row.deadline);
    const deadline = Date.parse(away.deadline!);
    expect(deadline).toBeGreaterThanOrEqual(before + 60_000);
    expect(deadline).toBeLessThanOrEqual(after + 60_000);

    const back = await connectKiosk(t.url, k.token);
    t.track(back);
    await agent.waitFor('session:member', (m) => m.present);
    expect(agent.all('session:member')).toEqual([
      away,
      { sessionId, member: 'kiosk', present: true, deadline: null },
    ]);
    // Nobody is told about themselves.
    expect(back.all('session:member')).toEqual([]);
  });

  it('tells the kiosk the agent went away and came back (a console reload)', async () => {
    const { kiosk, agent, a, sessionId } = await openSession();
    agent.close();
    const away = await kiosk.waitFor('session:member');
    expect(away).toMatchObject({ sessionId, member: 'agent', present: false });
    expect(away.deadline).not.toBeNull();
    const again = await connectAgent(t.url, a.token);
    t.track(again);
    expect(await kiosk.waitFor('session:member', (m) => m.present)).toEqual({
      sessionId,
      member: 'agent',
      present: true,
      deadline: null,
    });
  });

  it('says nothing once the session has ended', async () => {
    const { kiosk, agent, sessionId } = await openSession();
    okData(await agent.request('session:end', { sessionId }));
    await kiosk.waitFor('session:ended');
    agent.close();
    await new Promise((r) => setTimeout(r, 200));
    expect(kiosk.all('session:member')).toEqual([]);
  });
});
