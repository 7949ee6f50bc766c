/**
 * The supervisor's figures as pure functions of a day's facts (day-facts.ts): today's figures, the
 * ratings, one report row per need, and the charts' series. The district's targets are a first
 * response within 1 minute and 90 % resolved (办结 + 受理).
 */
import {
  RatingLevel,
  type CaseOutcome,
  type DayFigures,
  type RatingFigures,
  type SupervisorCharts,
  type TicketNeed,
} from '@rvw/shared';
import type { DayFacts, RatingFact, TicketFact } from './day-facts';

/** A first response counts as on time within this (the district's 1-minute target). */
export const FIRST_RESPONSE_TARGET_MS = 60_000;

/** The charts' queue series has one point every this often (10 minutes). */
export const QUEUE_STEP_MS = 10 * 60_000;

/** Outcomes that count as resolved: 办结 and 受理. */
export const RESOLVED: readonly CaseOutcome[] = ['completed', 'accepted'];

type Levels = RatingFigures['levels'];

const inDay = (at: number | null, f: DayFacts) => at !== null && at >= f.from && at < f.to;
const forNeed = <T extends { need: TicketNeed }>(rows: readonly T[], need: TicketNeed | null) =>
  need === null ? rows : rows.filter((r) => r.need === need);
const share = (part: number, whole: number) => (whole === 0 ? null : part / whole);
const mean = (xs: readonly number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null);

/** Tickets answered (first session started) within the day. */
export function answeredOn(f: DayFacts, need: TicketNeed | null = null): TicketFact[] {
  return forNeed(f.tickets, need).filter((t) => inDay(t.firstStart, f));
}

/** True when the ticket's first response came within the target. */
export function onTime(t: TicketFact): boolean {
  return t.firstStart !== null && t.firstStart - t.createdAt <= FIRST_RESPONSE_TARGET_MS;
}

/** The day's figures (for one need, or all). */
export function dayFigures(f: DayFacts, need: TicketNeed | null = null): DayFigures {
  const answered = answeredOn(f, need);
  const cases = forNeed(f.cases, need);
  const sessions = forNeed(f.sessions, need);
  const started = sessions.filter((s) => inDay(s.startedAt, f));
  const handled = sessions.flatMap((s) =>
    s.endedAt !== null && inDay(s.endedAt, f) ? [(s.endedAt - s.startedAt) / 1000] : [],
  );
  const meanS = mean(handled);
  return {
    day: f.day,
    answered: answered.length,
    firstResponseWithin1Min: share(answered.filter(onTime).length, answered.length),
    closed: cases.length,
    resolvedShare: share(cases.filter((c) => RESOLVED.includes(c.outcome)).length, cases.length),
    notDone: cases.filter((c) => c.outcome === 'not-done').length,
    meanHandlingS: meanS === null ? null : Math.round(meanS),
    crossCentre: started.filter((s) => s.agentCentre !== s.kioskCentre).length,
    portable: started.filter((s) => s.portable).length,
  };
}

/** Zero of every level. */
export function noLevels(): Levels {
  return Object.fromEntries(RatingLevel.options.map((l) => [l, 0])) as Levels;
}

/** The ratings' distribution across the five levels, and how many were left unrated. */
export function ratingCounts(
  ratings: readonly RatingFact[],
  need: TicketNeed | null = null,
): { levels: Levels; notRated: number } {
  const levels = noLevels();
  let notRated = 0;
  for (const r of forNeed(ratings, need)) {
    if (r.level) levels[r.level] += 1;
    else notRated += 1;
  }
  return { levels, notRated };
}

/** Counts of each outcome among the day's closed cases (for one need, or all). */
export function outcomeCounts(f: DayFacts, need: TicketNeed | null = null): Record<CaseOutcome, number> {
  const counts: Record<CaseOutcome, number> = {
    completed: 0,
    accepted: 0,
    consultation: 0,
    transferred: 0,
    'not-done': 0,
  };
  for (const c of forNeed(f.cases, need)) counts[c.outcome] += 1;
  return counts;
}

/**
 * Tickets issued on the day, and the longest any of them waited (s) until its first answer, its
 * cancellation, or `now` (the end of the day at the latest) while still waiting.
 */
export function issuedOn(
  f: DayFacts,
  now: number,
  need: TicketNeed | null = null,
): { issued: number; longestWaitS: number } {
  const issued = forNeed(f.tickets, need).filter((t) => inDay(t.createdAt, f));
  const until = Math.min(now, f.to);
  const waits = issued.map((t) => ((t.firstStart ?? t.closedAt ?? until) - t.createdAt) / 1000);
  return { issued: issued.length, longestWaitS: Math.max(0, Math.round(Math.max(0, ...waits))) };
}

/**
 * Waiting count and longest wait every 10 minutes from the day's start to `now` (or its end),
 * reconstructed from when each ticket was issued and first answered or cancelled. A ticket sent back
 * to the queue by a blind transfer is not counted again (its session went on).
 */
export function queueSeries(f: DayFacts, now: number): SupervisorCharts['queue'] {
  const until = Math.min(now, f.to - 1);
  const points: SupervisorCharts['queue'] = [];
  for (let t = f.from; t <= until; t += QUEUE_STEP_MS) {
    let waiting = 0;
    let longest = 0;
    for (const k of f.tickets) {
      const left = k.firstStart ?? k.closedAt;
      if (k.createdAt <= t && (left === null || left > t)) {
        waiting += 1;
        longest = Math.max(longest, t - k.createdAt);
      }
    }
    points.push({ at: new Date(t).toISOString(), waiting, longestWaitS: Math.round(longest / 1000) });
  }
  return points;
}

/** Per hour of the day (0–23): tickets answered in that hour, and the share within 1 minute. */
export function firstResponseByHour(f: DayFacts): SupervisorCharts['firstResponse'] {
  const hours = Array.from({ length: 24 }, () => ({ answered: 0, onTime: 0 }));
  for (const t of answeredOn(f)) {
    const h = hours[Math.floor((t.firstStart! - f.from) / 3_600_000)]!;
    h.answered += 1;
    if (onTime(t)) h.onTime += 1;
  }
  return hours.map((h, hour) => ({ hour, answered: h.answered, within1Min: share(h.onTime, h.answered) }));
}

/** Ratings per level per day, for `days` (oldest first), from ratings bucketed by `dayOf`. */
export function ratingsByDay(
  ratings: readonly RatingFact[],
  days: readonly string[],
  dayOf: (at: number) => string,
): SupervisorCharts['ratingsPerDay'] {
  const byDay = new Map(days.map((d) => [d, noLevels()]));
  for (const r of ratings) {
    const levels = byDay.get(dayOf(r.at));
    if (levels && r.level) levels[r.level] += 1;
  }
  return days.map((day) => ({ day, levels: byDay.get(day)! }));
}
