/** What the fleet area gets (issue 12): one shape, built once in server.ts. */
import type { Logger } from 'pino';
import type { IceServer } from '@rvw/shared';
import type { Clock, Scheduler } from '../../clock';
import type { Db } from '../../db/database';
import type { ServerMetrics } from '../../metrics/server-metrics';
import type { QueueNotifier } from '../../queue/queue-notifier';
import type { RvwServer } from '../../socket/types';

export interface FleetDeps {
  io: RvwServer;
  db: Db;
  clock: Clock;
  log: Logger;
  /** To re-send the queue when a kiosk's problems change (agents see them before accepting). */
  notifier: QueueNotifier;
  /** Real timers (offline checks, diagnostics expiry, history pruning): they only wake checks that read the clock and the database. */
  scheduler: Scheduler;
  /** The server's metrics (kiosks per level, alerts, call set-up times, heartbeats). */
  metrics: ServerMetrics;
  /** The ICE servers (a kiosk-bound short-lived TURN credential) each heartbeat's ack carries; default none. */
  kioskIceServers?: (kioskId: string) => IceServer[];
}
