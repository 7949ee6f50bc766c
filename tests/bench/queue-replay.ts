/**
 * Replays a planned day (queue-day.ts) through a real server on a real SQLite file (queue-rig.ts):
 * kiosks ask for tickets over their sockets, agents set their status (`agent:status`), take the next
 * ticket (`ticket:accept-next` in a pull centre, `offer:accept` in an offer centre) and end the
 * session (`session:end`). The server's clock and timers are the replay's: time jumps from event to
 * event, so a day takes a few minutes. The order, routing, overflow, offers and estimates are the
 * server's own: the replay records what the server answered, and how long each answer took.
 */
import { performance } from 'node:perf_hooks';
import { setTimeout as delay } from 'node:timers/promises';
import { DEFAULT_ROUTING, type Ack, type AgentPresence, type Offer, type WaitEstimate } from '@rvw/shared';
import { ManualScheduler, startTestServer, type TestServer } from '@rvw/signaling-server/testing';
import { bookAppointments } from './queue-appointments';
import { CLOSE_S, type ArrivalPlan, type DayPlan } from './queue-day';
import { requestTicket, setUpDay, type AgentRun, type KioskRun, type Modes } from './queue-rig';
import { orderQueues, timeStoreOps, type StoreOpTimes } from './queue-snapshot';

/** How long an agent stays in wrap-up after a session, and takes to answer an offer (seconds). */
export const WRAP_UP_S = 20;
export const OFFER_ANSWER_S = 4;
/** While tickets wait, idle agents of offer centres look for offers this often (seconds). */
const LOOK_S = 5;
/** Real milliseconds the replay lets the server push (offers, statuses) after each event. */
const SETTLE_MS = 15;
/** Waits after which who may serve a ticket changes by waiting alone (DEFAULT_ROUTING): agents look again. */
const THRESHOLDS_S = [
  ...new Set([
    DEFAULT_ROUTING.anySkillAfterS,
    2 * DEFAULT_ROUTING.anySkillAfterS,
    DEFAULT_ROUTING.overflowAfterS,
    DEFAULT_ROUTING.overflowAfterS + DEFAULT_ROUTING.anySkillAfterS,
  ]),
];

/** What happened to one resident. */
export interface TicketOutcome {
  arrival: ArrivalPlan;
  ticketId: string;
  /** The estimate the kiosk got with its ticket. */
  estimate: WaitEstimate;
  /** Seconds after opening. */
  issuedS: number;
  acceptedS?: number;
  /** Served by an agent of another centre. */
  overflow?: boolean;
}

/** Wall-clock milliseconds of each kind of queue operation. */
export interface OpTimes {
  issue: number[];
  acceptNext: number[];
  /** accept-next answered "nothing for you" (the agent's queue read, nothing taken). */
  acceptNextEmpty: number[];
  offerAccept: number[];
  end: number[];
  /** The routing picture read and every agent's queue ordered, in-process. */
  snapshot: number[];
}

export interface ReplayResult {
  outcomes: TicketOutcome[];
  ops: OpTimes;
  /** Residents who found every kiosk of their centre busy (not queued). */
  balked: number;
  /** Offers the server withdrew or moved on before the agent answered; agents it set away for a miss. */
  offersLost: number;
  setAway: number;
  /** Refusals the replay did not expect, by code. */
  errors: Map<string, number>;
  /** Simulated seconds after opening when the last resident was served. */
  lastServedS: number;
  modes: Modes;
  /** After the day: rounds of issue, order, accept and end through the stores, in-process. */
  storeOps: StoreOpTimes;
}

type Event =
  | { atS: number; kind: 'arrive'; arrival: ArrivalPlan }
  | { atS: number; kind: 'end' | 'ready' | 'break-end'; agent: AgentRun }
  | { atS: number; kind: 'break-start'; agent: AgentRun; untilS: number }
  | { atS: number; kind: 'answer'; agent: AgentRun; offer: Offer }
  /** Waiting alone crosses a routing threshold (any skill, overflow, overdue): agents look again. */
  | { atS: number; kind: 'threshold'; ticketId: string }
  | { atS: number; kind: 'look' };

/**
 * Replays `day` from 08:30 on `date` (YYYY-MM-DD, Asia/Shanghai); `modes` sets each centre's routing
 * mode. Then `storeRounds` rounds of the queue's store operations in-process (queue-snapshot.ts).
 */
export async function replayDay(
  day: DayPlan,
  date: string,
  modes: Modes,
  storeRounds: number,
): Promise<ReplayResult> {
  const replay = new DayReplay(day, date, modes, storeRounds);
  await replay.run();
  return replay.result;
}

class DayReplay {
  readonly result: ReplayResult;
  private readonly openMs: number;
  /** Seconds after 08:30; set-up (accounts, slots) happens at 08:00. */
  private nowS = -1800;
  private readonly scheduler = new ManualScheduler();
  private rig!: TestServer;
  private agents: AgentRun[] = [];
  private kiosks: KioskRun[] = [];
  private readonly events: Event[] = [];
  private readonly byTicket = new Map<string, TicketOutcome>();
  private waiting = 0;

  constructor(
    private readonly day: DayPlan,
    private readonly date: string,
    modes: Modes,
    private readonly storeRounds: number,
  ) {
    this.openMs = Date.parse(`${date}T08:30:00+08:00`);
    this.result = {
      outcomes: [],
      ops: { issue: [], acceptNext: [], acceptNextEmpty: [], offerAccept: [], end: [], snapshot: [] },
      balked: 0,
      offersLost: 0,
      setAway: 0,
      errors: new Map(),
      lastServedS: 0,
      modes,
      storeOps: { issue: [], order: [], accept: [], end: [] },
    };
  }

  private get now(): Date {
    return new Date(this.openMs + this.nowS * 1000);
  }

  async run(): Promise<void> {
    this.rig = await startTestServer({ clock: () => this.now, scheduler: this.scheduler, logLevel: 'warn' });
    try {
      ({ agents: this.agents, kiosks: this.kiosks } = await setUpDay(this.rig, this.day, this.result.modes));
      await bookAppointments(this.rig, this.day, this.date);
      for (const a of this.day.arrivals) this.at({ atS: a.atS, kind: 'arrive', arrival: a });
      for (const agent of this.agents)
        for (const [from, to] of agent.plan.breaks)
          this.at({ atS: from, kind: 'break-start', agent, untilS: to });
      await this.advance(0);
      for (const agent of this.agents) await this.goIdle(agent);
      while (this.events.length > 0) {
        const e = this.events.shift()!;
        await this.advance(e.atS);
        await this.handle(e);
        await this.afterEvent();
        if (this.nowS > CLOSE_S + 4 * 3600)
          throw new Error(`not finished: ${this.waiting} still waiting at 21:00`);
      }
      for (const o of this.result.outcomes) if (o.acceptedS === undefined) this.refused('never-served');
      this.result.storeOps = await timeStoreOps(
        this.rig.server,
        new Date(this.now.getTime() + 60_000),
        this.kiosks.map((k) => k.id),
        this.agents.map((a) => ({ agentId: a.agentId, centreId: a.plan.centreId, skills: a.plan.skills })),
        this.storeRounds,
      );
      for (const c of [...this.agents, ...this.kiosks]) c.client.socket.disconnect();
    } finally {
      await this.rig.close();
    }
  }

  private at(e: Event): void {
    let i = this.events.length;
    while (i > 0 && this.events[i - 1]!.atS > e.atS) i--;
    this.events.splice(i, 0, e);
  }

  private async advance(toS: number): Promise<void> {
    if (toS > this.nowS) {
      this.scheduler.advance((toS - this.nowS) * 1000);
      this.nowS = toS;
    }
    await delay(0);
  }

  private refused(code: string): void {
    this.result.errors.set(code, (this.result.errors.get(code) ?? 0) + 1);
  }

  private async handle(e: Event): Promise<void> {
    switch (e.kind) {
      case 'arrive':
        return this.arrive(e.arrival);
      case 'end':
        return this.end(e.agent);
      case 'ready': {
        const until = e.agent.breakUntilS;
        e.agent.breakUntilS = undefined;
        this.unblock();
        return until !== undefined && until > this.nowS ? this.goAway(e.agent, until) : this.goIdle(e.agent);
      }
      case 'break-start':
        this.unblock();
        if (e.agent.state === 'idle') return this.goAway(e.agent, e.untilS);
        e.agent.breakUntilS = e.untilS;
        return;
      case 'break-end':
        this.unblock();
        if (e.agent.state === 'away') return this.goIdle(e.agent);
        return;
      case 'answer':
        return this.answer(e.agent, e.offer);
      case 'threshold':
        if (this.byTicket.get(e.ticketId)?.acceptedS === undefined) this.unblock();
        return;
      case 'look':
        return;
    }
  }

  private async arrive(arrival: ArrivalPlan): Promise<void> {
    const kiosk = this.kiosks.find((k) => k.centreId === arrival.centreId && !k.busy);
    if (!kiosk) {
      this.result.balked++;
      return;
    }
    const position = await requestTicket(this.rig, kiosk, arrival, this.now, this.result.ops.issue);
    if ('code' in position) return this.refused(`issue:${position.code}`);
    const o: TicketOutcome = {
      arrival,
      ticketId: position.ticket.id,
      estimate: position.estimate,
      issuedS: this.nowS,
    };
    this.result.outcomes.push(o);
    this.byTicket.set(o.ticketId, o);
    this.waiting++;
    this.unblock();
    for (const after of THRESHOLDS_S)
      this.at({ atS: this.nowS + after + 1, kind: 'threshold', ticketId: o.ticketId });
  }

  private async end(agent: AgentRun): Promise<void> {
    const ack = await this.timed(this.result.ops.end, () =>
      agent.client.request('session:end', { sessionId: agent.sessionId! }),
    );
    if (!ack.ok) this.refused(`end:${ack.error.code}`);
    if (agent.kiosk) Object.assign(agent.kiosk, { busy: false, ticketId: undefined });
    this.result.lastServedS = this.nowS;
    agent.state = 'wrap';
    this.at({ atS: this.nowS + WRAP_UP_S, kind: 'ready', agent });
  }

  private async answer(agent: AgentRun, offer: Offer): Promise<void> {
    if (agent.state !== 'idle') return;
    const ack = await this.timed(this.result.ops.offerAccept, () =>
      agent.client.request('offer:accept', { offerId: offer.offerId }),
    );
    if (ack.ok) return this.opened(agent, ack.data.session.ticketId, ack.data.session.id);
    this.result.ops.offerAccept.pop();
    if (ack.error.code === 'CONFLICT') this.result.offersLost++;
    else this.refused(`offer:${ack.error.code}`);
  }

  private opened(agent: AgentRun, ticketId: string, sessionId: string): void {
    const outcome = this.byTicket.get(ticketId);
    if (!outcome) return this.refused('unknown-ticket');
    outcome.acceptedS = this.nowS;
    outcome.overflow = agent.plan.centreId !== outcome.arrival.centreId;
    agent.state = 'busy';
    agent.sessionId = sessionId;
    agent.kiosk = this.kiosks.find((k) => k.ticketId === ticketId);
    this.waiting--;
    this.at({ atS: this.nowS + outcome.arrival.handlingS, kind: 'end', agent });
  }

  /** After each event: the server's pushes (offers, statuses it set), then the pull agents look. */
  private async afterEvent(): Promise<void> {
    const offerAgents = this.agents.some(
      (a) => a.state === 'idle' && this.result.modes[a.plan.centreId] === 'offer',
    );
    if (this.waiting > 0 && offerAgents) await delay(SETTLE_MS);
    for (const agent of this.agents) await this.readPushes(agent);
    for (const k of this.kiosks) k.client.received.length = 0;
    await this.pullNext();
    if (this.waiting > 0 && offerAgents && !this.events.some((e) => e.kind === 'look'))
      this.at({ atS: this.nowS + LOOK_S, kind: 'look' });
  }

  /** Offers are answered a few seconds later; an agent the server set away (a missed offer) comes back. */
  private async readPushes(agent: AgentRun): Promise<void> {
    const pushes = agent.client.received.splice(0);
    for (const r of pushes)
      if (r.event === 'offer:new')
        this.at({ atS: this.nowS + OFFER_ANSWER_S, kind: 'answer', agent, offer: r.payload as Offer });
    const statuses = pushes.filter((r) => r.event === 'agent:status').map((r) => r.payload as AgentPresence);
    const last = statuses.filter((p) => p.agentId === agent.agentId).at(-1);
    if (agent.state === 'idle' && last?.status === 'away') {
      this.result.setAway++;
      await this.goIdle(agent);
    }
  }

  /**
   * Idle agents of pull centres, longest idle first, take the next ticket they may serve; one who
   * finds nothing looks again after something that could change that (an arrival, a status change,
   * a routing threshold), as an agent does when the console's queue changes.
   */
  private async pullNext(): Promise<void> {
    const idle = this.agents
      .filter((a) => a.state === 'idle' && !a.blocked && this.result.modes[a.plan.centreId] === 'pull')
      .sort((a, b) => a.idleSinceS - b.idleSinceS);
    for (const agent of idle) {
      if (this.waiting <= 0) return;
      this.result.ops.snapshot.push((await orderQueues(this.rig.server, this.now)).ms);
      const ack = await this.timed(this.result.ops.acceptNext, () =>
        agent.client.request('ticket:accept-next', {}),
      );
      if (ack.ok) {
        this.opened(agent, ack.data.session.ticketId, ack.data.session.id);
        continue;
      }
      this.result.ops.acceptNextEmpty.push(this.result.ops.acceptNext.pop()!);
      agent.blocked = true;
      // WRONG_STATE: what it could take is offered in turn by an offer centre.
      if (ack.error.code !== 'QUEUE_EMPTY' && ack.error.code !== 'WRONG_STATE') this.refused(ack.error.code);
    }
  }

  private unblock(): void {
    for (const a of this.agents) a.blocked = false;
  }

  private async goIdle(agent: AgentRun): Promise<void> {
    const ack = await agent.client.request('agent:status', { status: 'available' });
    if (!ack.ok) this.refused(`status:${ack.error.code}`);
    agent.state = 'idle';
    agent.idleSinceS = this.nowS;
  }

  private async goAway(agent: AgentRun, untilS: number): Promise<void> {
    const ack = await agent.client.request('agent:status', { status: 'away' });
    if (!ack.ok) this.refused(`status:${ack.error.code}`);
    agent.state = 'away';
    this.at({ atS: untilS, kind: 'break-end', agent });
  }

  private async timed<T>(bucket: number[], run: () => Promise<Ack<T>>): Promise<Ack<T>> {
    const t0 = performance.now();
    const ack = await run();
    bucket.push(performance.now() - t0);
    return ack;
  }
}
