/**
 * The server's Prometheus metrics (issue 12, item 7), on a registry of its own per server instance
 * so that several servers in one process (tests) never share or collide. Gauges are read when
 * Prometheus scrapes (collect callbacks over the sockets and the database), never by a timer;
 * counters and histograms move as things happen. Labels are bounded: event names, error codes,
 * needs, centres, route patterns and fixed sets — never an id of a person, kiosk, ticket or session.
 */
import { clientEvents, RatingLevel, TicketNeed } from '@rvw/shared';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { Clock } from '../clock';
import type { Db } from '../db/database';
import type { RoutingBus } from '../routing/routing-bus';
import type { RvwServer } from '../socket/types';
import { FleetMetrics } from './fleet-metrics';

/** What the metrics read from. */
export interface ServerMetricsDeps {
  io: RvwServer;
  db: Db;
  clock: Clock;
  bus: RoutingBus;
}

/** Buckets of the wait-time histogram, in seconds (5 s to 20 min). */
export const WAIT_BUCKETS_S = [5, 15, 30, 60, 120, 300, 600, 1200];
/** Buckets of HTTP request durations, in seconds. */
export const HTTP_BUCKETS_S = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];
/** Print job states, in the order of a job's life. */
const PRINT_STATES = ['offered', 'queued', 'printing', 'done', 'failed', 'declined'] as const;
/** How many accepted tickets are remembered so that a re-opened session (transfer) is not counted twice. */
const SEEN_TICKETS = 1000;

const knownEvent = (name: string): string =>
  Object.prototype.hasOwnProperty.call(clientEvents, name) ? name : 'unknown';
const knownNeed = (need: string): string => (TicketNeed.safeParse(need).success ? need : 'other');
const knownLevel = (level: string | null): string =>
  level === null ? 'declined' : RatingLevel.safeParse(level).success ? level : 'other';

/** One server's metrics and its registry (`registry.metrics()` is the text Prometheus reads). */
export class ServerMetrics {
  /** This server's registry (not prom-client's global one). */
  readonly registry = new Registry();
  /** The fleet's metrics (kiosks per level, alerts, call set-up times, heartbeats): fleet-metrics.ts. */
  readonly fleet = new FleetMetrics(this.registry);
  private readonly socketEvents: Counter<'event' | 'code'>;
  private readonly httpDuration: Histogram<'route' | 'method' | 'status'>;
  private readonly waits: Histogram;
  private readonly sessionsEnded: Counter;
  private readonly seen = new Set<string>();

  constructor(private readonly deps: ServerMetricsDeps) {
    const registers = [this.registry];
    collectDefaultMetrics({ register: this.registry });
    const { io, db } = deps;

    new Gauge({
      name: 'rvw_connected_members',
      help: 'Kiosks and agents with at least one socket connected to this node.',
      labelNames: ['kind'],
      registers,
      collect() {
        const ids = { kiosk: new Set<string>(), agent: new Set<string>() };
        for (const s of io.of('/').sockets.values()) {
          const d = s.data;
          if (d?.kind === 'kiosk') ids.kiosk.add(d.kioskId);
          else if (d?.kind === 'agent') ids.agent.add(d.agentId);
        }
        this.set({ kind: 'kiosk' }, ids.kiosk.size);
        this.set({ kind: 'agent' }, ids.agent.size);
      },
    });

    const now = () => deps.clock().getTime();
    new Gauge({
      name: 'rvw_tickets_waiting',
      help: 'Tickets waiting, per need (the tile pressed, or the skill a transfer asks for) and centre.',
      labelNames: ['need', 'centre'],
      registers,
      async collect() {
        const rows = await db
          .selectFrom('tickets')
          .select(['need', 'route_skill', 'centre_id'])
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('status', '=', 'waiting')
          .groupBy(['need', 'route_skill', 'centre_id'])
          .execute();
        this.reset();
        for (const r of rows)
          this.inc({ need: knownNeed(r.route_skill ?? r.need), centre: r.centre_id }, Number(r.n));
      },
    });

    new Gauge({
      name: 'rvw_ticket_longest_wait_seconds',
      help: 'How long the longest-waiting ticket of each centre has waited so far.',
      labelNames: ['centre'],
      registers,
      async collect() {
        const rows = await db
          .selectFrom('tickets')
          .select(['centre_id'])
          .select((eb) => eb.fn.min('created_at').as('oldest'))
          .where('status', '=', 'waiting')
          .groupBy('centre_id')
          .execute();
        this.reset();
        for (const r of rows)
          this.set({ centre: r.centre_id }, Math.max(0, (now() - Date.parse(String(r.oldest))) / 1000));
      },
    });

    new Gauge({
      name: 'rvw_sessions_live',
      help: 'Sessions open now (a resident and an agent connected or within their grace period).',
      registers,
      async collect() {
        const r = await db
          .selectFrom('sessions')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('ended_at', 'is', null)
          .executeTakeFirst();
        this.set(Number(r?.n ?? 0));
      },
    });

    // Read from the rows, so a restart does not reset them (Prometheus' increase() works across it).
    new Counter({
      name: 'rvw_ratings_total',
      help: 'Ratings given, by level (declined: the resident chose not to rate). Read from the stored ratings.',
      labelNames: ['level'],
      registers,
      async collect() {
        const rows = await db
          .selectFrom('ratings')
          .select('level')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .groupBy('level')
          .execute();
        this.reset();
        for (const l of RatingLevel.options) this.inc({ level: l }, 0);
        for (const r of rows) this.inc({ level: knownLevel(r.level) }, Number(r.n));
      },
    });

    new Counter({
      name: 'rvw_print_jobs_total',
      help: 'Print jobs by state (done, failed, declined; offered, queued, printing while in flight). Read from the stored jobs.',
      labelNames: ['outcome'],
      registers,
      async collect() {
        const rows = await db
          .selectFrom('print_jobs')
          .select('state')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .groupBy('state')
          .execute();
        this.reset();
        for (const s of PRINT_STATES) this.inc({ outcome: s }, 0);
        for (const r of rows) this.inc({ outcome: r.state }, Number(r.n));
      },
    });

    this.waits = new Histogram({
      name: 'rvw_ticket_wait_seconds',
      help: 'How long a ticket waited from issue to its first accept, observed at the accept.',
      buckets: WAIT_BUCKETS_S,
      registers,
    });
    this.sessionsEnded = new Counter({
      name: 'rvw_sessions_ended_total',
      help: 'Sessions ended (either side or the system) since this process started.',
      registers,
    });
    this.socketEvents = new Counter({
      name: 'rvw_socket_events_total',
      help: 'Client socket events dispatched, by event name and result code (OK or the error code).',
      labelNames: ['event', 'code'],
      registers,
    });
    this.httpDuration = new Histogram({
      name: 'rvw_http_request_duration_seconds',
      help: 'HTTP request durations, by route pattern, method and status class.',
      labelNames: ['route', 'method', 'status'],
      buckets: HTTP_BUCKETS_S,
      registers,
    });

    deps.bus.on('session-opened', ({ ticketId }) => {
      this.ticketAccepted(ticketId).catch(() => undefined);
    });
    deps.bus.on('session-ended', () => this.sessionsEnded.inc());
  }

  /** Counts one client event and its result code (`OK` or the error code). */
  socketEvent(event: string, code: string): void {
    this.socketEvents.inc({ event: knownEvent(event), code });
  }

  /** Records one HTTP request: `route` is the pattern (never the URL), `statusCode` becomes its class. */
  httpRequest(route: string, method: string, statusCode: number, seconds: number): void {
    const status = `${Math.floor(statusCode / 100)}xx`;
    this.httpDuration.observe({ route, method, status }, seconds);
  }

  /** The metrics in the Prometheus text format. */
  text(): Promise<string> {
    return this.registry.metrics();
  }

  // A session opens at an accept, an offer taken or a transfer; only a ticket's first accept ends a
  // wait in the queue (a transferred ticket's second wait is not the resident's wait at the door).
  private async ticketAccepted(ticketId: string): Promise<void> {
    if (this.seen.has(ticketId)) return;
    const t = await this.deps.db
      .selectFrom('tickets')
      .select(['created_at', 'accepted_at', 'transferred_at'])
      .where('id', '=', ticketId)
      .executeTakeFirst();
    if (!t?.accepted_at || t.transferred_at) return;
    this.seen.add(ticketId);
    if (this.seen.size > SEEN_TICKETS) this.seen.delete(this.seen.values().next().value!);
    this.waits.observe(Math.max(0, (Date.parse(t.accepted_at) - Date.parse(t.created_at)) / 1000));
  }
}
