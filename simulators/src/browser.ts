/**
 * Debian Chromium driven by playwright-core, with a fake camera and microphone, plus in-page
 * probes that read WebRTC statistics without any test hook in the applications themselves.
 */
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

/** Debian's Chromium; override with CHROMIUM_PATH. */
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Flags for headless Chromium on a closed, sandbox-less build machine with fake media devices. */
export const chromiumArgs = [
  '--no-sandbox',
  '--use-fake-device-for-media-stream',
  '--use-fake-ui-for-media-stream',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--autoplay-policy=no-user-gesture-required',
];

/**
 * Launches headless Chromium. `cameras`: how many fake cameras it lists (default one,
 * `fake_device_0`; two add `fake_device_1`, a kiosk's document camera beside its face camera; none
 * for a kiosk without a camera, whose fake microphone stays).
 * `videoFile`: a Y4M file its fake cameras play in a loop instead of Chromium's own pattern (see
 * fake-video.ts), so that a test can tell one browser's camera from another's.
 */
export function launchChromium(options: { cameras?: number; videoFile?: string } = {}): Promise<Browser> {
  const cameras = options.cameras ?? 1;
  const args =
    cameras !== 1
      ? chromiumArgs.map((a) =>
          a === '--use-fake-device-for-media-stream' ? `${a}=device-count=${cameras}` : a,
        )
      : [...chromiumArgs];
  if (options.videoFile) args.push(`--use-file-for-fake-video-capture=${options.videoFile}`);
  return chromium.launch({ executablePath: chromiumPath, args, headless: true });
}

/**
 * Records every RTCPeerConnection the page creates in `window.__rvwPeers`, so a test can read
 * getStats() from outside the application's code.
 */
const peerProbe = `
(() => {
  const Native = window.RTCPeerConnection;
  if (!Native || window.__rvwPeers) return;
  window.__rvwPeers = [];
  // Call set-up marks (Date.now() of the first occurrence since the last reset), for bench:call.
  window.__rvwMarks = {};
  const mark = (name) => { if (window.__rvwMarks[name] === undefined) window.__rvwMarks[name] = Date.now(); };
  window.__rvwResetMarks = () => { window.__rvwMarks = {}; window.__rvwLongTasks = []; };
  // The user's click as the page gets it (a driver's click first waits for the element to be
  // visible, stable and hit, which is not the user's time).
  window.addEventListener('click', () => mark('click'), true);
  // Main-thread tasks over 50 ms ([start as Date.now(), duration]), for bench:call's breakdown.
  window.__rvwLongTasks = [];
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        if (window.__rvwLongTasks.length < 500) window.__rvwLongTasks.push([performance.timeOrigin + e.startTime, e.duration]);
      }
    }).observe({ type: 'longtask' });
  } catch {}
  window.RTCPeerConnection = class extends Native {
    constructor(...args) {
      super(...args);
      window.__rvwPeers.push(this);
      mark('peerCreated');
      // The first remote video frame out of the decoder, read from a clone of the track as it arrives
      // (MediaStreamTrackProcessor): exact, and costs the page nothing while it waits, unlike polling
      // getStats (whose results Chromium caches for 50 ms).
      this.addEventListener('track', (e) => {
        if (e.track.kind !== 'video' || typeof MediaStreamTrackProcessor !== 'function') return;
        const clone = e.track.clone();
        const reader = new MediaStreamTrackProcessor({ track: clone }).readable.getReader();
        reader.read().then(({ value }) => {
          if (value) { mark('remoteFrame'); value.close(); }
          reader.cancel().catch(() => {});
          clone.stop();
        }, () => clone.stop());
      });
      this.addEventListener('iceconnectionstatechange', () => {
        if (this.iceConnectionState === 'connected' || this.iceConnectionState === 'completed') mark('iceConnected');
      });
      this.addEventListener('connectionstatechange', () => {
        if (this.connectionState === 'connected') mark('connected');
      });
    }
    async setLocalDescription(...args) {
      const result = await super.setLocalDescription(...args);
      if (this.localDescription) mark(this.localDescription.type === 'offer' ? 'offerSet' : 'answerSet');
      return result;
    }
    async setRemoteDescription(...args) {
      const result = await super.setRemoteDescription(...args);
      if (this.remoteDescription) mark(this.remoteDescription.type === 'offer' ? 'offerReceived' : 'answerReceived');
      return result;
    }
  };
  // The session:opened push (or the accept's ack): the first socket message carrying an opened
  // session's "initiator" field, whatever socket (the server's, or the kiosk's bridge) carries it.
  const NativeSocket = window.WebSocket;
  if (NativeSocket) {
    window.WebSocket = class extends NativeSocket {
      constructor(...args) {
        super(...args);
        this.addEventListener('message', (e) => {
          if (typeof e.data === 'string' && e.data.includes('"initiator":')) mark('sessionOpened');
        });
      }
    };
  }
  window.__rvwFramesDecoded = async () => {
    let frames = 0;
    for (const pc of window.__rvwPeers) {
      if (pc.connectionState === 'closed') continue;
      const stats = await pc.getStats();
      stats.forEach((r) => { if (r.type === 'inbound-rtp' && r.kind === 'video') frames += r.framesDecoded || 0; });
    }
    return frames;
  };
  // The video RTP streams' counters of the open peers (what a first frame waited on).
  window.__rvwVideoStats = async () => {
    const out = { inbound: [], outbound: [] };
    for (const pc of window.__rvwPeers) {
      if (pc.connectionState === 'closed') continue;
      const stats = await pc.getStats();
      stats.forEach((r) => {
        if (r.kind !== 'video') return;
        if (r.type === 'inbound-rtp') out.inbound.push({ pli: r.pliCount, nack: r.nackCount, fir: r.firCount, lost: r.packetsLost, key: r.keyFramesDecoded, decoded: r.framesDecoded, w: r.frameWidth });
        if (r.type === 'outbound-rtp') out.outbound.push({ pli: r.pliCount, nack: r.nackCount, key: r.keyFramesEncoded, encoded: r.framesEncoded, sent: r.framesSent, w: r.frameWidth, q: r.qualityLimitationReason });
      });
    }
    return out;
  };
  window.__rvwLiveTracks = () => (window.__rvwTracks || []).filter((t) => t.readyState === 'live').length;
  const gum = navigator.mediaDevices && navigator.mediaDevices.getUserMedia.bind(navigator.mediaDevices);
  if (gum) {
    window.__rvwTracks = [];
    navigator.mediaDevices.getUserMedia = async (c) => {
      const s = await gum(c);
      window.__rvwGumAt = Date.now();
      mark('mediaOpened');
      window.__rvwTracks.push(...s.getTracks());
      return s;
    };
    // A call that takes a clone of media opened earlier (issue 13): its tracks are the call's own,
    // and must stop with the call like any other.
    const clone = MediaStream.prototype.clone;
    MediaStream.prototype.clone = function () {
      const s = clone.call(this);
      mark('mediaCloned');
      window.__rvwTracks.push(...s.getTracks());
      return s;
    };
  }
})();
`;

/** A new browser context whose pages carry the peer probe; camera and microphone granted. */
export async function newProbedContext(browser: Browser, origin?: string): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN' });
  if (origin) await context.grantPermissions(['camera', 'microphone'], { origin });
  await context.addInitScript(peerProbe);
  return context;
}

/** Sum of framesDecoded over the page's open peer connections. */
export function framesDecoded(page: Page): Promise<number> {
  return page.evaluate(() =>
    (window as unknown as { __rvwFramesDecoded(): Promise<number> }).__rvwFramesDecoded(),
  );
}

/** The video RTP counters of the page's open peers (inbound: pli, nack, key frames; outbound: key frames, width). */
export function videoStats(page: Page): Promise<unknown> {
  return page.evaluate(() =>
    (window as unknown as { __rvwVideoStats(): Promise<unknown> }).__rvwVideoStats(),
  );
}

/** Local media tracks the page opened that are still live (0 after a clean tear-down). */
export function liveLocalTracks(page: Page): Promise<number> {
  return page.evaluate(() => (window as unknown as { __rvwLiveTracks(): number }).__rvwLiveTracks());
}

/**
 * Resolves with Date.now() (in the page) at the first decoded remote video frame, polling
 * getStats every 5 ms; rejects after `timeoutMs`.
 */
export function firstFrameAt(page: Page, timeoutMs = 30_000): Promise<number> {
  return page.evaluate(async (limit) => {
    const w = window as unknown as { __rvwFramesDecoded(): Promise<number> };
    const deadline = Date.now() + limit;
    while (Date.now() < deadline) {
      if ((await w.__rvwFramesDecoded()) > 0) return Date.now();
      await new Promise((r) => setTimeout(r, 5));
    }
    throw new Error('no remote video frame was decoded');
  }, timeoutMs);
}

/**
 * Resolves with Date.now() (in the page) when the first remote video frame came out of the decoder
 * since {@link resetCallMarks} (the probe reads it from the track), once getStats confirms a decoded
 * frame; rejects after `timeoutMs`. Needs MediaStreamTrackProcessor (Chromium).
 */
export function firstFrameMarkAt(page: Page, timeoutMs = 30_000): Promise<number> {
  return page.evaluate(async (limit) => {
    const w = window as unknown as {
      __rvwMarks: { remoteFrame?: number };
      __rvwFramesDecoded(): Promise<number>;
    };
    const deadline = Date.now() + limit;
    while (Date.now() < deadline) {
      const at = w.__rvwMarks.remoteFrame;
      if (at !== undefined && (await w.__rvwFramesDecoded()) > 0) return at;
      await new Promise((r) => setTimeout(r, 5));
    }
    throw new Error('no remote video frame came out of the decoder');
  }, timeoutMs);
}

/** Main-thread long tasks (over 50 ms) since {@link resetCallMarks}: [start (Date.now()), duration ms]. */
export function longTasks(page: Page): Promise<Array<[number, number]>> {
  return page.evaluate(() => [
    ...(window as unknown as { __rvwLongTasks: Array<[number, number]> }).__rvwLongTasks,
  ]);
}

/** Date.now() (in the page) when getUserMedia last resolved, or null if it never did. */
export function mediaOpenedAt(page: Page): Promise<number | null> {
  return page.evaluate(() => (window as unknown as { __rvwGumAt?: number }).__rvwGumAt ?? null);
}

/**
 * Call set-up marks the page's probe took (Date.now() in the page, first occurrence since
 * {@link resetCallMarks}): click (the page received a click), sessionOpened (a socket message
 * carrying an opened session: the accept's ack or the session:opened push), mediaOpened
 * (getUserMedia resolved), mediaCloned (a stream cloned), peerCreated, offerSet / answerSet
 * (setLocalDescription resolved), offerReceived / answerReceived (setRemoteDescription resolved),
 * iceConnected, connected (DTLS done), remoteFrame (the first remote video frame out of the decoder).
 */
export type CallMarks = Partial<
  Record<
    | 'click'
    | 'sessionOpened'
    | 'remoteFrame'
    | 'mediaOpened'
    | 'mediaCloned'
    | 'peerCreated'
    | 'offerSet'
    | 'answerSet'
    | 'offerReceived'
    | 'answerReceived'
    | 'iceConnected'
    | 'connected',
    number
  >
>;

/** Forgets the page's call set-up marks (before the next call). */
export function resetCallMarks(page: Page): Promise<void> {
  return page.evaluate(() => (window as unknown as { __rvwResetMarks(): void }).__rvwResetMarks());
}

/** The page's call set-up marks since the last reset. */
export function callMarks(page: Page): Promise<CallMarks> {
  return page.evaluate(() => ({ ...(window as unknown as { __rvwMarks: CallMarks }).__rvwMarks }));
}

/** Width of the video element's decoded stream (0 when nothing plays). */
export function videoWidth(page: Page, testId: string): Promise<number> {
  return page.locator(`[data-testid="${testId}"]`).evaluate((v) => (v as HTMLVideoElement).videoWidth);
}

/**
 * The mean colour of what the video element shows now (drawn into a small canvas), or null while it
 * shows nothing. Compare with colourNear (fake-video.ts) to know whose camera a page plays.
 */
export function videoColour(page: Page, testId: string): Promise<{ r: number; g: number; b: number } | null> {
  return page.locator(`[data-testid="${testId}"]`).evaluate((el) => {
    const video = el as HTMLVideoElement;
    if (video.videoWidth === 0) return null;
    const canvas = document.createElement('canvas');
    canvas.width = 32;
    canvas.height = 24;
    const ctx = canvas.getContext('2d');
    if (!ctx) return null;
    ctx.drawImage(video, 0, 0, canvas.width, canvas.height);
    const { data } = ctx.getImageData(0, 0, canvas.width, canvas.height);
    let r = 0;
    let g = 0;
    let b = 0;
    const n = data.length / 4;
    for (let i = 0; i < data.length; i += 4) {
      r += data[i]!;
      g += data[i + 1]!;
      b += data[i + 2]!;
    }
    return { r: Math.round(r / n), g: Math.round(g / n), b: Math.round(b / n) };
  });
}

export { colourNear, solidY4m, writeSolidY4m, type Rgb } from './fake-video';
