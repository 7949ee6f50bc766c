/**
 * The one error base of the whole product, after LiveKit's `LivekitError`: a stable string `code`
 * and a sentence for people. Each boundary keeps its own code registry (`codeEnum` turns one into a
 * zod enum for its wire schemas); each area subclasses the base with static factories.
 */
import { z } from 'zod';

/** A registry of stable codes: `{ Name: 'CODE' }`, documented member by member. */
export type CodeRegistry = Readonly<Record<string, string>>;

/** The union of a registry's code strings. */
export type CodeOf<R extends CodeRegistry> = R[keyof R];

/** The zod enum over a registry's codes, for the wire schemas of its boundary. */
export function codeEnum<R extends CodeRegistry>(registry: R): z.ZodEnum<{ [K in CodeOf<R>]: K }> {
  return z.enum(Object.values(registry) as [CodeOf<R>, ...CodeOf<R>[]]) as unknown as z.ZodEnum<{
    [K in CodeOf<R>]: K;
  }>;
}

/** Base error: a stable `code` plus a sentence. Nothing sensitive goes in either. */
export class RvwError<C extends string = string> extends Error {
  constructor(
    readonly code: C,
    message: string,
  ) {
    super(message);
    this.name = 'RvwError';
  }

  /** The `{ code, message }` every wire format carries. */
  toWire(): { code: C; message: string } {
    return { code: this.code, message: this.message };
  }
}

/** True when `err` is any product error (of any boundary), optionally with this code. */
export function isRvwError(err: unknown, code?: string): err is RvwError {
  return err instanceof RvwError && (code === undefined || err.code === code);
}
