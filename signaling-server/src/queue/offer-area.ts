/** Offer mode: the next ticket offered to the longest-idle available agent with the skill, deadlines, misses recorded. (issue 11; scaffold to be filled by its owner) */
import { RequestError, type HttpRoutes } from '@rvw/shared';
import type { RouteHandlers } from '../http/route-registrar';
import type { RoutingDeps } from '../routing/routing-deps';
import type { EventHandlers } from '../socket/dispatch';

export class OfferArea {
  constructor(private readonly deps: RoutingDeps) {}

  /** Socket handlers of this area. */
  readonly handlers: Pick<EventHandlers, 'offer:accept' | 'offer:decline'> = {
    'offer:accept': async () => {
      throw RequestError.unavailable('Not built yet.');
    },
    'offer:decline': async () => {
      throw RequestError.unavailable('Not built yet.');
    },
  };

  /** HTTP route handlers of this area. */
  routes(): Pick<RouteHandlers<HttpRoutes>, never> {
    return {};
  }

  /** Starts timers and listeners (after the database is ready). */
  async start(): Promise<void> {
    void this.deps;
  }

  /** Stops timers. */
  stop(): void {}
}
