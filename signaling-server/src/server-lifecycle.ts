/**
 * The server's planned stop: every background part stops, clients are told the stop is planned
 * (`server:restarting`) and then dropped before Fastify closes the HTTP server, so that no long-poll
 * keeps it open. They reconnect by their policy once a server is back.
 */
import type { FastifyInstance } from 'fastify';
import type { RvwServer } from './socket/types';

/**
 * What a graceful stop tells clients to wait before trying again (ms): a restart under a supervisor
 * takes a second or two, and clients retry calmly after it.
 */
export const RESTART_RETRY_AFTER_MS = 500;

/** How long a graceful stop gives the `server:restarting` notice to leave before it disconnects (ms). */
const RESTART_NOTICE_FLUSH_MS = 30;

/** A part with timers or listeners to stop (watches, sweeps, areas). */
export interface Stoppable {
  stop(): void;
}

/** Stops every part (a failed start stops them too). */
export function stopAll(parts: readonly Stoppable[]): void {
  for (const part of parts) part.stop();
}

/** On Fastify's close: stop the parts, tell the clients, let the notice leave, drop them, flush the log. */
export function registerPlannedStop(
  app: FastifyInstance,
  io: RvwServer,
  parts: readonly Stoppable[],
  flushLog: () => void,
): void {
  app.addHook('preClose', async () => {
    stopAll(parts);
    io.emit('server:restarting', { planned: true, retryAfterMs: RESTART_RETRY_AFTER_MS });
    // Let the notice leave first: closing the engine discards packets still queued behind it.
    await new Promise((resolve) => setTimeout(resolve, RESTART_NOTICE_FLUSH_MS));
    io.disconnectSockets(true);
    io.engine.close();
    flushLog();
  });
}
