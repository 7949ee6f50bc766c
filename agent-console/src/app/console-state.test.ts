import { describe, expect, it } from 'vitest';
import type { AgentState, IdentitySummary, QueueEntry, SessionOpened } from '@rvw/shared';
import {
  consoleReducer,
  initialConsoleState,
  sortQueue,
  type ConsoleAction,
  type ConsoleState,
} from './console-state';

const kiosk = {
  id: 'k1',
  name: '江宁路街道 3 号机',
  location: '江宁路街道 · 淮安居委会',
  centreId: 'main',
  kind: 'fixed' as const,
};
const identity: IdentitySummary = {
  cardType: 'resident',
  name: '李秀英',
  gender: 'female',
  age: 78,
  idNumberMasked: '310***********1234',
};

/** A queue entry; the server's position follows the ticket number, as it does for same-priority tickets. */
function entry(number: string, createdAt: string, withId = false): QueueEntry {
  return {
    ticketId: `t-${number}`,
    position: Number(number.slice(1)),
    number,
    kiosk,
    createdAt,
    identityIntent: withId ? 'pending' : 'none',
    kioskOnline: true,
    need: 'unsure',
    tags: [],
    place: {
      centreId: 'main',
      centreName: '中心',
      region: '上海市',
      committee: 'L',
      kioskName: 'K',
      kioskKind: 'fixed' as const,
    },
    ...(withId ? { identity } : {}),
  };
}

function opened(ticketNumber: string, sessionId = `s-${ticketNumber}`): SessionOpened {
  return {
    session: {
      id: sessionId,
      ticketId: `t-${ticketNumber}`,
      ticketNumber,
      kiosk,
      agent: { id: 'a1', displayName: '王芳' },
      startedAt: '2025-05-01T08:00:00Z',
      endedAt: null,
      endedBy: null,
    },
    iceServers: [],
    initiator: true,
  };
}

const agent = {
  id: 'a1',
  username: 'wang',
  displayName: '王芳',
  role: 'agent' as const,
  centreId: 'main',
  skills: [],
};

function run(actions: ConsoleAction[], from: ConsoleState = initialConsoleState): ConsoleState {
  return actions.reduce(consoleReducer, from);
}

describe('sortQueue', () => {
  it("keeps the server's service order, whatever the arrival order", () => {
    const sorted = sortQueue([
      entry('A010', '2025-05-01T08:05:00Z'),
      entry('A002', '2025-05-01T08:01:00Z'),
      entry('A003', '2025-05-01T08:01:00Z'),
      entry('A001', '2025-05-01T08:00:00Z'),
    ]);
    expect(sorted.map((e) => e.number)).toEqual(['A001', 'A002', 'A003', 'A010']);
  });
});

describe('consoleReducer', () => {
  it('tracks the connection', () => {
    expect(initialConsoleState.connection).toBe('connecting');
    const s = run([{ type: 'connected' }, { type: 'disconnected' }]);
    expect(s.connection).toBe('reconnecting');
    expect(run([{ type: 'connected' }], s).connection).toBe('connected');
  });

  it('keeps the queue sorted and the server clock offset', () => {
    const s = run([
      {
        type: 'queue',
        snapshot: {
          entries: [entry('A002', '2025-05-01T08:01:00Z'), entry('A001', '2025-05-01T08:00:00Z')],
          serverTime: '2025-05-01T08:10:00Z',
        },
        receivedAt: Date.parse('2025-05-01T08:09:00Z'),
      },
    ]);
    expect(s.queue.map((e) => e.number)).toEqual(['A001', 'A002']);
    expect(s.offsetMs).toBe(60_000);
  });

  it('accepting carries the row identity into the call and removes the row', () => {
    const withQueue = run([
      {
        type: 'queue',
        snapshot: {
          entries: [entry('A001', '2025-05-01T08:00:00Z', true)],
          serverTime: '2025-05-01T08:00:00Z',
        },
        receivedAt: 0,
      },
      { type: 'accept-start', ticketId: 't-A001' },
    ]);
    expect(withQueue.accepting).toBe('t-A001');
    const s = run([{ type: 'accept-ok', opened: opened('A001'), identity }], withQueue);
    expect(s.accepting).toBeNull();
    expect(s.call?.opened.session.id).toBe('s-A001');
    expect(s.call?.identity).toEqual(identity);
    expect(s.queue).toEqual([]);
  });

  it('ignores a second accept while one is in flight or a call is open', () => {
    const s = run([
      { type: 'accept-start', ticketId: 't-A001' },
      { type: 'accept-start', ticketId: 't-A002' },
    ]);
    expect(s.accepting).toBe('t-A001');
    const inCall = run([{ type: 'accept-ok', opened: opened('A001'), identity: null }]);
    expect(run([{ type: 'accept-start', ticketId: 't-A002' }], inCall).accepting).toBeNull();
    // An opening for another session while in a call does not replace the call.
    const still = run([{ type: 'accept-ok', opened: opened('A002'), identity: null }], inCall);
    expect(still.call?.opened.session.id).toBe('s-A001');
  });

  it('keeps the identity when session:opened arrives before the acknowledgement', () => {
    const withQueue = run([
      {
        type: 'queue',
        snapshot: {
          entries: [entry('A001', '2025-05-01T08:00:00Z', true)],
          serverTime: '2025-05-01T08:00:00Z',
        },
        receivedAt: 0,
      },
    ]);
    const s = run(
      [
        { type: 'accept-ok', opened: opened('A001'), identity: null },
        { type: 'accept-ok', opened: opened('A001'), identity: null },
      ],
      withQueue,
    );
    expect(s.call?.identity).toEqual(identity);
  });

  it('a failed accept leaves the queue and shows one notice naming the ticket', () => {
    const withQueue = run([
      {
        type: 'queue',
        snapshot: { entries: [entry('A001', '2025-05-01T08:00:00Z')], serverTime: '2025-05-01T08:00:00Z' },
        receivedAt: 0,
      },
      { type: 'accept-start', ticketId: 't-A001' },
    ]);
    const s = run(
      [
        { type: 'accept-failed', ticketNumber: 'A001', code: 'TICKET_TAKEN' },
        { type: 'accept-failed', ticketNumber: 'A001', code: 'TICKET_NOT_WAITING' },
      ],
      withQueue,
    );
    expect(s.accepting).toBeNull();
    expect(s.queue).toHaveLength(1);
    expect(s.notices).toEqual([
      expect.objectContaining({ kind: 'accept-failed', code: 'TICKET_NOT_WAITING' }),
    ]);
  });

  it('fills in the resident identity of the current call when it arrives late', () => {
    const inCall = run([{ type: 'accept-ok', opened: opened('A001'), identity: null }]);
    expect(inCall.call?.identity).toBeNull();
    const other = run([{ type: 'session-identity', sessionId: 's-other', identity }], inCall);
    expect(other).toBe(inCall);
    const filled = run([{ type: 'session-identity', sessionId: 's-A001', identity }], inCall);
    expect(filled.call?.identity).toEqual(identity);
  });

  it('ends only the call whose session ended, with a notice', () => {
    const inCall = run([{ type: 'accept-ok', opened: opened('A001'), identity }]);
    const other = run([{ type: 'session-ended', ended: { sessionId: 's-other', endedBy: 'kiosk' } }], inCall);
    expect(other).toBe(inCall);
    const ended = run([{ type: 'session-ended', ended: { sessionId: 's-A001', endedBy: 'kiosk' } }], inCall);
    expect(ended.call).toBeNull();
    expect(ended.notices).toEqual([expect.objectContaining({ kind: 'call-ended', endedBy: 'kiosk' })]);
    const dismissed = run([{ type: 'dismiss', id: ended.notices[0]!.id }], ended);
    expect(dismissed.notices).toEqual([]);
  });

  it('resumes an open session from agent:state, and keeps the current one on reconnect', () => {
    const state: AgentState = { agent, session: { ...opened('A001'), identity } };
    const resumed = run([{ type: 'agent-state', state }]);
    expect(resumed.call?.opened.session.id).toBe('s-A001');
    expect(resumed.call?.identity).toEqual(identity);
    expect(run([{ type: 'agent-state', state }], resumed)).toBe(resumed);
  });

  it('leaves a call the server no longer knows, telling the agent', () => {
    const inCall = run([{ type: 'accept-ok', opened: opened('A001'), identity }]);
    const s = run([{ type: 'agent-state', state: { agent, session: null } }], inCall);
    expect(s.call).toBeNull();
    expect(s.notices).toEqual([expect.objectContaining({ kind: 'call-ended', endedBy: 'system' })]);
    expect(run([{ type: 'agent-state', state: { agent, session: null } }])).toBe(initialConsoleState);
  });

  it('forgets an accept in flight when the connection drops', () => {
    const s = run([{ type: 'accept-start', ticketId: 't-A001' }, { type: 'disconnected' }]);
    expect(s.accepting).toBeNull();
  });
});
