/** The supervisor's figures from a day's facts, worked by hand. */
import { describe, expect, it } from 'vitest';
import type { DayFacts, RatingFact, SessionFact, TicketFact } from './day-facts';
import { dayRange, daysBefore, isCalendarDay } from './day-facts';
import {
  dayFigures,
  firstResponseByHour,
  issuedOn,
  outcomeCounts,
  queueSeries,
  ratingCounts,
  ratingsByDay,
} from './figures';

const DAY = '2026-11-22';
const { from, to } = dayRange(DAY);
/** An instant on the day, as Shanghai clock time. */
const at = (hhmm: string, s = 0) => Date.parse(`${DAY}T${hhmm}:00+08:00`) + s * 1000;

function ticket(p: Partial<TicketFact> & { createdAt: number }): TicketFact {
  return {
    id: Math.random().toString(36),
    need: 'elderly-care',
    status: 'done',
    firstStart: null,
    closedAt: null,
    ...p,
  };
}
function session(p: Partial<SessionFact> & { startedAt: number }): SessionFact {
  return {
    id: Math.random().toString(36),
    need: 'elderly-care',
    endedAt: null,
    agentCentre: 'a',
    kioskCentre: 'a',
    portable: false,
    ...p,
  };
}

const facts = (p: Partial<DayFacts>): DayFacts => ({
  centreId: 'a',
  day: DAY,
  from,
  to,
  tickets: [],
  sessions: [],
  cases: [],
  ratings: [],
  ...p,
});

describe('the day in Shanghai', () => {
  it('runs from local midnight for 24 hours; days before and calendar days', () => {
    expect(new Date(from).toISOString()).toBe('2026-11-21T16:00:00.000Z');
    expect(to - from).toBe(86_400_000);
    expect(daysBefore('2026-03-01', 1)).toBe('2026-02-28');
    expect(isCalendarDay('2026-02-28')).toBe(true);
    expect(isCalendarDay('2026-02-30')).toBe(false);
    expect(isCalendarDay('2026-13-01')).toBe(false);
    expect(isCalendarDay('22.11.2026')).toBe(false);
  });
});

describe("today's figures", () => {
  const f = facts({
    tickets: [
      // Answered in 30 s and in 60 s (on time), in 61 s (late).
      ticket({ createdAt: at('09:00'), firstStart: at('09:00', 30) }),
      ticket({ createdAt: at('09:10'), firstStart: at('09:11') }),
      ticket({ createdAt: at('10:00'), firstStart: at('10:01', 1), need: 'residence' }),
      // Issued yesterday, answered just after midnight: counts today.
      ticket({ createdAt: from - 30_000, firstStart: from + 10_000 }),
      // Cancelled after 5 minutes; one still waiting.
      ticket({ createdAt: at('11:00'), status: 'cancelled', closedAt: at('11:05') }),
      ticket({ createdAt: at('11:30'), status: 'waiting' }),
    ],
    sessions: [
      session({ startedAt: at('09:00', 30), endedAt: at('09:10', 30) }), // 600 s
      session({ startedAt: at('09:11'), endedAt: at('09:16'), agentCentre: 'b', portable: true }), // 300 s
      session({ startedAt: at('10:01', 1), need: 'residence' }), // still open
      // Started yesterday, ended today: its handling counts, not its start.
      session({ startedAt: from - 60_000, endedAt: from + 60_000, kioskCentre: 'b' }), // 120 s
    ],
    cases: [
      { need: 'elderly-care', outcome: 'completed', closedAt: at('09:10') },
      { need: 'elderly-care', outcome: 'accepted', closedAt: at('09:15') },
      { need: 'elderly-care', outcome: 'not-done', closedAt: at('09:16') },
      { need: 'residence', outcome: 'consultation', closedAt: at('10:20') },
    ],
  });

  it('counts answers, the share within 1 minute, resolved share, 办不成, handling, cross-centre and portable', () => {
    expect(dayFigures(f)).toEqual({
      day: DAY,
      answered: 4,
      firstResponseWithin1Min: 3 / 4,
      closed: 4,
      resolvedShare: 2 / 4,
      notDone: 1,
      meanHandlingS: 340, // (600 + 300 + 120) / 3
      crossCentre: 1,
      portable: 1,
    });
  });

  it('narrows to one need', () => {
    expect(dayFigures(f, 'residence')).toMatchObject({
      answered: 1,
      firstResponseWithin1Min: 0,
      closed: 1,
      resolvedShare: 0,
      notDone: 0,
      meanHandlingS: null,
    });
    expect(outcomeCounts(f)).toEqual({
      completed: 1,
      accepted: 1,
      consultation: 1,
      transferred: 0,
      'not-done': 1,
    });
  });

  it('says nothing rather than 0 % when there is nothing to divide', () => {
    expect(dayFigures(facts({}))).toMatchObject({
      answered: 0,
      firstResponseWithin1Min: null,
      resolvedShare: null,
      meanHandlingS: null,
    });
  });

  it('issued today, and the longest wait: answer, cancel, or now for one still waiting', () => {
    // The waiting one has waited 90 minutes at 13:00; the cancelled one 5 minutes.
    expect(issuedOn(f, at('13:00'))).toEqual({ issued: 5, longestWaitS: 5400 });
    // After the day, a ticket still waiting counts until midnight.
    expect(issuedOn(f, to + 3_600_000).longestWaitS).toBe((to - at('11:30')) / 1000);
  });

  it('the first response per hour', () => {
    const hours = firstResponseByHour(f);
    expect(hours).toHaveLength(24);
    expect(hours[0]).toEqual({ hour: 0, answered: 1, within1Min: 1 });
    expect(hours[9]).toEqual({ hour: 9, answered: 2, within1Min: 1 });
    expect(hours[10]).toEqual({ hour: 10, answered: 1, within1Min: 0 });
    expect(hours[11]).toEqual({ hour: 11, answered: 0, within1Min: null });
  });
});

describe('the queue over the day', () => {
  it('is rebuilt every 10 minutes from issue, answer and cancel times, up to now', () => {
    const f = facts({
      tickets: [
        ticket({ createdAt: at('09:05'), firstStart: at('09:25') }),
        ticket({ createdAt: at('09:15'), status: 'cancelled', closedAt: at('09:35') }),
        ticket({ createdAt: at('09:28'), status: 'waiting' }),
      ],
    });
    const series = queueSeries(f, at('09:45'));
    expect(series).toHaveLength(9 * 6 + 5); // 00:00 … 09:40
    const point = (hhmm: string) => series.find((p) => p.at === new Date(at(hhmm)).toISOString());
    expect(point('09:00')).toEqual({ at: new Date(at('09:00')).toISOString(), waiting: 0, longestWaitS: 0 });
    expect(point('09:10')!.waiting).toBe(1);
    expect(point('09:20')).toMatchObject({ waiting: 2, longestWaitS: 15 * 60 });
    expect(point('09:30')).toMatchObject({ waiting: 2, longestWaitS: 15 * 60 });
    expect(point('09:40')).toMatchObject({ waiting: 1, longestWaitS: 12 * 60 });
    // A day that is over has all 144 points.
    expect(queueSeries(f, to + 1)).toHaveLength(144);
  });
});

describe('ratings', () => {
  const r = (
    level: RatingFact['level'],
    atMs: number,
    need: RatingFact['need'] = 'elderly-care',
  ): RatingFact => ({
    need,
    level,
    at: atMs,
  });

  it('counts each level and the not-rated', () => {
    const c = ratingCounts([
      r('satisfied', at('09:00')),
      r('satisfied', at('10:00')),
      r(null, at('10:00')),
      r('dissatisfied', at('11:00'), 'residence'),
    ]);
    expect(c).toEqual({
      levels: {
        'very-satisfied': 0,
        satisfied: 2,
        'basically-satisfied': 0,
        dissatisfied: 1,
        'very-dissatisfied': 0,
      },
      notRated: 1,
    });
    expect(
      ratingCounts([r('dissatisfied', at('11:00'), 'residence')], 'elderly-care').levels.dissatisfied,
    ).toBe(0);
  });

  it('per day, for the days asked, oldest first', () => {
    const days = ['2026-11-21', DAY];
    const byDay = ratingsByDay(
      [r('satisfied', from - 1000), r('very-satisfied', at('09:00')), r(null, at('09:00'))],
      days,
      (ms) => (ms < from ? '2026-11-21' : DAY),
    );
    expect(byDay.map((d) => [d.day, d.levels.satisfied, d.levels['very-satisfied']])).toEqual([
      ['2026-11-21', 1, 0],
      [DAY, 0, 1],
    ]);
  });
});
