/**
 * The last error code the kiosk met (issue 12 #2): every bridge handler is wrapped so that a coded
 * BridgeError it throws is recorded with its time, whichever feature threw it. Only the code: never
 * the message (it may quote a server's words) and never anything about a resident.
 */
import { BridgeError } from '@rvw/shared';
import type { BridgeHandlers } from '@rvw/shared';
import type { LastError } from './collect';

/** Holds the last error code. */
export interface ErrorRecorder {
  record(code: string): void;
  current(): LastError;
  /** Hears each recorded error (the reporter sends a heartbeat on a change). */
  onRecord(listener: () => void): void;
}

/** A recorder on clock `now`. */
export function errorRecorder(now: () => Date): ErrorRecorder {
  let last: LastError = null;
  const listeners: Array<() => void> = [];
  return {
    record(code) {
      last = { code: code.slice(0, 60), at: now().toISOString() };
      for (const l of listeners) l();
    },
    current: () => last,
    onRecord(listener) {
      listeners.push(listener);
    },
  };
}

/** The same handlers, each recording the code of a BridgeError it throws (and rethrowing it). */
export function recordingErrors(handlers: BridgeHandlers, recorder: ErrorRecorder): BridgeHandlers {
  return Object.fromEntries(
    Object.entries(handlers).map(([channel, handler]) => [
      channel,
      async (request: never) => {
        try {
          return await (handler as (r: never) => Promise<unknown>)(request);
        } catch (err) {
          if (err instanceof BridgeError) recorder.record(err.code);
          throw err;
        }
      },
    ]),
  ) as BridgeHandlers;
}
