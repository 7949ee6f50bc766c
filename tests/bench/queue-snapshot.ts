/**
 * The queue's operations timed in-process on the server's own SQLite database, without sockets:
 * the order (the routing picture — centres, agents online, waiting tickets with their priority facts
 * — loaded, and every working agent's queue ordered from it: what the server computes for each queue
 * push, position and accept), and, after the day, rounds of issue → order → accept → end through
 * the stores the socket handlers call.
 */
import { performance } from 'node:perf_hooks';
import type { Skill, TicketNeed } from '@rvw/shared';
import type { RunningServer } from '@rvw/signaling-server';
// The server's internals, timed in-process: no package export offers them (a bench-only reach-in).
/* eslint-disable no-restricted-imports */
import { endSession } from '../../signaling-server/src/sessions/session-store';
import { acceptTicket, issueTicket } from '../../signaling-server/src/queue/ticket-store';
import { loadPicture, type RoutingPicture } from '../../signaling-server/src/queue/routing-picture';
import { Presence } from '../../signaling-server/src/socket/presence';
/* eslint-enable no-restricted-imports */

const presences = new WeakMap<RunningServer, Presence>();

/** The picture at `now` with every working agent's queue ordered, and the milliseconds it took. */
export async function orderQueues(
  server: RunningServer,
  now: Date,
): Promise<{ picture: RoutingPicture; ms: number }> {
  let presence = presences.get(server);
  if (!presence) presences.set(server, (presence = new Presence(server.io)));
  const t0 = performance.now();
  const picture = await loadPicture(server.db, presence, now);
  for (const agent of picture.working) picture.queueOf(agent);
  return { picture, ms: performance.now() - t0 };
}

export interface StoreOpTimes {
  issue: number[];
  order: number[];
  accept: number[];
  end: number[];
}

/**
 * `rounds` rounds at `from` (one simulated second apart) with `backlog` tickets kept waiting: a
 * kiosk's ticket issued, the queues ordered, the head of an agent's queue accepted, its session
 * ended. Kiosks and agents are the day's (`kiosks` must outnumber `backlog`).
 */
export async function timeStoreOps(
  server: RunningServer,
  from: Date,
  kiosks: readonly string[],
  agents: ReadonlyArray<{ agentId: string; centreId: string; skills: Skill[] }>,
  rounds: number,
  backlog = 8,
): Promise<StoreOpTimes> {
  const times: StoreOpTimes = { issue: [], order: [], accept: [], end: [] };
  const needs: TicketNeed[] = ['elderly-care', 'medical-insurance', 'residence', 'consultation', 'unsure'];
  const free = [...kiosks];
  const holding = new Map<string, string>();
  let now = from;
  const issue = async (i: number) => {
    const kioskId = free.shift()!;
    const t0 = performance.now();
    const row = await issueTicket(server.db, kioskId, now, 'none', { need: needs[i % needs.length]! });
    holding.set(row.id, kioskId);
    return performance.now() - t0;
  };
  for (let i = 0; i < backlog; i++) await issue(i);
  for (let i = 0; i < rounds; i++) {
    now = new Date(from.getTime() + (i + 1) * 1000);
    times.issue.push(await issue(i));
    const { picture, ms } = await orderQueues(server, now);
    times.order.push(ms);
    const agent = agents[i % agents.length]!;
    const head = picture.queueOf(agent)[0] ?? picture.orderFor(agent.centreId)[0]!;
    let t0 = performance.now();
    const { session } = await acceptTicket(server.db, {
      agentId: agent.agentId,
      ticketId: head.ticketId,
      now,
      agentCentreId: agent.centreId,
    });
    times.accept.push(performance.now() - t0);
    t0 = performance.now();
    await endSession(server.db, session.id, 'agent', undefined, now);
    times.end.push(performance.now() - t0);
    free.push(holding.get(head.ticketId)!);
  }
  return times;
}
