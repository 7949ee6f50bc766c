/**
 * The sessions area: what a member receives when a session opens, membership checks, relaying
 * signals, ending a session (by a member, or by the server when a member stays away), and the
 * supervisor's session routes.
 */
import {
  AuthError,
  RequestError,
  SessionError,
  type EndedBy,
  type HttpRoutes,
  type IceServer,
  type SessionEnded,
  type SessionOpened,
} from '@rvw/shared';
import type { Logger } from 'pino';
import type { Clock } from '../clock';
import type { Db } from '../db/database';
import type { RouteHandlers } from '../http/route-registrar';
import { identityOfTicket } from '../identity/identity-store';
import type { QueueNotifier } from '../queue/queue-notifier';
import type { EventHandlers } from '../socket/dispatch';
import { memberRoom, type MemberKind, type RvwServer, type RvwSocket } from '../socket/types';
import type { AbsenceWatch } from './absence-watch';
import type { AbsentMember } from './absence-store';
import { CallOwners } from './call-owners';
import { turnIceServer, type TurnSettings } from './turn-credentials';
import { endReasonOf, endSession, getSession, listSessions, type SessionRecord } from './session-store';
import { scrubIdNumbers } from '@rvw/shared';
import { isHandedOver } from '../transfers/transfer-store';
import { callerCentre, requireSessionCentre } from '../supervision/centre-scope';

/**
 * Another area's part in ending a session (the cases): `ending` runs inside the ending transaction
 * and may refuse by throwing; the function it returns runs after the commit (to tell the members).
 */
export interface SessionEndHook {
  ending(trx: Db, sessionId: string, endedBy: EndedBy, reason: string | undefined): Promise<() => void>;
}

/** What the sessions area needs. */
export interface SessionsAreaDeps {
  io: RvwServer;
  db: Db;
  clock: Clock;
  log: Logger;
  iceServers: IceServer[];
  /** coturn's use-auth-secret settings: each session gets a short-lived TURN entry; default none. */
  turn?: TurnSettings | null;
  /** Sent with every session:opened; default 'all'. */
  iceTransportPolicy?: 'all' | 'relay';
  notifier: QueueNotifier;
  absences: AbsenceWatch;
  /** The member grace (RVW_MEMBER_GRACE_SECONDS), sent with every session:opened; default none. */
  graceSeconds?: number;
  /** The cases' part in ending a session; default none. */
  endHook?: SessionEndHook;
}

/** Sessions: opening views, membership, relaying, ending. */
export class SessionsArea {
  /** Which of the agent's tabs runs each session's call. */
  private readonly owners: CallOwners;

  constructor(private readonly deps: SessionsAreaDeps) {
    this.owners = new CallOwners((socketId) => deps.io.sockets.sockets.get(socketId)?.connected === true);
  }

  /**
   * The ICE servers of one call (`session:opened`'s, a transfer's hand-over call's): config's static
   * ones plus, with `turn`, a TURN entry whose credential is bound to `id` and lives turn.ttlSeconds.
   */
  iceServersFor(id: string): IceServer[] {
    const { turn, iceServers, clock } = this.deps;
    return turn ? [...iceServers, turnIceServer(turn, id, clock())] : iceServers;
  }

  /** Config's iceTransportPolicy, for every call of a session (a transfer's hand-over call too). */
  get iceTransportPolicy(): 'all' | 'relay' {
    return this.deps.iceTransportPolicy ?? 'all';
  }

  /** What a kiosk's readiness TURN probe uses outside any session: a TURN entry bound to the kiosk. */
  kioskIceServers(kioskId: string): IceServer[] {
    return this.iceServersFor(`kiosk-${kioskId}`);
  }

  /** The agent's socket that accepted a ticket owns the new session's call. */
  claim(sessionId: string, socketId: string): void {
    this.owners.claim(sessionId, socketId);
  }

  /** The SessionOpened a member receives (the agent initiates and sees the masked identity). */
  async opened(rec: SessionRecord, kind: MemberKind): Promise<SessionOpened> {
    const base = {
      session: rec.session,
      iceServers: this.iceServersFor(rec.session.id),
      iceTransportPolicy: this.iceTransportPolicy,
      initiator: kind === 'agent',
      ...(this.deps.graceSeconds === undefined ? {} : { graceSeconds: this.deps.graceSeconds }),
    };
    if (kind === 'kiosk') return base;
    const identity = await identityOfTicket(this.deps.db, rec.session.ticketId, this.deps.clock());
    return identity ? { ...base, identity } : base;
  }

  /**
   * The open session `sessionId` if the socket is one of its two members: NOT_FOUND for an unknown
   * session, NOT_SESSION_MEMBER for anyone else, SESSION_ENDED once it has ended.
   */
  async memberSession(socket: RvwSocket, sessionId: string): Promise<SessionRecord> {
    const rec = await getSession(this.deps.db, sessionId);
    if (!rec) throw RequestError.notFound('The session');
    const me = socket.data;
    const member = me.kind === 'kiosk' ? rec.kioskId === me.kioskId : rec.agentId === me.agentId;
    if (!member) throw SessionError.notMember();
    if (rec.session.endedAt) throw SessionError.ended();
    // An agent who handed the session over blind has left it, though still on record until taken.
    if (me.kind === 'agent' && (await isHandedOver(this.deps.db, sessionId))) throw SessionError.notMember();
    return rec;
  }

  /**
   * The session moved to another agent (a transfer, issue 11 #6): nobody owns its call until the new
   * agent's tab joins, so the kiosk's signals go to that agent's sockets meanwhile.
   */
  release(sessionId: string): void {
    this.owners.forget(sessionId);
  }

  /**
   * Ends a session, records it, and tells both members and the kiosk's ticket view. An end the
   * system decided (a member lost, media lost) puts the ticket back at the front of the queue.
   */
  async finish(rec: SessionRecord, endedBy: EndedBy, reason?: string): Promise<SessionEnded> {
    const hook = this.deps.endHook;
    let after: (() => void) | undefined;
    const ended = await endSession(
      this.deps.db,
      rec.session.id,
      endedBy,
      reason,
      this.deps.clock(),
      hook &&
        (async (trx) => {
          after = await hook.ending(trx, rec.session.id, endedBy, reason);
        }),
    );
    after?.();
    this.deps.absences.ended(rec.session.id);
    this.owners.forget(rec.session.id);
    this.deps.io
      .to(memberRoom('kiosk', rec.kioskId))
      .to(memberRoom('agent', rec.agentId))
      .emit('session:ended', ended);
    // Back in the queue: every agent and every waiting kiosk (this one first in line) hears it.
    if (endedBy === 'system') await this.deps.notifier.queueChanged();
    else await this.deps.notifier.pushTicket(rec.session.ticketId, rec.kioskId);
    this.deps.log.info({ sessionId: rec.session.id, endedBy, reason }, 'session ended');
    return ended;
  }

  /**
   * `session:member` to the other member of an open session: `member` went away (its last socket
   * left; the session ends at `deadline`) or came back (issue 13 #1).
   */
  async announce(member: AbsentMember, present: boolean, deadline: string | null): Promise<void> {
    const rec = await getSession(this.deps.db, member.sessionId);
    if (!rec || rec.session.endedAt) return;
    const other =
      member.kind === 'kiosk' ? memberRoom('agent', rec.agentId) : memberRoom('kiosk', rec.kioskId);
    this.deps.io
      .to(other)
      .emit('session:member', { sessionId: rec.session.id, member: member.kind, present, deadline });
  }

  /** The server ends a session whose member stayed away. */
  async memberLost(sessionId: string, kind: MemberKind): Promise<void> {
    const rec = await getSession(this.deps.db, sessionId);
    if (!rec || rec.session.endedAt) return;
    await this.finish(rec, 'system', kind === 'kiosk' ? 'kiosk-lost' : 'agent-lost');
  }

  /** Socket handlers of the session area. */
  readonly handlers: Pick<
    EventHandlers,
    'signal' | 'session:end' | 'session:media-lost' | 'session:join' | 'session:take-over' | 'call:prepare'
  > = {
    // Before any session: a TURN credential bound to the agent, as the kiosk's readiness probe has one.
    'call:prepare': async (socket) => {
      if (socket.data.kind !== 'agent') throw AuthError.forbidden();
      return {
        iceServers: this.iceServersFor(`agent-${socket.data.agentId}`),
        iceTransportPolicy: this.iceTransportPolicy,
      };
    },

    signal: async (socket, { sessionId, data }) => {
      const rec = await this.memberSession(socket, sessionId);
      const owner = this.owners.ownerSocket(sessionId);
      if (socket.data.kind === 'kiosk') {
        // To the tab that runs the call; to every socket of the agent while none does.
        this.deps.io.to(owner ?? memberRoom('agent', rec.agentId)).emit('signal', { sessionId, data });
        return {};
      }
      // Another tab's peer would start a second call against the same kiosk: its signals go nowhere.
      if (owner && owner !== socket.id) {
        this.deps.log.debug(
          { sessionId, socketId: socket.id },
          'signal from a tab that does not own the call',
        );
        return {};
      }
      this.deps.io.to(memberRoom('kiosk', rec.kioskId)).emit('signal', { sessionId, data });
      return {};
    },

    'session:end': async (socket, { sessionId, reason }) => {
      const rec = await this.memberSession(socket, sessionId);
      // Free text from a client: masked before it is stored, pushed to the peer or logged.
      return this.finish(rec, socket.data.kind, reason === undefined ? undefined : scrubIdNumbers(reason));
    },

    'session:media-lost': async (socket, { sessionId }) => {
      const rec = await this.memberSession(socket, sessionId);
      return this.finish(rec, 'system', 'media-lost');
    },

    'session:join': async (socket, { sessionId, tabId }) => {
      await this.memberSession(socket, sessionId);
      return { owner: this.owners.join(sessionId, socket.id, tabId) };
    },

    'session:take-over': async (socket, { sessionId, tabId }) => {
      await this.memberSession(socket, sessionId);
      const before = this.owners.takeOver(sessionId, socket.id, tabId);
      if (before) this.deps.io.to(before).emit('session:moved', { sessionId });
      this.deps.log.info({ sessionId, socketId: socket.id }, 'call taken over by another tab');
      return { owner: true };
    },
  };

  /** HTTP routes of the session area (supervisor reads). */
  readonly routes: Pick<RouteHandlers<HttpRoutes>, 'listSessions' | 'getSession'> = {
    // Issue 11: a supervisor sees the sessions of their own centre only (either side).
    listSessions: async ({ query }, ctx) => ({
      sessions: (await listSessions(this.deps.db, { ...query, centreId: callerCentre(ctx) })).map(
        (r) => r.session,
      ),
    }),
    getSession: async ({ params }, ctx) => {
      const rec = await getSession(this.deps.db, params.sessionId);
      if (!rec) throw RequestError.notFound('The session');
      await requireSessionCentre(this.deps.db, rec.session.id, callerCentre(ctx), 'The session');
      return { session: rec.session, endReason: await endReasonOf(this.deps.db, params.sessionId) };
    },
  };
}
