/**
 * The queue area's socket handlers and routes: a kiosk takes (with the resident's need, disability
 * answer or appointment) or withdraws a ticket, an agent accepts one or the next of their own queue
 * (the ticket desk opens its session), and a supervisor lists a day's tickets.
 */
import { AuthError, RequestError, type HttpRoutes } from '@rvw/shared';
import type { Logger } from 'pino';
import type { Clock } from '../clock';
import type { Db } from '../db/database';
import type { RouteHandlers } from '../http/route-registrar';
import type { EventHandlers } from '../socket/dispatch';
import type { QueueNotifier } from './queue-notifier';
import { shanghaiDay } from './queue-rules';
import type { TicketDesk } from './ticket-desk';
import { cancelTicket, issueTicket, ticketsOfDay } from './ticket-store';
import { callerCentre } from '../supervision/centre-scope';

/** What the queue area needs. */
export interface QueueAreaDeps {
  db: Db;
  clock: Clock;
  log: Logger;
  notifier: QueueNotifier;
  /** The accept path shared with offers. */
  desk: TicketDesk;
}

/** Socket handlers of the queue area. */
export function queueHandlers(
  deps: QueueAreaDeps,
): Pick<EventHandlers, 'ticket:request' | 'ticket:cancel' | 'ticket:accept' | 'ticket:accept-next'> {
  const { db, clock, log, notifier, desk } = deps;
  return {
    'ticket:request': async (socket, { identity, need, disability, appointmentId }) => {
      if (socket.data.kind !== 'kiosk') throw AuthError.forbidden();
      const row = await issueTicket(db, socket.data.kioskId, clock(), identity ?? 'none', {
        ...(need ? { need } : {}),
        ...(disability !== undefined ? { disability } : {}),
        ...(appointmentId ? { appointmentId } : {}),
      });
      log.info(
        {
          ticketId: row.id,
          number: row.number,
          kioskId: row.kiosk_id,
          need: row.need,
          centreId: row.centre_id,
        },
        'ticket issued',
      );
      await notifier.queueChanged();
      const pos = await notifier.position(row.id);
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

    'ticket:accept': async (socket, { ticketId, offer }) => {
      if (socket.data.kind !== 'agent') throw AuthError.forbidden();
      return desk.accept(socket.data.agentId, ticketId, socket.id, offer ? { offer } : {});
    },

    'ticket:accept-next': async (socket, { offer }) => {
      if (socket.data.kind !== 'agent') throw AuthError.forbidden();
      return desk.acceptNext(socket.data.agentId, socket.id, offer);
    },
  };
}

/** HTTP routes of the queue area. */
export function queueRouteHandlers(deps: {
  db: Db;
  clock: Clock;
}): Pick<RouteHandlers<HttpRoutes>, 'listTickets'> {
  return {
    // Issue 11: a supervisor sees their own centre's tickets only.
    listTickets: async ({ query }, ctx) => {
      const centreId = callerCentre(ctx);
      const tickets = await ticketsOfDay(deps.db, query.day ?? shanghaiDay(deps.clock()));
      return { tickets: tickets.filter((t) => t.centreId === centreId) };
    },
  };
}
