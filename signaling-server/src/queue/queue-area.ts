/**
 * The queue area's socket handlers and routes: a kiosk takes or withdraws a ticket, an agent
 * accepts one (which opens its session), and a supervisor lists a day's tickets.
 */
import {
  AuthError,
  ErrorCode,
  QueueError,
  RequestError,
  type HttpRoutes,
  type SessionOpened,
} from '@rvw/shared';
import type { Logger } from 'pino';
import type { Clock } from '../clock';
import type { Db } from '../db/database';
import type { RouteHandlers } from '../http/route-registrar';
import type { AbsenceWatch } from '../sessions/absence-watch';
import type { SessionsArea } from '../sessions/sessions-area';
import { getSession } from '../sessions/session-store';
import type { EventHandlers } from '../socket/dispatch';
import type { Presence } from '../socket/presence';
import { memberRoom, type RvwServer } from '../socket/types';
import type { QueueNotifier } from './queue-notifier';
import { shanghaiDay } from './queue-rules';
import {
  acceptTicket,
  cancelTicket,
  getTicket,
  issueTicket,
  ticketPosition,
  ticketsOfDay,
  waitingInOrder,
} from './ticket-store';

/** Refusals that mean another agent (or the resident) got there first: take-the-next tries the next one. */
const LOST_RACE: readonly string[] = [ErrorCode.TicketTaken, ErrorCode.TicketNotWaiting, ErrorCode.NotFound];

/** What the queue area needs. */
export interface QueueAreaDeps {
  io: RvwServer;
  db: Db;
  clock: Clock;
  log: Logger;
  notifier: QueueNotifier;
  sessions: SessionsArea;
  presence: Presence;
  absences: AbsenceWatch;
  /** Tells both members of a new session the resident's entitlements (the cases area); default none. */
  sessionOpened?: (ticketId: string) => Promise<void>;
}

/** Socket handlers of the queue area. */
export function queueHandlers(
  deps: QueueAreaDeps,
): Pick<EventHandlers, 'ticket:request' | 'ticket:cancel' | 'ticket:accept' | 'ticket:accept-next'> {
  const { db, clock, log, notifier } = deps;

  /** Accepts one ticket for an agent and opens its session with both members. */
  async function accept(agentId: string, ticketId: string, socketId: string): Promise<SessionOpened> {
    const row = await acceptTicket(db, agentId, ticketId, clock());
    const rec = await getSession(db, row.id);
    if (!rec) throw RequestError.internal();
    // The accepting tab runs the call; the agent's other tabs are told it is open elsewhere.
    deps.sessions.claim(rec.session.id, socketId);
    log.info({ ticketId, sessionId: rec.session.id, agentId: rec.agentId }, 'ticket accepted');
    const forAgent = await deps.sessions.opened(rec, 'agent');
    deps.io.to(memberRoom('agent', rec.agentId)).emit('session:opened', forAgent);
    deps.io
      .to(memberRoom('kiosk', rec.kioskId))
      .emit('session:opened', await deps.sessions.opened(rec, 'kiosk'));
    await notifier.pushTicket(ticketId, rec.kioskId);
    await notifier.queueChanged();
    await deps.sessionOpened?.(ticketId);
    // It may have gone between the check and the accept: then its grace period starts now.
    if (!(await deps.presence.isPresent('kiosk', rec.kioskId))) {
      await deps.absences.absent({ sessionId: rec.session.id, kind: 'kiosk' });
    }
    return forAgent;
  }

  return {
    'ticket:request': async (socket, { identity }) => {
      if (socket.data.kind !== 'kiosk') throw AuthError.forbidden();
      const row = await issueTicket(db, socket.data.kioskId, clock(), identity ?? 'none');
      log.info({ ticketId: row.id, number: row.number, kioskId: row.kiosk_id }, 'ticket issued');
      await notifier.queueChanged();
      const pos = await ticketPosition(db, row.id);
      if (!pos) throw RequestError.internal();
      return pos;
    },

    'ticket:cancel': async (socket, { ticketId }) => {
      if (socket.data.kind !== 'kiosk') throw AuthError.forbidden();
      await cancelTicket(db, socket.data.kioskId, ticketId, clock());
      log.info({ ticketId }, 'ticket cancelled');
      await notifier.pushTicket(ticketId, socket.data.kioskId);
      await notifier.queueChanged();
      return {};
    },

    'ticket:accept': async (socket, { ticketId }) => {
      if (socket.data.kind !== 'agent') throw AuthError.forbidden();
      const t = await getTicket(db, ticketId);
      // A kiosk with no socket cannot answer the call: refuse before the ticket leaves the queue. (A
      // ticket no longer waiting gets its TICKET_TAKEN / TICKET_NOT_WAITING from the store.)
      if (t?.row.status === 'waiting' && !(await deps.presence.isPresent('kiosk', t.row.kiosk_id))) {
        throw QueueError.kioskOffline();
      }
      return accept(socket.data.agentId, ticketId, socket.id);
    },

    'ticket:accept-next': async (socket) => {
      if (socket.data.kind !== 'agent') throw AuthError.forbidden();
      for (const next of await waitingInOrder(db)) {
        if (!(await deps.presence.isPresent('kiosk', next.kioskId))) continue;
        try {
          return await accept(socket.data.agentId, next.ticketId, socket.id);
        } catch (err) {
          // Another agent won this one (each accept is one atomic update): try the next in line.
          const code = (err as { code?: unknown }).code;
          if (typeof code === 'string' && LOST_RACE.includes(code)) continue;
          throw err;
        }
      }
      throw QueueError.queueEmpty();
    },
  };
}

/** HTTP routes of the queue area. */
export function queueRouteHandlers(deps: {
  db: Db;
  clock: Clock;
}): Pick<RouteHandlers<HttpRoutes>, 'listTickets'> {
  return {
    listTickets: async ({ query }) => ({
      tickets: await ticketsOfDay(deps.db, query.day ?? shanghaiDay(deps.clock())),
    }),
  };
}
