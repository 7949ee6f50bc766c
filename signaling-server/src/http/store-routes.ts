/**
 * The HTTP handlers of the areas that are plain stores behind routes (accounts, kiosks, enrolment
 * codes, the queue's admin view, the catalogue), with what they need from the running server: the
 * login throttle, and the sockets to end when a login or a kiosk is revoked. server.ts mounts them
 * with the areas' own handlers.
 */
import { AuthError } from '@rvw/shared';
import type { Logger } from 'pino';
import { accountRouteHandlers } from '../accounts/account-routes';
import { LoginThrottle, loginPolicies } from '../accounts/login-throttle';
import { handledCounts } from '../cases/case-store';
import { catalogueRouteHandlers } from '../catalogue/catalogue-routes';
import type { CatalogueService } from '../catalogue/catalogue-service';
import type { Clock } from '../clock';
import type { ServerConfig } from '../config';
import type { Db } from '../db/database';
import { enrolmentRouteHandlers } from '../enrolment/enrolment-routes';
import { kioskRouteHandlers } from '../kiosks/kiosk-routes';
import { queueRouteHandlers } from '../queue/queue-area';
import type { QueueNotifier } from '../queue/queue-notifier';
import type { ConnectionCore } from '../socket/connection-core';
import type { CredentialWatch } from '../socket/credential-watch';
import { memberRoom } from '../socket/types';

export interface StoreRouteDeps {
  db: Db;
  clock: Clock;
  config: ServerConfig;
  log: Logger;
  catalogue: CatalogueService;
  connections: ConnectionCore;
  credentials: CredentialWatch;
  notifier: QueueNotifier;
}

export function storeRouteHandlers(d: StoreRouteDeps) {
  const { db, clock } = d;
  return {
    ...accountRouteHandlers({
      db,
      clock,
      sessionTtlHours: d.config.sessionTtlHours,
      throttle: new LoginThrottle(db, loginPolicies(d.config), d.log.child({ component: 'accounts' })),
      disconnectLogin: (sid: string) => d.connections.disconnectLogin(sid),
    }),
    ...kioskRouteHandlers({
      db,
      clock,
      kioskRevoked: async (revocation) => {
        d.credentials.ended('kiosk', revocation.kiosk.id);
        d.connections.endCredential(
          memberRoom('kiosk', revocation.kiosk.id),
          AuthError.revoked('This kiosk was revoked.'),
        );
        await d.notifier.queueChanged();
      },
    }),
    ...enrolmentRouteHandlers({ db, clock }),
    ...queueRouteHandlers({ db, clock }),
    ...catalogueRouteHandlers(d.catalogue, () => handledCounts(db)),
  };
}
