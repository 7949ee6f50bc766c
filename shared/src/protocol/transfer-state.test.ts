import { describe, expect, it } from 'vitest';
import { Transfer, TransferState } from '../routing/transfer';
import { clientEvents, serverEvents } from './index';

const record: Transfer = {
  transferId: 't1',
  sessionId: 's1',
  ticketNumber: 'A007',
  mode: 'consulted',
  target: { kind: 'agent', agentId: 'b' },
  phase: 'inviting',
  from: { agentId: 'a', displayName: '李敏' },
  at: '2026-11-22T02:00:00.000Z',
};
const iceServers = [
  { urls: 'stun:stun.example.org' },
  { urls: ['turn:turn.example.org:3478'], username: 'u', credential: 'c' },
];

describe('transfer state on the wire', () => {
  it('the push to both agents carries the hand-over call’s ICE servers, required and checked', () => {
    const push = serverEvents['transfer:state'];
    expect(push.parse({ ...record, iceServers })).toEqual({ ...record, iceServers });
    expect(push.safeParse({ ...record, iceServers: [] }).success).toBe(true);
    // The invited agent has no session of their own: a push without them is refused, not defaulted.
    expect(push.safeParse(record).success).toBe(false);
    expect(push.safeParse({ ...record, iceServers: [{ url: 'stun:x' }] }).success).toBe(false);
    expect(push.safeParse({ ...record, iceServers: 'stun:x' }).success).toBe(false);
  });

  it('every transfer ack is the same state, with the ICE servers', () => {
    for (const event of [
      'transfer:start',
      'transfer:answer',
      'transfer:complete',
      'transfer:cancel',
    ] as const) {
      const ack = clientEvents[event].ack;
      expect(ack.safeParse({ ...record, iceServers }).success, event).toBe(true);
      expect(ack.safeParse(record).success, event).toBe(false);
    }
  });

  it('the record (the case read-back) does not need them', () => {
    expect(Transfer.safeParse(record).success).toBe(true);
    expect(TransferState.safeParse(record).success).toBe(false);
  });
});
