/**
 * Flow states of issue 11's resident screens, for the tests that render every screen (speech and
 * screen agree, every text shown): the tiles, the disability question, each kind of wait estimate,
 * and the transfer.
 */
import type { TicketPosition, WaitEstimate } from '@rvw/shared';
import type { FlowState } from './flow/machine';
import { card, needAsked, online, opened, position, run } from './flow/test-fixtures';

const up = run(online, { type: 'server-status', connected: true }).state;

/** Ticket t1 at `pos` with `estimate`, for `need`. */
export function waitingWith(
  estimate: WaitEstimate,
  pos = 3,
  need: TicketPosition['ticket']['need'] = 'unsure',
): TicketPosition {
  const p = position('waiting', pos);
  return { ...p, estimate, ticket: { ...p.ticket, need } };
}

const requesting = run(up, { type: 'call-without-card' }, ...needAsked).state;
const waitingAt = (ticket: TicketPosition): FlowState =>
  run(requesting, { type: 'ticket-issued', position: ticket }).state;
const tiles = run(up, { type: 'call-without-card' }).state;

/** [name, state] for each new screen state. */
export const routingStates: Array<[string, FlowState]> = [
  ['need tiles', tiles],
  [
    'need tiles after consent',
    run(
      up,
      { type: 'card-placed', card },
      { type: 'confirm-identity' },
      {
        type: 'consent',
        agree: true,
      },
    ).state,
  ],
  ['need tiles, idle notice', run(tiles, { type: 'timer', timer: 'idle' }).state],
  ['disability question', run(tiles, { type: 'choose-need', need: 'medical-insurance' }).state],
  ['disability question, unsure', run(tiles, { type: 'choose-need', need: 'unsure' }).state],
  [
    'waiting, about 6 minutes',
    waitingAt(waitingWith({ kind: 'minutes', minutes: 6, agentsOnline: 2, meanHandlingS: 240 })),
  ],
  [
    'waiting, about 1 minute',
    waitingAt(waitingWith({ kind: 'minutes', minutes: 1, agentsOnline: 2, meanHandlingS: 60 }, 2)),
  ],
  ['waiting, connecting now', waitingAt(waitingWith({ kind: 'next' }, 1))],
  [
    'waiting, nobody online for the need',
    waitingAt(waitingWith({ kind: 'none', reason: 'no-agent-online' }, 3, 'residence')),
  ],
  ['waiting, nobody online at all', waitingAt(waitingWith({ kind: 'none', reason: 'no-agent-online' }))],
  ['waiting, no history', waitingAt(waitingWith({ kind: 'none', reason: 'no-history' }))],
  [
    'transferring',
    run(
      waitingAt(position()),
      { type: 'session-opened', opened: opened() },
      { type: 'session-transfer', notice: { sessionId: 's1', phase: 'transferring' } },
    ).state,
  ],
];
