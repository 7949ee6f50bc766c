/**
 * The identity area's socket handler and routes: the kiosk attaches a consented identity, the
 * serving agent (or an admin) reveals the full number with every reveal recorded, and a supervisor
 * reads a ticket's identity state and its reveal audit (never the full number).
 */
import { AuthError, IdentityError, RequestError, type HttpRoutes } from '@rvw/shared';
import type { Logger } from 'pino';
import type { Clock } from '../clock';
import type { Db } from '../db/database';
import { kioskOf, type RouteHandlers } from '../http/route-registrar';
import type { QueueNotifier } from '../queue/queue-notifier';
import { getTicket, toTicket } from '../queue/ticket-store';
import { openSessionOfTicket } from '../sessions/session-store';
import type { EventHandlers } from '../socket/dispatch';
import { memberRoom, type RvwServer } from '../socket/types';
import { callerCentre, requireTicketCentre } from '../supervision/centre-scope';
import type { IdentityCipher } from './identity-crypto';
import {
  attachIdentity,
  identityOfTicket,
  identityState,
  revealIdentity,
  revealsOfTicket,
} from './identity-store';

/** What the identity area needs. */
export interface IdentityAreaDeps {
  io: RvwServer;
  db: Db;
  clock: Clock;
  log: Logger;
  notifier: QueueNotifier;
  /** Encrypts full numbers before they are stored; decrypts them for a reveal. */
  cipher: IdentityCipher;
  /** Runs after an identity was attached (the cases area sends the entitlements); default none. */
  identityAttached?: (ticketId: string) => Promise<void>;
}

/** Socket handlers of the identity area. */
export function identityHandlers(deps: IdentityAreaDeps): Pick<EventHandlers, 'identity:reveal'> {
  return {
    'identity:reveal': async (socket, { ticketId }) => {
      if (socket.data.kind !== 'agent') throw AuthError.forbidden();
      const { agentId, role } = socket.data;
      const idNumber = await revealIdentity(deps.db, { agentId, role }, ticketId, deps.clock(), deps.cipher);
      // The reveal is recorded in identity_reveals; the log names who and which ticket, never the number.
      deps.log.info({ ticketId, agentId }, 'identity revealed');
      return { idNumber };
    },
  };
}

/**
 * A resident's identity was attached to a ticket. If an agent already serves that ticket (the
 * accept won the race against the kiosk's upload), the agent gets it now, masked.
 */
async function identityAttached(deps: IdentityAreaDeps, ticketId: string): Promise<void> {
  const rec = await openSessionOfTicket(deps.db, ticketId);
  if (!rec) return;
  const identity = await identityOfTicket(deps.db, ticketId, deps.clock());
  if (!identity) return;
  deps.io
    .to(memberRoom('agent', rec.agentId))
    .emit('session:identity', { sessionId: rec.session.id, identity });
}

/** HTTP routes of the identity area. */
export function identityRouteHandlers(
  deps: IdentityAreaDeps,
): Pick<RouteHandlers<HttpRoutes>, 'attachIdentity' | 'ticketIdentity' | 'ticketReveals'> {
  const { db, clock } = deps;
  return {
    attachIdentity: {
      // Consent is checked before the shape so that a refusal says why in the resident's terms.
      precheck(rawBody) {
        if ((rawBody as { consent?: unknown } | null | undefined)?.consent !== true)
          throw IdentityError.noConsent();
      },
      async handle({ body }, ctx) {
        const kiosk = kioskOf(ctx);
        await attachIdentity(db, kiosk.id, body, clock(), deps.cipher);
        ctx.log.info(
          { kioskId: kiosk.id, ticketId: body.ticketId, cardType: body.identity.cardType },
          'identity attached',
        );
        await deps.notifier.queueChanged();
        await identityAttached(deps, body.ticketId);
        await deps.identityAttached?.(body.ticketId);
        const t = await getTicket(db, body.ticketId);
        if (!t) throw RequestError.notFound('The ticket');
        return { ticket: toTicket(t.row, t.hasIdentity) };
      },
    },
    ticketIdentity: async ({ params }, ctx) => {
      if (!(await getTicket(db, params.ticketId))) throw RequestError.notFound('The ticket');
      // Issue 11: a supervisor reads their own centre's tickets only.
      await requireTicketCentre(db, params.ticketId, callerCentre(ctx));
      return identityState(db, params.ticketId, clock());
    },
    ticketReveals: async ({ params }, ctx) => {
      if (!(await getTicket(db, params.ticketId))) throw RequestError.notFound('The ticket');
      await requireTicketCentre(db, params.ticketId, callerCentre(ctx));
      return { reveals: await revealsOfTicket(db, params.ticketId) };
    },
  };
}
