/** For tests (imported by tests only): the kiosk:state a stand-in signaling server greets kiosk k1 with. */
import type { KioskState, TicketPosition, TicketStatus } from '@rvw/shared';

const kiosk = {
  id: 'k1',
  name: '1 号机',
  location: '愚园路居委会',
  centreId: 'main',
  kind: 'fixed' as const,
};

/** The kiosk's greeting with session `sessionId` open (agent 王芳, ticket A007), or none. */
export function greetingWith(sessionId: string | null): KioskState {
  return {
    kiosk,
    ticket: null,
    session: sessionId
      ? {
          session: {
            id: sessionId,
            ticketId: 't1',
            ticketNumber: 'A007',
            kiosk,
            agent: { id: 'a1', displayName: '王芳' },
            startedAt: '2026-01-01T00:01:00.000Z',
            endedAt: null,
            endedBy: null,
          },
          iceServers: [],
          initiator: false,
        }
      : null,
  };
}

/** Kiosk k1's ticket A007 in `status` (a ticket:update), first in line while it waits. */
export const ticketPosition = (status: TicketStatus): TicketPosition => ({
  ticket: {
    id: 't1',
    number: 'A007',
    kioskId: 'k1',
    status,
    createdAt: '2026-01-01T00:00:00.000Z',
    hasIdentity: false,
    need: 'unsure',
    centreId: 'main',
  },
  position: status === 'waiting' ? 1 : 0,
  waiting: 1,
  estimate: { kind: 'next' },
});
