/**
 * The queue bench's rig: a real server on a real SQLite file with a replayed clock and timers, the
 * day's centres, agents (signed in, sockets connected) and kiosks (connected), and a resident asking
 * for a ticket at a kiosk as the kiosk does it.
 */
import { performance } from 'node:perf_hooks';
import { idCheckDigit, type ResidentIdentity, type TicketPosition } from '@rvw/shared';
import {
  connectAgent,
  connectKiosk,
  createTestAgent,
  createTestCentre,
  createTestKiosk,
  shareIdentityOverHttp,
  type TestClient,
  type TestServer,
} from '@rvw/signaling-server/testing';
import { checkIn } from './queue-appointments';
import type { AgentPlan, ArrivalPlan, DayPlan } from './queue-day';

export type AgentState = 'off' | 'idle' | 'busy' | 'wrap' | 'away';

export interface AgentRun {
  plan: AgentPlan;
  agentId: string;
  client: TestClient;
  state: AgentState;
  idleSinceS: number;
  sessionId?: string;
  kiosk?: KioskRun;
  /** A break that began while busy: taken once the session and wrap-up are over. */
  breakUntilS?: number;
  /** Its queue had nothing it could take, and nothing has happened since that could change that. */
  blocked: boolean;
}

export interface KioskRun {
  id: string;
  token: string;
  centreId: string;
  client: TestClient;
  busy: boolean;
  ticketId?: string;
}

export type Modes = Record<string, 'pull' | 'offer'>;

/** Centres, agents and kiosks as the day plans them. */
export async function setUpDay(
  rig: TestServer,
  day: DayPlan,
  modes: Modes,
): Promise<{ agents: AgentRun[]; kiosks: KioskRun[] }> {
  for (const c of day.centres)
    await createTestCentre(rig.server, {
      id: c.id,
      name: c.name,
      region: c.region,
      partners: c.partners,
      routing: { mode: modes[c.id] ?? 'pull' },
    });
  const agents: AgentRun[] = [];
  for (const plan of day.agents) {
    const { agent, token } = await createTestAgent(rig.server, {
      username: `bench-${plan.key}`,
      displayName: `坐席 ${plan.key}`,
      skills: plan.skills,
      centreId: plan.centreId,
    });
    const client = await connectAgent(rig.url, token);
    agents.push({ plan, agentId: agent.id, client, state: 'off', idleSinceS: 0, blocked: false });
  }
  const kiosks: KioskRun[] = [];
  for (const c of day.centres)
    for (let i = 0; i < c.kiosks; i++) {
      const { kiosk, token } = await createTestKiosk(rig.server, {
        name: `${c.id}-${i + 1}`,
        location: `居委会 ${i + 1}`,
        centreId: c.id,
      });
      const client = await connectKiosk(rig.url, token);
      kiosks.push({ id: kiosk.id, token, centreId: c.id, client, busy: false });
    }
  return { agents, kiosks };
}

/**
 * One resident asks for a ticket at `kiosk`: checked in first when they come for an appointment,
 * then the timed `ticket:request` (its answer carries the estimate), then the card for the 80+.
 */
export async function requestTicket(
  rig: TestServer,
  kiosk: KioskRun,
  a: ArrivalPlan,
  now: Date,
  times: number[],
): Promise<TicketPosition | { code: string }> {
  const appointmentId = a.appointment ? await checkIn(rig, kiosk.token, a) : undefined;
  const t0 = performance.now();
  const ack = await kiosk.client.request('ticket:request', {
    identity: a.age >= 80 ? 'pending' : 'none',
    ...(appointmentId ? { appointmentId } : { need: a.need }),
    ...(a.disability ? { disability: true } : {}),
  });
  times.push(performance.now() - t0);
  if (!ack.ok) return { code: ack.error.code };
  kiosk.busy = true;
  kiosk.ticketId = ack.data.ticket.id;
  if (a.age >= 80) await shareIdentityOverHttp(rig.url, kiosk.token, ack.data.ticket.id, card(a.age, now));
  return ack.data;
}

/** A resident card of someone `age` years old at `now` (a valid number; nobody real). */
function card(age: number, now: Date): ResidentIdentity {
  const birth = `${now.getUTCFullYear() - age}-03-15`;
  const first17 = `310104${birth.replaceAll('-', '')}123`;
  return {
    cardType: 'resident',
    name: '王秀英',
    gender: 'female',
    birthDate: birth,
    idNumber: first17 + idCheckDigit(first17)!,
    idNumberValid: true,
  };
}
