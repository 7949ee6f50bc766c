/**
 * Resuming from the server's view of this kiosk, sent on every (re)connect. It spans the queue and
 * call phases and its rules are checked in order, so it lives in one place rather than in each phase.
 */
import type { KioskState } from '@rvw/shared';
import { home, stay } from './state';
import type { FlowState, Step } from './state';

/** The step that makes the screen agree with what the server says this kiosk has open. */
export function resume(state: FlowState, server: KioskState): Step {
  const opened = server.session;
  if (opened && opened.session.endedAt === null) {
    return stay({
      ...state,
      screen: 'call',
      session: opened,
      ticket: server.ticket ?? state.ticket,
      problem: null,
    });
  }
  if (server.ticket && server.ticket.ticket.status === 'waiting') {
    // Back in line from a call: the server ended it without anyone choosing to (issue 8 #6).
    const dropped = state.screen === 'call';
    return stay({
      ...state,
      screen: 'waiting',
      ticket: server.ticket,
      problem: null,
      ...(dropped ? { session: null, endedBy: 'system' as const } : {}),
    });
  }
  // Nothing open on the server: whatever we were waiting for or talking in is over.
  if (state.screen === 'call') return stay({ ...state, screen: 'thanks', endedBy: 'system' });
  if (state.screen === 'waiting') return home(state);
  return stay(state);
}
