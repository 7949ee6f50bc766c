/**
 * The supervisor's live view of one centre (SupervisorSnapshot): the queue per need with its longest
 * wait and the offers missed today, the agents with their status and since when, the live sessions,
 * today's figures and ratings. Built from the tables each time (the bus carries no state), and the
 * same for every supervisor of the centre.
 */
import {
  DEFAULT_ROUTING,
  NEED_TILES,
  RoutingSettings,
  type LiveSession,
  type QueueFigure,
  type SupervisorSnapshot,
  type TicketNeed,
} from '@rvw/shared';
import { agentPresences } from '../agents/presences';
import type { Db } from '../db/database';
import { shanghaiDay } from '../queue/queue-rules';
import type { Presence } from '../socket/presence';
import { agentCentreOf, kioskCentreOf, sessionInCentre } from './centre-scope';
import { loadDayFacts, missedOffers, needOf } from './day-facts';
import { dayFigures, ratingCounts } from './figures';

/** What a snapshot is read from. */
export interface SnapshotSources {
  db: Db;
  presence: Presence;
}

/** The centre's id, name and routing settings; null when there is no such centre. */
export async function centreInfo(
  db: Db,
  centreId: string,
): Promise<{ id: string; name: string; routing: RoutingSettings } | null> {
  const row = await db
    .selectFrom('centres')
    .select(['id', 'name', 'routing'])
    .where('id', '=', centreId)
    .executeTakeFirst();
  if (!row) return null;
  const routing = RoutingSettings.safeParse(JSON.parse(row.routing));
  return { id: row.id, name: row.name, routing: routing.success ? routing.data : DEFAULT_ROUTING };
}

/** The live view of `centreId` at `now`. */
export async function buildSnapshot(
  src: SnapshotSources,
  centreId: string,
  now: Date,
): Promise<SupervisorSnapshot> {
  const { db } = src;
  const centre = await centreInfo(db, centreId);
  const day = shanghaiDay(now);
  const facts = await loadDayFacts(db, centreId, day);
  const followUpsOpen = await db
    .selectFrom('follow_ups as f')
    .innerJoin('agents as a', 'a.id', 'f.agent_id')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('a.centre_id', '=', centreId)
    .where('f.closed_at', 'is', null)
    .executeTakeFirstOrThrow();
  return {
    serverTime: now.toISOString(),
    centres: centre ? [{ id: centre.id, name: centre.name }] : [],
    queues: await queueFigures(db, centreId, day, now),
    // The routing core's presences: role-agent accounts always, supervisors while connected.
    agents: await agentPresences(db, src.presence, [centreId], now),
    sessions: await liveSessions(db, centreId),
    today: dayFigures(facts),
    ratings: { ...ratingCounts(facts.ratings), followUpsOpen: Number(followUpsOpen.n) },
  };
}

/** One line per need (in the kiosk's tile order): waiting now, the longest wait, offers missed today. */
export async function queueFigures(db: Db, centreId: string, day: string, now: Date): Promise<QueueFigure[]> {
  const waiting = await db
    .selectFrom('tickets')
    .select(['need', 'route_skill', 'created_at', 'transferred_at'])
    .where('status', '=', 'waiting')
    .where('centre_id', '=', centreId)
    .execute();
  const missed = await missedOffers(db, centreId, day);
  const lines = new Map<TicketNeed, QueueFigure>(
    NEED_TILES.map(({ need }) => [need, { centreId, need, waiting: 0, longestWaitS: 0, offersMissed: 0 }]),
  );
  for (const t of waiting) {
    // A ticket sent back by a blind transfer waits for its new skill, since it went back.
    const line = lines.get(needOf(t.route_skill ?? t.need))!;
    line.waiting += 1;
    const waitedS = Math.round((now.getTime() - Date.parse(t.transferred_at ?? t.created_at)) / 1000);
    line.longestWaitS = Math.max(line.longestWaitS, waitedS);
  }
  for (const [need, n] of missed) lines.get(needOf(need))!.offersMissed += n;
  return [...lines.values()];
}

/** Open sessions of the centre (its agents' or its kiosks'), oldest first. */
export async function liveSessions(db: Db, centreId: string): Promise<LiveSession[]> {
  const rows = await db
    .selectFrom('sessions as s')
    .innerJoin('tickets as t', 't.id', 's.ticket_id')
    .innerJoin('agents as a', 'a.id', 's.agent_id')
    .innerJoin('kiosks as k', 'k.id', 's.kiosk_id')
    .select(['s.id', 't.number', 's.agent_id', 'a.display_name', 'k.name as kiosk_name', 's.started_at'])
    .select([agentCentreOf().as('agent_centre'), kioskCentreOf().as('kiosk_centre')])
    .where('s.ended_at', 'is', null)
    .where(sessionInCentre(centreId))
    .orderBy('s.started_at')
    .execute();
  return rows.map((r) => ({
    sessionId: r.id,
    ticketNumber: r.number,
    agentId: r.agent_id,
    agentName: r.display_name,
    centreId: r.agent_centre,
    kioskCentreId: r.kiosk_centre,
    kioskName: r.kiosk_name,
    startedAt: r.started_at,
  }));
}
