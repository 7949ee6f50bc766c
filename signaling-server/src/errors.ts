/** The server's reasoned errors: factories over the shared AppError, plus the HTTP status of each code. */
import { AppError, ErrorCode } from '@rvw/shared';

/** A configuration value is missing or wrong; the process must not start. Code CONFIG_INVALID. */
export class ConfigError extends Error {
  /** Stable code for scripts and logs. */
  readonly code = 'CONFIG_INVALID';
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

/** Factories for every error the server answers with. Messages are sentences and never carry personal data. */
export const ServerError = {
  /** Bad configuration (startup only). */
  config: (detail: string): ConfigError => new ConfigError(`Configuration error: ${detail}.`),
  /** Malformed payload; `detail` names the field. */
  badPayload: (detail: string): AppError => AppError.badPayload(detail),
  authMissing: (): AppError =>
    new AppError(ErrorCode.AuthMissing, 'No credentials were sent; sign in or configure the kiosk token.'),
  authInvalid: (): AppError =>
    new AppError(ErrorCode.AuthInvalid, 'The credentials are wrong, expired or revoked; sign in again.'),
  loginFailed: (): AppError => new AppError(ErrorCode.AuthInvalid, 'The username or password is wrong.'),
  forbidden: (message?: string): AppError => AppError.forbidden(message),
  notFound: (what: string): AppError => AppError.notFound(what),
  ticketTaken: (): AppError =>
    new AppError(ErrorCode.TicketTaken, 'Another agent accepted this ticket first.'),
  ticketNotWaiting: (): AppError =>
    new AppError(ErrorCode.TicketNotWaiting, 'The ticket is no longer waiting (cancelled or finished).'),
  alreadyQueued: (): AppError =>
    new AppError(ErrorCode.AlreadyQueued, 'This kiosk already holds an open ticket or session.'),
  agentBusy: (): AppError =>
    new AppError(
      ErrorCode.AgentBusy,
      'You are already serving a session; end it before accepting another ticket.',
    ),
  notSessionMember: (): AppError =>
    new AppError(ErrorCode.NotSessionMember, 'You are not a member of this session.'),
  sessionEnded: (): AppError => new AppError(ErrorCode.SessionEnded, 'This session has already ended.'),
  noConsent: (): AppError =>
    new AppError(ErrorCode.NoConsent, 'The resident has not consented, so no identity may be sent.'),
  identityPurged: (): AppError =>
    new AppError(ErrorCode.NotFound, 'The full identity number was purged when the session ended.'),
  rateLimited: (): AppError =>
    new AppError(ErrorCode.RateLimited, 'Too many messages in a short time; slow down and retry.'),
  conflict: (what: string): AppError => new AppError(ErrorCode.Conflict, `${what} already exists.`),
  unavailable: (message: string): AppError => new AppError(ErrorCode.Unavailable, message),
  internal: (): AppError =>
    new AppError(ErrorCode.Internal, 'Something failed on the server; please try again.'),
};

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

/** The HTTP status answering an error code. */
export function httpStatus(code: ErrorCode): number {
  return statusByCode[code];
}

/** Turns anything thrown into an AppError: known errors keep their code, the rest become INTERNAL. */
export function toAppError(err: unknown): AppError {
  return err instanceof AppError ? err : ServerError.internal();
}
