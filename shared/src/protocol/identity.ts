/** The identity area of the socket protocol: revealing a resident's full number (recorded). */
import { z } from 'zod';
import { wireId, type ClientEventSlice, type ServerEventSlice } from './event-spec';

/** Client -> server events of the identity area. */
export const identityClientEvents = {
  /** Agent reveals the full identity number of a ticket's resident; every reveal is recorded. */
  'identity:reveal': {
    from: ['agent'],
    payload: z.object({ ticketId: wireId }).strict(),
    ack: z.object({ idNumber: z.string() }),
  },
} as const satisfies ClientEventSlice;

/** Server -> client events of the identity area (the masked identity travels with sessions). */
export const identityServerEvents = {} as const satisfies ServerEventSlice;
