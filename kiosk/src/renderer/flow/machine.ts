/**
 * The resident's journey as a pure state machine, composed of phases (flow/phases/):
 * card (welcome -> greeting -> consent) -> queue (requesting -> waiting | problem) -> call (call -> thanks)
 * -> welcome. `transition` returns the next state and the effects the controller must run (bridge
 * calls, server requests, timers); it never performs them, so every rule is unit-tested.
 *
 * Adding a phase (form, sign, print, rate): a file in flow/phases/ exporting its Phase, its screens,
 * events and effects; one line in `phases` below; its types added to the unions in state.ts.
 */
import { callPhase } from './phases/call';
import { cardPhase } from './phases/card';
import { queuePhase } from './phases/queue';
import { resume } from './resume';
import { withScreenTimers } from './screen-timers';
import { home, stay } from './state';
import type { FlowEvent, FlowState, Phase, Step } from './state';

export type { Effect, FlowEvent, FlowState, Phase, Screen, Step, TimerName } from './state';
export type { Problem } from './phases/queue';
export { initialFlow, readerUsable } from './state';
export { THANKS_MS } from './phases/call';

// Journey order; each event goes to the first phase that takes it.
const phases: readonly Phase[] = [cardPhase, queuePhase, callPhase];

const screenTimers = Object.assign({}, ...phases.map((phase) => phase.screenTimers ?? {})) as NonNullable<
  Phase['screenTimers']
>;

function reduce(state: FlowState, event: FlowEvent): Step {
  switch (event.type) {
    case 'reader-status':
      return stay({ ...state, reader: event.status });
    case 'server-state':
      return resume(state, event.state);
    case 'reset':
      return home(state);
  }
  for (const phase of phases) {
    const step = phase.reduce(state, event);
    if (step) return step;
  }
  return stay(state);
}

/** The next state and effects for an event. Unknown or out-of-place events change nothing. */
export function transition(state: FlowState, event: FlowEvent): Step {
  return withScreenTimers(state, event, reduce(state, event), screenTimers);
}

/** True when an event ends the resident's visit, so the next resident starts in the kiosk's own language. */
export function endsVisit(event: FlowEvent): boolean {
  return (
    event.type === 'thanks-done' ||
    event.type === 'reset' ||
    event.type === 'cancel-ticket' ||
    (event.type === 'timer' && event.timer === 'thanks')
  );
}
