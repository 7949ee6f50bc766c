/**
 * Identity routes: the kiosk attaches a consented identity to its ticket; a supervisor reads a
 * ticket's identity state (masked, and whether the full number is still held) and its reveal audit.
 * No route ever returns a full identity number.
 */
import { z } from 'zod';
import { ConsentText } from '../case/consent';
import { Ticket } from '../domain';
import { IdentitySummary, ResidentIdentity } from '../identity';
import type { HttpRouteSlice } from './route';

const ticketParams = z.object({ ticketId: z.string().min(1).max(64) });

/** Sent by the kiosk's main process (never the renderer) after the resident consents. */
export const AttachIdentityRequest = z.object({
  ticketId: z.string().min(1).max(64),
  consent: z.literal(true),
  /** The consent text the resident was shown; it goes into the consent ledger. */
  consentText: ConsentText,
  locale: z.enum(['zh-CN', 'en']).default('zh-CN'),
  identity: ResidentIdentity,
});
export type AttachIdentityRequest = z.infer<typeof AttachIdentityRequest>;

/** A ticket's identity as a supervisor may see it: masked, with whether the full number is still held. */
export const TicketIdentityState = z.object({
  ticketId: z.string(),
  identity: IdentitySummary,
  /** True until the ticket closes; then the full number is replaced by its masked form. */
  fullNumberHeld: z.boolean(),
  consentedAt: z.string(),
  purgedAt: z.string().nullable(),
});
export type TicketIdentityState = z.infer<typeof TicketIdentityState>;

/** One recorded reveal of a full identity number: who, which ticket, when. */
export const IdentityReveal = z.object({ agentId: z.string(), ticketId: z.string(), at: z.string() });
export type IdentityReveal = z.infer<typeof IdentityReveal>;

/** Routes of the identity area. */
export const identityRoutes = {
  /** The kiosk attaches the consented identity to its own open ticket. */
  attachIdentity: {
    method: 'POST',
    path: '/api/kiosk/identity',
    roles: ['kiosk'],
    body: AttachIdentityRequest,
    response: z.object({ ticket: Ticket }),
  },
  /** A ticket's identity state (masked; NOT_FOUND when none was shared). */
  ticketIdentity: {
    method: 'GET',
    path: '/api/admin/tickets/:ticketId/identity',
    roles: ['admin'],
    params: ticketParams,
    response: TicketIdentityState,
  },
  /** Every recorded reveal of a ticket's full number, oldest first. */
  ticketReveals: {
    method: 'GET',
    path: '/api/admin/tickets/:ticketId/reveals',
    roles: ['admin'],
    params: ticketParams,
    response: z.object({ reveals: z.array(IdentityReveal) }),
  },
} as const satisfies HttpRouteSlice;
