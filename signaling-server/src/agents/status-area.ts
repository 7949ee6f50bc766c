/** Agents' statuses (available, in a session, wrap-up, away): one-click changes, every change recorded, wrap-up limits, and the push of each agent's own status. (issue 11; scaffold to be filled by its owner) */
import { RequestError, type HttpRoutes } from '@rvw/shared';
import type { RouteHandlers } from '../http/route-registrar';
import type { RoutingDeps } from '../routing/routing-deps';
import type { EventHandlers } from '../socket/dispatch';

export class AgentStatusArea {
  constructor(private readonly deps: RoutingDeps) {}

  /** Socket handlers of this area. */
  readonly handlers: Pick<EventHandlers, 'agent:status'> = {
    'agent:status': async () => {
      throw RequestError.unavailable('Not built yet.');
    },
  };

  /** HTTP route handlers of this area. */
  routes(): Pick<RouteHandlers<HttpRoutes>, 'setAgentSkills' | 'listStatusChanges'> {
    return {
      setAgentSkills: async () => {
        throw RequestError.unavailable('Not built yet.');
      },
      listStatusChanges: async () => {
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
