/** The shape every area's slice of the socket protocol follows, so that merging slices is a spread. */
import { z } from 'zod';

/** Who may send a client event. */
export type ClientRole = 'kiosk' | 'agent';

/** One client -> server event: who may send it, its payload schema and its ack data schema. */
export interface ClientEventSpec {
  from: readonly ClientRole[];
  payload: z.ZodType;
  ack: z.ZodType;
}

/** An area's client -> server events. */
export type ClientEventSlice = Record<string, ClientEventSpec>;
/** An area's server -> client events: the payload schema of each. */
export type ServerEventSlice = Record<string, z.ZodType>;

/** Ids on the wire (ticket, session): bounded, non-empty. */
export const wireId = z.string().min(1).max(64);
