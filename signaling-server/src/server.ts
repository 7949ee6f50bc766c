/**
 * createServer: Fastify (HTTP API, agent console) and socket.io (queue, sessions, signalling) on one
 * HTTP server, over a migrated SQLite database. It composes the areas: each (accounts, kiosks,
 * queue, sessions, identity, catalogue, cases, paper) supplies its socket handlers and its routes; the
 * connection core dispatches to them and the registrar mounts the routes of `httpRoutes`. What it
 * stands on (catalogue, log, database, key) is opened by server-foundation.ts.
 */
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import type { DestinationStream, Logger } from 'pino';
import { Server } from 'socket.io';
import { systemClock, systemScheduler, type Clock, type Scheduler } from './clock';
import { parseConfig, type ServerConfig, type ServerConfigInput } from './config';
import { httpRoutes } from '@rvw/shared';
import { CasesArea } from './cases/case-area';
import { CaseVault } from './cases/case-record';
import { caseRouteHandlers } from './cases/case-routes';
import { purgeCaseIdentities } from './cases/case-retention';
import type { CatalogueService } from './catalogue/catalogue-service';
import type { Db } from './db/database';
import { registerConsole } from './http/console-static';
import { installErrorHandling } from './http/http-support';
import { registerRoutes } from './http/route-registrar';
import { registerSecurityHeaders } from './http/security-headers';
import { storeRouteHandlers } from './http/store-routes';
import { FleetArea } from './kiosks/fleet/fleet-area';
import { registerPlannedStop, stopAll } from './server-lifecycle';
import { UpdateArea } from './updates/update-area';
import { identityHandlers, identityRouteHandlers } from './identity/identity-area';
import { RetentionSweep } from './identity/retention';
import { queueHandlers } from './queue/queue-area';
import { KioskPresence } from './queue/kiosk-presence';
import { QueueNotifier } from './queue/queue-notifier';
import { TicketDesk } from './queue/ticket-desk';
import { AbsenceWatch } from './sessions/absence-watch';
import { greet } from './sessions/resume';
import { SessionsArea } from './sessions/sessions-area';
import { authMiddleware } from './socket/auth-middleware';
import { ConnectionCore } from './socket/connection-core';
import { handshakeParser } from './socket/handshake-parser';
import { CredentialWatch } from './socket/credential-watch';
import { Presence } from './socket/presence';
import type { RvwServer } from './socket/types';
import { PaperArea, type PaperOptions } from './documents/paper-area';
import { healthHandler, openFoundation } from './server-foundation';
import { RoutingAreas } from './routing/routing-areas';
import { RoutingBus } from './routing/routing-bus';
import { ServerMetrics } from './metrics/server-metrics';
import { registerMetrics } from './metrics/metrics-route';

/** createServer's input: the configuration plus what cannot come from the environment. */
export interface ServerOptions extends ServerConfigInput {
  /** Where JSON log lines go; default stdout. Tests pass a stream to capture the log. */
  logStream?: DestinationStream;
  /** The time source; default the system clock. */
  clock?: Clock;
  /** Timers for grace periods; default real timers. Tests pass a ManualScheduler. */
  scheduler?: Scheduler;
  /** Documents' records source and renderer; default the demo records and the PDF renderer. */
  paper?: PaperOptions;
}

/** What createServer returns: the parts the CLI and tests reach into, and `close()`. */
export interface RunningServer {
  /** The Fastify instance (HTTP routes; `app.inject` works for tests). */
  app: FastifyInstance;
  /** The socket.io server. */
  io: RvwServer;
  /** The migrated database (SQLite through Kysely). */
  db: Db;
  /** Connections, rooms and dispatch of client events. */
  connections: ConnectionCore;
  /** Grace periods of absent session members (deadlines in the database). */
  absences: AbsenceWatch;
  /** Expiry of identity numbers and closing of tickets abandoned by an offline kiosk. */
  retention: RetentionSweep;
  /** The configuration after defaults, file and environment were applied. */
  config: ServerConfig;
  /** The service catalogue loaded from config.catalogueDir. */
  catalogue: CatalogueService;
  /** Documents (archive, regenerate), print jobs and materials. */
  paper: PaperArea;
  /** Issue 11's areas: statuses, centres, offers, transfers, appointments, supervision (`recheck()` for tests). */
  routing: RoutingAreas;
  /** The fleet: heartbeats, the fleet view, diagnostics, rotation (tests run its periodic check). */
  fleet: FleetArea;
  /** The Prometheus metrics on this server's own registry (served at GET /metrics). */
  metrics: ServerMetrics;
  /** The logger (the same one Fastify uses). */
  log: Logger;
  /** Base URL clients connect to, e.g. http://127.0.0.1:8080. */
  url: string;
  /** The port actually listened on (useful with port 0). */
  port: number;
  /**
   * Tells every client the stop is planned (`server:restarting`), disconnects them, stops listening
   * and closes the database. Open sessions stay open.
   */
  close(): Promise<void>;
}

/** The server's version, from its package.json. */
export const serverVersion: string = (
  JSON.parse(readFileSync(join(dirname(fileURLToPath(import.meta.url)), '../package.json'), 'utf8')) as {
    version: string;
  }
).version;

/** Starts a server: opens and migrates the database, then listens on config.port (0 = any free port). */
export async function createServer(options: ServerOptions = {}): Promise<RunningServer> {
  const {
    logStream,
    clock = systemClock,
    scheduler = systemScheduler,
    paper: paperOptions,
    ...input
  } = options;
  const config = parseConfig(input);
  const { catalogue, logFile, sampler, log, storage, db, cipher } = await openFoundation(config, logStream);

  // pino's Logger is Fastify's logger at runtime; the cast only widens the generic to the default.
  const app: FastifyInstance = Fastify({
    loggerInstance: log as FastifyBaseLogger,
    bodyLimit: config.maxMessageBytes,
    // Behind a TLS proxy the client's address is in X-Forwarded-For (sign-in limits per address).
    // Trusts the nearest `trustProxyHops` proxies (0: none), as proxy-addr counts hops.
    trustProxy: (_address: string, hop: number) => hop < config.trustProxyHops,
  });
  installErrorHandling(app);

  const io: RvwServer = new Server(app.server, {
    maxHttpBufferSize: config.maxSocketMessageBytes,
    serveClient: false,
    // Refuses a handshake whose auth is not an object with AUTH_INVALID instead of a silent close.
    parser: handshakeParser,
    cors: config.corsOrigins.length ? { origin: config.corsOrigins } : undefined,
    pingInterval: config.socketPingIntervalSeconds * 1000,
    pingTimeout: config.socketPingTimeoutSeconds * 1000,
  });
  const socketLog = log.child({ component: 'socket' });
  const presence = new Presence(io);
  const routingBus = new RoutingBus();
  const metrics = new ServerMetrics({ io, db, clock, bus: routingBus });
  // Each agent's queue and each kiosk's place; a real timer re-checks when waiting crosses a threshold.
  const notifier = new QueueNotifier({
    io,
    db,
    clock,
    presence,
    bus: routingBus,
    scheduler: systemScheduler,
    log: socketLog,
  });
  const kioskPresence = new KioskPresence({ db, clock, presence, notifier, log: socketLog });
  // The watch ends a session through the sessions area, which is built just below (the callback
  // runs only once the server is up).
  const watch: AbsenceWatch = new AbsenceWatch({
    db,
    clock,
    scheduler,
    presence,
    log: socketLog,
    graceMs: config.memberGraceSeconds * 1000,
    onLost: (m) => sessions.memberLost(m.sessionId, m.kind),
    announce: (m, present, deadline) => sessions.announce(m, present, deadline),
  });
  const sessions = new SessionsArea({
    io,
    db,
    clock,
    log: socketLog,
    iceServers: config.iceServers,
    graceSeconds: config.memberGraceSeconds,
    turn: config.turn,
    iceTransportPolicy: config.iceTransportPolicy,
    notifier,
    absences: watch,
    // The cases area (built just below) refuses an agent's end with an open case, or abandons them.
    endHook: {
      ending: async (trx, sessionId, endedBy, reason) => {
        const abandoned = await cases.ending(trx, sessionId, endedBy, reason);
        const paperEnded = await paper.ending(trx, sessionId);
        // The agent the session ends for (after a transfer, the last one): their status wraps up.
        const ending = await trx
          .selectFrom('sessions')
          .select('agent_id')
          .where('id', '=', sessionId)
          .executeTakeFirst();
        return () => {
          cases.ended(abandoned);
          paperEnded();
          if (ending) routingBus.emit('session-ended', { sessionId, agentId: ending.agent_id });
        };
      },
    },
  });
  // Case values are encrypted with the identity key, bound to their case.
  const vault = new CaseVault(cipher);
  // Documents archived when a case closes, print jobs, the document camera's materials.
  const paper = new PaperArea({
    ...paperOptions,
    io,
    db,
    clock,
    log: socketLog,
    cipher,
    vault,
    sessions,
    centreName: config.centreName,
    retentionDays: config.caseIdentityRetentionDays,
  });
  const cases = new CasesArea({
    io,
    db,
    clock,
    log: socketLog,
    vault,
    cipher,
    catalogue,
    sessions,
    caseNumberPrefix: config.caseNumberPrefix,
    ratingWindowMs: config.ratingWindowMinutes * 60_000,
    onClosed: (rec) => paper.caseClosed(rec),
    figuresChanged: () => routingBus.emit('figures-changed'),
  });
  const areaDeps = { io, db, clock, log: socketLog, notifier };
  // Issue 11: statuses, centres, offers, transfers, appointments and the supervisor's view.
  // The one accept path: pulls from the queue and offers taken.
  const desk = new TicketDesk({
    ...areaDeps,
    sessions,
    presence,
    absences: watch,
    bus: routingBus,
    sessionOpened: (ticketId) => cases.sendEntitlements(ticketId),
  });
  const routing = new RoutingAreas(
    {
      ...areaDeps,
      sessions,
      presence,
      absences: watch,
      cipher,
      catalogue,
      bus: routingBus,
      scheduler: systemScheduler,
    },
    desk,
  );
  const fleet = new FleetArea({
    ...areaDeps,
    scheduler: systemScheduler,
    metrics,
    kioskIceServers: (id) => sessions.kioskIceServers(id),
  });
  const updates = new UpdateArea({ db, clock, updatesDir: config.updatesDir, dataDir: config.dataDir });
  // Expired identity numbers and tickets abandoned by an offline kiosk (identity/retention.ts).
  const retention = new RetentionSweep({
    db,
    clock,
    // Its own real timer: the rules read the clock and the database, the timer only wakes them
    // (tests call retention.runOnce() and keep the grace scheduler for the absence watch).
    scheduler: systemScheduler,
    presence,
    notifier,
    log: socketLog,
    identityMaxAgeHours: config.identityMaxAgeHours,
    abandonedTicketGraceMs: config.abandonedTicketGraceSeconds * 1000,
    purgeCases: async (now) => {
      const purged = await purgeCaseIdentities(db, vault, now, config.caseIdentityRetentionDays);
      await paper.purge(now);
      return purged;
    },
  });
  const connections = new ConnectionCore({
    io,
    log: socketLog,
    clock,
    socketRateLimit: config.socketRateLimit,
    maxSocketsPerCredential: config.maxSocketsPerCredential,
    handlers: {
      ...queueHandlers({ ...areaDeps, desk }),
      ...sessions.handlers,
      ...identityHandlers({ ...areaDeps, cipher }),
      ...cases.handlers,
      ...paper.handlers,
      ...routing.handlers,
      ...fleet.handlers,
    },
    onConnect: async (socket) => {
      await greet({ db, sessions, absences: watch, notifier, extras: paper.resumeExtras(cases) }, socket);
      if (socket.data.kind === 'kiosk') {
        await kioskPresence.connected(socket.data.kioskId);
        await fleet.kioskConnected(socket.data.kioskId);
      } else {
        await fleet.admit(socket);
        // A technician is no agent: no status, no offers; only the fleet's pushes.
        if (socket.data.role !== 'technician') await routing.connected(socket);
      }
    },
    onDisconnect: async (kind, id) => {
      await watch.left(kind, id);
      if (kind === 'kiosk') {
        await kioskPresence.left(id);
        await fleet.kioskLeft(id);
      } else await routing.left(id);
    },
    eventSettled: (event, code) => metrics.socketEvent(event, code),
  });
  io.use(authMiddleware({ db, clock, log: socketLog }));
  io.use(connections.admit);
  // Real timers even in tests: the sweep is a backstop, and a manual scheduler's jobs are the grace periods'.
  const credentials = new CredentialWatch({
    db,
    clock,
    scheduler: systemScheduler,
    log: socketLog,
    connections,
    intervalMs: config.credentialCheckSeconds * 1000,
    onKioskRevoked: () => notifier.queueChanged(),
  });

  // Background parts, stopped on a planned stop (and when the start fails).
  const background = [connections, credentials, watch, retention, routing, fleet, notifier];
  registerPlannedStop(app, io, background, () => sampler.flush());

  const startedAt = process.hrtime.bigint();
  try {
    connections.start();
    credentials.start();
    await watch.start();
    await retention.start();
    await routing.start();
    await fleet.start();
    await registerSecurityHeaders(app);
    // Before the routes, so that the duration hook covers all of them.
    registerMetrics(app, metrics, config.metricsToken);
    registerRoutes(
      app,
      httpRoutes,
      {
        health: healthHandler({ logFile, storage }, serverVersion, startedAt),
        ...storeRouteHandlers({ db, clock, config, log, catalogue, connections, credentials, notifier }),
        ...identityRouteHandlers({
          ...areaDeps,
          cipher,
          identityAttached: (ticketId) => cases.sendEntitlements(ticketId),
        }),
        ...sessions.routes,
        ...caseRouteHandlers({ db, clock, vault, figuresChanged: () => routingBus.emit('figures-changed') }),
        ...paper.routes(),
        ...routing.routes(),
        ...fleet.routes(),
        ...updates.routes(),
      },
      { db, clock },
    );
    await registerConsole(app, config.consoleDir);
    updates.register(app);
    await app.listen({ port: config.port, host: config.host });
    // Closed cases a stop left without documents are archived now (in the background).
    await paper.start();
  } catch (err) {
    stopAll(background);
    await app.close().catch(() => undefined);
    await db.destroy();
    throw err;
  }

  const port = (app.server.address() as AddressInfo).port;
  const shownHost = config.host === '0.0.0.0' || config.host === '::' ? '127.0.0.1' : config.host;
  const url = `http://${shownHost.includes(':') ? `[${shownHost}]` : shownHost}:${port}`;
  log.info({ url, dataDir: config.dataDir, version: serverVersion }, 'server listening');

  let closing: Promise<void> | null = null;
  return {
    app,
    io,
    db,
    connections,
    absences: watch,
    retention,
    config,
    catalogue,
    paper,
    routing,
    fleet,
    metrics,
    log,
    url,
    port,
    close() {
      closing ??= (async () => {
        await app.close();
        // Archiving in progress writes nothing more; the next start archives those cases.
        paper.close();
        await db.destroy();
        logFile?.end();
      })();
      return closing;
    },
  };
}
