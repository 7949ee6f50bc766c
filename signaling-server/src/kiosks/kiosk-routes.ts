/** The kiosks area's routes: the admin enrols and lists kiosks. */
import type { HttpRoutes } from '@rvw/shared';
import type { Clock } from '../clock';
import type { Db } from '../db/database';
import { accountOf, type RouteHandlers } from '../http/route-registrar';
import { createKiosk, listKiosks } from './kiosk-store';

/** HTTP routes of the kiosks area. */
export function kioskRouteHandlers(deps: {
  db: Db;
  clock: Clock;
}): Pick<RouteHandlers<HttpRoutes>, 'listKiosks' | 'createKiosk'> {
  return {
    listKiosks: async () => ({ kiosks: await listKiosks(deps.db) }),
    createKiosk: async ({ body }, ctx) => {
      const created = await createKiosk(deps.db, body, deps.clock());
      ctx.log.info({ by: accountOf(ctx).agent.id, kioskId: created.kiosk.id }, 'kiosk enrolled');
      return created;
    },
  };
}
