/**
 * What happened in one centre on one Asia/Shanghai day, read once from the tables and handed to the
 * pure figures (figures.ts): the centre's tickets (its kiosks' residents), the sessions, closed
 * cases and ratings that belong to it (either side of the session, see centre-scope.ts). The live
 * view, the charts and the daily report all read these facts, so their numbers agree.
 */
import { CaseOutcome, RatingLevel, TicketNeed } from '@rvw/shared';
import type { Db } from '../db/database';
import { shanghaiDay } from '../queue/queue-rules';
import { agentCentreOf, kioskCentreOf, sessionInCentre } from './centre-scope';

// Asia/Shanghai has had no daylight saving time since 1991: a day is 24 h from local midnight.
const SHANGHAI_OFFSET = '+08:00';
const DAY_MS = 86_400_000;

/** The Asia/Shanghai day `day` (YYYY-MM-DD) as an instant range [from, to) in ms since the epoch. */
export function dayRange(day: string): { from: number; to: number } {
  const from = Date.parse(`${day}T00:00:00${SHANGHAI_OFFSET}`);
  return { from, to: from + DAY_MS };
}

/** YYYY-MM-DD naming a real day (not 2026-02-30). */
export function isCalendarDay(day: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return false;
  const from = dayRange(day).from;
  return Number.isFinite(from) && shanghaiDay(new Date(from)) === day;
}

/** The day `n` days before `day` (YYYY-MM-DD). */
export function daysBefore(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) - n * DAY_MS).toISOString().slice(0, 10);
}

/** A ticket of the centre: when it was issued, first answered (its first session) or closed. */
export interface TicketFact {
  id: string;
  need: TicketNeed;
  status: 'waiting' | 'serving' | 'done' | 'cancelled';
  createdAt: number;
  /** When its first session started (the first response); null when never answered. */
  firstStart: number | null;
  closedAt: number | null;
}

/** A session of the centre (its agent's or its kiosk's), with its ticket's need. */
export interface SessionFact {
  id: string;
  need: TicketNeed;
  startedAt: number;
  endedAt: number | null;
  agentCentre: string;
  kioskCentre: string;
  portable: boolean;
}

/** A case closed with an outcome in a session of the centre. */
export interface CaseFact {
  need: TicketNeed;
  outcome: CaseOutcome;
  closedAt: number;
}

/** A rating (or "not rated") of a session of the centre. */
export interface RatingFact {
  need: TicketNeed;
  level: RatingLevel | null;
  at: number;
}

/** One centre's facts for one day. */
export interface DayFacts {
  centreId: string;
  day: string;
  from: number;
  to: number;
  tickets: TicketFact[];
  sessions: SessionFact[];
  cases: CaseFact[];
  ratings: RatingFact[];
}

/** A stored need as the contract knows it; anything else counts as "ask staff". */
export function needOf(stored: string): TicketNeed {
  const parsed = TicketNeed.safeParse(stored);
  return parsed.success ? parsed.data : 'unsure';
}

const iso = (ms: number) => new Date(ms).toISOString();
const ms = (at: string | null) => (at === null ? null : Date.parse(at));

/** Reads a centre's facts of a day: tickets issued from the day before on (an answer may cross midnight). */
export async function loadDayFacts(db: Db, centreId: string, day: string): Promise<DayFacts> {
  const { from, to } = dayRange(day);
  const [fromIso, toIso] = [iso(from), iso(to)];
  const tickets = await db
    .selectFrom('tickets as t')
    .select(['t.id', 't.need', 't.status', 't.created_at', 't.closed_at', 't.accepted_at'])
    .select((eb) =>
      eb
        .selectFrom('sessions as f')
        .select((e) => e.fn.min('f.started_at').as('m'))
        .whereRef('f.ticket_id', '=', 't.id')
        .as('first_start'),
    )
    .where('t.centre_id', '=', centreId)
    .where('t.created_at', '>=', iso(from - DAY_MS))
    .where('t.created_at', '<', toIso)
    .execute();
  const sessions = await db
    .selectFrom('sessions as s')
    .innerJoin('tickets as t', 't.id', 's.ticket_id')
    .innerJoin('kiosks as k', 'k.id', 's.kiosk_id')
    .select(['s.id', 't.need', 's.started_at', 's.ended_at', 'k.kind'])
    .select([agentCentreOf().as('agent_centre'), kioskCentreOf().as('kiosk_centre')])
    .where(sessionInCentre(centreId))
    .where((eb) =>
      eb.or([
        eb.and([eb('s.started_at', '>=', fromIso), eb('s.started_at', '<', toIso)]),
        eb.and([eb('s.ended_at', '>=', fromIso), eb('s.ended_at', '<', toIso)]),
      ]),
    )
    .execute();
  const cases = await db
    .selectFrom('cases as c')
    .innerJoin('sessions as s', 's.id', 'c.session_id')
    .innerJoin('tickets as t', 't.id', 'c.ticket_id')
    .select(['t.need', 'c.outcome', 'c.closed_at'])
    .where(sessionInCentre(centreId))
    .where('c.status', '=', 'closed')
    .where('c.outcome', 'is not', null)
    .where('c.closed_at', '>=', fromIso)
    .where('c.closed_at', '<', toIso)
    .execute();
  return {
    centreId,
    day,
    from,
    to,
    tickets: tickets.map((t) => ({
      id: t.id,
      need: needOf(t.need),
      status: t.status,
      createdAt: Date.parse(t.created_at),
      // A ticket answered before its session row existed (none today) falls back to its accept.
      firstStart: ms(t.first_start ?? t.accepted_at),
      closedAt: ms(t.closed_at),
    })),
    sessions: sessions.map((s) => ({
      id: s.id,
      need: needOf(s.need),
      startedAt: Date.parse(s.started_at),
      endedAt: ms(s.ended_at),
      agentCentre: s.agent_centre,
      kioskCentre: s.kiosk_centre,
      portable: s.kind === 'portable',
    })),
    cases: cases.flatMap((c) => {
      const outcome = CaseOutcome.safeParse(c.outcome);
      return outcome.success && c.closed_at
        ? [{ need: needOf(c.need), outcome: outcome.data, closedAt: Date.parse(c.closed_at) }]
        : [];
    }),
    ratings: await loadRatings(db, centreId, from, to),
  };
}

/** Ratings (and "not rated") of the centre's sessions given in [from, to). */
export async function loadRatings(db: Db, centreId: string, from: number, to: number): Promise<RatingFact[]> {
  const rows = await db
    .selectFrom('ratings as r')
    .innerJoin('sessions as s', 's.id', 'r.session_id')
    .innerJoin('tickets as t', 't.id', 's.ticket_id')
    .select(['t.need', 'r.rated', 'r.level', 'r.at'])
    .where(sessionInCentre(centreId))
    .where('r.at', '>=', iso(from))
    .where('r.at', '<', iso(to))
    .execute();
  return rows.map((r) => {
    const level = RatingLevel.safeParse(r.level);
    return {
      need: needOf(r.need),
      level: r.rated === 1 && level.success ? level.data : null,
      at: Date.parse(r.at),
    };
  });
}

/** Offers missed on the day, per need, for tickets of the centre. */
export async function missedOffers(db: Db, centreId: string, day: string): Promise<Map<string, number>> {
  const { from, to } = dayRange(day);
  const rows = await db
    .selectFrom('offers')
    .select(['need'])
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('centre_id', '=', centreId)
    .where('outcome', '=', 'missed')
    .where('decided_at', '>=', new Date(from).toISOString())
    .where('decided_at', '<', new Date(to).toISOString())
    .groupBy('need')
    .execute();
  return new Map(rows.map((r) => [r.need, Number(r.n)]));
}
