/**
 * Transfers of a live session (转办, issue 11 #6), blind and consulted, with the hand-over call
 * between the two agents. One session id lives across transfers: the kiosk hears `session:transfer`
 * transferring, then `session:opened` with the new agent, then connected; the case and its form
 * travel with the session (reassignSession). The routing core's accept completes a blind transfer;
 * this area completes a consulted one, and both arrive here through the bus's 'session-opened'.
 */
import {
  QueueError,
  RequestError,
  SessionError,
  type HttpRoutes,
  type TransferState,
  type TransferTarget,
} from '@rvw/shared';
import { accountOf, type RouteHandlers } from '../http/route-registrar';
import type { RoutingDeps } from '../routing/routing-deps';
import { getSession, type SessionRecord } from '../sessions/session-store';
import type { EventHandlers } from '../socket/dispatch';
import { memberRoom, type RvwSocket } from '../socket/types';
import type { TransferRow } from '../db/schema-routing';
import { TransferError } from './transfer-errors';
import { briefNewAgent, stateOf, tellAgents, tellKiosk } from './transfer-notify';
import {
  cancelInterrupted,
  cancelOpenOf,
  insertTransfer,
  latestTransferOf,
  movePhase,
  openTransferOf,
  openTransfersOfAgent,
  servesAnother,
  reassignSession,
  transferOf,
  transferRow,
} from './transfer-store';
import { isAvailableTarget, transferOptions } from './transfer-targets';
import { cancelQueued } from './transfer-blind';

/** How long an invited agent has to answer a consulted transfer (then it is cancelled: 'timeout'). */
export const INVITE_TIMEOUT_MS = 30_000;

type Events =
  'transfer:start' | 'transfer:answer' | 'transfer:complete' | 'transfer:cancel' | 'consult:signal';

function agentOf(socket: RvwSocket): string {
  const d = socket.data;
  if (d.kind !== 'agent') throw RequestError.internal();
  return d.agentId;
}

export class TransferArea {
  private readonly inviteTimers = new Map<string, unknown>();
  private readonly onOpened = (e: { sessionId: string; agentId: string }) =>
    void this.arrived(e.sessionId, e.agentId).catch((err: unknown) =>
      this.deps.log.error({ err, sessionId: e.sessionId }, 'transfer: telling an arrival failed'),
    );
  private readonly onEnded = (e: { sessionId: string }) =>
    void this.sessionEnded(e.sessionId).catch((err: unknown) =>
      this.deps.log.error({ err, sessionId: e.sessionId }, 'transfer: cancelling on session end failed'),
    );

  // A console that (re)connects hears the transfers under way that concern its agent.
  private readonly onConnection = (socket: RvwSocket) => {
    const d = socket.data;
    if (d.kind !== 'agent') return;
    void this.resend(socket, d.agentId).catch((err: unknown) =>
      this.deps.log.error({ err }, 'transfer: re-sending open transfers failed'),
    );
  };

  constructor(private readonly deps: RoutingDeps) {}

  /** Socket handlers of this area. */
  readonly handlers: Pick<EventHandlers, Events> = {
    'transfer:start': async (socket, { sessionId, mode, target, note }) => {
      const me = agentOf(socket);
      const rec = await this.deps.sessions.memberSession(socket, sessionId);
      if (mode === 'consulted' && target.kind === 'skill') throw TransferError.consultedNeedsAgent();
      if (target.kind === 'agent' && target.agentId === me) throw TransferError.toSelf();
      if (await openTransferOf(this.deps.db, sessionId)) throw TransferError.alreadyOpen();
      if (
        target.kind === 'agent' &&
        !(await isAvailableTarget(this.deps.db, this.deps.presence, me, target.agentId))
      )
        throw QueueError.agentUnavailable();
      const input = { rec, me, target, note: note?.trim() || null };
      return mode === 'blind' ? this.startBlind(input) : this.startConsulted(input);
    },

    'transfer:answer': async (socket, { transferId, accept }) => {
      const me = agentOf(socket);
      const row = await this.row(transferId);
      if (row.mode !== 'consulted' || row.target_agent_id !== me) throw TransferError.notInvited();
      const gone = 'This invitation was already answered, withdrawn or timed out.';
      if (row.phase !== 'inviting') throw TransferError.wrongPhase(gone);
      const now = this.deps.clock();
      // Their own invitation does not make them busy; another hand-over or a session does.
      if (
        accept &&
        !(await isAvailableTarget(this.deps.db, this.deps.presence, row.from_agent_id, me, transferId))
      )
        throw QueueError.agentUnavailable();
      const moved = accept
        ? await movePhase(this.deps.db, transferId, ['inviting'], 'consulting', { now, toAgentId: me })
        : await movePhase(this.deps.db, transferId, ['inviting'], 'cancelled', { now, reason: 'declined' });
      if (!moved) throw TransferError.wrongPhase(gone);
      this.clearInvite(transferId);
      this.deps.log.info({ transferId, agentId: me, accept }, 'transfer answered');
      return this.tell(moved);
    },

    'transfer:complete': async (socket, { transferId }) => {
      const me = agentOf(socket);
      const row = await this.row(transferId);
      if (row.from_agent_id !== me) throw TransferError.notYours();
      if (row.mode !== 'consulted' || row.phase !== 'consulting')
        throw TransferError.wrongPhase('Only a consulted transfer in its hand-over call can be completed.');
      return this.completeConsulted(row);
    },

    'transfer:cancel': async (socket, { transferId }) => {
      const me = agentOf(socket);
      const row = await this.row(transferId);
      if (row.from_agent_id !== me) throw TransferError.notYours();
      if (row.phase === 'queued') {
        const done = await cancelQueued(this.deps, row);
        return this.tell(done);
      }
      const moved = await movePhase(this.deps.db, transferId, ['inviting', 'consulting'], 'cancelled', {
        now: this.deps.clock(),
        reason: 'withdrawn',
      });
      if (!moved) throw TransferError.wrongPhase('This transfer has already completed or been cancelled.');
      this.clearInvite(transferId);
      this.deps.log.info({ transferId }, 'transfer cancelled by its agent');
      return this.tell(moved);
    },

    'consult:signal': async (socket, { transferId, data }) => {
      const me = agentOf(socket);
      const row = await this.row(transferId);
      const other =
        me === row.from_agent_id ? row.to_agent_id : me === row.to_agent_id ? row.from_agent_id : null;
      if (!other || row.mode !== 'consulted') throw TransferError.notInConsult();
      if (row.phase !== 'consulting') throw TransferError.wrongPhase('The hand-over call is over.');
      this.deps.io.to(memberRoom('agent', other)).emit('consult:signal', { transferId, data });
      return {};
    },
  };

  /** HTTP route handlers of this area. */
  routes(): Pick<RouteHandlers<HttpRoutes>, 'transferOptions'> {
    return {
      transferOptions: async (_req, ctx) => ({
        options: await transferOptions(this.deps.db, this.deps.presence, accountOf(ctx).agent.id),
      }),
    };
  }

  /** Cancels hand-overs a restart interrupted, and listens to sessions opening and ending. */
  async start(): Promise<void> {
    for (const row of await cancelInterrupted(this.deps.db, this.deps.clock()))
      this.deps.log.info(
        { transferId: row.id, sessionId: row.session_id, reason: 'restart' },
        'transfer cancelled: the server restarted during the hand-over',
      );
    this.deps.bus.on('session-opened', this.onOpened);
    this.deps.bus.on('session-ended', this.onEnded);
    this.deps.io.on('connection', this.onConnection);
  }

  /** Stops timers and listeners. */
  stop(): void {
    for (const handle of this.inviteTimers.values()) this.deps.scheduler.cancel(handle);
    this.inviteTimers.clear();
    this.deps.bus.off('session-opened', this.onOpened);
    this.deps.bus.off('session-ended', this.onEnded);
    this.deps.io.off('connection', this.onConnection);
  }

  private async resend(socket: RvwSocket, agentId: string): Promise<void> {
    for (const t of await openTransfersOfAgent(this.deps.db, agentId))
      socket.emit('transfer:state', stateOf(this.deps, t));
  }

  private async row(transferId: string): Promise<TransferRow> {
    const row = await transferRow(this.deps.db, transferId);
    if (!row) throw RequestError.notFound('The transfer');
    return row;
  }

  /**
   * The wire form of a row, told to its agents; returned for the ack. A consulted transfer's change
   * makes its invited agent busy or free again for routing (agentsInConsult): the queues, offers and
   * estimates follow.
   */
  private async tell(row: TransferRow): Promise<TransferState> {
    const t = stateOf(this.deps, await transferOf(this.deps.db, row));
    tellAgents(this.deps, t);
    if (row.mode === 'consulted') await this.deps.notifier.queueChanged();
    return t;
  }

  /**
   * Blind: the ticket waits again, at the front, for the target; the session stays open and the
   * kiosk says "正在为您转接"; the first agent leaves it (their console ends the call) for wrap-up.
   */
  private async startBlind(input: StartInput): Promise<TransferState> {
    const { rec, me, target, note } = input;
    const { db, clock } = this.deps;
    const now = clock();
    const sessionId = rec.session.id;
    const row = await db.transaction().execute(async (trx) => {
      const row = await insertTransfer(trx, {
        sessionId,
        ticketId: rec.session.ticketId,
        mode: 'blind',
        target,
        fromAgentId: me,
        phase: 'queued',
        note,
        now,
      });
      const waiting = await trx
        .updateTable('tickets')
        .set({
          status: 'waiting',
          agent_id: null,
          transferred_at: now.toISOString(),
          route_skill: target.kind === 'skill' ? target.skill : null,
          target_agent_id: target.kind === 'agent' ? target.agentId : null,
        })
        .where('id', '=', rec.session.ticketId)
        .where('status', '=', 'serving')
        .returning('id')
        .executeTakeFirst();
      if (!waiting) throw SessionError.ended();
      return row;
    });
    this.deps.sessions.release(sessionId);
    await this.deps.absences.returned({ sessionId, kind: 'agent' });
    tellKiosk(this.deps, rec.kioskId, sessionId, 'transferring');
    const t = await this.tell(row);
    this.deps.log.info({ transferId: row.id, sessionId, target: target.kind }, 'blind transfer queued');
    this.deps.bus.emit('agent-left-session', { sessionId, agentId: me });
    await this.deps.notifier.pushTicket(rec.session.ticketId, rec.kioskId);
    await this.deps.notifier.queueChanged();
    return t;
  }

  /** Consulted: the target is invited; the resident stays with the first agent meanwhile. */
  private async startConsulted(input: StartInput): Promise<TransferState> {
    const { rec, me, target, note } = input;
    const row = await insertTransfer(this.deps.db, {
      sessionId: rec.session.id,
      ticketId: rec.session.ticketId,
      mode: 'consulted',
      target,
      fromAgentId: me,
      phase: 'inviting',
      note,
      now: this.deps.clock(),
    });
    this.inviteTimers.set(
      row.id,
      this.deps.scheduler.schedule(() => void this.inviteExpired(row.id), INVITE_TIMEOUT_MS),
    );
    this.deps.log.info({ transferId: row.id, sessionId: rec.session.id }, 'consulted transfer: invited');
    return this.tell(row);
  }

  /** The first agent hands the resident to the second, who becomes the session's agent. */
  private async completeConsulted(row: TransferRow): Promise<TransferState> {
    const { db, clock, io, sessions } = this.deps;
    const now = clock();
    const toId = row.to_agent_id!;
    const current = await getSession(db, row.session_id);
    if (!current || current.session.endedAt) throw SessionError.ended();
    // The second agent took another resident meanwhile: they cannot take this one too.
    if (await servesAnother(db, toId, row.session_id)) throw QueueError.agentUnavailable();
    const done = await db.transaction().execute(async (trx) => {
      const done = await trx
        .updateTable('transfers')
        .set({ phase: 'completed', updated_at: now.toISOString() })
        .where('id', '=', row.id)
        .where('phase', '=', 'consulting')
        .returningAll()
        .executeTakeFirst();
      if (!done) throw TransferError.wrongPhase('This transfer has already completed or been cancelled.');
      await reassignSession(trx, {
        sessionId: row.session_id,
        ticketId: row.ticket_id,
        toAgentId: toId,
        now,
      });
      return done;
    });
    sessions.release(row.session_id);
    const rec = await getSession(db, row.session_id);
    if (!rec) throw RequestError.internal();
    tellKiosk(this.deps, rec.kioskId, rec.session.id, 'transferring');
    io.to(memberRoom('kiosk', rec.kioskId)).emit('session:opened', await sessions.opened(rec, 'kiosk'));
    io.to(memberRoom('agent', toId)).emit('session:opened', await sessions.opened(rec, 'agent'));
    this.deps.log.info({ transferId: row.id, sessionId: rec.session.id }, 'consulted transfer completed');
    this.deps.bus.emit('agent-left-session', { sessionId: rec.session.id, agentId: row.from_agent_id });
    this.deps.bus.emit('session-opened', {
      sessionId: rec.session.id,
      agentId: toId,
      ticketId: row.ticket_id,
    });
    return stateOf(this.deps, await transferOf(db, done));
  }

  /**
   * A session opened for an agent: when it is the arrival of a transfer (its latest transfer completed
   * to this agent), the kiosk hears connected, both agents the completed transfer, and the new agent
   * gets the session's cases and entitlements.
   */
  private async arrived(sessionId: string, agentId: string): Promise<void> {
    const row = await latestTransferOf(this.deps.db, sessionId);
    if (!row || row.phase !== 'completed' || row.to_agent_id !== agentId) return;
    const rec = await getSession(this.deps.db, sessionId);
    if (!rec || rec.session.endedAt || rec.agentId !== agentId) return;
    await briefNewAgent(this.deps, sessionId, rec.session.ticketId, agentId);
    tellKiosk(this.deps, rec.kioskId, sessionId, 'connected');
    await this.tell(row);
  }

  /** The session ended: an open transfer of it is cancelled, and its agents told. */
  private async sessionEnded(sessionId: string): Promise<void> {
    for (const row of await cancelOpenOf(this.deps.db, sessionId, 'session-ended', this.deps.clock())) {
      this.clearInvite(row.id);
      await this.tell(row);
    }
  }

  private async inviteExpired(transferId: string): Promise<void> {
    this.inviteTimers.delete(transferId);
    try {
      const moved = await movePhase(this.deps.db, transferId, ['inviting'], 'cancelled', {
        now: this.deps.clock(),
        reason: 'timeout',
      });
      if (moved) await this.tell(moved);
    } catch (err) {
      this.deps.log.error({ err, transferId }, 'transfer: the invitation timeout failed');
    }
  }

  private clearInvite(transferId: string): void {
    const handle = this.inviteTimers.get(transferId);
    if (handle !== undefined) this.deps.scheduler.cancel(handle);
    this.inviteTimers.delete(transferId);
  }
}

/** What both kinds of start need. */
interface StartInput {
  rec: SessionRecord;
  me: string;
  target: TransferTarget;
  note: string | null;
}
