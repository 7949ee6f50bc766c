/** The kiosks area's routes: the admin enrols, lists and revokes kiosks. */
import type { HttpRoutes } from '@rvw/shared';
import type { Clock } from '../clock';
import type { Db } from '../db/database';
import { accountOf, type RouteHandlers } from '../http/route-registrar';
import { callerCentre, ownCentre, requireCentre } from '../supervision/centre-scope';
import { createKiosk, listKiosks, revokeKiosk, type KioskRevocation } from './kiosk-store';

/** HTTP routes of the kiosks area; `kioskRevoked` ends the kiosk's sockets and tells agents. */
export function kioskRouteHandlers(deps: {
  db: Db;
  clock: Clock;
  kioskRevoked(revocation: KioskRevocation): Promise<void>;
}): Pick<RouteHandlers<HttpRoutes>, 'listKiosks' | 'createKiosk' | 'revokeKiosk'> {
  return {
    // Issue 11: a supervisor lists, enrols and revokes the kiosks of their own centre only.
    listKiosks: async (_req, ctx) => {
      const centreId = callerCentre(ctx);
      return { kiosks: (await listKiosks(deps.db)).filter((k) => k.centreId === centreId) };
    },
    createKiosk: async ({ body }, ctx) => {
      const centreId = ownCentre(body.centreId, callerCentre(ctx));
      const created = await createKiosk(deps.db, { ...body, centreId }, deps.clock());
      ctx.log.info({ by: accountOf(ctx).agent.id, kioskId: created.kiosk.id }, 'kiosk enrolled');
      return created;
    },
    revokeKiosk: async ({ params }, ctx) => {
      const owner = await deps.db
        .selectFrom('kiosks')
        .select('centre_id')
        .where('id', '=', params.kioskId)
        .executeTakeFirst();
      if (owner) requireCentre(owner.centre_id, callerCentre(ctx), 'The kiosk');
      const r = await revokeKiosk(deps.db, params.kioskId, deps.clock());
      if (r.changed) {
        ctx.log.info(
          { by: accountOf(ctx).agent.id, kioskId: r.kiosk.id, cancelledTicketId: r.cancelledTicketId },
          'kiosk revoked',
        );
        await deps.kioskRevoked(r);
      }
      return { kiosk: r.kiosk, revokedAt: r.revokedAt, cancelledTicketId: r.cancelledTicketId };
    },
  };
}
