/** What every routing area gets (issue 11): one shape, built once in server.ts. */
import type { Logger } from 'pino';
import type { CatalogueService } from '../catalogue/catalogue-service';
import type { Clock, Scheduler } from '../clock';
import type { Db } from '../db/database';
import type { IdentityCipher } from '../identity/identity-crypto';
import type { QueueNotifier } from '../queue/queue-notifier';
import type { AbsenceWatch } from '../sessions/absence-watch';
import type { SessionsArea } from '../sessions/sessions-area';
import type { Presence } from '../socket/presence';
import type { RvwServer } from '../socket/types';
import type { RoutingBus } from './routing-bus';

export interface RoutingDeps {
  io: RvwServer;
  db: Db;
  clock: Clock;
  log: Logger;
  notifier: QueueNotifier;
  sessions: SessionsArea;
  presence: Presence;
  absences: AbsenceWatch;
  cipher: IdentityCipher;
  catalogue: CatalogueService;
  bus: RoutingBus;
  /** Real timers (offer deadlines, wrap-up limits): only wake checks that read the clock and the database. */
  scheduler: Scheduler;
}
