/** Transfers of a live session, blind and consulted, with the hand-over call between the two agents. (issue 11; scaffold to be filled by its owner) */
import { RequestError, type HttpRoutes } from '@rvw/shared';
import type { RouteHandlers } from '../http/route-registrar';
import type { RoutingDeps } from '../routing/routing-deps';
import type { EventHandlers } from '../socket/dispatch';

export class TransferArea {
  constructor(private readonly deps: RoutingDeps) {}

  /** Socket handlers of this area. */
  readonly handlers: Pick<
    EventHandlers,
    'transfer:start' | 'transfer:answer' | 'transfer:complete' | 'transfer:cancel' | 'consult:signal'
  > = {
    'transfer:start': async () => {
      throw RequestError.unavailable('Not built yet.');
    },
    'transfer:answer': async () => {
      throw RequestError.unavailable('Not built yet.');
    },
    'transfer:complete': async () => {
      throw RequestError.unavailable('Not built yet.');
    },
    'transfer:cancel': async () => {
      throw RequestError.unavailable('Not built yet.');
    },
    'consult:signal': async () => {
      throw RequestError.unavailable('Not built yet.');
    },
  };

  /** HTTP route handlers of this area. */
  routes(): Pick<RouteHandlers<HttpRoutes>, 'transferOptions'> {
    return {
      transferOptions: async () => {
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
