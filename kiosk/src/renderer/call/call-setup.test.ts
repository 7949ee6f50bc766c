import { describe, expect, it } from 'vitest';
import { CallSetupClock, watchFirstFrame, type FrameVideo } from './call-setup';

function clock() {
  let now = 1_000;
  const sent: Array<[string, number]> = [];
  const c = new CallSetupClock(
    (sessionId, ms) => sent.push([sessionId, ms]),
    () => now,
  );
  return { c, sent, advance: (ms: number) => (now += ms) };
}

/** A video element whose frames and `playing` the test drives. */
function fakeVideo(withFrameCallback: boolean) {
  const playing = new Set<() => void>();
  let frame: (() => void) | null = null;
  const video: FrameVideo & { played: boolean; cancelled: boolean } = {
    muted: false,
    playsInline: false,
    srcObject: null,
    played: false,
    cancelled: false,
    play() {
      this.played = true;
      return Promise.resolve();
    },
    pause() {},
    addEventListener: (_type, listener) => playing.add(listener),
    removeEventListener: (_type, listener) => playing.delete(listener),
    ...(withFrameCallback
      ? {
          requestVideoFrameCallback: (cb: () => void) => {
            frame = cb;
            return 7;
          },
          cancelVideoFrameCallback(this: { cancelled: boolean }) {
            this.cancelled = true;
          },
        }
      : {}),
  };
  return {
    video,
    frame: () => frame?.(),
    playing: () => [...playing].forEach((l) => l()),
    listeners: () => playing.size,
  };
}

const stream = {} as MediaStream;

describe('the call set-up time', () => {
  it('is the time from session:opened to the first frame, sent once per session', () => {
    const { c, sent, advance } = clock();
    c.opened('s1');
    advance(1_234.4);
    c.firstFrame('s1');
    expect(sent).toEqual([['s1', 1234]]);
    // A transfer re-opens the session and the new agent's first frame comes: not a set-up.
    c.opened('s1');
    advance(500);
    c.firstFrame('s1');
    expect(sent).toEqual([['s1', 1234]]);
  });

  it('is not sent for a session this window did not see open (a reload mid-call), nor after it ended', () => {
    const { c, sent, advance } = clock();
    c.firstFrame('s9');
    c.opened('s2');
    c.ended('s2');
    advance(100);
    c.firstFrame('s2');
    expect(sent).toEqual([]);
  });

  it('a frame later than the protocol takes is not a set-up time', () => {
    const { c, sent, advance } = clock();
    c.opened('s3');
    advance(600_001);
    c.firstFrame('s3');
    expect(sent).toEqual([]);
  });
});

describe('the first frame of the agent video', () => {
  it('fires once on the first video frame callback, on a muted element, and lets the element go', () => {
    const v = fakeVideo(true);
    let frames = 0;
    watchFirstFrame(
      stream,
      () => (frames += 1),
      () => v.video,
    );
    expect(v.video).toMatchObject({ muted: true, playsInline: true, srcObject: stream, played: true });
    expect(frames).toBe(0);
    v.frame();
    v.playing();
    expect(frames).toBe(1);
    expect(v.video.srcObject).toBeNull();
    expect(v.listeners()).toBe(0);
  });

  it("without requestVideoFrameCallback the element's playing event counts", () => {
    const v = fakeVideo(false);
    let frames = 0;
    watchFirstFrame(
      stream,
      () => (frames += 1),
      () => v.video,
    );
    v.playing();
    v.playing();
    expect(frames).toBe(1);
  });

  it('stopped before any frame: nothing fires and the frame callback is cancelled', () => {
    const v = fakeVideo(true);
    let frames = 0;
    const stop = watchFirstFrame(
      stream,
      () => (frames += 1),
      () => v.video,
    );
    stop();
    v.frame();
    v.playing();
    expect(frames).toBe(0);
    expect(v.video.cancelled).toBe(true);
  });
});
