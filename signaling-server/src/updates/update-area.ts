/**
 * The kiosks' update feed (issue 12 #8): the admin's channel settings (release and staged rollout)
 * and the feed electron-updater's generic provider reads at /updates/<channel>/. SCAFFOLD: the
 * routes answer UNAVAILABLE until built here (files beside this one).
 */
import { RequestError, type HttpRoutes } from '@rvw/shared';
import type { FastifyInstance } from 'fastify';
import type { Clock } from '../clock';
import type { Db } from '../db/database';
import type { RouteHandlers } from '../http/route-registrar';

export interface UpdateDeps {
  db: Db;
  clock: Clock;
  /** The folder of electron-builder's output per version; null: updates are not served. */
  updatesDir: string | null;
}

const notYet = (): never => {
  throw RequestError.unavailable('Updates are not built yet.');
};

export class UpdateArea {
  constructor(private readonly deps: UpdateDeps) {}

  routes(): Pick<RouteHandlers<HttpRoutes>, 'listUpdateChannels' | 'setUpdateChannel'> {
    return { listUpdateChannels: async () => notYet(), setUpdateChannel: async () => notYet() };
  }

  /** Registers GET /updates/<channel>/<file> (the feed; no credentials, as electron-updater fetches it). */
  register(app: FastifyInstance): void {
    void app;
    void this.deps;
  }
}
