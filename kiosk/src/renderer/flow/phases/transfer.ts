/**
 * The transfer phase (issue 11 #6, 转办): the agent hands the session to another agent. The kiosk
 * hears `session:transfer` {transferring}: a calm screen says "正在为您转接，请稍候", the call with
 * the first agent closes (the controller runs a call only on a screen of the call), and the
 * session's cases stay as they are. The same session then opens again with the new agent
 * (`session:opened`, same id): the call restarts and the screen returns to the call with the case
 * as it was. {cancelled}: back to the call with the first agent; {connected}: only confirms. The
 * resident never starts again.
 */
import type { KioskTransferNotice } from '@rvw/shared';
import { inCall, stay } from '../state';
import type { FlowEvent, FlowState, Phase, Step } from '../state';
import { afterCall } from './rate';
import { backInLine } from './call';

/** "Transferring you, please wait". */
export type TransferScreen = 'transferring';

/** The server's transfer notice for this kiosk's session. */
export type TransferEvent = { type: 'session-transfer'; notice: KioskTransferNotice };

/** Back to the call (the same session, the case kept). */
function backToCall(state: FlowState): Step {
  return stay({ ...state, screen: 'call' });
}

function reduce(state: FlowState, event: FlowEvent): Step | null {
  const transferring = state.screen === 'transferring';
  switch (event.type) {
    case 'session-transfer': {
      const { sessionId, phase } = event.notice;
      if (state.session?.session.id !== sessionId) return stay(state);
      if (phase === 'transferring') {
        if (!inCall(state.screen)) return stay(state);
        // A walk through a form in progress is the first agent's: the new agent asks again.
        return stay({ ...state, screen: 'transferring', review: null, formNotice: null });
      }
      // Cancelled (the first agent kept the resident) or connected (the new agent is there).
      return transferring ? backToCall(state) : stay(state);
    }

    // The same session opened again: with the new agent after a transfer (or the same one). The
    // session is replaced (the agent's name and ICE servers are the new ones); the cases stay.
    case 'session-opened': {
      if (state.session?.session.id !== event.opened.session.id) return null;
      const newAgent = state.session.session.agent.id !== event.opened.session.agent.id;
      if (transferring) return stay({ ...state, screen: 'call', session: event.opened, endedBy: null });
      if (inCall(state.screen) && newAgent) return stay({ ...state, session: event.opened });
      return null;
    }

    // The session ends while it is being transferred: as it would have ended in the call.
    case 'session-ended':
      if (!transferring || state.session?.session.id !== event.sessionId) return null;
      return event.endedBy === 'system' ? backInLine(state, state.session) : afterCall(state, event.endedBy);

    default:
      return null;
  }
}

/** Keeps the resident calmly in their session while it moves to another agent. */
export const transferPhase: Phase = { name: 'transfer', reduce };
