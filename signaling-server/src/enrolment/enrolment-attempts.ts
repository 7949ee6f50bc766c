/**
 * The limit on redeeming enrolment codes: at most ENROL_ATTEMPTS_PER_WINDOW attempts per client
 * address in a fixed one-minute window, counted in the database (every node shares it) before the
 * code is looked at, so parallel guesses count too. With 31^10 codes and 5 guesses a minute, guessing
 * an open code is hopeless within its lifetime.
 */
import { sql } from 'kysely';
import type { Db } from '../db/database';

/** Attempts allowed per address and window. */
export const ENROL_ATTEMPTS_PER_WINDOW = 5;
/** The window's length: one minute. */
export const ENROL_WINDOW_MS = 60_000;

/**
 * Counts one attempt from `address`; answers null when it may go on, else the seconds until the
 * window ends.
 */
export async function countEnrolmentAttempt(db: Db, address: string, now: Date): Promise<number | null> {
  const at = now.toISOString();
  const windowOpenedAfter = new Date(now.getTime() - ENROL_WINDOW_MS).toISOString();
  // One statement: a new address or an old window starts a new window at 1; else the count grows.
  const row = await db
    .insertInto('enrolment_attempts')
    .values({ address, window_start: at, attempts: 1 })
    .onConflict((oc) =>
      oc.column('address').doUpdateSet({
        window_start: sql<string>`case when enrolment_attempts.window_start <= ${windowOpenedAfter} then ${at} else enrolment_attempts.window_start end`,
        attempts: sql<number>`case when enrolment_attempts.window_start <= ${windowOpenedAfter} then 1 else enrolment_attempts.attempts + 1 end`,
      }),
    )
    .returning(['window_start', 'attempts'])
    .executeTakeFirstOrThrow();
  // Old rows of other addresses go once in a while; a stale row only ever restarts its window.
  if (row.attempts === 1)
    await db.deleteFrom('enrolment_attempts').where('window_start', '<=', windowOpenedAfter).execute();
  if (row.attempts <= ENROL_ATTEMPTS_PER_WINDOW) return null;
  return (Date.parse(row.window_start) + ENROL_WINDOW_MS - now.getTime()) / 1000;
}
