/**
 * Asking before the call ends: the hang-up button only asks "end the call?" (`ask-hang-up`), with
 * "keep talking" as the large default (`keep-call`). Only the answer "end" is the call phase's
 * `hang-up`. The question goes away by itself with the call screen (flow/settle.ts clears it).
 */
import { inCall, stay } from '../state';
import type { FlowEvent, FlowState, Phase, Step } from '../state';

/** The resident's taps: the hang-up button, and "keep talking". */
export type HangUpEvent = { type: 'ask-hang-up' } | { type: 'keep-call' };

function reduce(state: FlowState, event: FlowEvent): Step | null {
  if (!inCall(state.screen)) return null;
  switch (event.type) {
    case 'ask-hang-up':
      return state.session ? stay({ ...state, confirmHangUp: true }) : null;
    case 'keep-call':
      return stay({ ...state, confirmHangUp: false });
    default:
      return null;
  }
}

/** Asks once before a resident's tap ends the call. */
export const hangUpPhase: Phase = { name: 'hang-up', reduce };
