/**
 * The enrolment routes: a supervisor issues, lists and withdraws codes of their own centre; a kiosk
 * redeems one (no credentials, limited per address) for its token. Log lines name the code by its id
 * and never carry the code or the token.
 */
import { EnrolmentError, formatEnrolmentCode, type HttpRoutes } from '@rvw/shared';
import type { Clock } from '../clock';
import type { Db } from '../db/database';
import { withRetryAfter } from '../errors';
import { accountOf, type RouteHandlers } from '../http/route-registrar';
import { callerCentre, ownCentre, requireCentre } from '../supervision/centre-scope';
import { countEnrolmentAttempt } from './enrolment-attempts';
import {
  centreOfEnrolmentCode,
  createEnrolmentCode,
  listOpenEnrolmentCodes,
  redeemEnrolmentCode,
  revokeEnrolmentCode,
} from './enrolment-store';

type EnrolmentRouteNames = 'createEnrolmentCode' | 'listEnrolmentCodes' | 'revokeEnrolmentCode' | 'enrol';

/** HTTP routes of enrolment; `kioskEnrolled` runs after a kiosk was created (e.g. to tell the fleet). */
export function enrolmentRouteHandlers(deps: {
  db: Db;
  clock: Clock;
  kioskEnrolled?: () => Promise<void> | void;
}): Pick<RouteHandlers<HttpRoutes>, EnrolmentRouteNames> {
  return {
    createEnrolmentCode: async ({ body }, ctx) => {
      const by = accountOf(ctx).agent.id;
      const centreId = ownCentre(body.centreId, callerCentre(ctx));
      const { code, info } = await createEnrolmentCode(
        deps.db,
        { ...body, centreId, createdBy: by },
        deps.clock(),
      );
      ctx.log.info({ by, codeId: info.id, centreId, expiresAt: info.expiresAt }, 'enrolment code issued');
      return { code: formatEnrolmentCode(code), expiresAt: info.expiresAt, enrolmentCode: info };
    },
    listEnrolmentCodes: async (_req, ctx) => ({
      codes: await listOpenEnrolmentCodes(deps.db, callerCentre(ctx), deps.clock()),
    }),
    revokeEnrolmentCode: async ({ params }, ctx) => {
      const owner = await centreOfEnrolmentCode(deps.db, params.codeId);
      if (owner !== null) requireCentre(owner, callerCentre(ctx), 'The enrolment code');
      const by = accountOf(ctx).agent.id;
      const r = await revokeEnrolmentCode(deps.db, params.codeId, by, deps.clock());
      if (r.changed) ctx.log.info({ by, codeId: r.info.id }, 'enrolment code withdrawn');
      return { enrolmentCode: r.info };
    },
    enrol: async ({ body }, ctx) => {
      const now = deps.clock();
      const wait = await countEnrolmentAttempt(deps.db, ctx.address, now);
      if (wait !== null) {
        ctx.log.warn({ address: ctx.address }, 'enrolment attempts limited');
        throw withRetryAfter(EnrolmentError.tooManyAttempts(wait), wait);
      }
      try {
        const r = await redeemEnrolmentCode(deps.db, body, now);
        ctx.log.info(
          { codeId: r.codeId, issuedBy: r.createdBy, kioskId: r.kiosk.id, centreId: r.kiosk.centreId },
          'kiosk enrolled with a code',
        );
        await deps.kioskEnrolled?.();
        return { kioskId: r.kiosk.id, token: r.token, kiosk: r.kiosk };
      } catch (err) {
        if (err instanceof EnrolmentError) ctx.log.info({ address: ctx.address }, 'enrolment code refused');
        throw err;
      }
    },
  };
}
