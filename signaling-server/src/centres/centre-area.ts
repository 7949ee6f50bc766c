/** Centres and their routing settings: listing, and a supervisor changing their own centre's. (issue 11; scaffold to be filled by its owner) */
import { RequestError, type HttpRoutes } from '@rvw/shared';
import type { RouteHandlers } from '../http/route-registrar';
import type { RoutingDeps } from '../routing/routing-deps';
import type { EventHandlers } from '../socket/dispatch';

export class CentreArea {
  constructor(private readonly deps: RoutingDeps) {}

  /** Socket handlers of this area. */
  readonly handlers: Pick<EventHandlers, never> = {};

  /** HTTP route handlers of this area. */
  routes(): Pick<RouteHandlers<HttpRoutes>, 'listCentres' | 'updateCentreRouting'> {
    return {
      listCentres: async () => {
        throw RequestError.unavailable('Not built yet.');
      },
      updateCentreRouting: async () => {
        throw RequestError.unavailable('Not built yet.');
      },
    };
  }

  /** Starts timers and listeners (after the database is ready). */
  async start(): Promise<void> {
    void this.deps;
  }

  /** Stops timers. */
  stop(): void {}
}
