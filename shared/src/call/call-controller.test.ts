import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { CallController } from './call-controller';
import { FakePeer } from './fake-peer';
import type { LocalMedia } from './media';
import { answer, asStream, candidate, FakeStream, offer, RecordingPolicy, setup } from './controller-harness';
import { DelayTablePolicy, PEER_MEDIA_GRACE_MS } from './reconnect-policy';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('the initiating side (agent)', () => {
  test('starts the peer with the local media, relays its signals, and reports connected', async () => {
    const { controller, peers, sent, local, states, mediaReady } = setup(true);
    expect(peers).toHaveLength(1);
    expect(peers[0]!.stream).toBeNull();
    await mediaReady();
    expect(peers[0]!.stream).toBe(asStream(local));
    expect(controller.getSnapshot().local).toBe(asStream(local));
    peers[0]!.emitSignal(offer);
    expect(sent).toEqual([offer]);
    controller.receive(answer);
    expect(peers[0]!.received).toEqual([answer]);
    const remote = asStream(new FakeStream());
    peers[0]!.remote(remote);
    peers[0]!.connect();
    expect(controller.getSnapshot()).toMatchObject({ state: 'connected', remote });
    expect(states).toEqual(['connecting', 'connected']);
  });

  test('rebuilds a closed peer after the policy delay with the same local stream', async () => {
    const { controller, peers, sent, local, mediaReady } = setup(true);
    await mediaReady();
    peers[0]!.remote(asStream(new FakeStream()));
    peers[0]!.connect();
    peers[0]!.close(new Error('ICE failed'));
    expect(controller.getSnapshot()).toMatchObject({ state: 'reconnecting', remote: null });
    expect(local.live).toBe(true);

    // Late signals of the closed connection go nowhere (the fake throws if fed after its end).
    controller.receive(candidate(1));
    await vi.advanceTimersByTimeAsync(1999);
    expect(peers).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(peers).toHaveLength(2);
    expect(peers[1]!.stream).toBe(asStream(local));
    peers[1]!.emitSignal(offer);
    expect(sent).toEqual([offer]);
    peers[1]!.connect();
    expect(controller.getSnapshot().state).toBe('connected');
  });

  test('tells the policy how many attempts and how long, and starts over once connected', async () => {
    const policy = new RecordingPolicy(new DelayTablePolicy({ delaysMs: [1000], jitterMs: 0 }));
    const { current, mediaReady } = setup(true, { policy });
    await mediaReady();
    current().close(new Error('failed'));
    await vi.advanceTimersByTimeAsync(1000);
    await vi.advanceTimersByTimeAsync(500);
    current().close();
    await vi.advanceTimersByTimeAsync(1000);
    current().connect();
    current().close();
    expect(policy.asked).toEqual([
      { retryCount: 0, elapsedMs: 0, reason: 'peer-failed' },
      { retryCount: 1, elapsedMs: 1500, reason: 'peer-closed' },
      { retryCount: 0, elapsedMs: 0, reason: 'peer-closed' },
    ]);
  });

  test('fails when the policy gives up, and builds nothing more', async () => {
    const policy = new DelayTablePolicy({ delaysMs: [1000], jitterMs: 0, maxRetries: 1 });
    const { controller, peers, states, current, mediaReady } = setup(true, { policy });
    await mediaReady();
    current().close();
    await vi.advanceTimersByTimeAsync(1000);
    current().close();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(peers).toHaveLength(2);
    expect(states).toEqual(['connecting', 'reconnecting', 'failed']);
    controller.receive(answer);
    expect(peers[1]!.received).toEqual([]);
  });

  test('counts an attempt that never connects as dropped (its offer may have been lost)', async () => {
    const { controller, peers, mediaReady } = setup(true, { connectTimeoutMs: 5000 });
    await mediaReady();
    await vi.advanceTimersByTimeAsync(4999);
    expect(peers[0]!.ended).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(peers[0]!.ended).toBe(true);
    expect(controller.getSnapshot().state).toBe('reconnecting');
    await vi.advanceTimersByTimeAsync(2000);
    expect(peers).toHaveLength(2);
    peers[1]!.connect();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(peers).toHaveLength(2);
  });

  test('end() stops the local tracks, closes the peer, and cancels a pending rebuild', async () => {
    const { controller, peers, local, mediaReady } = setup(true);
    await mediaReady();
    peers[0]!.close();
    controller.end();
    expect(local.live).toBe(false);
    expect(controller.getSnapshot()).toMatchObject({ state: 'ended', local: null, remote: null });
    await vi.advanceTimersByTimeAsync(60_000);
    expect(peers).toHaveLength(1);
    controller.end();
    expect(controller.getSnapshot().state).toBe('ended');
  });
});

describe('losing the media (issue 7 #2: UDP blocked mid-call)', () => {
  test('says "reconnecting" as soon as ICE loses its path, keeps the picture, and is back when ICE is', async () => {
    for (const initiator of [true, false]) {
      const { controller, states, current, mediaReady } = setup(initiator);
      await mediaReady();
      const remote = asStream(new FakeStream());
      current().remote(remote);
      current().connect();
      current().unstable(true);
      expect(controller.getSnapshot()).toMatchObject({ state: 'reconnecting', remote });
      current().unstable(false);
      expect(states).toEqual(['connecting', 'connected', 'reconnecting', 'connected']);
      controller.end();
    }
  });

  test('the agent restarts ICE, then rebuilds while the network is out, and gives up after the media grace period', async () => {
    const { controller, peers, states, current, mediaReady } = setup(true);
    await mediaReady();
    current().connect();
    current().unstable(true);
    // Issue 13: ICE 'disconnected' for 2 s → an ICE restart on the same peer.
    await vi.advanceTimersByTimeAsync(1999);
    expect(peers[0]!.iceRestarts).toBe(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(peers[0]!.iceRestarts).toBe(1);
    expect(peers).toHaveLength(1);
    // The restart brought nothing back within 5 s: a fresh peer takes over at once.
    await vi.advanceTimersByTimeAsync(5001);
    expect(peers).toHaveLength(2);
    expect(peers[0]!.ended).toBe(true);
    // Each retry that cannot connect is counted as dropped after 10 s, so the policy is asked again.
    await vi.advanceTimersByTimeAsync(12_000);
    expect(peers).toHaveLength(3);
    expect(controller.getSnapshot().state).toBe('reconnecting');
    await vi.advanceTimersByTimeAsync(PEER_MEDIA_GRACE_MS);
    expect(controller.getSnapshot().state).toBe('failed');
    expect(states.at(-2)).toBe('reconnecting');
    const built = peers.length;
    await vi.advanceTimersByTimeAsync(60_000);
    expect(peers).toHaveLength(built);
  });

  test("the kiosk never gives up by itself: the session's end stops its call", async () => {
    const { controller, current, mediaReady } = setup(false);
    await mediaReady();
    controller.receive(offer);
    current().connect();
    current().close(new Error('ICE failed'));
    await vi.advanceTimersByTimeAsync(10 * PEER_MEDIA_GRACE_MS);
    expect(controller.getSnapshot().state).toBe('reconnecting');
    controller.receive({ ...offer, sdp: 'v=0 after a long outage' });
    current().connect();
    expect(controller.getSnapshot().state).toBe('connected');
  });
});

describe('the answering side (kiosk)', () => {
  test('gives an offer that arrives before the camera is ready to the first peer', async () => {
    const { controller, peers, local, mediaReady } = setup(false);
    controller.receive(offer);
    controller.receive(candidate(1));
    expect(peers).toHaveLength(1);
    expect(peers[0]!.received).toEqual([offer, candidate(1)]);
    expect(peers[0]!.stream).toBeNull();
    await mediaReady();
    expect(peers).toHaveLength(1);
    expect(peers[0]!.stream).toBe(asStream(local));
    // The answering side has no connect timeout: the agent may take its time to offer.
    await vi.advanceTimersByTimeAsync(120_000);
    expect(peers[0]!.ended).toBe(false);
  });

  test('answers a new offer with a new peer after its previous peer closed', async () => {
    const { controller, peers, sent, local, mediaReady } = setup(false);
    controller.receive(offer);
    await mediaReady();
    expect(peers[0]!.received).toEqual([offer]);
    peers[0]!.emitSignal(answer);
    expect(sent).toEqual([answer]);
    peers[0]!.connect();
    peers[0]!.close();
    expect(controller.getSnapshot().state).toBe('reconnecting');
    // The answering side does not rebuild on a timer: it waits for the next offer.
    await vi.advanceTimersByTimeAsync(60_000);
    expect(peers).toHaveLength(1);
    controller.receive(candidate(1));
    controller.receive({ ...offer, sdp: 'v=0 second offer' });
    controller.receive(candidate(2));
    expect(peers).toHaveLength(2);
    expect(peers[1]!.stream).toBe(asStream(local));
    expect(peers[1]!.received).toEqual([{ ...offer, sdp: 'v=0 second offer' }, candidate(2)]);
    expect(local.live).toBe(true);
    peers[1]!.connect();
    expect(controller.getSnapshot().state).toBe('connected');
  });

  test('replaces a peer that already had an offer when another offer comes (the agent rebuilt)', async () => {
    const { controller, peers, mediaReady } = setup(false);
    await mediaReady();
    controller.receive(offer);
    controller.receive(candidate(1));
    peers[0]!.connect();
    controller.receive({ ...offer, sdp: 'v=0 again' });
    expect(peers).toHaveLength(2);
    expect(peers[0]!.ended).toBe(true);
    expect(peers[0]!.received).toEqual([offer, candidate(1)]);
    expect(peers[1]!.received).toEqual([{ ...offer, sdp: 'v=0 again' }]);
    expect(controller.getSnapshot().state).toBe('reconnecting');
    // The replaced peer's late events are not the call's.
    peers[0]!.options.onClosed?.();
    expect(controller.getSnapshot().state).toBe('reconnecting');
  });

  test('drops signals before start() and releases media that opens after the end', async () => {
    const peers: FakePeer[] = [];
    const late = new FakeStream();
    let openMedia!: (media: LocalMedia) => void;
    const controller = new CallController({
      initiator: false,
      iceServers: [],
      signalling: { send: () => undefined },
      createPeer: (options) => {
        const peer = new FakePeer(options);
        peers.push(peer);
        return peer;
      },
      openMedia: () => new Promise<LocalMedia>((resolve) => (openMedia = resolve)),
    });
    controller.receive(offer);
    expect(peers).toHaveLength(0);
    controller.start();
    controller.end();
    openMedia({ stream: asStream(late), error: null });
    await vi.advanceTimersByTimeAsync(0);
    expect(late.live).toBe(false);
    expect(peers[0]!.stream).toBeNull();
  });
});

describe('local media', () => {
  test('camera and microphone switches hold across opening and rebuilds', async () => {
    const { controller, local, mediaReady, current } = setup(true);
    controller.setEnabled('video', false);
    await mediaReady();
    expect(local.tracks.map((t) => [t.kind, t.enabled])).toEqual([
      ['video', false],
      ['audio', true],
    ]);
    controller.setEnabled('audio', false);
    expect(controller.getSnapshot()).toMatchObject({ video: false, audio: false });
    current().close();
    await vi.advanceTimersByTimeAsync(2000);
    expect(local.tracks.every((t) => !t.enabled && !t.stopped)).toBe(true);
  });

  test('reports why the devices could not be opened and still joins', async () => {
    const empty = new FakeStream();
    empty.tracks.length = 0;
    const { controller, current } = setup(true, {
      openMedia: async () => ({ stream: asStream(empty), error: 'NotAllowedError' }),
    });
    await vi.advanceTimersByTimeAsync(0);
    expect(controller.getSnapshot().mediaError).toBe('NotAllowedError');
    expect(current().stream).toBe(asStream(empty));
  });
});
