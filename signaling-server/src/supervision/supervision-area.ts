/** The supervisor's live view, charts, daily report and follow-up work. (issue 11; scaffold to be filled by its owner) */
import { RequestError, type HttpRoutes } from '@rvw/shared';
import type { RouteHandlers } from '../http/route-registrar';
import type { RoutingDeps } from '../routing/routing-deps';
import type { EventHandlers } from '../socket/dispatch';

export class SupervisionArea {
  constructor(private readonly deps: RoutingDeps) {}

  /** Socket handlers of this area. */
  readonly handlers: Pick<EventHandlers, never> = {};

  /** HTTP route handlers of this area. */
  routes(): Pick<
    RouteHandlers<HttpRoutes>,
    'supervisorLive' | 'supervisorCharts' | 'dailyReport' | 'assignFollowUp' | 'noteFollowUp'
  > {
    return {
      supervisorLive: async () => {
        throw RequestError.unavailable('Not built yet.');
      },
      supervisorCharts: async () => {
        throw RequestError.unavailable('Not built yet.');
      },
      dailyReport: async () => {
        throw RequestError.unavailable('Not built yet.');
      },
      assignFollowUp: async () => {
        throw RequestError.unavailable('Not built yet.');
      },
      noteFollowUp: async () => {
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
