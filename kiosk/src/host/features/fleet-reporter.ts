/**
 * Feature "fleet reporter" (issue 12 #2, #4, #5): the kiosk's heartbeat to the server (every 30 s
 * and at once on a change, from the device modules' own health), readiness before a session, the
 * call's set-up time, and the answers to remote diagnostics. The pieces live in ../fleet/; this
 * file wires them to the host's server link, health, events and logger ring.
 */
import type { EventEmitter } from 'node:events';
import { DEFAULT_HEARTBEAT_INTERVAL_MS } from '@rvw/shared';
import type { BridgeEventMap, DisplayReport, fleetInvokes, Readiness } from '@rvw/shared';
import { defaultDataDir } from '../../doctor/disk';
import type { TurnStep } from '../../doctor/turn/turn-check';
import type { TurnConfig } from '../../doctor/turn/turn-config';
import type { BusyTracker } from '../busy-state';
import type { HostContext, HostFeature } from '../feature';
import type { KioskHealth } from '../health';
import { collectReport } from '../fleet/collect';
import { diagnosticsAnswerer } from '../fleet/diagnostics';
import type { ErrorRecorder } from '../fleet/last-error';
import { checkReadiness } from '../fleet/readiness';
import { heartbeatReporter } from '../fleet/reporter';
import { kioskIceServers, turnProbe } from '../fleet/turn-probe';
import type { ServerLinkPort } from './server-link';

/** What the shells (and tests) may give the fleet reporter; part of KioskHostDeps. */
export interface FleetHostOptions {
  /** Restarts the kiosk app (the Electron shell relaunches); default: logs that the shell gives none. */
  restart?: () => void;
  /** The displays attached (the Electron shell reads them from `screen`); default none. */
  displays?: () => DisplayReport[];
  /** The heartbeat's interval; default the configuration's (RVW_HEARTBEAT_MS), else 30 s. */
  heartbeatIntervalMs?: number;
  /** Tuning and stand-ins for tests. */
  fleet?: {
    /** How long a change waits before it is sent; default 1000 ms. */
    debounceMs?: number;
    /** How often devices and the printer reading are compared; default 5000 ms. */
    watchMs?: number;
    /** Root of /sys, /proc, /dev and /etc for the machine's readings; default `/`. */
    root?: string;
    platform?: NodeJS.Platform;
    /** The data folder whose disk is measured; default kiosk-doctor's. */
    dataDir?: string;
    /** Environment for RVW_ICE_SERVERS; default process.env. */
    env?: NodeJS.ProcessEnv;
    /** The TURN allocation; default kiosk-doctor's. */
    turnStep?: (config: TurnConfig, exchangeTimeoutMs: number) => Promise<TurnStep>;
  };
}

/** What the host hands the feature. */
export interface FleetReporterDeps extends FleetHostOptions {
  port: ServerLinkPort;
  events: EventEmitter<BridgeEventMap>;
  health: KioskHealth;
  busy: BusyTracker;
  errors: ErrorRecorder;
  /** The scrubbed recent log lines (the host's log ring). */
  logLines: () => string[];
  noPrinter: boolean;
}

/** Starts the heartbeat and the diagnostics answerer, and answers the fleet slice of the bridge. */
export function fleetReporterFeature(
  ctx: HostContext,
  deps: FleetReporterDeps,
): HostFeature<typeof fleetInvokes> {
  const { logger, now } = ctx;
  const tuning = deps.fleet ?? {};
  const env = tuning.env ?? process.env;
  const system = {
    root: tuning.root,
    platform: tuning.platform,
    dataDir: tuning.dataDir ?? defaultDataDir(tuning.platform ?? process.platform, env),
  };
  let connected = false;
  const onStatus = (status: BridgeEventMap['server:status'][0]): void => {
    connected = status.connected;
  };
  deps.events.on('server:status', onStatus);
  const ice = kioskIceServers(deps.events, env);
  const turn = turnProbe({ iceServers: ice.current, step: tuning.turnStep });
  let readiness: Readiness | null = null;
  // The labels of the camera and microphone the renderer last opened (no resident data in them).
  let opened: { camera: string | null; microphone: string | null } = { camera: null, microphone: null };

  const reporter = heartbeatReporter({
    port: deps.port,
    connected: () => connected,
    logger,
    intervalMs: deps.heartbeatIntervalMs ?? ctx.config.heartbeatMs ?? DEFAULT_HEARTBEAT_INTERVAL_MS,
    debounceMs: tuning.debounceMs,
    watchMs: tuning.watchMs,
    onIceServers: (servers) => ice.update(servers),
    collect: () =>
      collectReport({
        system,
        health: () => deps.health.snapshot(),
        noPrinter: deps.noPrinter,
        displays: deps.displays,
        lastError: deps.errors.current,
        readiness: () => readiness,
        busy: deps.busy.busy,
        rttMs: () => reporter.rttMs(),
        now,
        opened: () => opened,
      }),
  });
  // What changes a report at once: the reader, the resident's presence, an error.
  const notify = (): void => reporter.notify();
  const changes = [
    'idcard:status',
    'kiosk:state',
    'ticket:update',
    'session:opened',
    'session:ended',
  ] as const;
  for (const channel of changes) deps.events.on(channel, notify);
  deps.errors.onRecord(notify);

  const diagnostics = diagnosticsAnswerer({
    ...system,
    port: deps.port,
    health: deps.health,
    noPrinter: deps.noPrinter,
    connected: () => connected,
    rttMs: () => reporter.rttMs(),
    turn,
    logLines: deps.logLines,
    busy: deps.busy,
    logger,
    restart:
      deps.restart ??
      (() =>
        logger.warn('fleet: a restart was asked, but this shell provides none; restart the app by hand')),
  });

  return {
    handlers: {
      'readiness:check': async (probes) => {
        opened = {
          camera: probes.camera.ok ? (probes.camera.label ?? null) : null,
          microphone: probes.microphone.ok ? (probes.microphone.label ?? null) : null,
        };
        readiness = await checkReadiness(probes, {
          connected: () => connected,
          health: deps.health,
          noPrinter: deps.noPrinter,
          turn,
          now,
        });
        const failed = readiness.checks.filter((c) => c.result === 'problem').map((c) => c.code ?? c.part);
        logger.info(
          `fleet: readiness ${readiness.canCall ? 'can call' : 'cannot call'}${failed.length ? ` (${failed.join(', ')})` : ''}`,
        );
        reporter.sendNow();
        return readiness;
      },
      'call:setup': (req) => deps.port.request('call:setup', req),
    },
    async close() {
      reporter.close();
      diagnostics.close();
      ice.close();
      deps.events.off('server:status', onStatus);
      for (const channel of changes) deps.events.off(channel, notify);
    },
  };
}
