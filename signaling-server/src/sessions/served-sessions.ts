/** The one rule for "the agent still serves this session", shared by every busy check (issue 11 #6). */
import type { Expression, ExpressionBuilder, SqlBool } from 'kysely';
import type { Database, SessionsTable } from '../db/schema';

/**
 * A where-clause for a query on `sessions as s`: true unless a blind hand-over of the session waits
 * in the queue (transfer phase 'queued'); its agent handed it over and is free for routing.
 */
export function notHandedOver(
  eb: ExpressionBuilder<Database & { s: SessionsTable }, 's'>,
): Expression<SqlBool> {
  return eb.not(
    eb.exists(
      eb
        .selectFrom('transfers as tr')
        .select('tr.id')
        .whereRef('tr.session_id', '=', 's.id')
        .where('tr.phase', '=', 'queued'),
    ),
  );
}
