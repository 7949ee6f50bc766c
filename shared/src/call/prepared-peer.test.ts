import { describe, expect, it } from 'vitest';
import type { SignalData } from '../protocol';
import { CallController } from './call-controller';
import { asStream, candidate, FakeStream } from './controller-harness';
import { FakePeer } from './fake-peer';
import { PreparedPeer } from './prepared-peer';

const OFFER_SDP = 'v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\n';

/** A prepared peer on a FakePeer whose local description grows with the candidates it "gathers". */
function prepare() {
  const stream = new FakeStream();
  let fake!: FakePeer;
  let local: string | null = null;
  const prepared = new PreparedPeer({
    iceServers: [],
    stream: asStream(stream),
    createPeer: (o) => {
      fake = new FakePeer(o);
      return Object.assign(fake, { localSdp: () => local });
    },
  });
  const makeOffer = () => {
    local = OFFER_SDP;
    fake.emitSignal({ type: 'offer', sdp: OFFER_SDP });
  };
  const gather = (n: number) => {
    const c = candidate(n);
    local += `a=${c.candidate!.candidate}\r\n`;
    fake.emitSignal(c);
  };
  return { prepared, stream, fake: () => fake, makeOffer, gather };
}

describe('PreparedPeer', () => {
  it('starts at once with the stream as an initiator, and holds what it emits', () => {
    const { prepared, stream, fake, makeOffer } = prepare();
    expect(fake().options.initiator).toBe(true);
    expect(fake().stream).toBe(asStream(stream));
    expect(prepared.offer()).toBeNull(); // no offer made yet
    makeOffer();
    expect(prepared.offer()).toEqual({ type: 'offer', sdp: OFFER_SDP });
  });

  it('its offer carries the candidates gathered so far; the call gets only the later ones', async () => {
    const { prepared, fake, makeOffer, gather } = prepare();
    makeOffer();
    gather(1);
    const offer = prepared.offer()!;
    expect(offer.sdp).toContain('a=candidate:1');
    gather(2);
    const start = prepared.adopt(offer);
    expect(prepared.usable).toBe(false);
    const sent: SignalData[] = [];
    const peer = start.peer({ onSignal: (s) => sent.push(s), onRemoteStream: () => undefined });
    await Promise.resolve();
    expect(sent).toEqual([candidate(2)]);
    gather(3);
    expect(sent).toEqual([candidate(2), candidate(3)]);
    peer.signal({ type: 'answer', sdp: 'v=0 answer' });
    expect(fake().received).toEqual([{ type: 'answer', sdp: 'v=0 answer' }]);
  });

  it('ended unused, it closes the peer and stops its stream; adopted, the call owns them', () => {
    const unused = prepare();
    unused.makeOffer();
    unused.prepared.end();
    expect(unused.fake().ended).toBe(true);
    expect(unused.stream.live).toBe(false);
    expect(unused.prepared.offer()).toBeNull();

    const used = prepare();
    used.makeOffer();
    used.prepared.adopt(used.prepared.offer()!);
    used.prepared.end();
    expect(used.fake().ended).toBe(false);
    expect(used.stream.live).toBe(true);
  });

  it('a peer that closed while it waited is not offered again', () => {
    const { prepared, fake, makeOffer } = prepare();
    makeOffer();
    fake().close(new Error('ice failed'));
    expect(prepared.usable).toBe(false);
    expect(prepared.offer()).toBeNull();
  });
});

describe('a call controller starting from a prepared peer', () => {
  it('takes its media and peer, sends nothing it already sent, and rebuilds as usual later', async () => {
    const { prepared, stream, fake, makeOffer, gather } = prepare();
    makeOffer();
    const offer = prepared.offer()!;
    gather(7);
    const sent: SignalData[] = [];
    const rebuilt: FakePeer[] = [];
    let opened = 0;
    const controller = new CallController({
      initiator: true,
      iceServers: [],
      signalling: { send: (s) => sent.push(s) },
      prepared: prepared.adopt(offer),
      createPeer: (o) => {
        const p = new FakePeer(o);
        rebuilt.push(p);
        return p;
      },
      openMedia: async () => {
        opened += 1;
        return { stream: asStream(new FakeStream()), error: null };
      },
      policy: { nextRetryDelayInMs: () => 0 },
    });
    controller.start();
    expect(controller.getSnapshot().local).toBe(asStream(stream));
    await Promise.resolve();
    expect(sent).toEqual([candidate(7)]);
    fake().connect();
    expect(controller.getSnapshot().state).toBe('connected');
    // The prepared peer drops: a fresh one is built with the same media, never opened again.
    fake().close(new Error('gone'));
    await new Promise((r) => setTimeout(r, 5));
    expect(rebuilt).toHaveLength(1);
    expect(rebuilt[0]!.stream).toBe(asStream(stream));
    expect(opened).toBe(0);
    controller.end();
    expect(stream.live).toBe(false);
  });
});
