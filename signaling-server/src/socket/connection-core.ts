/**
 * The connection core: accepts authenticated sockets, puts each in its rooms, attaches the one
 * dispatcher for client events, and tells the areas when a member connects or disconnects. It
 * knows nothing of tickets or sessions; the areas (queue, sessions, identity) supply the handlers
 * and the connect/disconnect behaviour, and server.ts composes them.
 */
import type { Logger } from 'pino';
import { attachDispatch, type EventHandlers } from './dispatch';
import {
  AGENTS_ROOM,
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
  /** Client events per second per socket (bursts of twice that). */
  socketRateLimit: number;
  handlers: EventHandlers;
  /** A socket joined its rooms: tell it where it stands. */
  onConnect(socket: RvwSocket): Promise<void>;
  /** A socket of this member went away (it may have others, here or on another node). */
  onDisconnect(kind: MemberKind, id: string): Promise<void>;
}

/** Connections, rooms and dispatch; one per server. */
export class ConnectionCore {
  private closed = false;

  constructor(private readonly deps: ConnectionCoreDeps) {}

  /** Starts accepting connections. */
  start(): void {
    this.deps.io.on('connection', (socket) => this.onConnection(socket));
  }

  /** Stops reacting to disconnects (shutdown: sockets are about to be dropped on purpose). */
  stop(): void {
    this.closed = true;
  }

  /** Logs out a login everywhere: its sockets are disconnected. */
  disconnectLogin(authSessionId: string): void {
    this.deps.io.in(loginRoom(authSessionId)).disconnectSockets(true);
  }

  private onConnection(socket: RvwSocket): void {
    const { log } = this.deps;
    const data = socket.data;
    attachDispatch(socket, this.deps.handlers, { rate: this.deps.socketRateLimit, log });
    const id = memberIdOf(data);
    void socket.join(memberRoom(data.kind, id));
    if (data.kind === 'agent') {
      void socket.join(AGENTS_ROOM);
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
