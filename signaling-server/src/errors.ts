/**
 * The server's own error (bad configuration), the HTTP status of each wire code, and the reduction
 * of anything thrown to a wire error. The wire errors themselves are the shared area errors
 * (`AuthError`, `QueueError`, `SessionError`, `IdentityError`, `RequestError` from @rvw/shared).
 */
import { AppError, RequestError, RvwError, type ErrorCode } from '@rvw/shared';

/** A configuration value is missing or wrong; the process must not start. Code CONFIG_INVALID. */
export class ConfigError extends RvwError<'CONFIG_INVALID'> {
  constructor(message: string) {
    super('CONFIG_INVALID', message);
    this.name = 'ConfigError';
  }

  /** `detail` names the wrong value and why. */
  static invalid(detail: string): ConfigError {
    return new ConfigError(`Configuration error: ${detail}.`);
  }
}

const statusByCode: Record<ErrorCode, number> = {
  BAD_PAYLOAD: 400,
  NO_CONSENT: 400,
  AUTH_MISSING: 401,
  AUTH_INVALID: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  TICKET_TAKEN: 409,
  TICKET_NOT_WAITING: 409,
  ALREADY_QUEUED: 409,
  NOT_SESSION_MEMBER: 403,
  SESSION_ENDED: 409,
  AGENT_BUSY: 409,
  CONFLICT: 409,
  RATE_LIMITED: 429,
  UNAVAILABLE: 503,
  INTERNAL: 500,
};
  KIOSK_OFFLINE: 409,
  QUEUE_EMPTY: 409,

/** The HTTP status answering an error code. */
export function httpStatus(code: ErrorCode): number {
  return statusByCode[code];
}

/** Turns anything thrown into an AppError: known errors keep their code, the rest become INTERNAL. */
export function toAppError(err: unknown): AppError {
  return err instanceof AppError ? err : RequestError.internal();
}
