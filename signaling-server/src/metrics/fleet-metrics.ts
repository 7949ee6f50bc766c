/**
 * The fleet's metrics (issue 12 #3, #7), on the server's registry: kiosks per health level and the
 * alerts per rule (gauges read at scrape time from the fleet area's view: the stored health with the
 * connections and the clock, so an offline kiosk counts as red), the clients' call set-up times by
 * side, and heartbeats by result. Labels: levels, rule names, centres, sides and codes only.
 */
import { HealthLevel } from '@rvw/shared';
import { Counter, Gauge, Histogram, type Registry } from 'prom-client';
import { ALERT_RULE_NAMES, type AlertRuleName } from '../kiosks/fleet/health-rules';

/** One kiosk as the fleet gauges count it. */
export interface FleetSample {
  centreId: string;
  level: HealthLevel;
  /** The alert rules it trips now (each counted once per kiosk). */
  rules: readonly AlertRuleName[];
}

/** Buckets of the call set-up histogram, in seconds. */
export const CALL_SETUP_BUCKETS_S = [0.5, 1, 2, 3, 5, 8, 13, 20, 30, 60];

/** The fleet's gauges, histogram and counter. */
export class FleetMetrics {
  private source: (() => Promise<FleetSample[]>) | null = null;
  private readonly setups: Histogram<'side'>;
  private readonly heartbeats: Counter<'result'>;

  constructor(registry: Registry) {
    const registers = [registry];
    const sample = () => (this.source ? this.source() : Promise.resolve([]));

    new Gauge({
      name: 'rvw_fleet_kiosks',
      help: 'Enrolled kiosks per health level and centre (offline past the alert rules’ threshold is red).',
      labelNames: ['level', 'centre'],
      registers,
      async collect() {
        const kiosks = await sample();
        this.reset();
        for (const l of HealthLevel.options) this.set({ level: l, centre: 'main' }, 0);
        for (const k of kiosks) this.inc({ level: k.level, centre: k.centreId });
      },
    });
    new Gauge({
      name: 'rvw_fleet_alerts',
      help: 'Kiosks tripping each alert rule now, per centre (offline only during opening hours).',
      labelNames: ['rule', 'centre'],
      registers,
      async collect() {
        const kiosks = await sample();
        this.reset();
        for (const r of ALERT_RULE_NAMES) this.set({ rule: r, centre: 'main' }, 0);
        for (const k of kiosks) for (const r of new Set(k.rules)) this.inc({ rule: r, centre: k.centreId });
      },
    });
    this.setups = new Histogram({
      name: 'rvw_call_setup_seconds',
      help: 'Call set-up time as the clients report it (session opened to the first remote video frame), by side.',
      labelNames: ['side'],
      buckets: CALL_SETUP_BUCKETS_S,
      registers,
    });
    this.heartbeats = new Counter({
      name: 'rvw_heartbeats_total',
      help: 'Kiosk heartbeats by result: OK, RATE_LIMITED or PAYLOAD_TOO_LARGE (schema refusals are in rvw_socket_events_total).',
      labelNames: ['result'],
      registers,
    });
    for (const r of ['OK', 'RATE_LIMITED', 'PAYLOAD_TOO_LARGE']) this.heartbeats.inc({ result: r }, 0);
  }

  /** The fleet area tells where its kiosks are read from (once, at its construction). */
  setSource(source: () => Promise<FleetSample[]>): void {
    this.source = source;
  }

  /** One call set-up time reported by a client. */
  callSetup(side: 'kiosk' | 'agent', ms: number): void {
    this.setups.observe({ side }, ms / 1000);
  }

  /** One heartbeat and its result code. */
  heartbeat(result: 'OK' | 'RATE_LIMITED' | 'PAYLOAD_TOO_LARGE'): void {
    this.heartbeats.inc({ result });
  }
}
