/**
 * Screen timers as effects: when a transition changes the screen, the timer of the screen left is
 * cancelled and the timer of the screen entered is started. Doing it here, once, means no path
 * into or out of a timed screen (a tap, the server's state on reconnect, a new card) can forget it.
 */
import type { Effect, FlowEvent, FlowState, Screen, ScreenTimer, Step } from './state';

/** `step` with the `cancel-timer` / `start-timer` effects its screen change calls for, after its own. */
export function withScreenTimers(
  before: FlowState,
  event: FlowEvent,
  step: Step,
  timers: Partial<Record<Screen, ScreenTimer>>,
): Step {
  if (before.screen === step.state.screen) return step;
  const effects: Effect[] = [...step.effects];
  const leaving = timers[before.screen];
  // A timer that has just fired needs no cancelling.
  if (leaving && !(event.type === 'timer' && event.timer === leaving.timer))
    effects.push({ type: 'cancel-timer', timer: leaving.timer });
  const entering = timers[step.state.screen];
  if (entering) effects.push({ type: 'start-timer', timer: entering.timer, ms: entering.ms });
  return { state: step.state, effects };
}
