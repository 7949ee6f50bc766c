/** Errors: the one base class, the server boundary's code registry and area errors, and acks. */
import { z } from 'zod';
import { WireError, type ErrorCode } from './codes';

export * from './base';
export * from './codes';
export * from './server-errors';

/** The error half of an acknowledgement. */
export interface AckError {
  code: ErrorCode;
  message: string;
}

/** Every acknowledgement is either `{ ok: true, data }` or `{ ok: false, error }`. */
export type Ack<T> = { ok: true; data: T } | { ok: false; error: AckError };

/** Builds a success acknowledgement. */
export const ackOk = <T>(data: T): Ack<T> => ({ ok: true, data });
/** Builds a failure acknowledgement. */
export const ackFail = (code: ErrorCode, message: string): Ack<never> => ({
  ok: false,
  error: { code, message },
});

/** The schema of an acknowledgement carrying `data`: clients may check what the server answered. */
export function ackSchema<T extends z.ZodType>(data: T) {
  return z.discriminatedUnion('ok', [
    z.object({ ok: z.literal(true), data }),
    z.object({ ok: z.literal(false), error: WireError }),
  ]);
}
