/**
 * createServer: Fastify (HTTP API, agent console) and socket.io (queue, sessions, signalling) on one
 * HTTP server, over a migrated SQLite database.
 */
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import { pino, type DestinationStream, type Logger } from 'pino';
import { Server } from 'socket.io';
import { systemClock, systemScheduler, type Clock, type Scheduler } from './clock';
import { parseConfig, type ServerConfig, type ServerConfigInput } from './config';
import { openDatabase, type Db } from './db/database';
import { registerApiRoutes } from './http/api-routes';
import { registerConsole } from './http/console-static';
import { installErrorHandling } from './http/http-support';
import { createLogger } from './logger';
import { authMiddleware } from './socket/auth-middleware';
import { Hub } from './socket/hub';
import type { RvwServer } from './socket/types';

/** createServer's input: the configuration plus what cannot come from the environment. */
export interface ServerOptions extends ServerConfigInput {
  /** Where JSON log lines go; default stdout. Tests pass a stream to capture the log. */
  logStream?: DestinationStream;
  /** The time source; default the system clock. */
  clock?: Clock;
  /** Timers for grace periods; default real timers. Tests pass a ManualScheduler. */
  scheduler?: Scheduler;
}

/** A listening server. */
export interface RunningServer {
  /** The Fastify instance (HTTP routes; `app.inject` works for tests). */
  app: FastifyInstance;
  /** The socket.io server. */
  io: RvwServer;
  /** The database. */
  db: Db;
  /** The socket.io behaviour (queue pushes, grace periods). */
  hub: Hub;
  /** The resolved configuration. */
  config: ServerConfig;
  /** The logger (the same one Fastify uses). */
  log: Logger;
  /** Base URL clients connect to, e.g. http://127.0.0.1:8080. */
  url: string;
  /** The port actually listened on (useful with port 0). */
  port: number;
  /** Disconnects every client, stops listening and closes the database. Open sessions stay open. */
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
  const { logStream, clock = systemClock, scheduler = systemScheduler, ...input } = options;
  const config = parseConfig(input);
  const log = createLogger(
    config,
    logStream ??
      (config.logFile ? pino.destination({ dest: config.logFile, mkdir: true, sync: true }) : undefined),
  );
  const db = await openDatabase(config.dataDir);

  // pino's Logger is Fastify's logger at runtime; the cast only widens the generic to the default.
  const app: FastifyInstance = Fastify({
    loggerInstance: log as FastifyBaseLogger,
    bodyLimit: config.maxMessageBytes,
  });
  installErrorHandling(app);

  const io: RvwServer = new Server(app.server, {
    maxHttpBufferSize: config.maxMessageBytes,
    serveClient: false,
    cors: config.corsOrigins.length ? { origin: config.corsOrigins } : undefined,
  });
  const hub = new Hub({
    io,
    db,
    log: log.child({ component: 'socket' }),
    clock,
    scheduler,
    iceServers: config.iceServers,
    memberGraceSeconds: config.memberGraceSeconds,
    socketRateLimit: config.socketRateLimit,
  });
  io.use(authMiddleware({ db, clock, log: log.child({ component: 'socket' }) }));

  // Clients are dropped before Fastify closes the HTTP server, so that no long-poll keeps it open.
  app.addHook('preClose', async () => {
    hub.stop();
    io.disconnectSockets(true);
    io.engine.close();
  });

  try {
    await hub.start();
    registerApiRoutes(app, {
      db,
      clock,
      hub,
      version: serverVersion,
      sessionTtlHours: config.sessionTtlHours,
    });
    await registerConsole(app, config.consoleDir);
    await app.listen({ port: config.port, host: config.host });
  } catch (err) {
    hub.stop();
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
    hub,
    config,
    log,
    url,
    port,
    close() {
      closing ??= (async () => {
        await app.close();
        await db.destroy();
      })();
      return closing;
    },
  };
}
