/**
 * Routing in the console's controller against the real server (issue 11): the agent's own status
 * pushed on connect and changed by one click; the centres read to know the routing mode; in an
 * offer centre, an offer prompt whose accept opens the call with where the resident is, a decline,
 * and a missed offer that says so and leaves the agent away.
 */
import { describe, expect, test } from 'vitest';
import { untilStore } from '../lib/until-store';
import { createTestAgent, createTestCentre } from '@rvw/signaling-server/testing';
import { routingModeOf } from './centre-directory';
import type { ConsoleApp } from './console-app';
import { savedLogin, until, useConsoleTestServer } from './test-rig';

const server = useConsoleTestServer((s) =>
  createTestCentre(s.server, {
    id: 'offer-centre',
    name: '派单中心',
    region: '上海市徐汇区',
    routing: { mode: 'offer', offerTimeoutS: 5 },
  }),
);

const status = (app: ConsoleApp, check: (s: string | undefined) => boolean) =>
  untilStore(
    app.routing.status.subscribe,
    app.routing.status.getSnapshot,
    (s) => check(s.presence?.status),
    'the status',
  );
/** A signed-in console of a new agent of `centreId` with `skills`, started, connected and (unless told) available. */
async function agentApp(centreId = 'main', available = true) {
  const { storage, auth } = savedLogin(
    await createTestAgent(server.server, { centreId, skills: ['elderly-care'] }),
  );
  const { app } = server.newApp(storage);
  app.start();
  await until(app, (s) => s.work.connection === 'connected');
  // A sign-in starts away (no offer for someone still hanging up their coat).
  await status(app, (s) => s === 'away');
  if (available) await app.routing.status.choose('available');
  return { app, agent: auth.agent };
}

/** A kiosk of `centreId` whose resident asks for `need`. */
async function ticketAt(centreId: string, kind: 'fixed' | 'portable' = 'fixed') {
  const { ticket } = await server.kioskWithTicket(
    { centreId, kind, name: '田林 上门办 2', location: '华悦居委会' },
    { need: 'elderly-care' },
  );
  return ticket;
}

const offered = (app: ConsoleApp) =>
  untilStore(
    app.routing.offers.subscribe,
    app.routing.offers.getSnapshot,
    (s) => s.held !== null,
    'an offer',
  );

describe('routing in the console', () => {
  test('shows the status the server pushes on connect (away at sign-in), and changes it with one click', async () => {
    const { app } = await agentApp('main', false);
    expect(app.routing.status.getSnapshot().presence?.status).toBe('away');
    expect(await app.routing.status.choose('available')).toMatchObject({
      ok: true,
      presence: { status: 'available' },
    });
    expect(app.routing.status.getSnapshot().presence?.status).toBe('available');
    await app.routing.status.choose('away');
    await status(app, (s) => s === 'away');
  });

  test('reads the centres: the pull centre and the offer centre by their modes', async () => {
    const { app } = await agentApp('offer-centre');
    const centres = await untilStore(
      app.routing.centres.subscribe,
      app.routing.centres.getSnapshot,
      (s) => s.loaded,
      'the centres',
    );
    expect(routingModeOf(centres, 'offer-centre')).toBe('offer');
    expect(routingModeOf(centres, 'main')).toBe('pull');
    expect(centres.centres.get('offer-centre')?.name).toBe('派单中心');
  });

  test('an offer accepted opens the call with the resident’s place; the status is in a session', async () => {
    const { app } = await agentApp('offer-centre');
    const ticket = await ticketAt('offer-centre', 'portable');
    const held = (await offered(app)).held!;
    expect(held.offer.entry).toMatchObject({
      ticketId: ticket.id,
      need: 'elderly-care',
      place: { centreId: 'offer-centre', committee: '华悦居委会', kioskKind: 'portable' },
    });
    await app.routing.offers.accept();
    const s = await until(app, (s) => s.work.call !== null);
    expect(s.work.call).toMatchObject({
      opened: { session: { ticketId: ticket.id } },
      place: { kioskKind: 'portable', centreName: '派单中心' },
    });
    expect(app.routing.offers.getSnapshot().held).toBeNull();
    await status(app, (s) => s === 'in-session');
    await app.endCall();
    await status(app, (s) => s === 'wrap-up');
    expect(app.routing.status.getSnapshot().presence?.wrapUpEndsAt).toBeDefined();
  });

  test('a declined offer closes with a notice and the agent stays available', async () => {
    const { app } = await agentApp('offer-centre');
    await ticketAt('offer-centre');
    await offered(app);
    await app.routing.offers.decline();
    const s = await until(app, (s) => s.work.notices.some((n) => n.kind === 'offer-ended'));
    expect(s.work.notices).toContainEqual(
      expect.objectContaining({ kind: 'offer-ended', reason: 'declined' }),
    );
    expect(app.routing.offers.getSnapshot().held).toBeNull();
    expect(app.routing.status.getSnapshot().presence?.status).toBe('available');
  });

  test('a missed offer closes saying so, and the agent is away', async () => {
    const { app } = await agentApp('offer-centre');
    await ticketAt('offer-centre');
    await offered(app);
    // The centre's offer time is 5 s.
    const s = await until(app, (s) => s.work.notices.some((n) => n.kind === 'offer-ended'), 12_000);
    expect(s.work.notices).toContainEqual(expect.objectContaining({ kind: 'offer-ended', reason: 'missed' }));
    await status(app, (s) => s === 'away');
  });
});
