/**
 * Test support for the transfer tests (imported by tests only): a resident in a call with a first
 * agent, a second and a third agent online, and the kiosk's events in the order they came.
 */
import type { Skill } from '@rvw/shared';
import {
  connectAgent,
  connectKiosk,
  createTestAgent,
  createTestKiosk,
  okData,
  type TestClient,
} from '../testing';
import type { ServerUnderTest } from '../testing/hooks';

/** An agent account with its connected console. */
export interface OnlineAgent {
  id: string;
  name: string;
  token: string;
  client: TestClient;
}

/** A live visit: the kiosk in a session with `first`; `second` and `third` online. */
export interface LiveVisit {
  kiosk: TestClient;
  kioskId: string;
  ticketId: string;
  sessionId: string;
  first: OnlineAgent;
  second: OnlineAgent;
  third: OnlineAgent;
}

/** Signs an agent in and connects their console; `available` sets their status (default true). */
export async function onlineAgent(
  t: ServerUnderTest,
  name: string,
  opts: { skills?: Skill[]; available?: boolean; centreId?: string } = {},
): Promise<OnlineAgent> {
  const a = await createTestAgent(t.server, {
    displayName: name,
    skills: opts.skills ?? [],
    ...(opts.centreId ? { centreId: opts.centreId } : {}),
  });
  const client = await connectAgent(t.url, a.token);
  t.track(client);
  if (opts.available ?? true) okData(await client.request('agent:status', { status: 'available' }));
  return { id: a.agent.id, name, token: a.token, client };
}

/**
 * A resident at a kiosk who asked for elderly care, served by 李敏 (elderly care); 王芳 (medical
 * insurance) and 赵强 (residence) are online and available.
 */
export async function liveVisit(t: ServerUnderTest): Promise<LiveVisit> {
  const first = await onlineAgent(t, '李敏', { skills: ['elderly-care'] });
  const second = await onlineAgent(t, '王芳', { skills: ['medical-insurance'] });
  const third = await onlineAgent(t, '赵强', { skills: ['residence'] });
  const k = await createTestKiosk(t.server, { name: '天平居委会' });
  const kiosk = await connectKiosk(t.url, k.token);
  t.track(kiosk);
  const { ticket } = okData(await kiosk.request('ticket:request', { need: 'elderly-care' }));
  const opened = okData(await first.client.request('ticket:accept', { ticketId: ticket.id }));
  await kiosk.waitFor('session:opened');
  return {
    kiosk,
    kioskId: k.kiosk.id,
    ticketId: ticket.id,
    sessionId: opened.session.id,
    first,
    second,
    third,
  };
}

/** What the kiosk heard about its session, in order: openings (with their agent) and transfer notices. */
export function kioskStory(kiosk: TestClient, sessionId: string): string[] {
  const story: string[] = [];
  for (const r of kiosk.received) {
    const p = r.payload as {
      sessionId?: string;
      phase?: string;
      session?: { id: string; agent: { displayName: string } };
      initiator?: boolean;
    };
    if (r.event === 'session:opened' && p.session?.id === sessionId)
      story.push(`opened:${p.session.agent.displayName}${p.initiator ? ':initiator' : ''}`);
    if (r.event === 'session:transfer' && p.sessionId === sessionId) story.push(`transfer:${p.phase}`);
  }
  return story;
}

/** A signal that stands for any simple-peer message. */
export const OFFER = { type: 'offer' as const, sdp: 'v=0 consult' };
