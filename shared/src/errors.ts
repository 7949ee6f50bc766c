/** Stable error codes carried in acknowledgements, HTTP error bodies and connection refusals. */
export const ErrorCode = {
  /** The payload failed its schema. */
  BadPayload: 'BAD_PAYLOAD',
  /** The connection or request carried no credentials. */
  AuthMissing: 'AUTH_MISSING',
  /** The credentials were wrong, expired or revoked. */
  AuthInvalid: 'AUTH_INVALID',
  /** The caller is authenticated but its role may not do this. */
  Forbidden: 'FORBIDDEN',
  /** The named ticket, session or account does not exist. */
  NotFound: 'NOT_FOUND',
  /** Another agent accepted the ticket first. */
  TicketTaken: 'TICKET_TAKEN',
  /** The ticket is no longer waiting (cancelled, served or done). */
  TicketNotWaiting: 'TICKET_NOT_WAITING',
  /** The kiosk already holds an open ticket or session. */
  AlreadyQueued: 'ALREADY_QUEUED',
  /** The caller is not one of the two members of that session. */
  NotSessionMember: 'NOT_SESSION_MEMBER',
  /** The session has already ended. */
  SessionEnded: 'SESSION_ENDED',
  /** The resident did not consent, so no identity may be sent or shown. */
  NoConsent: 'NO_CONSENT',
  /** Too many requests from this client in a short time. */
  RateLimited: 'RATE_LIMITED',
  /** Something failed on the server; the request may be retried. */
  Internal: 'INTERNAL',
  /** The agent already serves an open session and must end it before accepting another ticket. */
  AgentBusy: 'AGENT_BUSY',
  /** The record already exists (for example, a username that is taken). */
  Conflict: 'CONFLICT',
  /** The service is not available right now (for example, the console has not been built). */
  Unavailable: 'UNAVAILABLE',
} as const;
/** One of the stable error codes. */
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/** Base error: a stable `code` plus a sentence for people. Nothing sensitive goes in either. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'AppError';
  }

  /** A payload that failed validation; `detail` names the offending field. */
  static badPayload(detail: string): AppError {
    return new AppError(ErrorCode.BadPayload, `The message is malformed: ${detail}.`);
  }
  static forbidden(message = 'Your role may not do this.'): AppError {
    return new AppError(ErrorCode.Forbidden, message);
  }
  static notFound(what: string): AppError {
    return new AppError(ErrorCode.NotFound, `${what} was not found.`);
  }
}

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
