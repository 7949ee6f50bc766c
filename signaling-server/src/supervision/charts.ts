/**
 * The charts' series of one centre's day (SupervisorCharts): waiting count and longest wait every 10
 * minutes, first responses within 1 minute per hour, and ratings per level for the 14 days up to it.
 */
import type { SupervisorCharts } from '@rvw/shared';
import type { Db } from '../db/database';
import { shanghaiDay } from '../queue/queue-rules';
import { dayRange, daysBefore, loadDayFacts, loadRatings } from './day-facts';
import { firstResponseByHour, queueSeries, ratingsByDay } from './figures';

/** How many days the ratings chart shows, ending with the chosen day. */
export const RATING_DAYS = 14;

/** The series of `day` for `centreId`, as of `now` (today's series stop at now). */
export async function buildCharts(
  db: Db,
  centreId: string,
  day: string,
  now: Date,
): Promise<SupervisorCharts> {
  const facts = await loadDayFacts(db, centreId, day);
  const days = Array.from({ length: RATING_DAYS }, (_, i) => daysBefore(day, RATING_DAYS - 1 - i));
  const ratings = await loadRatings(db, centreId, dayRange(days[0]!).from, dayRange(day).to);
  return {
    day,
    queue: queueSeries(facts, now.getTime()),
    firstResponse: firstResponseByHour(facts),
    ratingsPerDay: ratingsByDay(ratings, days, (at) => shanghaiDay(new Date(at))),
  };
}
