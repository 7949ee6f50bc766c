/** Sample cards, tickets and sessions for the flow's tests, and `run` to feed a machine several events. */
import type { CardSummary, Readiness, SessionOpened, TicketPosition } from '@rvw/shared';
import { initialFlow, transition } from './machine';
import type { Effect, FlowEvent, FlowState } from './machine';
import { isTap } from './settle';

/** A resident ID card as the host reports it (number masked). */
export const card: CardSummary = {
  cardType: 'resident',
  name: '李秀英',
  familyName: '李',
  gender: 'female',
  age: 76,
  idNumberMasked: '310***********0021',
};

/** The kiosk the sessions below open on. */
export const kiosk = {
  id: 'k1',
  name: '静安寺街道 1 号机',
  location: '愚园路居委会',
  centreId: 'main',
  kind: 'fixed' as const,
};

/** Ticket `id` (A007) at place `pos` in a queue of 5. */
export function position(
  status: 'waiting' | 'serving' | 'cancelled' = 'waiting',
  pos = 3,
  id = 't1',
): TicketPosition {
  return {
    ticket: {
      id,
      number: 'A007',
      kioskId: 'k1',
      status,
      createdAt: '2026-01-01T00:00:00Z',
      hasIdentity: false,
      need: 'unsure' as const,
      centreId: 'main',
    },
    position: pos,
    waiting: 5,
    estimate: { kind: 'none', reason: 'no-history' },
  };
}

/** An open session `id` for ticket t1, with agent 王芳. */
export function opened(id = 's1'): SessionOpened {
  return {
    session: {
      id,
      ticketId: 't1',
      ticketNumber: 'A007',
      kiosk,
      agent: { id: 'a1', displayName: '王芳' },
      startedAt: '2026-01-01T00:01:00Z',
      endedAt: null,
      endedBy: null,
    },
    iceServers: [],
    initiator: false,
  };
}

/** The host's verdict before a call: everything is ready (or, `canCall` false, the camera is missing). */
export function readiness(canCall = true): Readiness {
  return {
    canCall,
    checks: [
      canCall
        ? { part: 'camera', result: 'ok' }
        : { part: 'camera', result: 'problem', code: 'NotFoundError' },
      { part: 'microphone', result: 'ok' },
      { part: 'server', result: 'ok' },
    ],
    at: '2026-01-01T00:00:30Z',
  };
}

/** The readiness check answered: a call can be held. */
export const ready: FlowEvent = { type: 'readiness-checked', readiness: readiness() };

/**
 * The resident's taps between the card (or calling without one) and the ticket request: the tile
 * "I don't know, just ask staff", then 否 to the disability question; then the readiness check
 * says a call can be held.
 */
export const needAsked: FlowEvent[] = [
  { type: 'choose-need', need: 'unsure' },
  { type: 'answer-disability', disability: false },
  ready,
];

/** The ticket request `needAsked` leads to, with the identity as the card phase left it. */
export function askedFor(identity: 'pending' | 'declined' | 'none'): Effect {
  return { type: 'request-ticket', request: { identity, need: 'unsure', disability: false } };
}

/** The resident's tap on 满意 on the rating screen after a call (the visit goes on to thanks). */
export const rated: FlowEvent = { type: 'rate', level: 'satisfied' };

/** The start-up state with the reader online. */
export const online: FlowState = { ...initialFlow, reader: { state: 'online' } };

/** Welcome just after a visit ended: it takes no tap until its settle timer fires. */
export const homeAfterVisit: FlowState = { ...online, settling: { time: true, speech: false } };

/** The effects without the timers (for tests about what the kiosk does, not when). */
export function withoutTimers(effects: Effect[]): Effect[] {
  return effects.filter((e) => e.type !== 'start-timer' && e.type !== 'cancel-timer');
}

/** A screen that has settled, as it is once the resident has had time to read it. */
export function settled(state: FlowState): FlowState {
  const spoken = transition(state, { type: 'speech-started', screen: state.screen }).state;
  return transition(spoken, { type: 'timer', timer: 'settle' }).state;
}

/**
 * Feeds `events` to the machine in order, as a resident who reads each screen before tapping:
 * a settling screen settles (its speech starts, its settle timer fires) before a tap reaches it.
 * Returns the last state and every effect asked for. Double-tap tests use `transition` itself.
 */
export function run(state: FlowState, ...events: FlowEvent[]): { state: FlowState; effects: Effect[] } {
  const effects: Effect[] = [];
  for (const e of events) {
    if (state.settling && isTap(e)) state = settled(state);
    const step = transition(state, e);
    state = step.state;
    effects.push(...step.effects);
  }
  return { state, effects };
}
