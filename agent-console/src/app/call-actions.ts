/**
 * The agent's two actions on a session, as the ConsoleApp runs them over its socket: accepting a
 * ticket (one named, or the next one) and ending the call. The app keeps the one-at-a-time guard
 * and the snapshot; these say what each answer means for the workbench.
 */
import { ErrorCode, type CallOffer, type QueueEntry, type SessionOpened } from '@rvw/shared';
import { errorCodeOf, isAuthLost } from '../lib/errors';
import { request, type ConsoleSocket } from './console-socket';
import { ACCEPT_NEXT, type ConsoleAction } from './console-state';

/** Errors from ending a call that mean the server has already ended it. */
const ALREADY_OVER: readonly string[] = [
  ErrorCode.SessionEnded,
  ErrorCode.NotFound,
  ErrorCode.NotSessionMember,
];

/** What an action needs of the app. */
export interface CallActionContext {
  socket: ConsoleSocket;
  dispatch(action: ConsoleAction): void;
  /** True while the signed-in stretch that began the action is still the app's. */
  current(): boolean;
  /** A lost login: the app signs out. */
  authLost(code: string): void;
  /** Runs an accept with the prepared call's offer, if one is ready (call/call-preparer.ts); default none. */
  accepting?(send: (offer: CallOffer | null) => Promise<SessionOpened>): Promise<SessionOpened>;
}

/** Accepts `entry`, or the next ticket the server offers first (null). */
export async function acceptTicket(ctx: CallActionContext, entry: QueueEntry | null): Promise<void> {
  ctx.dispatch({ type: 'accept-start', ticketId: entry?.ticketId ?? ACCEPT_NEXT });
  try {
    const send = (offer: CallOffer | null) => {
      const carried = offer ? { offer } : {};
      return entry
        ? request(ctx.socket, 'ticket:accept', { ticketId: entry.ticketId, ...carried })
        : request(ctx.socket, 'ticket:accept-next', carried);
    };
    const opened = ctx.accepting ? await ctx.accepting(send) : await send(null);
    if (ctx.current()) ctx.dispatch({ type: 'accept-ok', opened, identity: entry?.identity ?? null });
  } catch (e) {
    const code = errorCodeOf(e);
    console.warn(`[console] accept ${entry?.number ?? 'next'} failed: ${code}`);
    if (isAuthLost(code)) ctx.authLost(code);
    else if (ctx.current())
      ctx.dispatch({ type: 'accept-failed', ticketNumber: entry?.number ?? null, code });
  }
}

/**
 * Ends the session's call on the server. The agent wants out: the call leaves the screen whatever
 * the answer, except CASE_OPEN (a case the console did not know of: the call goes on). If the
 * server still holds the session, agent:state brings it back on the next connect.
 */
export async function endSession(ctx: CallActionContext, sessionId: string): Promise<void> {
  try {
    const ended = await request(ctx.socket, 'session:end', { sessionId });
    ctx.dispatch({ type: 'session-ended', ended });
  } catch (e) {
    const code = errorCodeOf(e);
    if (code === ErrorCode.CaseOpen) {
      ctx.dispatch({ type: 'error', code });
      return;
    }
    ctx.dispatch({ type: 'session-ended', ended: { sessionId, endedBy: 'agent' } });
    if (!ALREADY_OVER.includes(code)) ctx.dispatch({ type: 'error', code });
  }
}
