/**
 * Issue 13 #1: the call resumes after a network loss. The agent (initiator) restarts ICE on the live
 * peer first and builds a fresh peer only where that cannot work; the kiosk (answerer) feeds a
 * restart offer to its live peer and rebuilds only for another peer's offer.
 */
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import type { SignalData } from '../protocol';
import { asStream, candidate, FakeStream, setup } from './controller-harness';
import { PEER_MEDIA_GRACE_MS } from './reconnect-policy';
import { sdpSessionId } from './sdp';

/** An offer as Chrome writes it: the `o=` line's session id stays for the life of its RTCPeerConnection. */
const offerOf = (sessionId: string, version: number): SignalData => ({
  type: 'offer',
  sdp: `v=0\r\no=- ${sessionId} ${version} IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\na=ice-ufrag:u${version}\r\n`,
});

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

test("reads the SDP's session id from its o= line", () => {
  expect(sdpSessionId(offerOf('4611731400430051336', 2).sdp)).toBe('4611731400430051336');
  expect(sdpSessionId('v=0 no origin')).toBeNull();
  expect(sdpSessionId(undefined)).toBeNull();
});

describe('the answering side (kiosk)', () => {
  test("feeds the agent's ICE-restart offer (same session id) to its live peer, keeping the picture", async () => {
    const { controller, peers, mediaReady, current } = setup(false);
    await mediaReady();
    controller.receive(offerOf('111', 2));
    const remote = asStream(new FakeStream());
    current().remote(remote);
    current().connect();
    current().unstable(true);
    controller.receive(offerOf('111', 3));
    controller.receive(candidate(7));
    expect(peers).toHaveLength(1);
    expect(peers[0]!.ended).toBe(false);
    expect(peers[0]!.received).toEqual([offerOf('111', 2), offerOf('111', 3), candidate(7)]);
    expect(controller.getSnapshot()).toMatchObject({ state: 'reconnecting', remote });
    current().unstable(false);
    expect(controller.getSnapshot()).toMatchObject({ state: 'connected', remote });
  });

  test("answers another peer's offer (a new session id) with a new peer", async () => {
    const { controller, peers, mediaReady } = setup(false);
    await mediaReady();
    controller.receive(offerOf('111', 2));
    peers[0]!.connect();
    controller.receive(offerOf('222', 2));
    expect(peers).toHaveLength(2);
    expect(peers[0]!.ended).toBe(true);
    expect(peers[1]!.received).toEqual([offerOf('222', 2)]);
    // And that new peer's own restart offers stay with it.
    controller.receive(offerOf('222', 3));
    expect(peers).toHaveLength(2);
    expect(peers[1]!.received).toEqual([offerOf('222', 2), offerOf('222', 3)]);
  });

  test('restartMedia does nothing on the answering side (it follows the offers)', async () => {
    const { controller, peers, mediaReady } = setup(false);
    await mediaReady();
    controller.receive(offerOf('111', 2));
    controller.restartMedia('member-back');
    expect(peers).toHaveLength(1);
    expect(peers[0]!.ended).toBe(false);
  });
});

describe('the initiating side (agent)', () => {
  test('restartMedia restarts ICE on the live peer; media back → connected, no new peer', async () => {
    const restarts: string[] = [];
    const { controller, peers, mediaReady, current } = setup(true, {
      onRestart: (how, reason) => restarts.push(`${how}:${reason}`),
    });
    await mediaReady();
    current().connect();
    current().unstable(true);
    controller.restartMedia('member-back');
    expect(peers).toHaveLength(1);
    expect(peers[0]!.iceRestarts).toBe(1);
    expect(restarts).toEqual(['ice-restart:member-back']);
    current().unstable(false);
    expect(controller.getSnapshot().state).toBe('connected');
    // The restart's timeout was cancelled by the media's return, and so was the 2 s ICE timer.
    await vi.advanceTimersByTimeAsync(30_000);
    expect(peers).toHaveLength(1);
    expect(peers[0]!.iceRestarts).toBe(1);
  });

  test('restartMedia leaves a connected call alone (a server restart: media went on peer to peer)', async () => {
    const { controller, peers, mediaReady, current } = setup(true);
    await mediaReady();
    current().connect();
    current().canRestart = false;
    controller.restartMedia('member-back');
    controller.restartMedia('member-back');
    expect(peers).toHaveLength(1);
    expect(peers[0]!.iceRestarts).toBe(0);
    expect(peers[0]!.ended).toBe(false);
    expect(controller.getSnapshot().state).toBe('connected');
  });

  test('an ICE restart that brings nothing back within 5 s gives way to a fresh peer in the same call', async () => {
    const { controller, peers, mediaReady, current } = setup(true);
    await mediaReady();
    current().connect();
    current().unstable(true);
    controller.restartMedia('member-back');
    await vi.advanceTimersByTimeAsync(4999);
    expect(peers).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(2);
    expect(peers).toHaveLength(2);
    expect(peers[0]!.ended).toBe(true);
    expect(peers[1]!.started).toBe(true);
    peers[1]!.connect();
    expect(controller.getSnapshot().state).toBe('connected');
  });

  test('restartMedia with a dead peer builds a fresh one at once and cancels the pending retry', async () => {
    const restarts: string[] = [];
    const { controller, peers, mediaReady, current } = setup(true, {
      onRestart: (how, reason) => restarts.push(`${how}:${reason}`),
    });
    await mediaReady();
    current().connect();
    current().close(new Error('ICE failed'));
    expect(peers).toHaveLength(1);
    controller.restartMedia('member-back');
    expect(peers).toHaveLength(2);
    expect(restarts).toEqual(['new-peer:member-back']);
    // The policy's retry 2 s after the close was cancelled: no third peer.
    await vi.advanceTimersByTimeAsync(2500);
    expect(peers).toHaveLength(2);
    expect(peers[1]!.ended).toBe(false);
  });

  test('restartMedia builds a fresh peer when the live one cannot restart (its offer waits for a lost answer)', async () => {
    const { controller, peers, mediaReady, current } = setup(true);
    await mediaReady();
    current().canRestart = false;
    controller.restartMedia('member-back');
    expect(peers).toHaveLength(2);
    expect(peers[0]!.ended).toBe(true);
    expect(peers[0]!.iceRestarts).toBe(0);
  });

  test('restartMedia is ignored before the media is open and after the end', async () => {
    const { controller, peers, mediaReady } = setup(true);
    controller.restartMedia('early');
    expect(peers).toHaveLength(1);
    await mediaReady();
    controller.end();
    controller.restartMedia('late');
    expect(peers).toHaveLength(1);
  });

  test("the media grace follows the session's grace (graceSeconds) rather than 45 s", async () => {
    const { controller, mediaReady, current } = setup(true, { mediaGraceMs: 60_000 });
    await mediaReady();
    current().connect();
    current().close(new Error('ICE failed'));
    await vi.advanceTimersByTimeAsync(PEER_MEDIA_GRACE_MS + 2000);
    expect(controller.getSnapshot().state).toBe('reconnecting');
    await vi.advanceTimersByTimeAsync(60_000 - PEER_MEDIA_GRACE_MS + 12_000);
    expect(controller.getSnapshot().state).toBe('failed');
  });
});
