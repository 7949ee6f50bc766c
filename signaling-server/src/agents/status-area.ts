/**
 * Agents' statuses (issue 11 #2): one click for available or away, in a session from the accept,
 * wrap-up after a session until the agent is ready or the centre's limit passes, away when the last
 * console leaves. Every change is recorded with its reason and pushed to the agent's own consoles.
 *
 * Sign-in: the status stays what it was, and an agent who was offline is away (the last console
 * leaving set it, SIGN_OUT_GRACE_S after it left, so that a reload keeps the status), so a new
 * sign-in starts away until the agent clicks ready — what call-centre systems do, so that no ticket
 * is offered to someone still hanging up their coat. A console that drops while its agent is in a
 * session keeps the status: the session's grace rules decide.
 */
import {
  AppError,
  AuthError,
  ErrorCode,
  RequestError,
  type AgentPresence,
  type AgentStatus,
} from '@rvw/shared';
import type { HttpRoutes, StatusReason } from '@rvw/shared';
import { toAgent } from '../accounts/account-store';
import { accountOf, type RouteHandlers } from '../http/route-registrar';
import { shanghaiDay } from '../queue/queue-rules';
import type { RoutingDeps } from '../routing/routing-deps';
import type { EventHandlers } from '../socket/dispatch';
import { memberRoom, type RvwSocket } from '../socket/types';
import { presenceOf } from './presences';
import {
  agentRouting,
  agentsInStatus,
  busySessionOf,
  changeStatus,
  listStatusChanges,
  setSkills,
} from './status-store';
import { getCentre } from '../centres/centre-store';

/** After a restart, wrap-ups that ran out meanwhile wait this long for their consoles to reconnect. */
const RESTART_GRACE_MS = 5_000;
/**
 * How long an agent whose last console left stays as they were before they count as signed out: a
 * reload or a brief network loss must not set a ready agent away. (Only online agents are offered
 * tickets or counted for estimates meanwhile.)
 */
export const SIGN_OUT_GRACE_S = 10;

/** A status change asked for while the agent serves a session. */
function inSessionRefusal(): AppError {
  return new AppError(
    ErrorCode.WrongState,
    'You are serving a session: your status follows it, and you choose again once it has ended.',
  );
}

export class AgentStatusArea {
  private readonly wrapUps = new Map<string, unknown>();
  /** Agents whose last console left, and when (ms): signed out once SIGN_OUT_GRACE_S has passed. */
  private readonly gone = new Map<string, { at: number; timer: unknown }>();
  private readonly unsubscribe: Array<() => void> = [];
  private stopped = false;

  constructor(private readonly deps: RoutingDeps) {}

  /** Socket handlers of this area. */
  readonly handlers: Pick<EventHandlers, 'agent:status'> = {
    'agent:status': async (socket, { status }) => {
      if (socket.data.kind !== 'agent') throw AuthError.forbidden();
      const agentId = socket.data.agentId;
      if (await busySessionOf(this.deps.db, agentId)) throw inSessionRefusal();
      await this.change(agentId, status, 'chosen');
      return this.presence(agentId);
    },
  };

  /** HTTP route handlers of this area (a supervisor's own centre only). */
  routes(): Pick<RouteHandlers<HttpRoutes>, 'setAgentSkills' | 'listStatusChanges'> {
    return {
      setAgentSkills: async ({ params, body }, ctx) => {
        const me = accountOf(ctx).agent;
        const target = await agentRouting(this.deps.db, params.agentId);
        if (!target) throw RequestError.notFound('The agent');
        if (target.centreId !== me.centreId)
          throw AuthError.forbidden("You may change only your own centre's agents.");
        await setSkills(this.deps.db, target.agentId, body.skills);
        ctx.log.info({ by: me.id, agentId: target.agentId, skills: body.skills }, 'agent skills set');
        const row = await this.deps.db
          .selectFrom('agents')
          .select(['id', 'username', 'display_name', 'role', 'centre_id', 'skills'])
          .where('id', '=', target.agentId)
          .executeTakeFirstOrThrow();
        await this.push(target.agentId);
        await this.deps.notifier.queueChanged();
        return { agent: toAgent(row) };
      },
      listStatusChanges: async ({ query }, ctx) => ({
        changes: await listStatusChanges(this.deps.db, {
          day: query.day ?? shanghaiDay(this.deps.clock()),
          centreId: accountOf(ctx).agent.centreId,
          ...(query.agentId ? { agentId: query.agentId } : {}),
        }),
      }),
    };
  }

  /** The agent's presence now (what `agent:status` carries). */
  async presence(agentId: string): Promise<AgentPresence> {
    const a = await agentRouting(this.deps.db, agentId);
    if (!a) throw RequestError.notFound('The agent');
    return presenceOf(this.deps.db, this.deps.presence, a, this.deps.clock());
  }

  /**
   * Sets the status (recorded with `reason`) when it is one of `from` (any when omitted), then
   * pushes it, tells the bus and the queues. Returns whether it changed.
   */
  async change(
    agentId: string,
    to: AgentStatus,
    reason: StatusReason,
    opts: { from?: readonly AgentStatus[]; force?: boolean } = {},
  ): Promise<boolean> {
    const now = this.deps.clock();
    const changed = await changeStatus(this.deps.db, { agentId, to, reason, now, ...opts });
    if (!changed) return false;
    this.deps.log.info({ agentId, status: to, reason }, 'agent status changed');
    if (to === 'wrap-up') await this.armWrapUp(agentId, now.toISOString(), 0);
    else this.disarm(agentId);
    await this.push(agentId);
    this.deps.bus.emit('status-changed', { agentId });
    await this.deps.notifier.queueChanged();
    return true;
  }

  /** Sends the agent's own consoles their presence. */
  private async push(agentId: string): Promise<void> {
    this.deps.io.to(memberRoom('agent', agentId)).emit('agent:status', await this.presence(agentId));
  }

  /** A console connected: set the status its session implies, record a sign-in, greet it with its status. */
  async connected(socket: RvwSocket): Promise<void> {
    if (socket.data.kind !== 'agent') return;
    const agentId = socket.data.agentId;
    // Back within the grace (a reload): not a new sign-in.
    const back = this.gone.has(agentId);
    this.forgetGone(agentId);
    const a = await agentRouting(this.deps.db, agentId);
    if (!a) return;
    const busy = await busySessionOf(this.deps.db, agentId);
    const first = (await this.deps.io.in(memberRoom('agent', agentId)).fetchSockets()).length <= 1;
    if (busy && a.status !== 'in-session') await this.change(agentId, 'in-session', 'session-started');
    // A session that ended while the server was down or the status missed it: wrap up now.
    else if (!busy && a.status === 'in-session') await this.change(agentId, 'wrap-up', 'session-ended');
    else if (first && !back && a.status === 'away')
      await this.change(agentId, 'away', 'signed-in', { from: ['away'], force: true });
    socket.emit('agent:status', await this.presence(agentId));
  }

  /**
   * A console left: with none left anywhere for SIGN_OUT_GRACE_S, the agent is away (unless a
   * session still holds them: its grace rules decide).
   */
  async left(agentId: string): Promise<void> {
    if (await this.deps.presence.isPresent('agent', agentId)) return;
    this.forgetGone(agentId);
    if (this.stopped) return;
    const timer = this.deps.scheduler.schedule(
      () => {
        void this.recheck().catch((err: unknown) => this.deps.log.error({ err }, 'sign-out check failed'));
      },
      SIGN_OUT_GRACE_S * 1000 + 20,
    );
    this.gone.set(agentId, { at: this.deps.clock().getTime(), timer });
  }

  /** Whether the agent's last console left and the sign-out grace is running. */
  signingOut(agentId: string): boolean {
    return this.gone.has(agentId);
  }

  private forgetGone(agentId: string): void {
    const g = this.gone.get(agentId);
    if (g) this.deps.scheduler.cancel(g.timer);
    this.gone.delete(agentId);
  }

  /** Signs out the agents gone for SIGN_OUT_GRACE_S who have not come back. */
  private async signOuts(now: number): Promise<void> {
    for (const [agentId, g] of [...this.gone]) {
      if (g.at + SIGN_OUT_GRACE_S * 1000 > now) continue;
      this.forgetGone(agentId);
      if (await this.deps.presence.isPresent('agent', agentId)) continue;
      if (await busySessionOf(this.deps.db, agentId)) continue;
      await this.change(agentId, 'away', 'signed-out');
    }
  }

  /** The agent's session ended or was handed over: wrap-up (away when no console is left). */
  private async afterSession(agentId: string): Promise<void> {
    if (await busySessionOf(this.deps.db, agentId)) return;
    const online = await this.deps.presence.isPresent('agent', agentId);
    await this.change(agentId, online ? 'wrap-up' : 'away', online ? 'session-ended' : 'signed-out', {
      from: ['in-session'],
    });
  }

  /**
   * Signs out agents gone past the grace, and ends the wrap-ups whose centre's limit has passed
   * (available; away when no console is left).
   */
  async recheck(): Promise<void> {
    const now = this.deps.clock().getTime();
    await this.signOuts(now);
    for (const a of await agentsInStatus(this.deps.db, 'wrap-up')) {
      const centre = await getCentre(this.deps.db, a.centreId);
      if (!centre) continue;
      if (Date.parse(a.since) + centre.routing.wrapUpLimitS * 1000 > now) {
        // Not yet (the centre's limit may have grown since its timer was set): wake at the new end.
        if (!this.wrapUps.has(a.agentId)) await this.armWrapUp(a.agentId, a.since, 0);
        continue;
      }
      const online = await this.deps.presence.isPresent('agent', a.agentId);
      await this.change(a.agentId, online ? 'available' : 'away', online ? 'wrap-up-limit' : 'signed-out', {
        from: ['wrap-up'],
      });
    }
  }

  /** A real timer at the end of the agent's wrap-up; it only wakes `recheck`, which reads the database. */
  private async armWrapUp(agentId: string, since: string, minMs: number): Promise<void> {
    this.disarm(agentId);
    if (this.stopped) return;
    const a = await agentRouting(this.deps.db, agentId);
    const centre = a && (await getCentre(this.deps.db, a.centreId));
    if (!centre) return;
    const due = Date.parse(since) + centre.routing.wrapUpLimitS * 1000 - this.deps.clock().getTime();
    const handle = this.deps.scheduler.schedule(
      () => {
        this.wrapUps.delete(agentId);
        void this.recheck().catch((err: unknown) => this.deps.log.error({ err }, 'wrap-up check failed'));
      },
      Math.max(minMs, due + 20),
    );
    this.wrapUps.set(agentId, handle);
  }

  private disarm(agentId: string): void {
    const handle = this.wrapUps.get(agentId);
    if (handle !== undefined) this.deps.scheduler.cancel(handle);
    this.wrapUps.delete(agentId);
  }

  /** Re-arms every wrap-up's timer from the table (a centre's limit changed). */
  async rearm(minMs = 0): Promise<void> {
    for (const a of await agentsInStatus(this.deps.db, 'wrap-up'))
      await this.armWrapUp(a.agentId, a.since, minMs);
  }

  /** Listens to sessions opening and ending; re-arms the wrap-up limits recorded before a restart. */
  async start(): Promise<void> {
    const { bus, log } = this.deps;
    const guard = (what: string, p: Promise<unknown>) =>
      void p.catch((err: unknown) => log.error({ err }, `${what} failed`));
    const opened = ({ agentId }: { agentId: string }) =>
      guard('status on session start', this.change(agentId, 'in-session', 'session-started'));
    const ended = ({ agentId }: { agentId: string }) =>
      guard('status after session', this.afterSession(agentId));
    bus.on('session-opened', opened);
    bus.on('session-ended', ended);
    bus.on('agent-left-session', ended);
    this.unsubscribe.push(
      () => bus.off('session-opened', opened),
      () => bus.off('session-ended', ended),
      () => bus.off('agent-left-session', ended),
    );
    await this.rearm(RESTART_GRACE_MS);
  }

  /** Stops timers and listeners. */
  stop(): void {
    this.stopped = true;
    for (const off of this.unsubscribe.splice(0)) off();
    for (const id of [...this.wrapUps.keys()]) this.disarm(id);
    for (const id of [...this.gone.keys()]) this.forgetGone(id);
  }
}
