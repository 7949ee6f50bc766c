import { describe, expect, it } from 'vitest';
import { connectAgent, connectKiosk, createTestAgent, createTestKiosk, okData } from '../testing';
import { useTestServer } from '../testing/hooks';

const t = useTestServer();

describe('queue over socket.io', () => {
  it('issues numbered tickets, refuses a second open ticket, and pushes positions and the queue', async () => {
    const k1 = await createTestKiosk(t.server, { name: '第一居委会' });
    const k2 = await createTestKiosk(t.server, { name: '第二居委会' });
    const { token } = await createTestAgent(t.server);
    const agent = await connectAgent(t.url, token);
    const c1 = await connectKiosk(t.url, k1.token);
    const c2 = await connectKiosk(t.url, k2.token);

    const p1 = okData(await c1.request('ticket:request', {}));
    expect(p1).toMatchObject({
      ticket: { number: 'A001', status: 'waiting', hasIdentity: false },
      position: 1,
      waiting: 1,
    });
    expect(await c1.request('ticket:request', {})).toMatchObject({
      ok: false,
      error: { code: 'ALREADY_QUEUED' },
    });
    const p2 = okData(await c2.request('ticket:request', {}));
    expect(p2).toMatchObject({ ticket: { number: 'A002' }, position: 2, waiting: 2 });

    const q = await agent.waitFor('queue:update', (s) => s.entries.length === 2);
    expect(q.entries.map((e) => [e.number, e.kiosk.name])).toEqual([
      ['A001', '第一居委会'],
      ['A002', '第二居委会'],
    ]);
    expect(Date.parse(q.serverTime)).not.toBeNaN();
    // Kiosk 1 learns that one more is waiting behind it.
    await c1.waitFor('ticket:update', (u) => u.position === 1 && u.waiting === 2);

    // Cancelling the first moves the second up.
    expect(okData(await c1.request('ticket:cancel', { ticketId: p1.ticket.id }))).toEqual({});
    await c1.waitFor('ticket:update', (u) => u.ticket.status === 'cancelled' && u.position === 0);
    await c2.waitFor('ticket:update', (u) => u.position === 1 && u.waiting === 1);
    await agent.waitFor('queue:update', (s) => s.entries.length === 1 && s.entries[0]!.number === 'A002');
    expect(await c1.request('ticket:cancel', { ticketId: p1.ticket.id })).toMatchObject({
      ok: false,
      error: { code: 'TICKET_NOT_WAITING' },
    });
    // A kiosk may not cancel another kiosk's ticket.
    expect(await c1.request('ticket:cancel', { ticketId: p2.ticket.id })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    // After cancelling, kiosk 1 may queue again, and numbering continues for the day.
    expect(okData(await c1.request('ticket:request', {})).ticket.number).toBe('A003');
    for (const c of [agent, c1, c2]) c.close();
  });

  it('lets exactly one of two racing agents accept a ticket; the other gets TICKET_TAKEN', async () => {
    const k = await createTestKiosk(t.server);
    const a1 = await connectAgent(t.url, (await createTestAgent(t.server)).token);
    const a2 = await connectAgent(t.url, (await createTestAgent(t.server)).token);
    const kiosk = await connectKiosk(t.url, k.token);
    const { ticket } = okData(await kiosk.request('ticket:request', {}));

    const [r1, r2] = await Promise.all([
      a1.request('ticket:accept', { ticketId: ticket.id }),
      a2.request('ticket:accept', { ticketId: ticket.id }),
    ]);
    const wins = [r1, r2].filter((r) => r.ok);
    const losses = [r1, r2].filter((r) => !r.ok);
    expect(wins).toHaveLength(1);
    expect(losses).toHaveLength(1);
    expect(losses[0]).toMatchObject({ ok: false, error: { code: 'TICKET_TAKEN' } });
    const sessions = await t.server.db.selectFrom('sessions').selectAll().execute();
    expect(sessions).toHaveLength(1);
    const row = await t.server.db
      .selectFrom('tickets')
      .selectAll()
      .where('id', '=', ticket.id)
      .executeTakeFirstOrThrow();
    expect(row.status).toBe('serving');
    expect(row.agent_id).toBe(sessions[0]!.agent_id);

    expect(await a2.request('ticket:accept', { ticketId: 'no-such-ticket' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    for (const c of [a1, a2, kiosk]) c.close();
  });

  it('refuses a cancelled ticket with TICKET_NOT_WAITING and a busy agent with AGENT_BUSY', async () => {
    const k1 = await createTestKiosk(t.server);
    const k2 = await createTestKiosk(t.server);
    const agent = await connectAgent(t.url, (await createTestAgent(t.server)).token);
    const c1 = await connectKiosk(t.url, k1.token);
    const c2 = await connectKiosk(t.url, k2.token);
    const t1 = okData(await c1.request('ticket:request', {})).ticket;
    okData(await c1.request('ticket:cancel', { ticketId: t1.id }));
    expect(await agent.request('ticket:accept', { ticketId: t1.id })).toMatchObject({
      ok: false,
      error: { code: 'TICKET_NOT_WAITING' },
    });
    const t2 = okData(await c1.request('ticket:request', {})).ticket;
    const t3 = okData(await c2.request('ticket:request', {})).ticket;
    okData(await agent.request('ticket:accept', { ticketId: t2.id }));
    expect(await agent.request('ticket:accept', { ticketId: t3.id })).toMatchObject({
      ok: false,
      error: { code: 'AGENT_BUSY' },
    });
    for (const c of [agent, c1, c2]) c.close();
  });

  it('keeps waiting tickets across a server restart; the kiosk gets its ticket back in kiosk:state', async () => {
    const k = await createTestKiosk(t.server);
    const { token } = await createTestAgent(t.server);
    const kiosk = await connectKiosk(t.url, k.token);
    const { ticket } = okData(await kiosk.request('ticket:request', {}));
    kiosk.close();

    await t.restart();
    const again = await connectKiosk(t.url, k.token);
    const state = await again.waitFor('kiosk:state');
    expect(state.ticket).toMatchObject({
      ticket: { id: ticket.id, number: 'A001', status: 'waiting' },
      position: 1,
    });
    const agent = await connectAgent(t.url, token);
    const q = await agent.waitFor('queue:update');
    expect(q.entries.map((e) => e.ticketId)).toEqual([ticket.id]);
    // And the day's numbering continues after the restart.
    okData(await agent.request('ticket:accept', { ticketId: ticket.id }));
    again.close();
    agent.close();
  });
});
