/**
 * The agent's camera and microphone held while available (issue 13 #3): opened when the agent goes
 * available, kept through a session and wrap-up, stopped on away and sign-out; each call gets a
 * clone of its own, which the call stops without touching the held stream.
 */
import { expect, test } from 'vitest';
import type { AgentPresence } from '@rvw/shared';
import type { LocalMedia } from '@rvw/shared/call';
import { RoutingArea } from '../app/routing-area';
import { ReadyMedia } from './ready-media';

/** A stand-in MediaStream (Node has none): tracks that can stop, and clone() with new tracks. */
class FakeTrack {
  readyState: 'live' | 'ended' = 'live';
  constructor(readonly kind: 'audio' | 'video') {}
  stop(): void {
    this.readyState = 'ended';
  }
}
class FakeStream {
  readonly tracks = [new FakeTrack('video'), new FakeTrack('audio')];
  readonly clones: FakeStream[] = [];
  getTracks(): FakeTrack[] {
    return this.tracks;
  }
  clone(): FakeStream {
    const c = new FakeStream();
    this.clones.push(c);
    return c;
  }
}

/** An opener that counts its calls and returns new fake streams (or a partial failure). */
function opener(error: string | null = null) {
  const opened: FakeStream[] = [];
  const open = async (): Promise<LocalMedia> => {
    const s = new FakeStream();
    opened.push(s);
    return { stream: s as unknown as MediaStream, error };
  };
  return { opened, open };
}

const live = (s: FakeStream) => s.tracks.every((t) => t.readyState === 'live');
const flush = () => new Promise((r) => setTimeout(r, 0));

test('opens on available, keeps through a session and wrap-up, stops on away', async () => {
  const { opened, open } = opener();
  const media = new ReadyMedia(open);
  media.follow('away');
  expect(opened).toHaveLength(0);
  media.follow('available');
  media.follow('available'); // a repeated push opens nothing more
  await flush();
  expect(opened).toHaveLength(1);
  media.follow('in-session');
  media.follow('wrap-up');
  await flush();
  expect(opened).toHaveLength(1);
  expect(live(opened[0]!)).toBe(true);
  media.follow('away');
  await flush();
  expect(live(opened[0]!)).toBe(false);
  expect(media.holding).toBe(false);
});

test('each call gets a clone of its own; stopping it leaves the held stream for the next call', async () => {
  const { opened, open } = opener();
  const media = new ReadyMedia(open);
  media.follow('available');
  const first = (await media.openForCall()).stream as unknown as FakeStream;
  const held = opened[0]!;
  expect(first).toBe(held.clones[0]);
  for (const t of first.getTracks()) t.stop(); // the call's end() stops its own stream
  expect(live(held)).toBe(true);
  const second = (await media.openForCall()).stream as unknown as FakeStream;
  expect(second).toBe(held.clones[1]);
  expect(live(second)).toBe(true);
  expect(opened).toHaveLength(1);
});

test('away or signed out: the call opens its own devices; a device that ended is opened again', async () => {
  const { opened, open } = opener();
  const media = new ReadyMedia(open);
  const own = (await media.openForCall()).stream as unknown as FakeStream;
  expect(own).toBe(opened[0]);
  media.follow('available');
  await flush();
  opened[1]!.tracks[0]!.stop(); // the camera was unplugged
  const next = (await media.openForCall()).stream as unknown as FakeStream;
  expect(next).toBe(opened[2]);
  expect(live(opened[1]!)).toBe(false);
  media.follow(null);
  expect(media.holding).toBe(false);
});

test('going away while the devices are still opening stops them once open', async () => {
  let resolve!: (m: LocalMedia) => void;
  const stream = new FakeStream();
  const media = new ReadyMedia(() => new Promise((r) => (resolve = r)));
  media.follow('available');
  media.follow('away');
  resolve({ stream: stream as unknown as MediaStream, error: null });
  await flush();
  expect(live(stream)).toBe(false);
});

test('devices only partly opened (no camera): nothing is held, each call opens its own', async () => {
  const { opened, open } = opener('NotFoundError');
  const media = new ReadyMedia(open);
  media.follow('available');
  await flush();
  expect(live(opened[0]!)).toBe(false);
  media.follow('available'); // no retry on every push
  expect(opened).toHaveLength(1);
  const call = await media.openForCall();
  expect(call.error).toBe('NotFoundError');
  expect(call.stream).toBe(opened[1]);
});

test("the routing area's status drives the held devices; its reset (sign-out) stops them", async () => {
  const { opened, open } = opener();
  const area = new RoutingArea(
    () => null,
    { opened: () => undefined, notice: () => undefined, offsetMs: () => 0 },
    { openMedia: open, centres: async () => [] },
  );
  const presence = (status: AgentPresence['status'], since: string): AgentPresence => ({
    agentId: 'a1',
    displayName: 'A',
    centreId: 'c1',
    skills: [],
    status,
    since,
    online: true,
  });
  area.status.applyPresence(presence('available', '2026-12-07T10:00:00.000Z'));
  await flush();
  expect(opened).toHaveLength(1);
  expect(area.media.holding).toBe(true);
  area.reset();
  await flush();
  expect(live(opened[0]!)).toBe(false);
  expect(area.media.holding).toBe(false);
});
