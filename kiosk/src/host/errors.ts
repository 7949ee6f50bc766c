/** Errors of the kiosk host: a stable `code` and a sentence; never any card data in either. */

/** Stable codes a bridge call can fail with. */
export const KioskErrorCode = {
  /** The request failed its schema. */
  BadPayload: 'BAD_PAYLOAD',
  /** The channel is not part of the bridge contract. */
  BadChannel: 'BAD_CHANNEL',
  /** The caller may not do this (e.g. a demo call when the demo is off, or a foreign sender). */
  Forbidden: 'FORBIDDEN',
  /** No card is held in memory: nothing to share. */
  NoCard: 'NO_CARD',
  /** The server could not be reached (network down, timeout). */
  ServerUnreachable: 'SERVER_UNREACHABLE',
  /** The server answered with an error. */
  ServerRejected: 'SERVER_REJECTED',
  /** The demo reader simulator could not be reached. */
  DemoUnavailable: 'DEMO_UNAVAILABLE',
  /** The kiosk configuration is missing or wrong. */
  ConfigInvalid: 'CONFIG_INVALID',
  /** The host has been closed. */
  Closed: 'CLOSED',
  /** Something unexpected failed; details are in the technician log, not in the answer. */
  Internal: 'INTERNAL',
} as const;
/** One of the kiosk host's error codes. */
export type KioskErrorCode = (typeof KioskErrorCode)[keyof typeof KioskErrorCode];

/** Base error of the kiosk host. */
export class KioskError extends Error {
  constructor(
    readonly code: KioskErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'KioskError';
  }

  /** Identity sharing was asked for but no card is held. */
  static noCard(): KioskError {
    return new KioskError(KioskErrorCode.NoCard, 'No ID card has been read, so there is nothing to share.');
  }
  /** The server did not answer; `why` is a short technical reason without personal data. */
  static serverUnreachable(why: string): KioskError {
    return new KioskError(
      KioskErrorCode.ServerUnreachable,
      `The service centre could not be reached (${why}).`,
    );
  }
  /** The server refused; `code` is the server's own error code. */
  static serverRejected(status: number, code: string): KioskError {
    return new KioskError(
      KioskErrorCode.ServerRejected,
      `The service centre refused the request (HTTP ${status}, ${code}).`,
    );
  }
  /** The caller may not do this. */
  static forbidden(message: string): KioskError {
    return new KioskError(KioskErrorCode.Forbidden, message);
  }
  /** The demo simulator's control endpoint failed. */
  static demoUnavailable(why: string): KioskError {
    return new KioskError(
      KioskErrorCode.DemoUnavailable,
      `The demo card reader could not be reached (${why}).`,
    );
  }
  /** A configuration value is missing or wrong; `detail` names it. */
  static configInvalid(detail: string): KioskError {
    return new KioskError(KioskErrorCode.ConfigInvalid, `The kiosk configuration is invalid: ${detail}.`);
  }
  /** The host was closed. */
  static closed(): KioskError {
    return new KioskError(KioskErrorCode.Closed, 'The kiosk host has been shut down.');
  }
}

/** Reduces any thrown value to the `{ code, message }` a renderer may see; unknown errors become INTERNAL. */
export function toBridgeError(err: unknown): { code: string; message: string } {
  if (err instanceof KioskError) return { code: err.code, message: err.message };
  const code = (err as { code?: unknown } | null)?.code;
  // parseBridgeRequest throws plain Errors carrying BAD_PAYLOAD / BAD_CHANNEL: their messages name only the field.
  if (code === KioskErrorCode.BadPayload || code === KioskErrorCode.BadChannel)
    return { code, message: (err as Error).message };
  return {
    code: KioskErrorCode.Internal,
    message: 'Something went wrong inside the kiosk. Please try again.',
  };
}
