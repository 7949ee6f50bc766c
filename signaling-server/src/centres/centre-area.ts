/**
 * Centres and their routing settings (issue 11 #7): every centre for agents (places, transfers), and
 * a supervisor changing their own centre's settings and partners (FORBIDDEN for another centre's).
 * A change re-routes at once: queues, offers and estimates follow it.
 */
import { AuthError, type HttpRoutes } from '@rvw/shared';
import { accountOf, type RouteHandlers } from '../http/route-registrar';
import type { RoutingDeps } from '../routing/routing-deps';
import type { EventHandlers } from '../socket/dispatch';
import { listCentres, updateCentre } from './centre-store';

export class CentreArea {
  /** `routingChanged` runs after a centre's settings changed (the statuses re-arm their wrap-up limits). */
  constructor(
    private readonly deps: RoutingDeps,
    private readonly routingChanged: () => Promise<void> = async () => {},
  ) {}

  /** Socket handlers of this area. */
  readonly handlers: Pick<EventHandlers, never> = {};

  /** HTTP route handlers of this area. */
  routes(): Pick<RouteHandlers<HttpRoutes>, 'listCentres' | 'updateCentreRouting'> {
    return {
      listCentres: async () => ({ centres: await listCentres(this.deps.db) }),
      updateCentreRouting: async ({ params, body }, ctx) => {
        const me = accountOf(ctx).agent;
        if (params.centreId !== me.centreId)
          throw AuthError.forbidden("You may change only your own centre's routing.");
        const centre = await updateCentre(this.deps.db, params.centreId, {
          routing: body.routing,
          partners: body.partners,
        });
        ctx.log.info({ by: me.id, centreId: centre.id, routing: centre.routing }, 'centre routing changed');
        await this.routingChanged();
        await this.deps.notifier.queueChanged();
        return { centre };
      },
    };
  }

  /** Nothing to start: centres are read where they are used. */
  async start(): Promise<void> {}

  /** Nothing to stop. */
  stop(): void {}
}
