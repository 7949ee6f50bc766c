/**
 * The shapes every area of the bridge contract uses: an invoke slice maps channels to request and
 * response schemas, an event slice maps channels to payload schemas. contract.ts merges the slices.
 */
import type { z } from 'zod';

/** One invoke channel: what the renderer sends and what the host answers. */
export interface InvokeSpec {
  request: z.ZodType;
  response: z.ZodType;
}

/** An area's invoke channels. */
export type InvokeSlice = Record<string, InvokeSpec>;

/** An area's event channels (host -> renderer). */
export type EventSlice = Record<string, z.ZodType>;

/** The host-side handlers of one invoke slice. */
export type HandlersOf<S extends InvokeSlice> = {
  [C in keyof S]: (request: z.infer<S[C]['request']>) => Promise<z.infer<S[C]['response']>>;
};

/** The payload types of one event slice, as an EventEmitter event map. */
export type EventMapOf<S extends EventSlice> = { [C in keyof S]: [event: z.infer<S[C]>] };
