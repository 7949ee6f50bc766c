/**
 * The connection core: accepts authenticated sockets, puts each in its rooms, attaches the one
 * dispatcher for client events, and tells the areas when a member connects or disconnects. It
 * knows nothing of tickets or sessions; the areas (queue, sessions, identity) supply the handlers
 * and the connect/disconnect behaviour, and server.ts composes them.
 */
import { AuthError, RequestError, type AppError } from '@rvw/shared';
import type { Logger } from 'pino';
import type { Clock } from '../clock';
import { refusal } from './auth-middleware';
import { attachDispatch, type EventHandlers } from './dispatch';
import { CredentialLimits } from './rate-limit';
import {
  AGENTS_ROOM,
  credentialRoom,
  loginRoom,
  memberIdOf,
  memberRoom,
  type MemberKind,
  type RvwServer,
  type RvwSocket,
} from './types';

/** What the core needs: the server, the handlers of every client event, and the areas' hooks. */
export interface ConnectionCoreDeps {
  io: RvwServer;
  log: Logger;
  clock: Clock;
  /** Client events per second per credential, all its sockets together (bursts of twice that). */
  socketRateLimit: number;
  /** Sockets one credential may hold open on this node. */
  maxSocketsPerCredential: number;
  handlers: EventHandlers;
  /** A socket joined its rooms: tell it where it stands. */
  onConnect(socket: RvwSocket): Promise<void>;
  /** A socket of this member went away (it may have others, here or on another node). */
  onDisconnect(kind: MemberKind, id: string): Promise<void>;
  /** Every client event's result code (`OK` or the error code); default none. The metrics count them. */
  eventSettled?(event: string, code: string): void;
}

/** Connections, rooms and dispatch; one per server. */
export class ConnectionCore {
  private closed = false;
  private readonly limits: CredentialLimits;

  constructor(private readonly deps: ConnectionCoreDeps) {
    this.limits = new CredentialLimits(deps.maxSocketsPerCredential, deps.socketRateLimit);
  }

  /**
   * io.use() middleware, after authentication: refuses a socket beyond the credential's limit with
   * TOO_MANY_CONNECTIONS, and counts the others until their connection closes.
   */
  readonly admit = (socket: RvwSocket, next: (err?: Error) => void): void => {
    const key = credentialRoom(socket.data);
    if (!this.limits.admit(key)) {
      const e = RequestError.tooManyConnections(this.limits.maxSockets);
      // Info, like the other handshake refusals: a client retrying at the door must not flood the log.
      this.deps.log.info({ code: e.code, kind: socket.data.kind, socketId: socket.id }, 'socket refused');
      return next(refusal(e.code, e.message));
    }
    // Whichever comes first: the socket's disconnect, or its transport closing before it connected.
    let counted = true;
    const release = () => {
      if (!counted) return;
      counted = false;
      this.limits.release(key);
    };
    socket.once('disconnect', release);
    socket.conn.once('close', release);
    next();
  };

  /** Starts accepting connections. */
  start(): void {
    this.deps.io.on('connection', (socket) => this.onConnection(socket));
  }

  /** Stops reacting to disconnects (shutdown: sockets are about to be dropped on purpose). */
  stop(): void {
    this.closed = true;
  }

  /** Logs out a login everywhere: its sockets are told AUTH_REVOKED and disconnected. */
  disconnectLogin(authSessionId: string): void {
    this.endCredential(loginRoom(authSessionId), AuthError.revoked('You signed out.'));
  }

  /**
   * Ends a credential's sockets on every node (through the adapter): each is sent `auth:revoked`
   * with the code, then disconnected. `room` is a credentialRoom or a member room.
   */
  endCredential(room: string, error: AppError): void {
    const code = error.code === 'AUTH_EXPIRED' ? 'AUTH_EXPIRED' : 'AUTH_REVOKED';
    this.deps.io.to(room).emit('auth:revoked', { code, message: error.message });
    this.deps.io.in(room).disconnectSockets(true);
  }

  private onConnection(socket: RvwSocket): void {
    const { log } = this.deps;
    const data = socket.data;
    const key = credentialRoom(data);
    attachDispatch(socket, this.deps.handlers, {
      log,
      credentialError: () =>
        data.kind === 'agent' && data.expiresAt <= this.deps.clock().getTime() ? AuthError.expired() : null,
      endCredential: (error) => {
        log.info({ kind: data.kind, id: memberIdOf(data), code: error.code }, 'credential ended');
        this.endCredential(key, error);
      },
      take: () => this.limits.take(key),
      settled: this.deps.eventSettled,
    });
    const id = memberIdOf(data);
    void socket.join(memberRoom(data.kind, id));
    if (data.kind === 'agent') {
      // A technician is no agent online: no queue, no offers, not in the supervisor's staff list.
      if (data.role !== 'technician') void socket.join(AGENTS_ROOM);
      void socket.join(loginRoom(data.authSessionId));
    }
    log.info({ kind: data.kind, id, socketId: socket.id }, 'socket connected');
    socket.on('disconnect', (reason) => {
      log.info({ kind: data.kind, id, socketId: socket.id, reason }, 'socket disconnected');
      if (this.closed) return;
      void this.deps
        .onDisconnect(data.kind, id)
        .catch((err: unknown) => log.error({ err }, 'disconnect handling failed'));
    });
    void this.deps.onConnect(socket).catch((err: unknown) => log.error({ err }, 'greeting failed'));
  }
}
