/**
 * The readiness phase (issue 12 #4): before the kiosk asks for a ticket (the step that leads to a
 * call), it checks that a video call can be held. The controller opens the camera and the
 * microphone and asks the host (`readiness:check`), which adds the server, the reader, the printer
 * and TURN. While that runs the screen is `preparing`, blank for a moment and "正在准备…" only if
 * it takes longer than PREPARING_QUIET_MS. A kiosk that cannot call does not send the resident
 * into a call that would fail: `no-video` says so calmly and asks them to tell the committee staff,
 * with one way back to the start (the card wiped, as every end of a visit does). A failed check
 * (the host did not answer) is the server out of reach: the queue phase's problem screen.
 */
import type { Readiness } from '@rvw/shared';
import { home, stay } from '../state';
import type { FlowEvent, FlowState, Phase, Step } from '../state';
import { greet } from './visit';
import { requestTicket, type TicketRequest } from './queue';

/** Checking readiness, then (only when a call cannot work) the calm "video is not available". */
export type ReadinessScreen = 'preparing' | 'no-video';

/**
 * `preparing-slow`: the check has taken long enough to say "正在准备…"; `no-video-home`: the
 * "video is not available" screen goes home by itself when nobody taps it.
 */
export type ReadinessTimer = 'preparing-slow' | 'no-video-home';

/** The controller's answer (the host's verdict, or the bridge's failure), and the tap back to the start. */
export type ReadinessEvent =
  | { type: 'readiness-checked'; readiness: Readiness }
  | { type: 'readiness-failed'; code: string }
  | { type: 'no-video-done' };

/** Probing the camera and microphone and asking the host for its verdict (`readiness:check`). */
export type ReadinessEffect = { type: 'check-readiness' };

/** How long the check may run on a quiet screen before "正在准备…" appears; 300 ms. */
export const PREPARING_QUIET_MS = 300;

/** How long "video is not available" stays when nobody taps it before the kiosk goes home; 60 s. */
export const NO_VIDEO_MS = 60_000;

/**
 * The way into the queue: checks readiness first, keeping the ticket request (identity, need,
 * disability or appointment) until the verdict says a call can be held.
 */
export function prepareCall(state: FlowState, request: TicketRequest): Step {
  return {
    state: { ...state, screen: 'preparing', pendingTicket: request, preparingSlow: false },
    effects: [{ type: 'check-readiness' }],
  };
}

function reduce(state: FlowState, event: FlowEvent): Step | null {
  switch (event.type) {
    case 'readiness-checked': {
      if (state.screen !== 'preparing' || !state.pendingTicket) return null;
      const next: FlowState = { ...state, pendingTicket: null, preparingSlow: false };
      if (event.readiness.canCall) return requestTicket(next, state.pendingTicket);
      return stay({ ...next, screen: 'no-video' });
    }

    // The host did not answer: as when the ticket request itself fails, the server is out of reach.
    case 'readiness-failed':
      if (state.screen !== 'preparing') return null;
      return stay({
        ...state,
        screen: 'problem',
        problem: 'server',
        pendingTicket: null,
        preparingSlow: false,
      });

    case 'timer':
      if (state.screen === 'preparing' && event.timer === 'preparing-slow')
        return stay({ ...state, preparingSlow: true });
      if (state.screen === 'no-video' && event.timer === 'no-video-home') return home(state);
      return null;

    case 'no-video-done':
      return state.screen === 'no-video' ? home(state) : null;

    // The visit is over: a card placed now belongs to the next resident.
    case 'card-placed':
      return state.screen === 'no-video' ? greet(state, event.card) : null;

    default:
      return null;
  }
}

/** Checks that a call can be held before the ticket, and says so calmly when it cannot. */
export const readinessPhase: Phase = {
  name: 'readiness',
  reduce,
  screenTimers: {
    preparing: { timer: 'preparing-slow', ms: PREPARING_QUIET_MS },
    'no-video': { timer: 'no-video-home', ms: NO_VIDEO_MS },
  },
};
