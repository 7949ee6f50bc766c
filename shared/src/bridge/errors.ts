/**
 * The code registry of the bridge boundary (host <-> renderer) and its error class. A bridge call
 * fails with one of these codes, or with the server's own code passed through unchanged (for
 * example ALREADY_QUEUED from `ticket:request`). The renderer compares against these constants.
 */
import { z } from 'zod';
import { RvwError } from '../errors/base';
import type { ErrorCode } from '../errors';

/** Codes of the bridge boundary. */
export const BridgeErrorCode = {
  /** The request failed its schema. */
  BadPayload: 'BAD_PAYLOAD',
  /** The channel is not part of the bridge contract. */
  BadChannel: 'BAD_CHANNEL',
  /** The caller may not do this (a demo call when the demo is off, or a foreign sender). */
  Forbidden: 'FORBIDDEN',
  /** No card is held in memory: nothing to share. */
  NoCard: 'NO_CARD',
  /** The host could not reach the server (network down, timeout). */
  ServerUnreachable: 'SERVER_UNREACHABLE',
  /** The server refused an HTTP call of the host. */
  ServerRejected: 'SERVER_REJECTED',
  /** The demo reader simulator could not be reached. */
  DemoUnavailable: 'DEMO_UNAVAILABLE',
  /** The host has been closed. */
  Closed: 'CLOSED',
  /** Something unexpected failed; details are in the technician log, not in the answer. */
  Internal: 'INTERNAL',
  /** Raised on the renderer's side: the host did not answer (web bridge timeout, no answer at all). */
  BridgeUnreachable: 'BRIDGE_UNREACHABLE',
} as const;
/** One of the bridge boundary's own codes. */
export type BridgeErrorCode = (typeof BridgeErrorCode)[keyof typeof BridgeErrorCode];

/** A code a bridge failure may carry: the bridge's own, or the server's passed through. */
export type BridgeFailureCode = BridgeErrorCode | ErrorCode;

/** A bridge failure on the wire (IPC or the web host's socket). */
export const BridgeFailure = z.object({ code: z.string().max(64), message: z.string().max(500) });
export type BridgeFailure = z.infer<typeof BridgeFailure>;

/** An error of the bridge boundary, thrown by host handlers and by the renderer's bridge client. */
export class BridgeError extends RvwError<BridgeFailureCode> {
  constructor(code: BridgeFailureCode, message: string) {
    super(code, message);
    this.name = 'BridgeError';
  }

  /** A request that failed its schema; `detail` names the field. */
  static badPayload(detail: string): BridgeError {
    return new BridgeError(BridgeErrorCode.BadPayload, detail);
  }
  /** A channel outside the contract. */
  static badChannel(): BridgeError {
    return new BridgeError(BridgeErrorCode.BadChannel, 'That is not a bridge channel.');
  }
  /** The caller may not do this. */
  static forbidden(message: string): BridgeError {
    return new BridgeError(BridgeErrorCode.Forbidden, message);
  }
  /** Identity sharing was asked for but no card is held. */
  static noCard(): BridgeError {
    return new BridgeError(BridgeErrorCode.NoCard, 'No ID card has been read, so there is nothing to share.');
  }
  /** The server did not answer; `why` is a short technical reason without personal data. */
  static serverUnreachable(why: string): BridgeError {
    return new BridgeError(
      BridgeErrorCode.ServerUnreachable,
      `The service centre could not be reached (${why}).`,
    );
  }
  /** The server refused an HTTP call; `code` is the server's own error code. */
  static serverRejected(status: number, code: string): BridgeError {
    return new BridgeError(
      BridgeErrorCode.ServerRejected,
      `The service centre refused the request (HTTP ${status}, ${code}).`,
    );
  }
  /** The server refused a socket request with its own code, passed through to the renderer. */
  static fromServer(code: ErrorCode, message: string): BridgeError {
    return new BridgeError(code, message);
  }
  /** The demo simulator's control endpoint failed. */
  static demoUnavailable(why: string): BridgeError {
    return new BridgeError(
      BridgeErrorCode.DemoUnavailable,
      `The demo card reader could not be reached (${why}).`,
    );
  }
  /** The host was closed. */
  static closed(): BridgeError {
    return new BridgeError(BridgeErrorCode.Closed, 'The kiosk host has been shut down.');
  }
  /** The host did not answer the renderer. */
  static unreachable(why: string): BridgeError {
    return new BridgeError(BridgeErrorCode.BridgeUnreachable, `The kiosk did not answer (${why}).`);
  }
  /** Something unexpected; the answer says nothing more. */
  static internal(): BridgeError {
    return new BridgeError(
      BridgeErrorCode.Internal,
      'Something went wrong inside the kiosk. Please try again.',
    );
  }
  /**
   * The error a bridge client throws to the renderer for a failure. Its message leads with the code
   * because across Electron's contextBridge only the message of an error survives.
   */
  static fromFailure(failure: BridgeFailure): BridgeError {
    return new BridgeError(failure.code as BridgeFailureCode, `${failure.code}: ${failure.message}`);
  }
}

/** Reduces any thrown value to the failure a renderer may see; unknown errors become INTERNAL. */
export function toBridgeFailure(err: unknown): BridgeFailure {
  if (err instanceof BridgeError) return { code: err.code, message: err.message };
  return BridgeError.internal().toWire();
}

/**
 * The code of an error thrown by a bridge (either transport); INTERNAL when it has none. Across
 * Electron's contextBridge the error arrives as a plain Error whose message starts with `CODE: `.
 */
export function bridgeErrorCode(err: unknown): string {
  const code = (err as { code?: unknown } | null)?.code;
  if (typeof code === 'string') return code;
  const match = /^([A-Z_]{2,40}):/.exec(err instanceof Error ? err.message : '');
  return match?.[1] ?? BridgeErrorCode.Internal;
}
