/**
 * The note a ticket carries back to the front after the system ended its call (issue 13 #1): the
 * queue entry (and so the offer, which carries the same entry) says why, whose call and when; a
 * ticket whose call someone chose to end, or a fresh ticket, carries none.
 */
import { describe, expect, it } from 'vitest';
import { ManualScheduler, connectAgent, createTestAgent, okData } from '../testing';
import { useTestServer } from '../testing/hooks';

const t = useTestServer({}, { startEach: false });

async function waitUntil(cond: () => boolean, timeoutMs = 5000): Promise<void> {
  const start = Date.now();
  while (!cond()) {
    if (Date.now() - start > timeoutMs) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 10));
  }
}

async function served(scheduler?: ManualScheduler) {
  await t.start({ scheduler });
  const s = await t.kioskWithTicket({ kioskName: '第一居委会', agentName: '李敏' });
  const first = await s.agent.waitFor('queue:update', (q) => q.entries.length === 1);
  expect(first.entries[0]!.returned ?? null).toBeNull();
  const opened = okData(await s.agent.request('ticket:accept', { ticketId: s.ticket.id }));
  return { ...s, sessionId: opened.session.id };
}

describe('the note on a requeued ticket', () => {
  it('media lost: the entry says media-lost, the agent and when', async () => {
    const { agent, ticket, sessionId } = await served();
    const from = agent.received.length;
    const ended = okData(await agent.request('session:media-lost', { sessionId }));
    const queue = await agent.waitFor('queue:update', (q) => q.entries.length === 1, { from });
    expect(queue.entries[0]).toMatchObject({
      ticketId: ticket.id,
      tags: expect.arrayContaining(['requeued']),
      returned: { reason: 'media-lost', agentName: '李敏', at: ended.endedAt },
    });
  });

  it('the kiosk lost past the grace: kiosk-lost, seen by another agent too', async () => {
    const scheduler = new ManualScheduler();
    const { kiosk, ticket } = await served(scheduler);
    const other = await connectAgent(t.url, (await createTestAgent(t.server, { displayName: '王芳' })).token);
    t.track(other);
    const from = other.received.length;
    kiosk.close();
    await waitUntil(() => scheduler.pending === 1);
    scheduler.runAll();
    const queue = await other.waitFor('queue:update', (q) => q.entries.length === 1, { from });
    expect(queue.entries[0]).toMatchObject({
      ticketId: ticket.id,
      returned: { reason: 'kiosk-lost', agentName: '李敏', at: expect.any(String) },
    });
  });

  it('an ending someone chose leaves no note (the ticket is done)', async () => {
    const { agent, sessionId } = await served();
    const from = agent.received.length;
    okData(await agent.request('session:end', { sessionId }));
    const queue = await agent.waitFor('queue:update', () => true, { from });
    expect(queue.entries.some((e) => e.returned)).toBe(false);
  });
});
