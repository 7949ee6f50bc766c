/**
 * The server boundary's errors: `AppError` carries an `ErrorCode`; each area subclasses it with
 * static factories (LiveKit's `ConnectionError.timeout()` pattern), so that a code is always raised
 * with the same sentence. Messages are sentences and never carry personal data.
 */
import { RvwError } from './base';
import type { FieldErrorCode } from '../form/codes';
import { ErrorCode } from './codes';

/** An error the server answers with: its code travels on the wire. */
export class AppError extends RvwError<ErrorCode> {
  constructor(code: ErrorCode, message: string) {
    super(code, message);
    this.name = 'AppError';
  }

  /** A payload that failed validation; `detail` names the offending field. */
  static badPayload(detail: string): AppError {
    return RequestError.badPayload(detail);
  }
  /** The caller's role may not do this. */
  static forbidden(message?: string): AppError {
    return AuthError.forbidden(message);
  }
  /** `what` (a sentence subject such as "The ticket") does not exist. */
  static notFound(what: string): AppError {
    return RequestError.notFound(what);
  }
}

/** Failures of any request, whatever its area. */
export class RequestError extends AppError {
  /** The payload failed its schema; `detail` names the field, never its value. */
  static override badPayload(detail: string): RequestError {
    return new RequestError(ErrorCode.BadPayload, `The message is malformed: ${detail}.`);
  }
  /** `what` does not exist. */
  static override notFound(what: string): RequestError {
    return new RequestError(ErrorCode.NotFound, `${what} was not found.`);
  }
  /** `what` already exists. */
  static conflict(what: string): RequestError {
    return new RequestError(ErrorCode.Conflict, `${what} already exists.`);
  }
  /** Too many messages from one client. */
  static rateLimited(): RequestError {
    return new RequestError(ErrorCode.RateLimited, 'Too many messages in a short time; slow down and retry.');
  }
  /** Sign-ins come too fast after a failure; `retryAfterSeconds` until the next may be tried. */
  static loginTooSoon(retryAfterSeconds: number): RequestError {
    return new RequestError(
      ErrorCode.RateLimited,
      `Too many sign-in attempts; wait ${Math.max(1, Math.ceil(retryAfterSeconds))} s and try again.`,
    );
  }
  /** A credential already has as many sockets open as allowed. */
  static tooManyConnections(limit: number): RequestError {
    return new RequestError(
      ErrorCode.TooManyConnections,
      `This credential already has ${limit} connections open; close one first.`,
    );
  }
  /** A part of the service is not available (for example, the console is not built). */
  static unavailable(message: string): RequestError {
    return new RequestError(ErrorCode.Unavailable, message);
  }
  /** An uploaded body is larger than the route accepts (`maxBytes`). */
  static payloadTooLarge(maxBytes: number): RequestError {
    return new RequestError(
      ErrorCode.PayloadTooLarge,
      `The upload is larger than ${Math.floor(maxBytes / 1024)} KB; send a smaller file.`,
    );
  }
  /** An upload of a type the route does not take; `detail` says what was wrong (never the content). */
  static unsupportedMedia(detail: string): RequestError {
    return new RequestError(ErrorCode.UnsupportedMedia, `The upload is not accepted: ${detail}.`);
  }
  /** The server failed; details are in its log only. */
  static internal(): RequestError {
    return new RequestError(ErrorCode.Internal, 'Something failed on the server; please try again.');
  }
}

/** Credentials and roles. */
export class AuthError extends AppError {
  /** No credentials were sent. */
  static missing(): AuthError {
    return new AuthError(
      ErrorCode.AuthMissing,
      'No credentials were sent; sign in or configure the kiosk token.',
    );
  }
  /** The credentials are wrong, expired or revoked. */
  static invalid(): AuthError {
    return new AuthError(
      ErrorCode.AuthInvalid,
      'The credentials are wrong, expired or revoked; sign in again.',
    );
  }
  /** The login of an open socket expired. */
  static expired(): AuthError {
    return new AuthError(ErrorCode.AuthExpired, 'Your sign-in has expired; sign in again.');
  }
  /** The credential of an open socket was revoked; `what` says whose (a sentence). */
  static revoked(what = 'This credential was revoked.'): AuthError {
    return new AuthError(ErrorCode.AuthRevoked, what);
  }
  /** Too many failed sign-ins: locked for `retryAfterSeconds`. */
  static loginLocked(retryAfterSeconds: number): AuthError {
    const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
    return new AuthError(
      ErrorCode.LoginLocked,
      `Too many failed sign-ins; try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`,
    );
  }
  /** A wrong username or password (same code as `invalid`, a sentence for the login form). */
  static loginFailed(): AuthError {
    return new AuthError(ErrorCode.AuthInvalid, 'The username or password is wrong.');
  }
  /** Authenticated, but this role or this kiosk may not do it. */
  static override forbidden(message = 'Your role may not do this.'): AuthError {
    return new AuthError(ErrorCode.Forbidden, message);
  }
}

/** Tickets and the queue. */
export class QueueError extends AppError {
  /** Another agent accepted the ticket first. */
  static ticketTaken(): QueueError {
    return new QueueError(ErrorCode.TicketTaken, 'Another agent accepted this ticket first.');
  }
  /** The ticket was cancelled or finished. */
  static ticketNotWaiting(): QueueError {
    return new QueueError(
      ErrorCode.TicketNotWaiting,
      'The ticket is no longer waiting (cancelled or finished).',
    );
  }
  /** The kiosk already holds an open ticket or session. */
  static alreadyQueued(): QueueError {
    return new QueueError(ErrorCode.AlreadyQueued, 'This kiosk already holds an open ticket or session.');
  }
  /** The agent serves an open session already, or (`consult`) is invited to or in a hand-over. */
  static agentBusy(why: 'session' | 'consult' = 'session'): QueueError {
    return new QueueError(
      ErrorCode.AgentBusy,
      why === 'consult'
        ? 'You are taking part in a colleague’s hand-over; finish or decline it before accepting another ticket.'
        : 'You are already serving a session; end it before accepting another ticket.',
    );
  }
  /** The ticket's kiosk has no connection: a call to it could not start. */
  static kioskOffline(): QueueError {
    return new QueueError(
      ErrorCode.KioskOffline,
      "The ticket's kiosk is offline; its ticket waits until the kiosk is back.",
    );
  }
  /** Nothing waiting can be accepted now. */
  static queueEmpty(): QueueError {
    return new QueueError(ErrorCode.QueueEmpty, 'No ticket is waiting whose kiosk is online.');
  }
  /** The ticket belongs to another centre or skill and has not overflowed to this agent. */
  static notEligible(): QueueError {
    return new QueueError(
      ErrorCode.NotEligible,
      "This ticket is not routed to you: it is another centre's or another skill's, and it has not overflowed.",
    );
  }
  /** An offer that already moved on (missed, withdrawn, or taken). */
  static offerGone(): QueueError {
    return new QueueError(ErrorCode.Conflict, 'This offer has already moved on to someone else.');
  }
  /** The transfer's target agent is not available. */
  static agentUnavailable(): QueueError {
    return new QueueError(
      ErrorCode.AgentUnavailable,
      'That agent is not available (away, busy or offline); choose another or a skill group.',
    );
  }
  /** The slot's window has begun or passed. */
  static slotPast(): QueueError {
    return new QueueError(
      ErrorCode.SlotPast,
      'This appointment slot has already begun or passed; choose a later one.',
    );
  }
  /** The slot is fully booked. */
  static slotFull(): QueueError {
    return new QueueError(ErrorCode.SlotFull, 'This appointment slot is fully booked; choose another.');
  }
}

/** Sessions (calls). */
export class SessionError extends AppError {
  /** The sender is not one of the session's two members. */
  static notMember(): SessionError {
    return new SessionError(ErrorCode.NotSessionMember, 'You are not a member of this session.');
  }
  /** The session has ended. */
  static ended(): SessionError {
    return new SessionError(ErrorCode.SessionEnded, 'This session has already ended.');
  }
}

/** Resident identities (PIPL). */
export class IdentityError extends AppError {
  /** Identity sent without the resident's consent. */
  static noConsent(): IdentityError {
    return new IdentityError(
      ErrorCode.NoConsent,
      'The resident has not consented, so no identity may be sent.',
    );
  }
  /** A reveal after the full number was purged (code NOT_FOUND: it no longer exists). */
  static purged(): IdentityError {
    return new IdentityError(
      ErrorCode.NotFound,
      'The full identity number was purged when the session ended.',
    );
  }
}

/** Cases, their forms, signatures and ratings. */
export class CaseError extends AppError {
  /** Ending a session that still has a case without an outcome. */
  static stillOpen(): CaseError {
    return new CaseError(
      ErrorCode.CaseOpen,
      'A case of this session has no outcome yet; record one, or abandon it with a reason.',
    );
  }
  /** Changing a case that is closed or abandoned. */
  static closed(): CaseError {
    return new CaseError(ErrorCode.CaseClosed, 'This case is closed; its form can no longer change.');
  }
  /** 办结/受理 without a signature on the current revision. */
  static notSigned(): CaseError {
    return new CaseError(
      ErrorCode.CaseNotSigned,
      'The resident has not signed the current form; ask them to confirm and sign it first.',
    );
  }
  /** Signing before confirming the current revision. */
  static notConfirmed(): CaseError {
    return new CaseError(ErrorCode.FormNotConfirmed, 'The form must be confirmed before it is signed.');
  }
  /** The named hash is not the hash of the named revision's content. */
  static hashMismatch(): CaseError {
    return new CaseError(
      ErrorCode.FormHashMismatch,
      'What was confirmed is not the current content of the form; look at it again.',
    );
  }
  /** A second rating, or one after the rating window. */
  static ratingClosed(): CaseError {
    return new CaseError(
      ErrorCode.RatingClosed,
      'This session was already rated, or can no longer be rated.',
    );
  }
  /** A stale base revision (the client reloads the current state and keeps what was typed). */
  static conflict(message: string): CaseError {
    return new CaseError(ErrorCode.Conflict, message);
  }
  /** A refused field value: its FIELD_* code and the sentence for people. */
  static field(code: (typeof FieldErrorCode)[keyof typeof FieldErrorCode], message: string): CaseError {
    return new CaseError(code, message);
  }
}

/** Paper in and out: case documents, print jobs, materials from the document camera. */
export class PaperError extends AppError {
  /** The document exists but is not archived (yet), so it cannot be printed or downloaded. */
  static documentNotReady(): PaperError {
    return new PaperError(
      ErrorCode.DocumentNotReady,
      'The document is not archived yet; wait until the case has its documents and try again.',
    );
  }
  /** A print job or capture request is in a state that does not allow this; `what` says why. */
  static wrongState(what: string): PaperError {
    return new PaperError(ErrorCode.WrongState, what);
  }
}

/** Enrolment codes (issue 12 #1): a kiosk redeeming a code, an admin managing codes. */
export class EnrolmentError extends AppError {
  /** The code cannot be redeemed; the same sentence whether it never existed, expired, was used or withdrawn. */
  static codeInvalid(): EnrolmentError {
    return new EnrolmentError(
      ErrorCode.EnrolmentCodeInvalid,
      'This enrolment code is not valid: it may be mistyped, expired, already used or withdrawn. Ask the centre for a new code.',
    );
  }
  /** Too many enrolment attempts from one address; `retryAfterSeconds` until the next may be tried. */
  static tooManyAttempts(retryAfterSeconds: number): RequestError {
    return new RequestError(
      ErrorCode.RateLimited,
      `Too many enrolment attempts; wait ${Math.max(1, Math.ceil(retryAfterSeconds))} s and try again.`,
    );
  }
}
