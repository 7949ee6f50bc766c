/** An offer: the server proposes a ticket to one agent for a limited time (offer mode, issue 11 #4). */
import { z } from 'zod';
import { QueueEntry } from '../domain';

export const OfferOutcome = z.enum(['accepted', 'missed', 'declined', 'withdrawn']);
export type OfferOutcome = z.infer<typeof OfferOutcome>;

/** What the offered agent sees: the queue line of the ticket and when the offer lapses. */
export const Offer = z.object({
  offerId: z.string(),
  entry: QueueEntry,
  offeredAt: z.string(),
  /** ISO time after which the offer moves to the next agent. */
  expiresAt: z.string(),
});
export type Offer = z.infer<typeof Offer>;

/** An offer that ended without being accepted by this agent (missed, declined, or withdrawn). */
export const OfferGone = z.object({
  offerId: z.string(),
  outcome: OfferOutcome.exclude(['accepted']),
});
export type OfferGone = z.infer<typeof OfferGone>;
