/** Errors the console raises: each has a stable `code`; the screen shows a sentence from the dictionary. */
import { ErrorCode, isCredentialRefused } from '@rvw/shared';

/** Codes of failures that happen on this side of the wire. */
export const ConsoleErrorCode = {
  /** The server could not be reached (network down, server stopped). */
  Unreachable: 'UNREACHABLE',
  /** The server answered with something that is not the documented shape. */
  BadResponse: 'BAD_RESPONSE',
  /** The server did not acknowledge in time. */
  Timeout: 'TIMEOUT',
  /** Camera or microphone could not be opened. */
  MediaUnavailable: 'MEDIA_UNAVAILABLE',
  /** Copying to the clipboard was refused by the browser. */
  ClipboardDenied: 'CLIPBOARD_DENIED',
  /** The form holds edits the server has not stored (refused, invalid or in conflict). */
  FormUnsaved: 'FORM_UNSAVED',
  /** The form has fields that are empty or wrong, so the resident cannot be asked to confirm it. */
  FormIncomplete: 'FORM_INCOMPLETE',
} as const;
/** A console-side error code. */
export type ConsoleErrorCode = (typeof ConsoleErrorCode)[keyof typeof ConsoleErrorCode];

/** Base error of the console: a stable code (server or console side) and a sentence for logs. */
export class ConsoleError extends Error {
  constructor(
    readonly code: string,
    message: string,
    /** HTTP status when the error came from an HTTP answer; 0 otherwise. */
    readonly status = 0,
  ) {
    super(message);
    this.name = 'ConsoleError';
  }

  /** The server could not be reached. */
  static unreachable(detail: string): ConsoleError {
    return new ConsoleError(ConsoleErrorCode.Unreachable, `The server could not be reached: ${detail}.`);
  }
  /** The server's answer did not have the expected shape. */
  static badResponse(what: string): ConsoleError {
    return new ConsoleError(ConsoleErrorCode.BadResponse, `Unexpected answer from the server for ${what}.`);
  }
  /** An acknowledgement did not arrive in time. */
  static timeout(event: string): ConsoleError {
    return new ConsoleError(ConsoleErrorCode.Timeout, `No answer from the server for ${event}.`);
  }
  /** Camera or microphone could not be opened. */
  static mediaUnavailable(detail: string): ConsoleError {
    return new ConsoleError(
      ConsoleErrorCode.MediaUnavailable,
      `Camera or microphone unavailable: ${detail}.`,
    );
  }
  /** Builds an error from a server error body or a failed acknowledgement. */
  static fromServer(error: { code: string; message: string }, status = 0): ConsoleError {
    return new ConsoleError(error.code, error.message, status);
  }
}

/** True when an error means the credentials are gone: the console returns to the login screen. */
export function isAuthLost(code: string | undefined): boolean {
  // AUTH_EXPIRED / AUTH_REVOKED: the server ended an open socket's login (expiry, sign-out elsewhere).
  return isCredentialRefused(code);
}

/** The code of any thrown value: a ConsoleError's code, or INTERNAL for anything else. */
export function errorCodeOf(err: unknown): string {
  if (err instanceof ConsoleError) return err.code;
  if (err && typeof err === 'object' && 'code' in err && typeof err.code === 'string') return err.code;
  return ErrorCode.Internal;
}
