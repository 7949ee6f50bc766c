/**
 * A schema for JSON values a client may send through the server (relayed opaquely): bounded
 * nesting depth, node count, string length, and plain JSON only — no Buffer, ArrayBuffer, typed
 * array or class instance (socket.io would otherwise relay binary attachments to the peer).
 */
import { z } from 'zod';

/** Limits of a bounded JSON value. */
export interface JsonBounds {
  /** Deepest nesting of arrays/objects (a scalar is depth 0). */
  maxDepth: number;
  /** Most values (scalars, arrays, objects, keys) in the whole tree. */
  maxNodes: number;
  /** Longest string (keys included). */
  maxString: number;
}

function isPlainObject(v: object): boolean {
  const proto = Object.getPrototypeOf(v) as unknown;
  return proto === Object.prototype || proto === null;
}

/** Why `value` is not a bounded JSON value, or null if it is. Iterative: a hostile depth cannot overflow the stack. */
export function jsonBoundsViolation(value: unknown, bounds: JsonBounds): string | null {
  const stack: Array<[unknown, number]> = [[value, 0]];
  let nodes = 0;
  while (stack.length) {
    const [v, depth] = stack.pop()!;
    if (++nodes > bounds.maxNodes) return `more than ${bounds.maxNodes} values`;
    if (v === null || typeof v === 'boolean') continue;
    if (typeof v === 'number') {
      if (!Number.isFinite(v)) return 'a number that is not finite';
      continue;
    }
    if (typeof v === 'string') {
      if (v.length > bounds.maxString) return `a string longer than ${bounds.maxString}`;
      continue;
    }
    if (typeof v !== 'object') return `a ${typeof v}, which is not JSON`;
    if (depth >= bounds.maxDepth) return `nested deeper than ${bounds.maxDepth}`;
    if (Array.isArray(v)) {
      for (const item of v) stack.push([item, depth + 1]);
      continue;
    }
    if (!isPlainObject(v)) return 'binary or non-JSON data';
    for (const [key, item] of Object.entries(v)) {
      if (key.length > bounds.maxString) return `a key longer than ${bounds.maxString}`;
      nodes++;
      stack.push([item, depth + 1]);
    }
  }
  return null;
}

/** A zod schema accepting only JSON values within `bounds`; the issue names the limit, never the value. */
export function boundedJson(bounds: JsonBounds): z.ZodType<unknown> {
  return z.unknown().superRefine((v, ctx) => {
    const why = jsonBoundsViolation(v, bounds);
    if (why) ctx.addIssue({ code: 'custom', message: `must be plain JSON, got ${why}` });
  });
}
