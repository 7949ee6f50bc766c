/**
 * Feature "server link": the kiosk's socket.io connection to the signaling server, held by the host
 * with the kiosk token, so that the credential never reaches the renderer. The renderer asks for a
 * ticket, ends a session or relays a call signal through the bridge; the server's kiosk events are
 * checked here with the protocol's schemas and re-sent as bridge events. Heartbeats and print jobs
 * will hang off this connection too.
 */
import { io } from 'socket.io-client';
import type { Socket } from 'socket.io-client';
import {
  BridgeError,
  clientEvents,
  ErrorCode,
  ErrorCodeSchema,
  isCredentialRefused,
  serverEvents,
} from '@rvw/shared';
import type {
  Ack,
  ClientAckData,
  ClientEventName,
  ClientPayload,
  ClientToServerEvents,
  KioskState,
  ReconnectPolicy,
  ServerEventName,
  ServerStatus,
  ServerToClientEvents,
  serverInvokes,
} from '@rvw/shared';
import type { z } from 'zod';
import type { HostContext, HostFeature } from '../feature';
import { KIOSK_CONNECT_TIMEOUT_MS, kioskSocketPolicy } from './server-link-policy';
import type { KioskDropReason } from './server-link-policy';

/** The kiosk's socket to the server. */
export type KioskServerSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/**
 * Opens the kiosk's socket with socket.io's own reconnection off: it gives up for good after
 * `io server disconnect`, so the link reconnects by its policy instead. On every connection the
 * server re-sends kiosk:state. `token` may be a function, read at every connection (a kiosk
 * enrolled or its credential rotated while it runs); with no token yet ('') the socket waits for
 * connect().
 */
export function connectKioskSocket(serverUrl: string, token: string | (() => string)): KioskServerSocket {
  const current = typeof token === 'function' ? token : () => token;
  return io(serverUrl, {
    auth: (cb) => cb({ kind: 'kiosk', token: current() }),
    transports: ['websocket'],
    reconnection: false,
    // A handshake lost in an outage fails after this, and the policy's next attempt follows.
    timeout: KIOSK_CONNECT_TIMEOUT_MS,
    autoConnect: current() !== '',
  });
}

/** Options of the server link; each has a production default. */
export interface ServerLinkOptions {
  /** Opens the socket; default connectKioskSocket. */
  connect?: (serverUrl: string, token: string) => KioskServerSocket;
  /** How long a server request may take before the renderer is told SERVER_UNREACHABLE; default 12000 ms. */
  requestTimeoutMs?: number;
  /** When to try again after the socket is lost; default {@link kioskSocketPolicy}. */
  socketPolicy?: ReconnectPolicy;
}

/** A server event's payload, as its protocol schema parses it. */
export type ServerPayload<E extends ServerEventName> = z.infer<(typeof serverEvents)[E]>;

/** What other features use of the link: its requests, its checked events, and its greetings. */
export interface ServerLinkPort {
  /** Sends a client event; resolves with the checked ack data, or throws a coded BridgeError. */
  request<E extends ClientEventName>(event: E, payload: ClientPayload<E>): Promise<ClientAckData<E>>;
  /** Hears a server event, checked with the protocol's schema first (payloads that fail are dropped). */
  on<E extends ServerEventName>(event: E, listener: (payload: ServerPayload<E>) => void): void;
  /**
   * Runs after each kiosk:state the renderer is sent (the server's greeting on every connection, or
   * its re-send on `server:sync`), so a feature can re-send what belongs to that state.
   */
  onGreeting(listener: (state: KioskState) => void): void;
}

/** The session a kiosk:state (a greeting) says is open, if any. */
export function openSession(state: KioskState): { id: string; ticketId: string } | null {
  const session = state.session?.session;
  return session && session.endedAt === null ? { id: session.id, ticketId: session.ticketId } : null;
}

/** The server link: the server slice of the bridge, and the port other features talk through. */
export interface ServerLinkFeature extends HostFeature<typeof serverInvokes> {
  port: ServerLinkPort;
  /**
   * Connects now with the token in `config.kioskToken` (a kiosk just enrolled, or re-enrolled after
   * a refusal): forgets an earlier refusal; an open connection is kept.
   */
  connectNow(): void;
}

/**
 * Connects to the server now (once there is a token: `config.kioskToken`, read at every connection)
 * and answers the server slice of the bridge.
 */
export function serverLinkFeature(ctx: HostContext, options: ServerLinkOptions = {}): ServerLinkFeature {
  const { config, logger, emit } = ctx;
  // Below the web bridge's own 15 s, so that the renderer hears the server's failure, not the bridge's.
  const timeoutMs = options.requestTimeoutMs ?? 12_000;
  const socket = options.connect
    ? options.connect(config.serverUrl, config.kioskToken)
    : connectKioskSocket(config.serverUrl, () => config.kioskToken);
  const policy = options.socketPolicy ?? kioskSocketPolicy();
  let connected = false;
  let status: ServerStatus = { connected: false };
  // The last kiosk:state, and whether nothing has happened since it arrived (then it is still true).
  let lastState: KioskState | null = null;
  let fresh = false;
  let closed = false;
  // The outage in progress: since when, how many tries, why it began, and the pending retry.
  let downSince: number | null = null;
  let retries = 0;
  let outage: KioskDropReason | null = null;
  let retryAfterMs = 0;
  let retry: ReturnType<typeof setTimeout> | null = null;
  const greetingListeners: Array<(state: KioskState) => void> = [];
  // The renderer hears kiosk:state first, then what the other features re-send for it.
  const greet = (state: KioskState): void => {
    emit('kiosk:state', state);
    for (const listener of greetingListeners) listener(state);
  };

  const setStatus = (next: ServerStatus): void => {
    connected = next.connected;
    if (JSON.stringify(next) === JSON.stringify(status)) return;
    status = next;
    emit('server:status', next);
  };
  const cancelRetry = (): void => {
    if (retry) clearTimeout(retry);
    retry = null;
  };
  // Asks the policy when to try again; a kiosk's policy never gives up, but a custom one may.
  const retryLater = (reason: KioskDropReason): void => {
    cancelRetry();
    if (closed) return;
    downSince ??= Date.now();
    let delay = policy.nextRetryDelayInMs({ retryCount: retries, elapsedMs: Date.now() - downSince, reason });
    if (delay === null) {
      logger.error(`server: gave up reconnecting (${reason})`);
      return;
    }
    // The server said when a try becomes useful; earlier ones would only be refused at the door.
    if (retries === 0) delay = Math.max(delay, retryAfterMs);
    retry = setTimeout(() => {
      retry = null;
      retries += 1;
      if (!closed && !socket.connected) socket.connect();
    }, delay);
  };

  // The last refusal logged, so that a server that stays away is logged once, not at every retry.
  let lastRefusal: string | null = null;
  // The credential was refused (at the handshake, or revoked while open): retrying cannot help.
  let refused = false;
  socket.on('connect', () => {
    cancelRetry();
    refused = false;
    lastRefusal = null;
    downSince = null;
    retries = 0;
    outage = null;
    retryAfterMs = 0;
    logger.info('server: connected');
    setStatus({ connected: true });
  });
  const refuse = (code: string): void => {
    cancelRetry();
    if (!refused)
      logger.error(`server: the kiosk's credential was refused (${code}); this machine needs a technician`);
    refused = true;
    const known = ErrorCodeSchema.safeParse(code);
    setStatus({ connected: false, refused: known.success ? known.data : ErrorCode.AuthInvalid });
  };
  socket.on('auth:revoked', (payload) => {
    const parsed = serverEvents['auth:revoked'].safeParse(payload);
    // The server disconnects the socket right after; the disconnect must not be retried.
    refuse(parsed.success ? parsed.data.code : ErrorCode.AuthRevoked);
  });
  socket.on('server:restarting', (payload) => {
    const parsed = serverEvents['server:restarting'].safeParse(payload);
    if (!parsed.success) return;
    outage = 'planned-restart';
    retryAfterMs = parsed.data.retryAfterMs;
    logger.info(`server: restarting (planned); reconnecting after ${retryAfterMs} ms`);
  });
  socket.on('disconnect', (reason) => {
    fresh = false;
    // Our own disconnect (sync's re-greeting, close) reconnects or ends by itself.
    if (reason === 'io client disconnect' || refused) {
      if (!refused) setStatus({ connected: false });
      return;
    }
    outage ??= reason === 'io server disconnect' ? 'server-disconnect' : 'transport';
    if (outage === 'planned-restart') {
      setStatus({ connected: false, restarting: true });
    } else {
      logger.warn(`server: disconnected (${reason})`);
      setStatus({ connected: false });
    }
    retryLater(outage);
  });
  socket.on('connect_error', (err) => {
    const code = (err as { data?: { code?: unknown } }).data?.code;
    const why = typeof code === 'string' ? code : err.name;
    if (why !== lastRefusal) logger.warn(`server: cannot connect (${why})`);
    lastRefusal = why;
    if (typeof code === 'string' && isCredentialRefused(code)) {
      // A refusal at the door keeps the code of a revocation heard before it (AUTH_REVOKED says more).
      if (!refused) refuse(code);
      return;
    }
    // A refusal by the server's middleware leaves the socket inactive; a failed transport does not.
    const reason: KioskDropReason = socket.active ? (outage ?? 'transport') : 'refused';
    setStatus(outage === 'planned-restart' ? { connected: false, restarting: true } : { connected: false });
    retryLater(reason);
  });
  // Everything from the server is checked before it can reach a renderer.
  socket.on('kiosk:state', (payload) => {
    const parsed = serverEvents['kiosk:state'].safeParse(payload);
    if (!parsed.success) return;
    lastState = parsed.data;
    fresh = true;
    greet(parsed.data);
  });
  socket.on('ticket:update', (payload) => {
    const parsed = serverEvents['ticket:update'].safeParse(payload);
    if (!parsed.success) return;
    fresh = false;
    emit('ticket:update', parsed.data);
  });
  socket.on('session:opened', (payload) => {
    const parsed = serverEvents['session:opened'].safeParse(payload);
    if (!parsed.success) return;
    fresh = false;
    emit('session:opened', parsed.data);
  });
  socket.on('session:ended', (payload) => {
    const parsed = serverEvents['session:ended'].safeParse(payload);
    if (!parsed.success) return;
    fresh = false;
    emit('session:ended', parsed.data);
  });
  // Issue 11 #6: "正在为您转接" while the session moves to another agent (its new session:opened, for
  // the same session id, is forwarded like any other: the renderer restarts the call with it).
  socket.on('session:transfer', (payload) => {
    const parsed = serverEvents['session:transfer'].safeParse(payload);
    if (!parsed.success) return;
    fresh = false;
    emit('session:transfer', parsed.data);
  });
  socket.on('signal', (payload) => {
    const parsed = serverEvents.signal.safeParse(payload);
    if (parsed.success) emit('signal:relay', parsed.data);
  });

  async function request<E extends ClientEventName>(
    event: E,
    payload: ClientPayload<E>,
  ): Promise<ClientAckData<E>> {
    let ack: Ack<unknown>;
    try {
      // The generic event map is too wide for emitWithAck's overloads; the payload was checked by the bridge.
      const timed = socket.timeout(timeoutMs);
      const emitWithAck = timed.emitWithAck as unknown as (e: E, p: unknown) => Promise<Ack<unknown>>;
      ack = await emitWithAck.call(timed, event, payload);
    } catch {
      // socket.io buffers an emit while disconnected; no answer in time means the server is out of reach.
      throw BridgeError.serverUnreachable('no answer');
    }
    if (!ack || typeof ack !== 'object') throw BridgeError.internal();
    if (!ack.ok) throw BridgeError.fromServer(ack.error.code, ack.error.message);
    const data = clientEvents[event].ack.safeParse(ack.data);
    if (!data.success) throw BridgeError.internal();
    return data.data as ClientAckData<E>;
  }

  const port: ServerLinkPort = {
    request,
    on(event, listener) {
      const schema = serverEvents[event];
      // The generic event map is too wide for socket.on's overloads; the payload is checked here.
      (socket.on as (e: string, l: (payload: unknown) => void) => void).call(socket, event, (payload) => {
        const parsed = schema.safeParse(payload);
        if (parsed.success) listener(parsed.data as ServerPayload<typeof event>);
      });
    },
    onGreeting(listener) {
      greetingListeners.push(listener);
    },
  };

  return {
    port,
    connectNow() {
      if (closed || socket.connected) return;
      cancelRetry();
      refused = false;
      lastRefusal = null;
      socket.connect();
    },
    handlers: {
      'server:sync': async () => {
        if (connected && fresh && lastState) greet(lastState);
        else if (connected) {
          // Something happened since the last kiosk:state: reconnect, and the server greets with a true one.
          socket.disconnect().connect();
        } else if (status.refused) {
          // Refused earlier (e.g. a token since fixed on the server): a restarting screen tries again.
          socket.connect();
        }
        return { ...status };
      },
      'ticket:request': (req) => request('ticket:request', req),
      'ticket:cancel': (req) => request('ticket:cancel', req),
      'session:end': (req) => request('session:end', req),
      'signal:send': (req) => request('signal', req),
    },
    async close() {
      closed = true;
      cancelRetry();
      socket.removeAllListeners();
      socket.disconnect();
    },
  };
}
