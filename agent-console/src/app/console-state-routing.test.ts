/**
 * The workbench's reducer for routing (issue 11): an offer taken opens the call with the offer's
 * line (identity, place) though the queue held no such row; a session handed over by a transfer
 * opens like an accept and one handed away closes without ending; routing notices.
 */
import { describe, expect, it } from 'vitest';
import { openedFor, place, queueEntry } from '../queue/test-entries';
import { consoleReducer, initialConsoleState, type ConsoleAction, type ConsoleState } from './console-state';

function run(actions: ConsoleAction[], from: ConsoleState = initialConsoleState): ConsoleState {
  return actions.reduce(consoleReducer, from);
}

const portable = place({ kioskKind: 'portable', kioskName: '田林 上门办 2' });
const offered = queueEntry('A021', {
  identityIntent: 'declined',
  place: portable,
  tags: ['age80'],
});

describe('consoleReducer, routing', () => {
  it('an offer taken opens the call with the offer’s place and identity intent', () => {
    const s = run([{ type: 'accept-ok', opened: openedFor(offered), identity: null, entry: offered }]);
    expect(s.call).toMatchObject({
      opened: { session: { id: 's-A021' } },
      identityIntent: 'declined',
      place: portable,
    });
  });

  it('takes the place from the queue’s row on an ordinary accept, and ignores a line of another ticket', () => {
    const row = queueEntry('A001', { place: place({ committee: '长桥居委会' }) });
    const withQueue = run([
      { type: 'queue', snapshot: { entries: [row], serverTime: '2026-11-22T01:00:00Z' }, receivedAt: 0 },
    ]);
    const s = run([{ type: 'accept-ok', opened: openedFor(row), identity: null }], withQueue);
    expect(s.call?.place?.committee).toBe('长桥居委会');
    const wrong = run([
      { type: 'accept-ok', opened: openedFor(queueEntry('A002')), identity: null, entry: offered },
    ]);
    expect(wrong.call?.place).toBeUndefined();
  });

  it('a session handed over by transfer (session:opened, no row) opens the call as an accept does', () => {
    // The transferred resident is not in this agent's queue; the call opens from the opening alone.
    const s = run([{ type: 'accept-ok', opened: openedFor(queueEntry('A030')), identity: null }]);
    expect(s.call?.opened.session.ticketNumber).toBe('A030');
    expect(s.call?.place).toBeUndefined();
  });

  it('a session handed to another agent closes here with a notice, without ending', () => {
    const inCall = run([{ type: 'accept-ok', opened: openedFor(offered), identity: null, entry: offered }]);
    expect(run([{ type: 'handed-over', sessionId: 's-other' }], inCall)).toBe(inCall);
    const s = run([{ type: 'handed-over', sessionId: 's-A021' }], inCall);
    expect(s.call).toBeNull();
    expect(s.notices).toEqual([expect.objectContaining({ kind: 'handed-over', ticketNumber: 'A021' })]);
  });

  it('shows routing notices, the latest of a kind only', () => {
    const s = run([
      { type: 'notice', notice: { kind: 'offer-ended', reason: 'declined', ticketNumber: 'A001' } },
      { type: 'notice', notice: { kind: 'offer-ended', reason: 'missed', ticketNumber: 'A002' } },
      { type: 'notice', notice: { kind: 'status-refused', status: 'away', code: 'WRONG_STATE' } },
    ]);
    expect(s.notices).toEqual([
      expect.objectContaining({ kind: 'offer-ended', reason: 'missed', ticketNumber: 'A002' }),
      expect.objectContaining({ kind: 'status-refused', status: 'away', code: 'WRONG_STATE' }),
    ]);
  });
});
