/**
 * Resuming from the server's view of this kiosk, sent on every (re)connect. It spans the queue and
 * call phases and its rules are checked in order, so it lives in one place rather than in each phase.
 */
import type { KioskState } from '@rvw/shared';
import { afterCall } from './phases/rate';
import { home, inCall, stay } from './state';
import type { FlowState, Step } from './state';

/** The step that makes the screen agree with what the server says this kiosk has open. */
export function resume(state: FlowState, server: KioskState): Step {
  const opened = server.session;
  if (opened && opened.session.endedAt === null) {
    // The same session goes on where it was (the form being checked or signed stays on screen);
    // the server re-sends its cases after this, and the newest revision decides.
    const same = state.session?.session.id === opened.session.id;
    if (inCall(state.screen) && same)
      return stay({ ...state, session: opened, ticket: server.ticket ?? state.ticket, problem: null });
    // Being transferred (issue 11 #6): the case stays; the call comes back once another agent has
    // the session (or the first kept it, which the server's transfer notice then says).
    if (state.screen === 'transferring' && same) {
      const moved = state.session?.session.agent.id !== opened.session.agent.id;
      return stay({
        ...state,
        screen: moved ? 'call' : 'transferring',
        session: opened,
        ticket: server.ticket ?? state.ticket,
        problem: null,
      });
    }
    return stay({
      ...state,
      screen: 'call',
      session: opened,
      ticket: server.ticket ?? state.ticket,
      problem: null,
      cases: [],
      caseFocus: null,
      formPage: 0,
      review: null,
      formNotice: null,
    });
  }
  if (server.ticket && server.ticket.ticket.status === 'waiting') {
    // Back in line from a call: the server ended it without anyone choosing to (issue 8 #6).
    const dropped = inCall(state.screen) || state.screen === 'transferring';
    return stay({
      ...state,
      screen: 'waiting',
      ticket: server.ticket,
      problem: null,
      ...(dropped ? { session: null, endedBy: 'system' as const, review: null, formNotice: null } : {}),
    });
  }
  // Nothing open on the server: whatever we were waiting for or talking in is over. A call that
  // ended while the kiosk was away was ended by someone: its outcomes are told and it is rated.
  if (inCall(state.screen) || state.screen === 'transferring') return afterCall(state, 'system');
  if (state.screen === 'waiting') return home(state);
  return stay(state);
}
