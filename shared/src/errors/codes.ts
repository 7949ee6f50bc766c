/**
 * The code registry of the server boundary: every code an acknowledgement, an HTTP error body or a
 * connection refusal may carry. The values are stable (clients, tests and docs use them).
 */
import { z } from 'zod';
import { FieldErrorCode } from '../form/codes';
import { codeEnum } from './base';

/** Stable error codes carried in acknowledgements, HTTP error bodies and connection refusals. */
export const ErrorCode = {
  /** The payload failed its schema. */
  BadPayload: 'BAD_PAYLOAD',
  /** The connection or request carried no credentials. */
  AuthMissing: 'AUTH_MISSING',
  /** The credentials were wrong, expired or revoked. */
  AuthInvalid: 'AUTH_INVALID',
  /** The login of an open socket expired: the socket is told, then disconnected. Sign in again. */
  AuthExpired: 'AUTH_EXPIRED',
  /** The credential of an open socket was revoked (sign-out, revoked kiosk, disabled account). */
  AuthRevoked: 'AUTH_REVOKED',
  /** Too many sockets are open with this credential (kiosk token or login). */
  TooManyConnections: 'TOO_MANY_CONNECTIONS',
  /** Too many failed sign-ins for this account or address: locked for a while (retry-after). */
  LoginLocked: 'LOGIN_LOCKED',
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
  /** The ticket's kiosk is offline: its ticket is not offered until the kiosk is back. */
  KioskOffline: 'KIOSK_OFFLINE',
  /** No ticket is waiting that could be accepted (take-the-next with an empty or all-offline queue). */
  QueueEmpty: 'QUEUE_EMPTY',
  /** The session still has a case without an outcome: record one, or abandon it with a reason. */
  CaseOpen: 'CASE_OPEN',
  /** The case already has an outcome (or was abandoned): its form can no longer change. */
  CaseClosed: 'CASE_CLOSED',
  /** 办结 or 受理 of a form item needs the resident's signature on the current revision. */
  CaseNotSigned: 'CASE_NOT_SIGNED',
  /** The resident must confirm the form before signing it. */
  FormNotConfirmed: 'FORM_NOT_CONFIRMED',
  /** The hash a confirmation or signature names is not the hash of that revision's content. */
  FormHashMismatch: 'FORM_HASH_MISMATCH',
  /** The session was already rated, or its rating window has passed. */
  RatingClosed: 'RATING_CLOSED',
  /** The case has no documents yet (it has not closed), or the document is not of this session. */
  DocumentNotReady: 'DOCUMENT_NOT_READY',
  /** An uploaded body is larger than the route accepts. */
  PayloadTooLarge: 'PAYLOAD_TOO_LARGE',
  /** An uploaded body is not of a type the route accepts (by its Content-Type or its content). */
  UnsupportedMedia: 'UNSUPPORTED_MEDIA',
  /** The capture request or print job is in a state that does not allow this (e.g. capture before consent). */
  WrongState: 'WRONG_STATE',
  /** The ticket is not routed to this agent: another centre's or skill's, and it has not overflowed. */
  NotEligible: 'NOT_ELIGIBLE',
  /** The agent chosen for a transfer is not available (away, in a session, wrap-up or offline). */
  AgentUnavailable: 'AGENT_UNAVAILABLE',
  /** The appointment slot's window has begun or passed. */
  SlotPast: 'SLOT_PAST',
  /** The appointment slot is fully booked. */
  SlotFull: 'SLOT_FULL',
  /**
   * The enrolment code is not one that can be redeemed: never issued, expired, already used or
   * withdrawn. One code for all four, so that an answer never tells whether a code exists.
   */
  EnrolmentCodeInvalid: 'ENROLMENT_CODE_INVALID',
  /** A form field's value was refused (FIELD_*: see form/codes.ts), with a sentence for people. */
  ...FieldErrorCode,
} as const;
/** One of the stable error codes. */
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/**
 * Codes that mean the credential itself is refused: retrying with it is useless. A client stops
 * reconnecting on these and asks for a sign-in (console) or a technician (kiosk).
 */
export const credentialRefusedCodes: readonly ErrorCode[] = [
  ErrorCode.AuthMissing,
  ErrorCode.AuthInvalid,
  ErrorCode.AuthExpired,
  ErrorCode.AuthRevoked,
];

/** True when `code` says the credential is refused for good (see credentialRefusedCodes). */
export function isCredentialRefused(code: unknown): boolean {
  return typeof code === 'string' && (credentialRefusedCodes as readonly string[]).includes(code);
}

/** The server boundary's codes as a zod enum: wire schemas use it, never a free string. */
export const ErrorCodeSchema = codeEnum(ErrorCode);

/** `{ code, message }` as it travels in acks, HTTP error bodies and refusals. */
export const WireError = z.object({ code: ErrorCodeSchema, message: z.string() });
export type WireError = z.infer<typeof WireError>;

/**
 * Codes a client raises on its own side of the HTTP boundary (the typed HTTP client): the server
 * never sends them.
 */
export const HttpClientErrorCode = {
  /** The server could not be reached (network down, server stopped, a proxy's 502/503/504). */
  Unreachable: 'UNREACHABLE',
  /** The server answered with something that is not the documented shape. */
  BadResponse: 'BAD_RESPONSE',
} as const;
/** One of the HTTP client's own codes. */
export type HttpClientErrorCode = (typeof HttpClientErrorCode)[keyof typeof HttpClientErrorCode];
