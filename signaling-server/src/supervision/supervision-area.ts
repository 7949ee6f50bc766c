/**
 * The supervisor's live view, charts, daily report and follow-up work (issue 11 #9), for the
 * supervisor's own centre. The view is pushed as `supervisor:update` whenever the routing bus says
 * something changed (throttled per centre, supervisor-push.ts); `supervisorLive` paints it first.
 * A district-wide supervisor (the partner centres too) is future work: see centre-scope.ts.
 */
import { RequestError, type HttpRoutes } from '@rvw/shared';
import { accountOf, type RouteHandlers } from '../http/route-registrar';
import { shanghaiDay } from '../queue/queue-rules';
import type { RoutingDeps } from '../routing/routing-deps';
import type { RoutingEvents } from '../routing/routing-bus';
import type { EventHandlers } from '../socket/dispatch';
import type { RvwSocket } from '../socket/types';
import { callerCentre, centreOfAgent, centresOfSession } from './centre-scope';
import { buildCharts } from './charts';
import { dailyReportCsv } from './daily-report';
import { isCalendarDay } from './day-facts';
import { assignFollowUp, noteFollowUp } from './follow-up-work';
import { buildSnapshot } from './live-snapshot';
import { SupervisorPush } from './supervisor-push';

type Listeners = { [E in keyof RoutingEvents]?: (...args: RoutingEvents[E]) => void };

export class SupervisionArea {
  /** The throttled pushes and the supervisors' rooms. */
  readonly push: SupervisorPush;
  private listeners: Listeners = {};

  constructor(private readonly deps: RoutingDeps) {
    this.push = new SupervisorPush({
      io: deps.io,
      db: deps.db,
      log: deps.log,
      scheduler: deps.scheduler,
      build: (centreId) => buildSnapshot(deps, centreId, deps.clock()),
    });
  }

  /** Socket handlers of this area (none: the view is pushed, its work is HTTP). */
  readonly handlers: Pick<EventHandlers, never> = {};

  /** HTTP route handlers of this area; each answers for the caller's centre only. */
  routes(): Pick<
    RouteHandlers<HttpRoutes>,
    'supervisorLive' | 'supervisorCharts' | 'dailyReport' | 'assignFollowUp' | 'noteFollowUp'
  > {
    const { db, clock, log } = this.deps;
    return {
      supervisorLive: async (_req, ctx) => buildSnapshot(this.deps, callerCentre(ctx), clock()),
      supervisorCharts: async ({ query }, ctx) => {
        const now = clock();
        return buildCharts(db, callerCentre(ctx), query.day ?? shanghaiDay(now), now);
      },
      dailyReport: async ({ query }, ctx) => {
        if (!isCalendarDay(query.date)) throw RequestError.badPayload('date is not a calendar day');
        return dailyReportCsv(db, { day: query.date, centreIds: [callerCentre(ctx)], now: clock() });
      },
      assignFollowUp: async ({ params, body }, ctx) => {
        const centreId = callerCentre(ctx);
        const followUp = await assignFollowUp(db, { id: params.followUpId, agentId: body.agentId, centreId });
        log.info({ followUpId: followUp.id, by: accountOf(ctx).agent.id }, 'follow-up assigned');
        this.push.changed([centreId]);
        return { followUp };
      },
      noteFollowUp: async ({ params, body }, ctx) => {
        const centreId = callerCentre(ctx);
        const by = accountOf(ctx).agent.id;
        const followUp = await noteFollowUp(db, {
          id: params.followUpId,
          by,
          text: body.text,
          centreId,
          now: clock(),
        });
        log.info({ followUpId: followUp.id, by }, 'follow-up noted');
        this.push.changed([centreId]);
        return { followUp };
      },
    };
  }

  /** Listens to the routing bus and to supervisors' connections. */
  async start(): Promise<void> {
    const all = () => this.later(() => this.push.changedAll());
    const ofSession = ({ sessionId }: { sessionId: string }) =>
      this.later(async () => this.push.changed((await centresOfSession(this.deps.db, sessionId)) ?? []));
    this.listeners = {
      'queue-changed': all,
      'figures-changed': all,
      'session-opened': ofSession,
      'session-ended': ofSession,
      'agent-left-session': ofSession,
      'status-changed': ({ agentId }) =>
        this.later(async () => {
          const centreId = await centreOfAgent(this.deps.db, agentId);
          if (centreId) this.push.changed([centreId]);
        }),
      'offer-decided': ({ offerId }) =>
        this.later(async () => {
          const offer = await this.deps.db
            .selectFrom('offers as o')
            .innerJoin('agents as a', 'a.id', 'o.agent_id')
            .select(['o.centre_id', 'a.centre_id as agent_centre'])
            .where('o.id', '=', offerId)
            .executeTakeFirst();
          if (offer) this.push.changed([offer.centre_id, offer.agent_centre]);
        }),
    };
    for (const [event, fn] of Object.entries(this.listeners)) this.deps.bus.on(event as never, fn as never);
    this.deps.io.on('connection', this.onConnection);
  }

  /** Stops listening and cancels pending pushes. */
  stop(): void {
    for (const [event, fn] of Object.entries(this.listeners)) this.deps.bus.off(event as never, fn as never);
    this.listeners = {};
    this.deps.io.off('connection', this.onConnection);
    this.push.stop();
  }

  private readonly onConnection = (socket: RvwSocket): void => {
    this.later(() => this.push.admit(socket));
  };

  /** Runs a listener's work without throwing into the emitter; failures are logged. */
  private later(work: () => Promise<void>): void {
    work().catch((err: unknown) => this.deps.log.error({ err }, 'supervisor view update failed'));
  }
}
