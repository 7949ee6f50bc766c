/**
 * The heartbeat (issue 12 #2, #9): the kiosk's health report to the server every interval and, a
 * second after anything in it changes (reader, printer, devices, readiness, busy, last error), at
 * once. While the server is away the latest report is kept and sent when it greets again; a
 * RATE_LIMITED answer waits for the next beat. Nothing here is awaited by a bridge call: a resident's
 * screen never waits for a heartbeat.
 */
import { ErrorCode } from '@rvw/shared';
import type { HealthReport, IceServer } from '@rvw/shared';
import type { KioskLogger } from '../feature';
import type { ServerLinkPort } from '../features/server-link';
import { changeKey } from './collect';

/** What the reporter is given. */
export interface ReporterOptions {
  port: Pick<ServerLinkPort, 'request' | 'onGreeting'>;
  /** Reads a fresh report (never throws). */
  collect: () => Promise<HealthReport>;
  /** Whether the server link is connected now. */
  connected: () => boolean;
  logger: KioskLogger;
  /** The beat; default DEFAULT_HEARTBEAT_INTERVAL_MS. */
  intervalMs: number;
  /** How long a change waits for others before it is sent; default 1000 ms. */
  debounceMs?: number;
  /** How often the cheap sources (devices, printer reading) are compared for a change; default 5000 ms. */
  watchMs?: number;
  /** Monotonic clock for round trips, ms; default performance.now. */
  clock?: () => number;
  /** The ICE servers a heartbeat's ack brought (a fresh kiosk-bound TURN credential, issue 13 #4). */
  onIceServers?: (servers: IceServer[]) => void;
}

/** The running reporter. */
export interface Reporter {
  /** Something may have changed: a send follows within the debounce if it did. */
  notify(): void;
  /** Sends a report at once (a readiness verdict); does not wait for it. */
  sendNow(): void;
  /** The latest report read (sent or not). */
  latest(): HealthReport | null;
  /** The previous heartbeat's round trip, ms. */
  rttMs(): number | null;
  close(): void;
}

/** Starts beating at once. */
export function heartbeatReporter(options: ReporterOptions): Reporter {
  const { port, collect, connected, logger } = options;
  const debounceMs = options.debounceMs ?? 1000;
  const clock = options.clock ?? (() => performance.now());
  let latest: HealthReport | null = null;
  let sentKey: string | null = null;
  // The latest report has not reached the server (offline, timed out or refused).
  let unsent = true;
  // After RATE_LIMITED, changes wait for the next beat instead of being sent a second later.
  let holdUntilBeat = false;
  let rtt: number | null = null;
  let inFlight: Promise<void> | null = null;
  let again = false;
  let lastFailure: string | null = null;
  let debounce: ReturnType<typeof setTimeout> | null = null;
  let closed = false;

  const send = async (): Promise<void> => {
    const report = await collect();
    if (closed) return;
    latest = report;
    if (!connected()) {
      unsent = true;
      return;
    }
    const started = clock();
    try {
      const ack = await port.request('kiosk:heartbeat', report);
      if (ack?.iceServers) options.onIceServers?.(ack.iceServers);
      rtt = Math.min(600_000, Math.max(0, Math.round(clock() - started)));
      sentKey = changeKey(report);
      unsent = false;
      if (lastFailure) logger.info('fleet: heartbeats reach the server again');
      lastFailure = null;
    } catch (err) {
      unsent = true;
      const code = String((err as { code?: unknown }).code ?? 'UNKNOWN');
      if (code === ErrorCode.RateLimited) holdUntilBeat = true;
      if (code !== lastFailure) logger.warn(`fleet: heartbeat not taken (${code}); kept for the next one`);
      lastFailure = code;
    }
  };
  const beat = (): void => {
    if (closed) return;
    if (inFlight) {
      again = true;
      return;
    }
    inFlight = send()
      .catch(() => undefined)
      .finally(() => {
        inFlight = null;
        if (again && !closed) {
          again = false;
          beat();
        }
      });
  };
  const cancelDebounce = (): void => {
    if (debounce) clearTimeout(debounce);
    debounce = null;
  };
  // A change: read the sources, and send within the debounce if the report differs from the last sent.
  let checking = false;
  // A change heard while a check reads: that check may have read too early, so another follows.
  let recheck = false;
  const check = async (): Promise<void> => {
    if (closed) return;
    if (checking) {
      recheck = true;
      return;
    }
    checking = true;
    try {
      const report = await collect();
      if (closed) return;
      latest = report;
      if (changeKey(report) === sentKey) return;
      unsent = true;
      if (holdUntilBeat || !connected() || debounce) return;
      debounce = setTimeout(() => {
        debounce = null;
        beat();
      }, debounceMs);
    } finally {
      checking = false;
      if (recheck && !closed) {
        recheck = false;
        void check();
      }
    }
  };
  const notify = (): void => void check();

  const interval = setInterval(() => {
    holdUntilBeat = false;
    cancelDebounce();
    beat();
  }, options.intervalMs);
  interval.unref?.();
  const watch = setInterval(notify, options.watchMs ?? 5000);
  watch.unref?.();
  // The server greets on every (re)connection: what it has not heard goes now.
  port.onGreeting(() => {
    if (!closed && unsent) beat();
  });
  beat();

  return {
    notify,
    sendNow() {
      cancelDebounce();
      beat();
    },
    latest: () => latest,
    rttMs: () => rtt,
    close() {
      closed = true;
      cancelDebounce();
      clearInterval(interval);
      clearInterval(watch);
    },
  };
}
