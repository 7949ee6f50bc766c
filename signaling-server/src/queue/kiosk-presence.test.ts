// Issue 8 #5, #12, #13b: agents see which kiosks are offline and cannot accept their tickets; "take
// the next one" accepts the first ticket the server offers; the queue tells a declined identity
// from no card.
import { describe, expect, it } from 'vitest';
import type { QueueSnapshot, Ticket } from '@rvw/shared';
import { adminApi, connectAgent, connectKiosk, createTestAgent, createTestKiosk, okData } from '../testing';
import { useTestServer } from '../testing/hooks';

const t = useTestServer();

const entryOf = (s: QueueSnapshot, ticketId: string) => s.entries.find((e) => e.ticketId === ticketId);

describe('kiosk presence in the queue', () => {
  it('marks a ticket offline when its kiosk disconnects, and online when it comes back', async () => {
    const { kiosk, agent, ticket, k } = await t.kioskWithTicket();
    const first = await agent.waitFor('queue:update', (s) => entryOf(s, ticket.id) !== undefined);
    expect(entryOf(first, ticket.id)).toMatchObject({ kioskOnline: true });
    expect(entryOf(first, ticket.id)?.kioskOfflineSince).toBeUndefined();

    const from = agent.received.length;
    kiosk.close();
    const offline = await agent.waitFor('queue:update', (s) => entryOf(s, ticket.id)?.kioskOnline === false, {
      from,
    });
    expect(Date.parse(entryOf(offline, ticket.id)!.kioskOfflineSince!)).not.toBeNaN();

    const back = await connectKiosk(t.url, k.token);
    t.track(back);
    const online = await agent.waitFor('queue:update', (s) => entryOf(s, ticket.id)?.kioskOnline === true, {
      from: agent.received.length - 1,
    });
    expect(entryOf(online, ticket.id)?.kioskOfflineSince).toBeUndefined();
  });

  it("refuses to accept an offline kiosk's ticket with KIOSK_OFFLINE and keeps it waiting", async () => {
    const { kiosk, agent, ticket } = await t.kioskWithTicket();
    const from = agent.received.length;
    kiosk.close();
    await agent.waitFor('queue:update', (s) => entryOf(s, ticket.id)?.kioskOnline === false, { from });
    expect(await agent.request('ticket:accept', { ticketId: ticket.id })).toMatchObject({
      ok: false,
      error: { code: 'KIOSK_OFFLINE' },
    });
    const { tickets } = await (await adminApi(t.server)).listTickets({});
    expect(tickets.find((x) => x.id === ticket.id)?.status).toBe('waiting');
  });
});

describe('kiosk presence across a restart', () => {
  it('counts a kiosk that does not come back after a restart as offline from the start', async () => {
    const { ticket, a } = await t.kioskWithTicket();
    // A graceful stop drops every socket without recording anyone as gone; this kiosk (a client
    // that does not reconnect) never returns.
    await t.restart();
    const agent = await connectAgent(t.url, a.token);
    t.track(agent);
    const q = await agent.waitFor('queue:update', (s) => entryOf(s, ticket.id) !== undefined);
    expect(entryOf(q, ticket.id)?.kioskOnline).toBe(false);
    expect(Date.parse(entryOf(q, ticket.id)!.kioskOfflineSince!)).not.toBeNaN();
  });
});

describe('ticket:accept-next', () => {
  it('accepts the first waiting ticket in the server order whose kiosk is online', async () => {
    const kiosks = await Promise.all([1, 2, 3].map(() => createTestKiosk(t.server)));
    const clients = [];
    for (const k of kiosks) clients.push(await connectKiosk(t.url, k.token));
    t.track(...clients);
    const tickets: Ticket[] = [];
    for (const c of clients) tickets.push(okData(await c.request('ticket:request', {})).ticket);
    const agent = await connectAgent(t.url, (await createTestAgent(t.server)).token);
    t.track(agent);
    // The first in line went offline: the second is the next one an agent can serve.
    clients[0]!.close();
    await agent.waitFor('queue:update', (s) => entryOf(s, tickets[0]!.id)?.kioskOnline === false);

    const opened = okData(await agent.request('ticket:accept-next', {}));
    expect(opened.session.ticketId).toBe(tickets[1]!.id);
    expect(opened.initiator).toBe(true);
    await clients[1]!.waitFor('session:opened');
  });

  it('answers QUEUE_EMPTY when nothing can be accepted, and AGENT_BUSY in a call', async () => {
    const agent = await connectAgent(t.url, (await createTestAgent(t.server)).token);
    t.track(agent);
    expect(await agent.request('ticket:accept-next', {})).toMatchObject({
      ok: false,
      error: { code: 'QUEUE_EMPTY' },
    });
    const { agent: busy } = await t.kioskWithTicket();
    okData(await busy.request('ticket:accept-next', {}));
    const k2 = await connectKiosk(t.url, (await createTestKiosk(t.server)).token);
    t.track(k2);
    okData(await k2.request('ticket:request', {}));
    expect(await busy.request('ticket:accept-next', {})).toMatchObject({
      ok: false,
      error: { code: 'AGENT_BUSY' },
    });
  });

  it('lets two racing agents take two different tickets', async () => {
    const kiosks = await Promise.all([1, 2].map(() => createTestKiosk(t.server)));
    for (const k of kiosks) {
      const c = await connectKiosk(t.url, k.token);
      t.track(c);
      okData(await c.request('ticket:request', {}));
    }
    const a1 = await connectAgent(t.url, (await createTestAgent(t.server)).token);
    const a2 = await connectAgent(t.url, (await createTestAgent(t.server)).token);
    t.track(a1, a2);
    const [r1, r2] = await Promise.all([
      a1.request('ticket:accept-next', {}),
      a2.request('ticket:accept-next', {}),
    ]);
    const ids = [okData(r1).session.ticketId, okData(r2).session.ticketId];
    expect(new Set(ids).size).toBe(2);
  });
});

describe('identity intent on the ticket', () => {
  it('tells agents a resident declined to share, apart from no card at all', async () => {
    const [k1, k2] = await Promise.all([createTestKiosk(t.server), createTestKiosk(t.server)]);
    const c1 = await connectKiosk(t.url, k1.token);
    const c2 = await connectKiosk(t.url, k2.token);
    t.track(c1, c2);
    const declined = okData(await c1.request('ticket:request', { identity: 'declined' })).ticket;
    const none = okData(await c2.request('ticket:request', {})).ticket;
    const agent = await connectAgent(t.url, (await createTestAgent(t.server)).token);
    t.track(agent);
    const q = await agent.waitFor('queue:update', (s) => s.entries.length === 2);
    expect(entryOf(q, declined.id)?.identityIntent).toBe('declined');
    expect(entryOf(q, none.id)?.identityIntent).toBe('none');
  });
});
