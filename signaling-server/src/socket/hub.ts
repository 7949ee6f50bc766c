/**
 * The real-time side of the server: what each client event does, what clients are told on connect,
 * queue and ticket pushes, and the grace period for members who drop out of a session.
 */
import type { IceServer, SessionEnded, SessionOpened, TicketPosition } from '@rvw/shared';
import type { Logger } from 'pino';
import type { Clock, Scheduler } from '../clock';
import type { Db } from '../db/database';
import { ServerError } from '../errors';
import { identityOfTicket, revealIdentity } from '../identity/identity-store';
import {
  acceptTicket,
  cancelTicket,
  issueTicket,
  openTicketOfKiosk,
  queueEntries,
  ticketPosition,
} from '../queue/ticket-store';
import { GraceTimers, type AbsentMember } from '../sessions/grace-timers';
import {
  endSession,
  getSession,
  openSessionOf,
  openSessionOfTicket,
  openSessions,
  type SessionRecord,
} from '../sessions/session-store';
import { attachDispatch, type EventHandlers } from './dispatch';
import { AGENTS_ROOM, loginRoom, memberRoom, type RvwServer, type RvwSocket } from './types';

/** What the hub needs from the server. */
export interface HubDeps {
  io: RvwServer;
  db: Db;
  log: Logger;
  clock: Clock;
  scheduler: Scheduler;
  iceServers: IceServer[];
  memberGraceSeconds: number;
  socketRateLimit: number;
}

/** Owns the socket.io behaviour; one per server. */
export class Hub {
  private readonly grace: GraceTimers;
  /** Last TicketPosition sent to each waiting ticket's kiosk, to push only changes. */
  private readonly lastSent = new Map<string, string>();
  private closed = false;

  constructor(private readonly deps: HubDeps) {
    this.grace = new GraceTimers(
      deps.scheduler,
      deps.memberGraceSeconds * 1000,
      (m) => void this.memberLost(m),
    );
  }

  /** Starts listening for connections and gives members of sessions left open (restart) their grace period. */
  async start(): Promise<void> {
    this.deps.io.on('connection', (socket) => this.onConnection(socket));
    for (const rec of await openSessions(this.deps.db)) {
      this.grace.start({ sessionId: rec.session.id, kind: 'kiosk' });
      this.grace.start({ sessionId: rec.session.id, kind: 'agent' });
    }
  }

  /** Stops the grace timers; open sessions stay open in the database for the next start. */
  stop(): void {
    this.closed = true;
    this.grace.clear();
  }

  /** Number of running grace periods (tests, health). */
  get pendingGrace(): number {
    return this.grace.size;
  }

  /** Sockets currently in a member's room on this node. */
  private present(kind: 'kiosk' | 'agent', id: string): boolean {
    return (this.deps.io.sockets.adapter.rooms.get(memberRoom(kind, id))?.size ?? 0) > 0;
  }

  private onConnection(socket: RvwSocket): void {
    const data = socket.data;
    attachDispatch(socket, this.handlers, { rate: this.deps.socketRateLimit, log: this.deps.log });
    const id = data.kind === 'kiosk' ? data.kioskId : data.agentId;
    void socket.join(memberRoom(data.kind, id));
    if (data.kind === 'agent') {
      void socket.join(AGENTS_ROOM);
      void socket.join(loginRoom(data.authSessionId));
    }
    this.deps.log.info({ kind: data.kind, id, socketId: socket.id }, 'socket connected');
    socket.on('disconnect', (reason) => {
      this.deps.log.info({ kind: data.kind, id, socketId: socket.id, reason }, 'socket disconnected');
      void this.afterDisconnect(data.kind, id).catch((err: unknown) =>
        this.deps.log.error({ err }, 'disconnect handling failed'),
      );
    });
    void this.greet(socket).catch((err: unknown) => this.deps.log.error({ err }, 'greeting failed'));
  }

  /** Tells a (re)connecting client where it stands, and stops waiting for it if it was absent. */
  private async greet(socket: RvwSocket): Promise<void> {
    const { db } = this.deps;
    const data = socket.data;
    if (data.kind === 'kiosk') {
      const session = await openSessionOf(db, 'kiosk', data.kioskId);
      if (session) this.grace.cancel({ sessionId: session.session.id, kind: 'kiosk' });
      const ticket = await openTicketOfKiosk(db, data.kioskId);
      socket.emit('kiosk:state', {
        kiosk: data.kiosk,
        ticket: ticket ? await ticketPosition(db, ticket.id) : null,
        session: session ? await this.opened(session, 'kiosk') : null,
      });
    } else {
      const session = await openSessionOf(db, 'agent', data.agentId);
      if (session) this.grace.cancel({ sessionId: session.session.id, kind: 'agent' });
      const agent = await db
        .selectFrom('agents')
        .select(['id', 'username', 'display_name', 'role'])
        .where('id', '=', data.agentId)
        .executeTakeFirstOrThrow();
      socket.emit('agent:state', {
        agent: { id: agent.id, username: agent.username, displayName: agent.display_name, role: agent.role },
        session: session ? await this.opened(session, 'agent') : null,
      });
      socket.emit('queue:update', {
        entries: await queueEntries(db, this.deps.clock()),
        serverTime: this.deps.clock().toISOString(),
      });
    }
  }

  private async afterDisconnect(kind: 'kiosk' | 'agent', id: string): Promise<void> {
    if (this.closed || this.present(kind, id)) return;
    const session = await openSessionOf(this.deps.db, kind, id);
    if (session && !this.present(kind, id)) this.grace.start({ sessionId: session.session.id, kind });
  }

  /** A member stayed away past its grace period: the server ends the session. */
  private async memberLost(m: AbsentMember): Promise<void> {
    if (this.closed) return;
    try {
      const rec = await getSession(this.deps.db, m.sessionId);
      if (!rec || rec.session.endedAt) return;
      // It may have come back on another node or just now; only end if it is still away.
      if (this.present(m.kind, m.kind === 'kiosk' ? rec.kioskId : rec.agentId)) return;
      await this.finish(rec, 'system', m.kind === 'kiosk' ? 'kiosk-lost' : 'agent-lost');
      this.deps.log.info({ sessionId: m.sessionId, absent: m.kind }, 'session ended: member did not return');
    } catch (err) {
      this.deps.log.error({ err, sessionId: m.sessionId }, 'ending an abandoned session failed');
    }
  }

  /** The SessionOpened a member receives (the agent initiates and sees the masked identity). */
  private async opened(rec: SessionRecord, kind: 'kiosk' | 'agent'): Promise<SessionOpened> {
    const base = { session: rec.session, iceServers: this.deps.iceServers, initiator: kind === 'agent' };
    if (kind === 'kiosk') return base;
    const identity = await identityOfTicket(this.deps.db, rec.session.ticketId, this.deps.clock());
    return identity ? { ...base, identity } : base;
  }

  /**
   * The open session `sessionId` if the socket is one of its two members: NOT_FOUND for an unknown
   * session, NOT_SESSION_MEMBER for anyone else, SESSION_ENDED once it has ended.
   */
  private async memberSession(socket: RvwSocket, sessionId: string): Promise<SessionRecord> {
    const rec = await getSession(this.deps.db, sessionId);
    if (!rec) throw ServerError.notFound('The session');
    const me = socket.data;
    const member = me.kind === 'kiosk' ? rec.kioskId === me.kioskId : rec.agentId === me.agentId;
    if (!member) throw ServerError.notSessionMember();
    if (rec.session.endedAt) throw ServerError.sessionEnded();
    return rec;
  }

  /** Ends a session, records it, and tells both members and the kiosk's ticket view. */
  private async finish(
    rec: SessionRecord,
    endedBy: SessionEnded['endedBy'],
    reason?: string,
  ): Promise<SessionEnded> {
    const ended = await endSession(this.deps.db, rec.session.id, endedBy, reason, this.deps.clock());
    this.grace.cancelSession(rec.session.id);
    const { io } = this.deps;
    io.to(memberRoom('kiosk', rec.kioskId)).to(memberRoom('agent', rec.agentId)).emit('session:ended', ended);
    await this.pushTicket(rec.session.ticketId, rec.kioskId);
    this.deps.log.info({ sessionId: rec.session.id, endedBy, reason }, 'session ended');
    return ended;
  }

  /** Sends a kiosk the current view of one of its tickets. */
  private async pushTicket(ticketId: string, kioskId: string): Promise<TicketPosition | null> {
    const pos = await ticketPosition(this.deps.db, ticketId);
    if (pos) {
      this.lastSent.set(ticketId, JSON.stringify(pos));
      this.deps.io.to(memberRoom('kiosk', kioskId)).emit('ticket:update', pos);
      if (pos.ticket.status !== 'waiting') this.lastSent.delete(ticketId);
    }
    return pos;
  }

  /** The queue changed: push the snapshot to agents and new positions to the kiosks that moved. */
  async queueChanged(): Promise<void> {
    const now = this.deps.clock();
    const entries = await queueEntries(this.deps.db, now);
    this.deps.io.to(AGENTS_ROOM).emit('queue:update', { entries, serverTime: now.toISOString() });
    const live = new Set<string>();
    entries.forEach((e, i) => {
      live.add(e.ticketId);
      const pos: TicketPosition = {
        ticket: {
          id: e.ticketId,
          number: e.number,
          kioskId: e.kiosk.id,
          status: 'waiting',
          createdAt: e.createdAt,
          hasIdentity: e.identity !== undefined,
        },
        position: i + 1,
        waiting: entries.length,
      };
      const key = JSON.stringify(pos);
      if (this.lastSent.get(e.ticketId) === key) return;
      this.lastSent.set(e.ticketId, key);
      this.deps.io.to(memberRoom('kiosk', e.kiosk.id)).emit('ticket:update', pos);
    });
    for (const id of this.lastSent.keys()) if (!live.has(id)) this.lastSent.delete(id);
  }

  /**
   * A resident's identity was attached to a ticket. If an agent already serves that ticket (the
   * accept won the race against the kiosk's upload), the agent gets it now, masked.
   */
  async identityAttached(ticketId: string): Promise<void> {
    const rec = await openSessionOfTicket(this.deps.db, ticketId);
    if (!rec) return;
    const identity = await identityOfTicket(this.deps.db, ticketId, this.deps.clock());
    if (!identity) return;
    this.deps.io
      .to(memberRoom('agent', rec.agentId))
      .emit('session:identity', { sessionId: rec.session.id, identity });
  }

  /** Logs out a login everywhere: its sockets are disconnected. */
  disconnectLogin(authSessionId: string): void {
    this.deps.io.in(loginRoom(authSessionId)).disconnectSockets(true);
  }

  private readonly handlers: EventHandlers = {
    'ticket:request': async (socket) => {
      if (socket.data.kind !== 'kiosk') throw ServerError.forbidden();
      const row = await issueTicket(this.deps.db, socket.data.kioskId, this.deps.clock());
      this.deps.log.info({ ticketId: row.id, number: row.number, kioskId: row.kiosk_id }, 'ticket issued');
      await this.queueChanged();
      const pos = await ticketPosition(this.deps.db, row.id);
      if (!pos) throw ServerError.internal();
      return pos;
    },

    'ticket:cancel': async (socket, { ticketId }) => {
      if (socket.data.kind !== 'kiosk') throw ServerError.forbidden();
      await cancelTicket(this.deps.db, socket.data.kioskId, ticketId, this.deps.clock());
      this.deps.log.info({ ticketId }, 'ticket cancelled');
      await this.pushTicket(ticketId, socket.data.kioskId);
      await this.queueChanged();
      return {};
    },

    'ticket:accept': async (socket, { ticketId }) => {
      if (socket.data.kind !== 'agent') throw ServerError.forbidden();
      const row = await acceptTicket(this.deps.db, socket.data.agentId, ticketId, this.deps.clock());
      const rec = await getSession(this.deps.db, row.id);
      if (!rec) throw ServerError.internal();
      this.deps.log.info({ ticketId, sessionId: rec.session.id, agentId: rec.agentId }, 'ticket accepted');
      const forAgent = await this.opened(rec, 'agent');
      const { io } = this.deps;
      io.to(memberRoom('agent', rec.agentId)).emit('session:opened', forAgent);
      io.to(memberRoom('kiosk', rec.kioskId)).emit('session:opened', await this.opened(rec, 'kiosk'));
      await this.pushTicket(ticketId, rec.kioskId);
      await this.queueChanged();
      if (!this.present('kiosk', rec.kioskId)) this.grace.start({ sessionId: rec.session.id, kind: 'kiosk' });
      return forAgent;
    },

    signal: async (socket, { sessionId, data }) => {
      const rec = await this.memberSession(socket, sessionId);
      const me = socket.data;
      const to = me.kind === 'kiosk' ? memberRoom('agent', rec.agentId) : memberRoom('kiosk', rec.kioskId);
      this.deps.io.to(to).emit('signal', { sessionId, data });
      return {};
    },

    'session:end': async (socket, { sessionId, reason }) => {
      const rec = await this.memberSession(socket, sessionId);
      return this.finish(rec, socket.data.kind, reason);
    },

    'identity:reveal': async (socket, { ticketId }) => {
      if (socket.data.kind !== 'agent') throw ServerError.forbidden();
      const { agentId, role } = socket.data;
      const idNumber = await revealIdentity(this.deps.db, { agentId, role }, ticketId, this.deps.clock());
      // The reveal is recorded in identity_reveals; the log names who and which ticket, never the number.
      this.deps.log.info({ ticketId, agentId }, 'identity revealed');
      return { idNumber };
    },
  };
}
