/** The queue area of the socket protocol: tickets (request, cancel, accept) and queue pushes. */
import { z } from 'zod';
import { IdentityIntent, QueueEntry, Ticket } from '../domain';
import { TicketNeed } from '../routing/needs';
import { WaitEstimate } from '../routing/estimate';
import { wireId, type ClientEventSlice, type ServerEventSlice } from './event-spec';
import { CallOffer, SessionOpened } from './session';

/** A kiosk's view of its own ticket and where it stands. */
export const TicketPosition = z.object({
  ticket: Ticket,
  /** 1 means next to be served. 0 once the ticket is no longer waiting. */
  position: z.number().int().nonnegative(),
  /** Tickets waiting in the whole queue. */
  waiting: z.number().int().nonnegative(),
  /** The honest estimate of the wait (issue 11 #5); `none` with a reason when there is no basis. */
  estimate: WaitEstimate,
  /** When the ticket came from an appointment: its item and window (ISO). */
  appointment: z.object({ itemCode: z.string(), startsAt: z.string(), endsAt: z.string() }).optional(),
});
export type TicketPosition = z.infer<typeof TicketPosition>;

/** The waiting queue as agents see it: already in service order, each entry with its position. */
export const QueueSnapshot = z.object({
  entries: z.array(QueueEntry),
  /** Server clock (ISO) at the time of the snapshot, for computing time waited. */
  serverTime: z.string(),
});
export type QueueSnapshot = z.infer<typeof QueueSnapshot>;

/** Client -> server events of the queue area. */
export const queueClientEvents = {
  /**
   * Kiosk asks for help: the server issues a ticket and queues it. `identity` says whether the
   * resident's identity will follow (`pending`), was declined, or there is no card (default `none`).
   */
  'ticket:request': {
    from: ['kiosk'],
    payload: z
      .object({
        identity: IdentityIntent.optional(),
        /** The tile the resident pressed; default `unsure`. */
        need: TicketNeed.optional(),
        /** The resident said they have a disability (a yes/no on the kiosk, never required). */
        disability: z.boolean().optional(),
        /** An appointment the kiosk checked in (POST /api/kiosk/appointments/check-in) for this resident. */
        appointmentId: wireId.optional(),
      })
      .strict(),
    ack: TicketPosition,
  },
  /** Kiosk withdraws its waiting ticket (the resident changed their mind). */
  'ticket:cancel': { from: ['kiosk'], payload: z.object({ ticketId: wireId }).strict(), ack: z.object({}) },
  /**
   * Agent accepts a waiting ticket; exactly one of several racing agents succeeds. `offer`: the
   * call's offer, prepared before (see CallOffer); the kiosk gets it with the session.
   */
  'ticket:accept': {
    from: ['agent'],
    payload: z.object({ ticketId: wireId, offer: CallOffer.optional() }).strict(),
    ack: SessionOpened,
  },
  /**
   * Agent takes the next one: the server accepts, atomically, the first waiting ticket in its own
   * order whose kiosk is online (a ticket another agent wins meanwhile is skipped).
   */
  'ticket:accept-next': {
    from: ['agent'],
    payload: z.object({ offer: CallOffer.optional() }).strict(),
    ack: SessionOpened,
  },
} as const satisfies ClientEventSlice;

/** Server -> client events of the queue area. */
export const queueServerEvents = {
  /** To every agent whenever the queue changes. */
  'queue:update': QueueSnapshot,
  /** To a kiosk whenever its ticket's position changes. */
  'ticket:update': TicketPosition,
} as const satisfies ServerEventSlice;
