/** For tests (imported by tests only): queue lines, offers and presences as the server sends them. */
import type { AgentPresence, Offer, QueueEntry, ResidentPlace, SessionOpened } from '@rvw/shared';

/** A resident's place: the Tianlin centre's 华悦居委会 at its kiosk 1, unless patched. */
export function place(patch: Partial<ResidentPlace> = {}): ResidentPlace {
  return {
    centreId: 'xuhui-tianlin',
    centreName: '田林街道社区事务受理服务中心',
    region: '上海市徐汇区',
    committee: '华悦居委会',
    kioskName: '田林 一体机 1',
    kioskKind: 'fixed',
    ...patch,
  };
}

/** A waiting ticket `number` (A003 has position 3), with `patch` over the defaults. */
export function queueEntry(number: string, patch: Partial<QueueEntry> = {}): QueueEntry {
  const p = patch.place ?? place();
  return {
    ticketId: `t-${number}`,
    position: Number(number.slice(1)),
    number,
    kiosk: {
      id: `k-${number}`,
      name: p.kioskName,
      location: p.committee,
      centreId: p.centreId,
      kind: p.kioskKind,
    },
    createdAt: '2026-11-22T01:00:00.000Z',
    identityIntent: 'none',
    kioskOnline: true,
    need: 'elderly-care',
    tags: [],
    place: p,
    ...patch,
  };
}

/** An offer of `entry` made at `offeredAt` (server clock) for `seconds`. */
export function offerOf(
  entry: QueueEntry,
  offeredAt: string,
  seconds = 15,
  offerId = `o-${entry.number}`,
): Offer {
  return {
    offerId,
    entry,
    offeredAt,
    expiresAt: new Date(Date.parse(offeredAt) + seconds * 1000).toISOString(),
  };
}

/** The agent's own presence, with `patch` over "available since 09:00". */
export function presence(patch: Partial<AgentPresence> = {}): AgentPresence {
  return {
    agentId: 'a1',
    displayName: '王芳',
    centreId: 'xuhui-tianlin',
    skills: ['elderly-care'],
    status: 'available',
    since: '2026-11-22T01:00:00.000Z',
    online: true,
    ...patch,
  };
}

/** The session opened for `entry` (the agent's copy). */
export function openedFor(entry: QueueEntry, sessionId = `s-${entry.number}`): SessionOpened {
  return {
    session: {
      id: sessionId,
      ticketId: entry.ticketId,
      ticketNumber: entry.number,
      kiosk: entry.kiosk,
      agent: { id: 'a1', displayName: '王芳' },
      startedAt: '2026-11-22T01:05:00.000Z',
      endedAt: null,
      endedBy: null,
    },
    iceServers: [],
    initiator: true,
  };
}
