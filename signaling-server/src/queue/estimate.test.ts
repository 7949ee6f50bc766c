// Issue 11 #5: the kiosk's position counts the tickets the same agents would serve, and its estimate
// comes from recent handling times and the agents online who can serve it; with no basis it says so
// (no agent online, no history); it is pushed again when agents come and go.
import { describe, expect, it } from 'vitest';
import { createTestCentre, okData } from '../testing';
import { useTestServer } from '../testing/hooks';
import { agentIn, TestClock, ticketFrom } from './routing-test-support';

const clock = new TestClock();
const t = useTestServer({ clock: clock.now });

describe('wait estimate', () => {
  it('says there is no agent online, then "next", then no history, and never invents a number', async () => {
    const first = await ticketFrom(t, {});
    expect(first.position).toMatchObject({
      position: 1,
      estimate: { kind: 'none', reason: 'no-agent-online' },
    });
    await agentIn(t, { ready: true });
    await first.client.waitFor('ticket:update', (u) => u.estimate.kind === 'next');
    const second = await ticketFrom(t, {});
    expect(second.position).toMatchObject({ position: 2, estimate: { kind: 'none', reason: 'no-history' } });
  });

  it('estimates minutes from recent handling per need (else the centre’s), and follows the agents online', async () => {
    const a = await agentIn(t, { skills: ['elderly-care', 'residence'], ready: true });
    const served = await ticketFrom(t, { need: 'elderly-care' });
    const opened = okData(await a.client.request('ticket:accept', { ticketId: served.position.ticket.id }));
    clock.advance(300);
    okData(await a.client.request('session:end', { sessionId: opened.session.id }));
    okData(await a.client.request('agent:status', { status: 'available' }));

    const next = await ticketFrom(t, { need: 'elderly-care' });
    expect(next.position).toMatchObject({ position: 1, estimate: { kind: 'next' } });
    // One ahead, which the one free agent takes at once, then 300 s per resident: (1 - 1 + 1) ×
    // 300 s = 5 minutes; residence has no history of its own and uses the centre's.
    const later = await ticketFrom(t, { need: 'residence' });
    expect(later.position).toMatchObject({
      position: 2,
      estimate: { kind: 'minutes', minutes: 5, agentsOnline: 1, meanHandlingS: 300 },
    });

    // Two agents, both free: the one ahead takes one, this one the other at once (0 s): at least
    // 1 minute.
    const b = await agentIn(t, { skills: ['residence'], ready: true });
    await later.client.waitFor(
      'ticket:update',
      (u) => u.estimate.kind === 'minutes' && u.estimate.minutes === 1 && u.estimate.agentsOnline === 2,
    );
    okData(await a.client.request('agent:status', { status: 'away' }));
    okData(await b.client.request('agent:status', { status: 'away' }));
    await later.client.waitFor(
      'ticket:update',
      (u) => u.estimate.kind === 'none' && u.estimate.reason === 'no-agent-online',
    );
  });

  it('a skill nobody online has: minutes from the agents who take it after anySkillAfterS', async () => {
    const a = await agentIn(t, { skills: ['elderly-care'], ready: true });
    const served = await ticketFrom(t, { need: 'elderly-care' });
    const opened = okData(await a.client.request('ticket:accept', { ticketId: served.position.ticket.id }));
    clock.advance(300);
    okData(await a.client.request('session:end', { sessionId: opened.session.id }));
    okData(await a.client.request('agent:status', { status: 'available' }));
    // Nobody online serves 残疾人; 王 takes it after the centre's anySkillAfterS (120 s), and is
    // free then: 120 s + 0 s = 2 minutes, not "cannot say".
    const rare = await ticketFrom(t, { need: 'disability' });
    expect(rare.position).toMatchObject({
      position: 1,
      estimate: { kind: 'minutes', minutes: 2, agentsOnline: 1, meanHandlingS: 300 },
    });
    // With 王 away, nobody will take it: the honest sentence again.
    okData(await a.client.request('agent:status', { status: 'away' }));
    await rare.client.waitFor(
      'ticket:update',
      (u) => u.estimate.kind === 'none' && u.estimate.reason === 'no-agent-online',
    );
  });

  it("counts only the tickets of the ticket's own pool ahead of it", async () => {
    await createTestCentre(t.server, { id: 'east' });
    await agentIn(t, { centreId: 'east', skills: ['residence'], ready: true });
    await agentIn(t, { skills: ['medical-insurance'], ready: true });
    await ticketFrom(t, { centreId: 'east', need: 'residence' });
    await ticketFrom(t, { need: 'medical-insurance' });
    const mine = await ticketFrom(t, { need: 'medical-insurance' });
    // The east centre's ticket is served by other agents: it is not ahead of this one.
    expect(mine.position).toMatchObject({ position: 2, waiting: 3 });
  });
});
