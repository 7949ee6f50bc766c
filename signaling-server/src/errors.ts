/**
 * The server's own error (bad configuration), the HTTP status of each wire code, and the reduction
 * of anything thrown to a wire error. The wire errors themselves are the shared area errors
 * (`AuthError`, `QueueError`, `SessionError`, `IdentityError`, `CaseError`, `RequestError` from @rvw/shared).
 */
import { AppError, FieldErrorCode, RequestError, RvwError, type ErrorCode } from '@rvw/shared';
import { isStorageFailure } from './db/storage-errors';

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
  NOT_ELIGIBLE: 403,
  AGENT_UNAVAILABLE: 409,
  SLOT_PAST: 409,
  SLOT_FULL: 409,
  NO_CONSENT: 400,
  AUTH_MISSING: 401,
  AUTH_INVALID: 401,
  AUTH_EXPIRED: 401,
  AUTH_REVOKED: 401,
  TOO_MANY_CONNECTIONS: 429,
  LOGIN_LOCKED: 429,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  TICKET_TAKEN: 409,
  TICKET_NOT_WAITING: 409,
  ALREADY_QUEUED: 409,
  NOT_SESSION_MEMBER: 403,
  SESSION_ENDED: 409,
  AGENT_BUSY: 409,
  KIOSK_OFFLINE: 409,
  QUEUE_EMPTY: 409,
  CONFLICT: 409,
  ENROLMENT_CODE_INVALID: 400,
  RATE_LIMITED: 429,
  UNAVAILABLE: 503,
  INTERNAL: 500,
  CASE_OPEN: 409,
  CASE_CLOSED: 409,
  CASE_NOT_SIGNED: 409,
  FORM_NOT_CONFIRMED: 409,
  FORM_HASH_MISMATCH: 409,
  RATING_CLOSED: 409,
  DOCUMENT_NOT_READY: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA: 415,
  WRONG_STATE: 409,
  // A refused field value: the request was well formed, its content is not acceptable.
  ...(Object.fromEntries(Object.values(FieldErrorCode).map((c) => [c, 422])) as Record<
    FieldErrorCode,
    number
  >),
};

/** The HTTP status answering an error code. */
export function httpStatus(code: ErrorCode): number {
  return statusByCode[code];
}

/** What a client is told while the store cannot write (disk full, failing or read-only). */
export const storageUnavailableMessage =
  'The service cannot save anything right now because its storage is failing; please try again in a few minutes.';

/**
 * Turns anything thrown into an AppError: known errors keep their code, a failing store becomes
 * UNAVAILABLE (its cause is logged by the storage health), the rest become INTERNAL.
 */
export function toAppError(err: unknown): AppError {
  if (err instanceof AppError) return err;
  if (isStorageFailure(err)) return RequestError.unavailable(storageUnavailableMessage);
  return RequestError.internal();
}

/** Marks an error with the seconds after which a retry may succeed (sent as `Retry-After`). */
export function withRetryAfter<E extends AppError>(err: E, seconds: number): E {
  return Object.assign(err, { retryAfterSeconds: Math.max(1, Math.ceil(seconds)) });
}

/** The seconds set by withRetryAfter, if any. */
export function retryAfterOf(err: unknown): number | undefined {
  const s = (err as { retryAfterSeconds?: unknown } | null)?.retryAfterSeconds;
  return typeof s === 'number' ? s : undefined;
}
