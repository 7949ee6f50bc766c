import { describe, expect, it, vi } from 'vitest';
import { ErrorCode, type SignalData, type TransferState } from '@rvw/shared';
import { CallController, FakePeer, noLocalMedia, type CallControllerOptions } from '@rvw/shared/call';
import { ConsoleError } from '../lib/errors';
import type { ConsoleSocket } from '../app/console-socket';
import { TransferStore, type TransferTransport } from './transfer-store';
import { incomingLine, outgoingLine, selectable } from './transfer-rules';
import { transferMessages } from './transfer-text';

const ME = 'agent-me';
const OTHER = 'agent-other';
/** The server's ICE servers, as its transfer pushes and acks carry them. */
const ICE = [
  { urls: 'stun:stun.example.org' },
  { urls: 'turn:turn.example.org:3478', username: 'u', credential: 'c' },
];

function transfer(patch: Partial<TransferState> = {}): TransferState {
  return {
    transferId: 't1',
    sessionId: 's1',
    ticketNumber: 'A007',
    mode: 'consulted',
    target: { kind: 'agent', agentId: OTHER },
    phase: 'inviting',
    from: { agentId: ME, displayName: '李敏' },
    at: '2026-11-22T02:00:00.000Z',
    iceServers: ICE,
    ...patch,
  };
}

/** A store with a recording transport, fake peers, and a socket whose pushes the test sends. */
function rig(opts: { me?: string } = {}) {
  const handedOver = vi.fn<(sessionId: string) => void>();
  const signals: Array<[string, SignalData]> = [];
  const answers: Array<TransferState | Error> = [];
  const next = (): Promise<TransferState> => {
    const a = answers.shift();
    if (!a) throw new Error('no answer queued');
    return a instanceof Error ? Promise.reject(a) : Promise.resolve(a);
  };
  const transport: TransferTransport = {
    options: vi.fn(async () => []),
    start: vi.fn(next),
    answer: vi.fn(next),
    complete: vi.fn(next),
    cancel: vi.fn(next),
    signal: async (id, data) => void signals.push([id, data]),
  };
  const peers: FakePeer[] = [];
  const calls: CallControllerOptions[] = [];
  const store = new TransferStore({
    transport,
    me: () => opts.me ?? ME,
    handedOver,
    createCall: (o) => {
      calls.push(o);
      return new CallController({
        ...o,
        openMedia: noLocalMedia,
        createPeer: (p) => {
          const peer = new FakePeer(p);
          peers.push(peer);
          return peer;
        },
      });
    },
  });
  const handlers = new Map<string, (payload: unknown) => void>();
  const socket = { on: (event: string, fn: (payload: unknown) => void) => void handlers.set(event, fn) };
  store.bind(socket as unknown as ConsoleSocket);
  const push = (event: 'transfer:state' | 'consult:signal', payload: unknown) =>
    handlers.get(event)!(payload);
  return { store, transport, answers, handedOver, signals, peers, calls, push };
}

describe('transfer store', () => {
  it('a blind transfer hands the session over once, when it is queued', async () => {
    const r = rig();
    const queued = transfer({
      mode: 'blind',
      phase: 'queued',
      target: { kind: 'skill', skill: 'residence' },
    });
    r.answers.push(queued);
    expect(await r.store.start({ sessionId: 's1', mode: 'blind', target: queued.target })).toBe(true);
    expect(r.handedOver.mock.calls).toEqual([['s1']]);
    r.push('transfer:state', { ...queued, phase: 'completed', to: { agentId: OTHER, displayName: '王芳' } });
    expect(r.handedOver).toHaveBeenCalledTimes(1);
    expect(r.store.getSnapshot().outgoing?.phase).toBe('completed');
    expect(r.calls).toEqual([]);
  });

  it('a consulted transfer runs the hand-over call as the initiator, relays its signals, and leaves on complete', async () => {
    const r = rig();
    r.answers.push(transfer());
    await r.store.start({ sessionId: 's1', mode: 'consulted', target: { kind: 'agent', agentId: OTHER } });
    expect(r.handedOver).not.toHaveBeenCalled();
    r.push('transfer:state', transfer({ phase: 'consulting', to: { agentId: OTHER, displayName: '王芳' } }));
    expect(r.calls).toHaveLength(1);
    expect(r.calls[0]).toMatchObject({ initiator: true, iceServers: ICE });
    await vi.waitFor(() => expect(r.peers[0]?.started).toBe(true));
    const offer: SignalData = { type: 'offer', sdp: 'v=0 from me' };
    r.peers[0]!.emitSignal(offer);
    await vi.waitFor(() => expect(r.signals).toEqual([['t1', offer]]));
    const answer: SignalData = { type: 'answer', sdp: 'v=0 from them' };
    r.push('consult:signal', { transferId: 't1', data: answer });
    r.push('consult:signal', { transferId: 'other', data: { type: 'answer', sdp: 'not ours' } });
    expect(r.peers[0]!.received).toEqual([answer]);
    expect(r.store.getSnapshot()).toMatchObject({ consultId: 't1' });

    r.answers.push(transfer({ phase: 'completed', to: { agentId: OTHER, displayName: '王芳' } }));
    expect(await r.store.complete()).toBe(true);
    expect(r.handedOver.mock.calls).toEqual([['s1']]);
    expect(r.peers[0]!.ended).toBe(true);
    expect(r.store.getSnapshot()).toMatchObject({ consult: null, consultId: null });
  });

  it('the invited agent answers; the tab that accepted answers the call, another tab of theirs does not', async () => {
    const invited = transfer({ phase: 'inviting' });
    const consulting = transfer({ phase: 'consulting', to: { agentId: OTHER, displayName: '王芳' } });
    const here = rig({ me: OTHER });
    const there = rig({ me: OTHER });
    here.push('transfer:state', invited);
    there.push('transfer:state', invited);
    expect(here.store.getSnapshot().incoming?.phase).toBe('inviting');
    here.answers.push(consulting);
    expect(await here.store.answer(true)).toBe(true);
    expect(here.transport.answer).toHaveBeenCalledWith('t1', true);
    // The invited side has no session of its own: its call gets the servers the transfer carries.
    expect(here.calls).toEqual([expect.objectContaining({ initiator: false, iceServers: ICE })]);
    there.push('transfer:state', consulting);
    expect(there.calls).toEqual([]);
    expect(there.store.getSnapshot()).toMatchObject({ incoming: { phase: 'consulting' }, consult: null });
    // The push of the completion ends the call; the session opening is the workbench's.
    here.push(
      'transfer:state',
      transfer({ phase: 'completed', to: { agentId: OTHER, displayName: '王芳' } }),
    );
    await vi.waitFor(() => expect(here.peers[0]?.ended).toBe(true));
    expect(here.handedOver).not.toHaveBeenCalled();
  });

  it('the invited side takes the ICE servers from the invitation push, and a push without them is refused', async () => {
    const r = rig({ me: OTHER });
    const { iceServers: _dropped, ...bare } = transfer();
    r.push('transfer:state', bare);
    expect(r.store.getSnapshot().incoming).toBeNull();
    const turnOnly = [{ urls: ['turn:relay.example.org:443?transport=tcp'], username: 'b', credential: 'k' }];
    r.push('transfer:state', transfer({ iceServers: turnOnly }));
    // The answer comes back by the push before the ack here: either way the call uses the servers sent.
    r.push(
      'transfer:state',
      transfer({ phase: 'consulting', iceServers: turnOnly, to: { agentId: OTHER, displayName: '王芳' } }),
    );
    r.answers.push(
      transfer({ phase: 'consulting', iceServers: turnOnly, to: { agentId: OTHER, displayName: '王芳' } }),
    );
    expect(await r.store.answer(true)).toBe(true);
    expect(r.calls).toHaveLength(1);
    expect(r.calls[0]!.iceServers).toEqual(turnOnly);
    expect(r.calls[0]!.iceServers).not.toEqual([]);
  });

  it("keeps the server's newer push over an action's late answer, and ignores transfers of others", async () => {
    const r = rig({ me: OTHER });
    r.push('transfer:state', transfer());
    let release!: (t: TransferState) => void;
    vi.mocked(r.transport.answer).mockImplementationOnce(() => new Promise((resolve) => (release = resolve)));
    const answering = r.store.answer(true);
    r.push('transfer:state', transfer({ phase: 'cancelled', reason: 'withdrawn' }));
    release(transfer({ phase: 'consulting' }));
    await answering;
    expect(r.store.getSnapshot().incoming).toMatchObject({ phase: 'cancelled', reason: 'withdrawn' });
    expect(r.calls).toEqual([]);
    r.push(
      'transfer:state',
      transfer({
        transferId: 't9',
        from: { agentId: 'x', displayName: 'x' },
        target: { kind: 'agent', agentId: 'y' },
      }),
    );
    expect(r.store.getSnapshot().incoming?.transferId).toBe('t1');
  });

  it('a refused action keeps its code until dismissed; a finished transfer is dismissed, an open one stays', async () => {
    const r = rig();
    r.answers.push(new ConsoleError(ErrorCode.AgentUnavailable, 'away'));
    expect(
      await r.store.start({ sessionId: 's1', mode: 'consulted', target: { kind: 'agent', agentId: OTHER } }),
    ).toBe(false);
    expect(r.store.getSnapshot()).toMatchObject({ busy: false, error: 'AGENT_UNAVAILABLE', outgoing: null });
    r.push('transfer:state', transfer({ phase: 'inviting' }));
    r.store.dismiss();
    expect(r.store.getSnapshot()).toMatchObject({ error: null, outgoing: { phase: 'inviting' } });
    r.push('transfer:state', transfer({ phase: 'cancelled', reason: 'declined' }));
    r.store.dismiss();
    expect(r.store.getSnapshot().outgoing).toBeNull();
  });

  it('sign-out ends a hand-over call and forgets everything', async () => {
    const r = rig();
    r.answers.push(transfer());
    await r.store.start({ sessionId: 's1', mode: 'consulted', target: { kind: 'agent', agentId: OTHER } });
    r.push('transfer:state', transfer({ phase: 'consulting' }));
    await vi.waitFor(() => expect(r.peers).toHaveLength(1));
    r.store.reset();
    expect(r.peers[0]!.ended).toBe(true);
    expect(r.store.getSnapshot()).toMatchObject({ outgoing: null, incoming: null, consult: null });
  });
});

describe('transfer rules and words', () => {
  it('only available online agents, and skill groups only for a blind transfer, can be chosen', () => {
    const agent = {
      kind: 'agent' as const,
      agentId: 'a',
      displayName: '王芳',
      centreId: 'main',
      skills: [],
      online: true,
    };
    expect(selectable({ ...agent, status: 'available' }, 'consulted')).toBe(true);
    expect(selectable({ ...agent, status: 'away' }, 'blind')).toBe(false);
    expect(selectable({ ...agent, status: 'in-session' }, 'blind')).toBe(false);
    expect(selectable({ ...agent, status: 'available', online: false }, 'blind')).toBe(false);
    const skill = { kind: 'skill' as const, skill: 'residence' as const, agentsOnline: 2 };
    expect(selectable(skill, 'blind')).toBe(true);
    expect(selectable(skill, 'consulted')).toBe(false);
  });

  it('says where a transfer is, for either agent, with the reason of a cancellation', () => {
    expect(outgoingLine(transfer({ phase: 'cancelled', reason: 'timeout' }), null, 'zh-CN')).toEqual({
      key: 'transfer.out.cancelled.timeout',
      params: { name: OTHER },
    });
    expect(
      outgoingLine(
        transfer({ mode: 'blind', phase: 'queued', target: { kind: 'skill', skill: 'residence' } }),
        null,
        'zh-CN',
      ),
    ).toEqual({ key: 'transfer.out.queued', params: { number: 'A007', target: '居住登记' } });
    expect(incomingLine(transfer())).toEqual({
      key: 'transfer.in.inviting',
      params: { name: '李敏', number: 'A007' },
    });
  });

  it('has the same words and placeholders in both languages', () => {
    const zh = transferMessages['zh-CN'];
    const en = transferMessages.en;
    expect(Object.keys(en).sort()).toEqual(Object.keys(zh).sort());
    const holes = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const key of Object.keys(zh) as Array<keyof typeof zh>)
      expect(holes(en[key])).toEqual(holes(zh[key]));
  });
});
