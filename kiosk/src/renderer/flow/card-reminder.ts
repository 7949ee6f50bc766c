/**
 * The reminder for a card left on the reader after the visit: while the thank-you screen or welcome
 * is shown with a card on the reader, "please take your ID card" is said again every
 * CARD_REMINDER_MS until the card is taken. Each firing counts up `cardReminders`, which the
 * screens speak again on.
 */
import type { Effect, FlowEvent, FlowState, Step } from './state';

/** `card-reminder`: the next spoken reminder to take the card. */
export type ReminderTimer = 'card-reminder';

/** Time between two spoken reminders to take the card. */
export const CARD_REMINDER_MS = 20_000;

/** True while a card lies on the reader and nobody's visit uses it any more. */
export function cardLeft(state: FlowState): boolean {
  return state.cardOnReader && (state.screen === 'thanks' || state.screen === 'welcome');
}

/** The reminder timer's own event: count one more reminder and wait for the next. Null otherwise. */
export function reminderEvent(state: FlowState, event: FlowEvent): Step | null {
  if (event.type !== 'timer' || event.timer !== 'card-reminder') return null;
  if (!cardLeft(state)) return { state, effects: [] };
  return {
    state: { ...state, cardReminders: state.cardReminders + 1 },
    effects: [{ type: 'start-timer', timer: 'card-reminder', ms: CARD_REMINDER_MS }],
  };
}

/** `step` with the reminder started when a card is left behind, and stopped when it is taken. */
export function withCardReminder(before: FlowState, step: Step): Step {
  const was = cardLeft(before);
  const is = cardLeft(step.state);
  if (was === is) return step;
  const effects: Effect[] = [...step.effects];
  if (is) effects.push({ type: 'start-timer', timer: 'card-reminder', ms: CARD_REMINDER_MS });
  else effects.push({ type: 'cancel-timer', timer: 'card-reminder' });
  return { state: { ...step.state, cardReminders: 0 }, effects };
}
