/**
 * What the screens before the ticket share (card and need phases): greeting a card as a fresh
 * visit, and the privacy reset of a screen left alone with the resident's name or answers on it
 * (a spoken "are you still there?" after IDLE_MS, then home after IDLE_NOTICE_MS).
 */
import type { CardSummary } from '@rvw/shared';
import { SETTLE_MS } from '../settle';
import { freshVisit, home, stay } from '../state';
import type { FlowEvent, FlowState, Step } from '../state';

/** How long a greeting, consent or need screen may stay untouched before the privacy notice is spoken. */
export const IDLE_MS = 90_000;
/** How long the privacy notice stays before the name is cleared and the kiosk goes home. */
export const IDLE_NOTICE_MS = 30_000;

const cardScreens = new Set<string>(['welcome', 'greeting', 'consent']);

/**
 * A fresh visit greeting this card: whatever the previous resident left is gone. The language a
 * resident chose on welcome is theirs and stays; after another screen it was someone else's.
 */
export function greet(state: FlowState, card: CardSummary): Step {
  const locale = cardScreens.has(state.screen) ? state.locale : null;
  return stay({ ...freshVisit(state), locale, screen: 'greeting', card, visitHadCard: true });
}

/**
 * The idle notice's events on a screen that has one (not welcome): any answer to "are you still
 * there?" gives the full time again, and the screen behind the notice settles as a new one would
 * (the tap on the notice must not answer it); the `idle` timer shows the notice, then goes home.
 * Null for other events.
 */
export function idleStep(state: FlowState, event: FlowEvent): Step | null {
  if (state.screen === 'welcome') return null;
  if (event.type === 'still-here') {
    if (!state.idleNotice) return null;
    return {
      state: { ...state, idleNotice: false, settling: { time: true, speech: false } },
      effects: [
        { type: 'start-timer', timer: 'idle', ms: IDLE_MS },
        { type: 'start-timer', timer: 'settle', ms: SETTLE_MS },
      ],
    };
  }
  if (event.type === 'timer' && event.timer === 'idle') {
    if (state.idleNotice) return home(state);
    return {
      state: { ...state, idleNotice: true },
      effects: [{ type: 'start-timer', timer: 'idle', ms: IDLE_NOTICE_MS }],
    };
  }
  return null;
}
