/**
 * Call set-up times (issue 12 #7): a member of a session reports how long its call took to set up,
 * once per side; stored in call_setups and observed by the `rvw_call_setup_seconds` histogram.
 */
import { RequestError, SessionError } from '@rvw/shared';
import type { Clock } from '../../clock';
import type { Db } from '../../db/database';
import type { FleetMetrics } from '../../metrics/fleet-metrics';
import type { SocketData } from '../../socket/types';

/** Records one side's set-up time: NOT_FOUND, NOT_SESSION_MEMBER, or CONFLICT the second time. */
export async function recordCallSetup(
  deps: { db: Db; clock: Clock; metrics: FleetMetrics },
  me: SocketData,
  report: { sessionId: string; ms: number },
): Promise<void> {
  const s = await deps.db
    .selectFrom('sessions')
    .select(['kiosk_id', 'agent_id'])
    .where('id', '=', report.sessionId)
    .executeTakeFirst();
  if (!s) throw RequestError.notFound('The session');
  const member = me.kind === 'kiosk' ? s.kiosk_id === me.kioskId : s.agent_id === me.agentId;
  if (!member) throw SessionError.notMember();
  const res = await deps.db
    .insertInto('call_setups')
    .values({
      session_id: report.sessionId,
      side: me.kind,
      ms: report.ms,
      reported_at: deps.clock().toISOString(),
    })
    .onConflict((oc) => oc.columns(['session_id', 'side']).doNothing())
    .executeTakeFirst();
  if (Number(res.numInsertedOrUpdatedRows ?? 0n) === 0)
    throw RequestError.conflict(`This session's ${me.kind} set-up time`);
  deps.metrics.callSetup(me.kind, report.ms);
}
