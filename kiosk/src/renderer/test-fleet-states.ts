/**
 * Flow states of issue 12's resident screens, for the tests that render every screen (speech and
 * screen agree, every text shown): getting ready for a call (once it is slow enough to say so) and
 * "video is not available right now".
 */
import type { FlowState } from './flow/machine';
import { online, readiness, run } from './flow/test-fixtures';

const up = run(online, { type: 'server-status', connected: true }).state;
const preparing = run(
  up,
  { type: 'call-without-card' },
  { type: 'choose-need', need: 'unsure' },
  { type: 'answer-disability', disability: false },
).state;

/** The check before the ticket, still quiet. */
export const preparingQuiet: FlowState = preparing;

/** [name, state] for each new screen state that says something. */
export const fleetStates: Array<[string, FlowState]> = [
  ['preparing, slow', run(preparing, { type: 'timer', timer: 'preparing-slow' }).state],
  ['no video', run(preparing, { type: 'readiness-checked', readiness: readiness(false) }).state],
  ['readiness failed', run(preparing, { type: 'readiness-failed', code: 'SERVER_UNREACHABLE' }).state],
];
