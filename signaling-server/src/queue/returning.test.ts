import { describe, expect, it } from 'vitest';
import { connectAgent, connectKiosk, createTestAgent, createTestKiosk, okData } from '../testing';
import { useTestServer } from '../testing/hooks';
import { DEFAULT_HEAD_START_S, orderByPriority } from './priority-rules';
import { RETURN_WINDOW_MS, returnedAt } from './queue-rules';

const t = useTestServer();

describe('a resident who hung up and calls again soon comes back near the front (issue 8 #7)', () => {
  it('orders: put back after a lost call, then coming back, then first come first served', () => {
    const base = { day: '2026-01-01', seq: 1 };
    const policy = { maxWaitS: 600, headStartS: DEFAULT_HEAD_START_S };
    const order = orderByPriority(
      [
        { ...base, ticketId: 'plain', createdAt: '2026-01-01T00:00:00.000Z' },
        {
          ...base,
          ticketId: 'back',
          createdAt: '2026-01-01T00:04:30.000Z',
          returnedAt: '2026-01-01T00:04:00.000Z',
        },
        {
          ...base,
          ticketId: 'lost',
          createdAt: '2026-01-01T00:06:00.000Z',
          requeuedAt: '2026-01-01T00:01:00.000Z',
        },
      ],
      new Date('2026-01-01T00:07:00.000Z'),
      policy,
    ).map((c) => [c.ticketId, c.tags]);
    expect(order).toEqual([
      ['lost', ['requeued']],
      ['back', ['returning']],
      ['plain', []],
    ]);
  });

  it('counts only a hang-up within the window before the ticket', () => {
    const created = '2026-01-01T01:00:00.000Z';
    const inside = new Date(Date.parse(created) - RETURN_WINDOW_MS + 1000).toISOString();
    const outside = new Date(Date.parse(created) - RETURN_WINDOW_MS - 1000).toISOString();
    const hungUp = (endedAt: string) => ({ endedAt, endedBy: 'kiosk' as const });
    expect(returnedAt(created, [hungUp(outside)])).toBeNull();
    expect(returnedAt(created, [hungUp(outside), hungUp(inside)])).toBe(inside);
    expect(returnedAt(created, [hungUp('2026-01-01T01:00:01.000Z')])).toBeNull();
    // Only the last call counts: one the agent ended after the hang-up is an outcome.
    const later = new Date(Date.parse(inside) + 500).toISOString();
    expect(returnedAt(created, [hungUp(inside), { endedAt: later, endedBy: 'agent' }])).toBeNull();
  });

  it('over socket.io: the kiosk that hung up goes ahead of a ticket that was already waiting; an agent-ended call does not', async () => {
    const a = await createTestKiosk(t.server, { name: 'A' });
    const b = await createTestKiosk(t.server, { name: 'B' });
    const agent = await connectAgent(t.url, (await createTestAgent(t.server)).token);
    const ka = await connectKiosk(t.url, a.token);
    const kb = await connectKiosk(t.url, b.token);
    t.track(agent, ka, kb);

    const first = okData(await kb.request('ticket:request', {}));
    const waitingA = okData(await ka.request('ticket:request', {}));
    const opened = okData(await agent.request('ticket:accept', { ticketId: first.ticket.id }));
    // The resident at B hangs up, then calls again.
    okData(await kb.request('session:end', { sessionId: opened.session.id }));
    const again = okData(await kb.request('ticket:request', {}));
    expect(again.position).toBe(1);
    await ka.waitFor('ticket:update', (u) => u.ticket.id === waitingA.ticket.id && u.position === 2);
    const q = await agent.waitFor('queue:update', (s) => s.entries.length === 2);
    expect(q.entries.map((e) => e.kiosk.name)).toEqual(['B', 'A']);

    // This time the agent ends B's call (an outcome): B's next ticket queues behind A as usual.
    const second = okData(await agent.request('ticket:accept', { ticketId: again.ticket.id }));
    okData(await agent.request('session:end', { sessionId: second.session.id }));
    const third = okData(await kb.request('ticket:request', {}));
    expect(third.position).toBe(2);
  });
});
