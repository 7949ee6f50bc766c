// Issue 11 #2, #3, #7: each agent's queue holds the tickets they may serve, in priority order with
// the tags that say why and the resident's place; a skill ticket goes to anyone after the wait,
// also one for a skill nobody online has; a centre's tickets overflow to its partners after the wait
// or at once when nobody at home can serve them; an agent outside all that is refused with
// NOT_ELIGIBLE.
import { describe, expect, it } from 'vitest';
import { RESIDENT } from '../cases/case-test-support';
import { createTestCentre, okData, setTestCentreRouting } from '../testing';
import { useTestServer } from '../testing/hooks';
import {
  agentIn,
  queueNumbers,
  TestClock,
  ticketFrom,
  untilQueue,
  waitSeconds,
} from './routing-test-support';

const clock = new TestClock();
const t = useTestServer({ clock: clock.now });

describe('routing to skills', () => {
  it('shows each agent only the tickets of their skills (and "ask staff"), and refuses the others', async () => {
    const insurance = await agentIn(t, { skills: ['medical-insurance'], ready: true });
    const elderly = await agentIn(t, { skills: ['elderly-care'], ready: true });
    const t1 = await ticketFrom(t, { need: 'medical-insurance', name: '一号机', location: '田林一居委' });
    await ticketFrom(t, { need: 'elderly-care' });
    const t3 = await ticketFrom(t, {});
    expect(t3.position.ticket.need).toBe('unsure');

    await untilQueue(insurance.client, ['A001', 'A003']);
    await untilQueue(elderly.client, ['A002', 'A003']);
    const line = insurance.client.all('queue:update').at(-1)!.entries[0]!;
    expect(line).toMatchObject({
      need: 'medical-insurance',
      tags: [],
      place: { centreId: 'main', committee: '田林一居委', kioskName: '一号机', kioskKind: 'fixed' },
    });

    expect(await elderly.client.request('ticket:accept', { ticketId: t1.position.ticket.id })).toMatchObject({
      ok: false,
      error: { code: 'NOT_ELIGIBLE' },
    });
    // Take-the-next takes the first ticket of the agent's own queue.
    const opened = okData(await elderly.client.request('ticket:accept-next', {}));
    expect(opened.session.ticketNumber).toBe('A002');
    const session = await t.server.db
      .selectFrom('sessions')
      .selectAll()
      .where('id', '=', opened.session.id)
      .executeTakeFirstOrThrow();
    expect(session).toMatchObject({ agent_centre_id: 'main', kiosk_centre_id: 'main' });
  });

  it('gives a skill ticket to any agent after anySkillAfterS, also one for a skill nobody online has', async () => {
    const residence = await agentIn(t, { skills: ['residence'], ready: true });
    const other = await agentIn(t, { skills: ['elderly-care'], ready: true });
    await ticketFrom(t, { need: 'residence' });
    const nobody = await ticketFrom(t, { need: 'family-planning' });
    // Only the skilled see a skill's ticket at first; nobody online serves family planning, and it
    // waits anySkillAfterS like the residence ticket whose agent is there (not anyone's at once).
    await untilQueue(residence.client, ['A001']);
    expect(queueNumbers(other.client)).toEqual([]);
    expect(
      await other.client.request('ticket:accept', { ticketId: nobody.position.ticket.id }),
    ).toMatchObject({ ok: false, error: { code: 'NOT_ELIGIBLE' } });

    await waitSeconds(t, clock, 119);
    expect(queueNumbers(other.client)).toEqual([]);
    await waitSeconds(t, clock, 2);
    await untilQueue(other.client, ['A001', 'A002']);
    await untilQueue(residence.client, ['A001', 'A002']);
    okData(await other.client.request('ticket:accept', { ticketId: nobody.position.ticket.id }));
  });
});

describe('the re-check timer', () => {
  it('updates the queues when a wait crosses a threshold, with no event at all', async () => {
    await setTestCentreRouting(t.server, 'main', { anySkillAfterS: 1 });
    await agentIn(t, { skills: ['residence'], ready: true });
    const other = await agentIn(t, { ready: true });
    await ticketFrom(t, { need: 'residence' });
    // The real timer wakes the re-check a second later: the ticket reaches the other agent.
    await untilQueue(other.client, ['A001']);
    expect(other.client.all('queue:update').length).toBeGreaterThan(1);
  });
});

describe('several centres', () => {
  it('overflows to a partner after overflowAfterS, tagged, and records both centres; never to a stranger', async () => {
    await createTestCentre(t.server, { id: 'south', name: '南站中心', region: '苏州市' });
    await createTestCentre(t.server, { id: 'west', name: '西区中心' });
    await createTestCentre(t.server, {
      id: 'north',
      name: '北区中心',
      partners: ['south'],
      routing: { overflowAfterS: 300 },
    });
    const home = await agentIn(t, { centreId: 'north', skills: ['medical-insurance'], ready: true });
    const partner = await agentIn(t, { centreId: 'south', skills: ['medical-insurance'], ready: true });
    const stranger = await agentIn(t, { centreId: 'west', skills: ['medical-insurance'], ready: true });
    const ticket = await ticketFrom(t, { centreId: 'north', need: 'medical-insurance' });
    expect(ticket.position.ticket.centreId).toBe('north');
    await untilQueue(home.client, ['A001']);
    expect(queueNumbers(partner.client)).toEqual([]);
    expect(
      await partner.client.request('ticket:accept', { ticketId: ticket.position.ticket.id }),
    ).toMatchObject({ ok: false, error: { code: 'NOT_ELIGIBLE' } });

    await waitSeconds(t, clock, 301);
    await untilQueue(partner.client, ['A001']);
    const line = partner.client.all('queue:update').at(-1)!.entries[0]!;
    expect(line.tags).toContain('overflow');
    expect(line.place).toMatchObject({ centreId: 'north', centreName: '北区中心' });
    expect(queueNumbers(stranger.client)).toEqual([]);
    expect(
      await stranger.client.request('ticket:accept', { ticketId: ticket.position.ticket.id }),
    ).toMatchObject({ ok: false, error: { code: 'NOT_ELIGIBLE' } });

    const opened = okData(
      await partner.client.request('ticket:accept', { ticketId: ticket.position.ticket.id }),
    );
    const session = await t.server.db
      .selectFrom('sessions')
      .selectAll()
      .where('id', '=', opened.session.id)
      .executeTakeFirstOrThrow();
    expect(session).toMatchObject({ agent_centre_id: 'south', kiosk_centre_id: 'north' });
  });

  it('overflows at once when nobody at home who could serve it is online (away does not count)', async () => {
    await createTestCentre(t.server, { id: 'south' });
    await createTestCentre(t.server, { id: 'north', partners: ['south'] });
    const home = await agentIn(t, { centreId: 'north', skills: ['residence'] });
    const partner = await agentIn(t, { centreId: 'south', skills: ['residence'], ready: true });
    await ticketFrom(t, { centreId: 'north', need: 'residence' });
    await untilQueue(partner.client, ['A001']);
    expect(partner.client.all('queue:update').at(-1)!.entries[0]!.tags).toEqual(['overflow']);

    // The home agent gets ready: the ticket is theirs again until overflowAfterS.
    okData(await home.client.request('agent:status', { status: 'available' }));
    await untilQueue(partner.client, []);
    await untilQueue(home.client, ['A001']);
  });
});

describe('priority', () => {
  it('puts 80+ and disability ahead with their tags, and the longest wait first past maxWaitS', async () => {
    const agent = await agentIn(t, { ready: true });
    await ticketFrom(t, {});
    await ticketFrom(t, { disability: true });
    await ticketFrom(t, { identity: { ...RESIDENT, birthDate: '1940-01-01' } });
    await untilQueue(agent.client, ['A002', 'A003', 'A001']);
    const tags = () =>
      agent.client
        .all('queue:update')
        .at(-1)!
        .entries.map((e) => [e.number, e.tags]);
    await agent.client.waitFor('queue:update', (s) => s.entries[1]?.identity?.age !== undefined);
    expect(tags()).toEqual([
      ['A002', ['disability']],
      ['A003', ['age80']],
      ['A001', []],
    ]);

    await waitSeconds(t, clock, 601);
    await untilQueue(agent.client, ['A001', 'A002', 'A003']);
    expect(tags()).toEqual([
      ['A001', ['overdue']],
      ['A002', ['overdue', 'disability']],
      ['A003', ['overdue', 'age80']],
    ]);
  });
});
