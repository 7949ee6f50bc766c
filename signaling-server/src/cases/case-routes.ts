/**
 * The case area's HTTP routes: cases read back (an agent its own, a supervisor any), whole with the
 * values in full (every such read recorded), the consent ledger of a case, the reads of a case's
 * identity data, and the follow-ups of low ratings.
 */
import { AuthError, RequestError, type HttpRoutes } from '@rvw/shared';
import type { AgentPrincipal } from '../accounts/account-store';
import type { Clock } from '../clock';
import type { Db } from '../db/database';
import { accountOf, type RouteHandlers } from '../http/route-registrar';
import type { CaseRecord, CaseVault } from './case-record';
import { listCases, loadCase, readsOf, recordRead, revisionsOf, signatureOf } from './case-store';
import { toCaseState, toFullCaseState } from './case-view';
import { consentsOfCase } from './consent-ledger';
import { closeFollowUp, listFollowUps, ratingOf } from './ratings';
import { transfersOfSession } from '../transfers/transfer-store';
import { callerCentre, requireSessionCentre } from '../supervision/centre-scope';
import { requireFollowUpCentre } from '../supervision/follow-up-work';

/** What the case routes need. */
export interface CaseRoutesDeps {
  db: Db;
  clock: Clock;
  vault: CaseVault;
  /** Issue 11: a follow-up closed (the supervisor's live view follows); default none. */
  figuresChanged?: () => void;
}

type CaseRoutes = 'listCases' | 'getCase' | 'caseConsents' | 'caseReads' | 'listFollowUps' | 'closeFollowUp';

/** A case the caller may read: NOT_FOUND, or FORBIDDEN for an agent's case another agent handled. */
async function readableCase(deps: CaseRoutesDeps, who: AgentPrincipal, caseId: string): Promise<CaseRecord> {
  const loaded = await loadCase(deps.db, deps.vault, caseId);
  if (!loaded) throw RequestError.notFound('The case');
  if (who.role !== 'admin' && loaded.rec.agentId !== who.agent.id)
    throw AuthError.forbidden('Only the agent who handled this case (or an admin) may read it.');
  // Issue 11: a supervisor reads the cases of their own centre's sessions only.
  if (who.role === 'admin')
    await requireSessionCentre(deps.db, loaded.rec.sessionId, who.agent.centreId, 'The case');
  return loaded.rec;
}

/** HTTP routes of the case area. */
export function caseRouteHandlers(deps: CaseRoutesDeps): Pick<RouteHandlers<HttpRoutes>, CaseRoutes> {
  const { db, vault, clock } = deps;
  return {
    listCases: async ({ query }, ctx) => {
      const who = accountOf(ctx);
      const scope = who.role === 'admin' ? { centreId: who.agent.centreId } : { agentId: who.agent.id };
      const cases = await listCases(db, vault, { ...query, ...scope });
      return { cases: cases.map((c) => toCaseState(c)) };
    },
    getCase: async ({ params }, ctx) => {
      const who = accountOf(ctx);
      const rec = await readableCase(deps, who, params.caseId);
      // The values come back in full: the read is recorded first, like a reveal.
      await recordRead(db, { caseId: rec.id, agentId: who.agent.id, what: 'api:getCase', at: clock() });
      ctx.log.info({ caseId: rec.id, agentId: who.agent.id }, 'case read in full');
      return {
        case: toFullCaseState(rec),
        kioskId: rec.kioskId,
        agentId: rec.agentId,
        ticketId: rec.ticketId,
        revisions: await revisionsOf(db, vault, rec.id),
        signature: await signatureOf(db, vault, rec),
        rating: await ratingOf(db, rec.sessionId),
        outcomeNote: rec.outcome?.note ?? null,
        transfers: await transfersOfSession(db, rec.sessionId),
      };
    },
    caseConsents: async ({ params }, ctx) => {
      const rec = await readableCase(deps, accountOf(ctx), params.caseId);
      return { entries: await consentsOfCase(db, rec.id, rec.ticketId) };
    },
    caseReads: async ({ params }, ctx) => {
      const exists = await db
        .selectFrom('cases')
        .select(['id', 'session_id'])
        .where('id', '=', params.caseId)
        .executeTakeFirst();
      if (!exists) throw RequestError.notFound('The case');
      await requireSessionCentre(db, exists.session_id, callerCentre(ctx), 'The case');
      return { reads: await readsOf(db, params.caseId) };
    },
    listFollowUps: async ({ query }, ctx) => ({
      followUps: await listFollowUps(db, query.status ?? 'all', callerCentre(ctx)),
    }),
    closeFollowUp: async ({ params, body }, ctx) => {
      const who = accountOf(ctx);
      await requireFollowUpCentre(db, params.followUpId, who.agent.centreId);
      const followUp = await closeFollowUp(db, {
        id: params.followUpId,
        by: who.agent.id,
        note: body.note,
        now: clock(),
      });
      ctx.log.info({ followUpId: followUp.id, agentId: who.agent.id }, 'follow-up closed');
      deps.figuresChanged?.();
      return { followUp };
    },
  };
}
