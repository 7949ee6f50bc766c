/**
 * Flow states of issue 11's resident screens, for the tests that render every screen (speech and
 * screen agree, every text shown): the tiles, the disability question, each kind of wait estimate,
 * and the transfer.
 */
import type { Appointment, TicketPosition, WaitEstimate } from '@rvw/shared';
import type { FlowState } from './flow/machine';
import { card, needAsked, online, opened, position, run } from './flow/test-fixtures';

const up = run(online, { type: 'server-status', connected: true }).state;

/** An appointment of the card's holder due now (slot 09:00-09:30 for the assessment application). */
export const dueAppointment: Appointment = {
  appointmentId: 'ap1',
  slot: {
    slotId: 'sl1',
    centreId: 'main',
    skill: 'elderly-care',
    itemCode: 'ltci-assessment',
    startsAt: '2026-01-01T09:00:00Z',
    endsAt: '2026-01-01T09:30:00Z',
    capacity: 2,
    booked: 1,
  },
  status: 'booked',
  residentName: '李秀英',
  idNumberMasked: '310***********0021',
  bookedBy: 'kiosk',
  bookedAt: '2025-12-30T10:00:00Z',
};

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
const consentedTiles = run(
  up,
  { type: 'card-placed', card },
  { type: 'confirm-identity' },
  { type: 'consent', agree: true },
).state;

/** [name, state] for each new screen state. */
export const routingStates: Array<[string, FlowState]> = [
  ['need tiles', tiles],
  ['need tiles after consent (with booking)', consentedTiles],
  [
    'appointment due now',
    run(consentedTiles, { type: 'appointment-checked', appointment: dueAppointment }).state,
  ],
  ['booking an appointment', run(consentedTiles, { type: 'open-booking' }).state],
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
