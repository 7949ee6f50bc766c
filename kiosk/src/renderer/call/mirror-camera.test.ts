/**
 * The mirror (issue 13 #3): the camera opens when the resident is next in line, and nothing is
 * sent (no call, no signal) before the agent accepts; the call takes a clone; the camera stops
 * when the ticket is cancelled or the session ends.
 */
import { expect, test, vi } from 'vitest';
import type { KioskBridge, KioskState } from '@rvw/shared';
import type { LocalMedia } from '@rvw/shared/call';
import { initialFlow, type FlowState } from '../flow/machine';
import { kiosk, opened, position } from '../flow/test-fixtures';
import { KioskApp } from '../kiosk-app';
import type { RunningCall, StartCall } from './call-controller';
import { MirrorCamera, mirrorWish } from './mirror-camera';

/** A stand-in MediaStream (Node has none): tracks that stop, and clone() with tracks of its own. */
class FakeStream {
  readonly tracks = [
    { kind: 'video', readyState: 'live', stop: stopTrack },
    { kind: 'audio', readyState: 'live', stop: stopTrack },
  ];
  readonly clones: FakeStream[] = [];
  getTracks() {
    return this.tracks;
  }
  clone(): FakeStream {
    const c = new FakeStream();
    this.clones.push(c);
    return c;
  }
}
function stopTrack(this: { readyState: string }) {
  this.readyState = 'ended';
}
const live = (s: FakeStream) => s.tracks.every((t) => t.readyState === 'live');
const asMedia = (s: FakeStream): LocalMedia => ({ stream: s as unknown as MediaStream, error: null });
const flush = () => new Promise((r) => setTimeout(r, 0));

const waiting = (pos: number): FlowState => ({
  ...initialFlow,
  screen: 'waiting',
  ticket: position('waiting', pos),
});

test('the mirror is wanted next in line, kept through the call, and off everywhere else', () => {
  expect(mirrorWish(waiting(1))).toBe('on');
  expect(mirrorWish(waiting(2))).toBe('off');
  expect(mirrorWish({ ...waiting(1), screen: 'call', session: opened() })).toBe('keep');
  expect(mirrorWish({ ...initialFlow, screen: 'rating', session: opened() })).toBe('off');
  expect(mirrorWish({ ...initialFlow, screen: 'thanks' })).toBe('off');
  expect(mirrorWish(initialFlow)).toBe('off');
});

test('opens once next in line, shows the picture, gives each call a clone, stops when the visit moves on', async () => {
  const streams: FakeStream[] = [];
  const shown: Array<unknown> = [];
  const mirror = new MirrorCamera(
    (s) => shown.push(s),
    async () => {
      const s = new FakeStream();
      streams.push(s);
      return asMedia(s);
    },
  );
  mirror.follow(waiting(2));
  await flush();
  expect(streams).toHaveLength(0);
  mirror.follow(waiting(1));
  mirror.follow(waiting(1));
  await flush();
  expect(streams).toHaveLength(1);
  expect(shown).toEqual([streams[0]]);
  mirror.follow({ ...waiting(1), screen: 'call', session: opened() });
  const call = (await mirror.openForCall()).stream as unknown as FakeStream;
  expect(call).toBe(streams[0]!.clones[0]);
  for (const t of call.getTracks()) t.stop(); // the call ends: its controller stops its clone
  expect(live(streams[0]!)).toBe(true);
  mirror.follow({ ...initialFlow, screen: 'rating' });
  await flush();
  expect(live(streams[0]!)).toBe(false);
  expect(shown).toEqual([streams[0], null]);
});

test('a failed camera shows no mirror and the call opens its own', async () => {
  let opens = 0;
  const shown: Array<unknown> = [];
  const mirror = new MirrorCamera(
    (s) => shown.push(s),
    async () => {
      opens += 1;
      return { stream: null, error: 'NotReadableError' };
    },
  );
  mirror.follow(waiting(1));
  await flush();
  mirror.follow(waiting(1));
  expect(opens).toBe(1);
  expect(shown).toEqual([]);
  expect((await mirror.openForCall()).error).toBe('NotReadableError');
  expect(opens).toBe(2);
});

/** A kiosk screen with a bridge that records every call and answers none of consequence. */
function kioskWithMirror() {
  const streams: FakeStream[] = [];
  const invoked: string[] = [];
  const bridge = {
    invoke: vi.fn(async (channel: string) => {
      invoked.push(channel);
      return {};
    }),
    on: () => () => undefined,
  } as unknown as KioskBridge;
  const calls: Array<{ sessionId: string; media: LocalMedia | null }> = [];
  const startCall: StartCall = (sessionId, _o, _s, _m, _f, openMedia) => {
    const entry = { sessionId, media: null as LocalMedia | null };
    calls.push(entry);
    void openMedia?.().then((m) => (entry.media = m));
    const running: RunningCall = { sessionId, signal: () => undefined, end: () => undefined };
    return running;
  };
  const app = new KioskApp(bridge, {
    startCall,
    openMedia: async () => {
      const s = new FakeStream();
      streams.push(s);
      return asMedia(s);
    },
  });
  const state = (ticket: KioskState['ticket'], session: KioskState['session'] = null): KioskState => ({
    kiosk,
    ticket,
    session,
  });
  return { app, streams, invoked, calls, state };
}

test('the kiosk: mirror on at position 1 with nothing sent, off when the ticket is cancelled', async () => {
  const { app, streams, invoked, calls, state } = kioskWithMirror();
  app.send({ type: 'server-state', state: state(position('waiting', 2)) });
  await flush();
  expect(streams).toHaveLength(0);
  expect(app.getSnapshot().flow.mirror).toBe(false);
  app.send({ type: 'ticket-update', position: position('waiting', 1) });
  await flush();
  expect(app.getSnapshot().mirror).toBe(streams[0]);
  expect(app.getSnapshot().flow.mirror).toBe(true);
  // No peer and no signal before the accept: the picture stays in the page.
  expect(calls).toHaveLength(0);
  expect(invoked.filter((c) => c.startsWith('signal'))).toEqual([]);
  app.send({ type: 'ticket-update', position: position('cancelled', 1) });
  await flush();
  expect(app.getSnapshot().flow.screen).toBe('welcome');
  expect(live(streams[0]!)).toBe(false);
  expect(app.getSnapshot().mirror).toBeNull();
  app.stop();
});

test('the kiosk: the call takes a clone of the mirror; the session ending stops the camera', async () => {
  const { app, streams, calls, state } = kioskWithMirror();
  app.send({ type: 'server-state', state: state(position('waiting', 1)) });
  await flush();
  app.send({ type: 'session-opened', opened: opened() });
  await flush();
  expect(calls).toHaveLength(1);
  expect(calls[0]!.media?.stream).toBe(streams[0]!.clones[0]);
  expect(streams).toHaveLength(1);
  expect(live(streams[0]!)).toBe(true);
  app.send({ type: 'session-ended', sessionId: 's1', endedBy: 'agent' });
  await flush();
  expect(app.getSnapshot().flow.screen).not.toBe('call');
  expect(live(streams[0]!)).toBe(false);
  expect(app.getSnapshot().mirror).toBeNull();
  app.stop();
});
