/**
 * What the routing tests share (issue 11): a clock the test moves (waits cross thresholds with no
 * real waiting; `recheck()` then runs what the timers would run), and agents and kiosks of a centre,
 * connected.
 */
import type { ResidentIdentity, Skill, TicketNeed, TicketPosition } from '@rvw/shared';
import {
  connectAgent,
  connectKiosk,
  createTestAgent,
  createTestKiosk,
  okData,
  shareIdentityOverHttp,
  type TestClient,
} from '../testing';
import type { ServerUnderTest } from '../testing/hooks';

/** A clock that runs with real time plus an offset the test moves forward. */
export class TestClock {
  private offsetMs = 0;
  /** The clock to pass as ServerOptions.clock. */
  readonly now = (): Date => new Date(Date.now() + this.offsetMs);
  /** Moves the clock forward by `s` seconds. */
  advance(s: number): void {
    this.offsetMs += s * 1000;
  }
}

/** Moves the clock and runs the checks the timers would run (wrap-ups, offer deadlines, thresholds). */
export async function waitSeconds(t: ServerUnderTest, clock: TestClock, s: number): Promise<void> {
  clock.advance(s);
  await t.server.routing.recheck();
}

/** An agent of a centre, connected (status away, as after a sign-in); `ready` makes them available. */
export async function agentIn(
  t: ServerUnderTest,
  opts: {
    centreId?: string;
    skills?: Skill[];
    name?: string;
    ready?: boolean;
    role?: 'agent' | 'admin';
  } = {},
): Promise<{ id: string; token: string; client: TestClient }> {
  const a = await createTestAgent(t.server, {
    ...(opts.centreId ? { centreId: opts.centreId } : {}),
    ...(opts.skills ? { skills: opts.skills } : {}),
    ...(opts.name ? { displayName: opts.name } : {}),
    ...(opts.role ? { role: opts.role } : {}),
  });
  const client = await connectAgent(t.url, a.token);
  t.track(client);
  await client.waitFor('agent:status');
  if (opts.ready) okData(await client.request('agent:status', { status: 'available' }));
  return { id: a.agent.id, token: a.token, client };
}

/** A kiosk of a centre, connected, that takes a ticket for `need` (and the disability answer). */
export async function ticketFrom(
  t: ServerUnderTest,
  opts: {
    centreId?: string;
    need?: TicketNeed;
    disability?: boolean;
    location?: string;
    name?: string;
    identity?: ResidentIdentity;
  } = {},
): Promise<{ kioskId: string; token: string; client: TestClient; position: TicketPosition }> {
  const k = await createTestKiosk(t.server, {
    ...(opts.centreId ? { centreId: opts.centreId } : {}),
    ...(opts.location ? { location: opts.location } : {}),
    ...(opts.name ? { name: opts.name } : {}),
  });
  const client = await connectKiosk(t.url, k.token);
  t.track(client);
  const position = okData(
    await client.request('ticket:request', {
      ...(opts.need ? { need: opts.need } : {}),
      ...(opts.disability !== undefined ? { disability: opts.disability } : {}),
      ...(opts.identity ? { identity: 'pending' as const } : {}),
    }),
  );
  if (opts.identity) await shareIdentityOverHttp(t.url, k.token, position.ticket.id, opts.identity);
  return { kioskId: k.kiosk.id, token: k.token, client, position };
}

/** The offers of a ticket in the order they were made: whom to, and how each ended. */
export function offersOf(t: ServerUnderTest, ticketId: string) {
  return t.server.db
    .selectFrom('offers')
    .select(['agent_id', 'outcome'])
    .where('ticket_id', '=', ticketId)
    .orderBy('offered_at')
    .execute();
}

/** The ticket numbers of the latest queue the agent received, in order. */
export function queueNumbers(client: TestClient): string[] {
  const all = client.all('queue:update');
  return all.length ? all[all.length - 1]!.entries.map((e) => e.number) : [];
}

/**
 * Waits until the agent's latest queue shows exactly these ticket numbers, in this order (the latest
 * queue received so far counts; an older one does not).
 */
export async function untilQueue(client: TestClient, numbers: string[], timeoutMs = 5000): Promise<void> {
  let from = 0;
  client.received.forEach((r, i) => {
    if (r.event === 'queue:update') from = i;
  });
  const want = JSON.stringify(numbers);
  await client.waitFor('queue:update', (s) => JSON.stringify(s.entries.map((e) => e.number)) === want, {
    from,
    timeoutMs,
  });
}
