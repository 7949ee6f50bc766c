import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CallOffer, PreparedCall, SessionOpened } from '@rvw/shared';
import { FakePeer, type LocalMedia } from '@rvw/shared/call';
import { CallPreparer } from './call-preparer';

const SDP = 'v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\n';
const ICE: PreparedCall = { iceServers: [{ urls: 'stun:stun.example.org' }], iceTransportPolicy: 'all' };

class Track {
  stopped = false;
  stop() {
    this.stopped = true;
  }
}

function rig(opts: { media?: () => Promise<LocalMedia | null>; prepare?: () => Promise<PreparedCall> } = {}) {
  const peers: FakePeer[] = [];
  const tracks: Track[] = [];
  const preparer = new CallPreparer({
    prepare: opts.prepare ?? (async () => ICE),
    media:
      opts.media ??
      (async () => {
        const track = new Track();
        tracks.push(track);
        return { stream: { getTracks: () => [track] } as unknown as MediaStream, error: null };
      }),
    createPeer: (o) => {
      const p = new FakePeer(o);
      peers.push(p);
      // Makes its offer as a real peer does, a little after it starts.
      queueMicrotask(() => p.emitSignal({ type: 'offer', sdp: SDP }));
      return p;
    },
    maxAgeMs: 60_000,
  });
  return { preparer, peers, tracks };
}

const settle = () => new Promise((r) => setTimeout(r, 0));
const opened = (offerRelayed?: boolean) =>
  ({ session: { id: 's1' }, offerRelayed }) as unknown as SessionOpened;

afterEach(() => vi.useRealTimers());

describe('CallPreparer', () => {
  it('prepares a peer with the held media and the agent-bound ICE servers once available', async () => {
    const { preparer, peers } = rig();
    preparer.follow('in-session');
    await settle();
    expect(peers).toHaveLength(0);
    preparer.follow('available');
    await settle();
    expect(peers).toHaveLength(1);
    expect(peers[0]!.options.iceServers).toEqual(ICE.iceServers);
    expect(peers[0]!.options.initiator).toBe(true);
  });

  it('the accept carries the offer; the call of the opened session claims the peer; the next waits for the call to end', async () => {
    const { preparer, peers } = rig();
    preparer.follow('available');
    await settle();
    let carried: CallOffer | null = null;
    let claimed: unknown = null;
    await preparer.accepting(async (offer) => {
      carried = offer;
      claimed = preparer.claim(opened(true)); // session:opened arrives before the ack
      return opened(true);
    });
    expect(carried).toEqual({ type: 'offer', sdp: SDP });
    expect(claimed).not.toBeNull();
    expect(peers[0]!.ended).toBe(false); // the call owns it now
    await settle();
    expect(peers).toHaveLength(1); // nothing is built while the call sets up
    preparer.follow('in-session');
    await settle();
    expect(peers).toHaveLength(1);
    preparer.follow('wrap-up'); // the next ticket may be taken from wrap-up
    await settle();
    expect(peers).toHaveLength(2);
  });

  it('a failed accept keeps the peer for the next accept (nobody got its offer)', async () => {
    const { preparer, peers } = rig();
    preparer.follow('available');
    await settle();
    await expect(preparer.accepting(async () => Promise.reject(new Error('TICKET_TAKEN')))).rejects.toThrow();
    await settle();
    expect(peers).toHaveLength(1);
    expect(peers[0]!.ended).toBe(false);
    const carried = await preparer.accepting(async (offer) => offer);
    expect(carried).toEqual({ type: 'offer', sdp: SDP });
  });

  it('an opening that does not say the kiosk got the offer claims nothing, and the lent peer is dropped', async () => {
    const { preparer, peers, tracks } = rig();
    preparer.follow('available');
    await settle();
    await preparer.accepting(async () => {
      expect(preparer.claim(opened(undefined))).toBeNull();
      return opened(undefined);
    });
    expect(peers[0]!.ended).toBe(true);
    expect(tracks[0]!.stopped).toBe(true);
  });

  it('going away or signing out drops the prepared peer and stops its media; none without held media', async () => {
    const { preparer, peers, tracks } = rig();
    preparer.follow('available');
    await settle();
    preparer.follow('away');
    expect(peers[0]!.ended).toBe(true);
    expect(tracks[0]!.stopped).toBe(true);
    expect(await preparer.accepting(async (offer) => offer)).toBeNull();

    const none = rig({ media: async () => null });
    none.preparer.follow('available');
    await settle();
    expect(none.peers).toHaveLength(0);
  });

  it('a refused call:prepare prepares nothing and stops the clone; accepts go on without an offer', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const { preparer, peers, tracks } = rig({
      prepare: async () => Promise.reject(new Error('NOT_CONNECTED')),
    });
    preparer.follow('available');
    await settle();
    expect(peers).toHaveLength(0);
    expect(tracks[0]!.stopped).toBe(true);
    expect(await preparer.accepting(async (offer) => offer)).toBeNull();
    warn.mockRestore();
  });

  it('a prepared peer is made again when it has waited its maximum age', async () => {
    vi.useFakeTimers();
    const { preparer, peers } = rig();
    preparer.follow('available');
    await vi.advanceTimersByTimeAsync(1);
    expect(peers).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(peers[0]!.ended).toBe(true);
    expect(peers).toHaveLength(2);
    preparer.drop();
  });
});
