/**
 * Where each part of the resident screens goes (issue 9 #8), as a pure function of the page's view,
 * its size and what the kiosk is doing. On the dual-screen machine the `video` window shows only
 * the agent (large, with the resident's own small picture) and the `touch` window only the screens
 * and buttons; on one display (`both`) they share it during a call and the agent's video never
 * takes less than a third of the screen: side by side in landscape (the video at full height),
 * the video on top in portrait.
 */
import type { KioskView } from '@rvw/shared';

/** A page size in CSS pixels. */
export interface Size {
  width: number;
  height: number;
}

/** A region of the page in CSS pixels, from its top-left corner. */
export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * What the kiosk is doing, as the layout sees it. `journey`: no call (welcome to thanks); `call`:
 * a call, with its few buttons beside the video; `call-form`: a call while the touch region holds
 * a form or a signature, which get more of the screen (the video keeps its third).
 */
export type LayoutPhase = 'journey' | 'call' | 'call-form';

/** The regions a page shows; null: not on this page. */
export interface KioskLayout {
  view: KioskView;
  orientation: 'landscape' | 'portrait';
  /** The top bar (title, "say it again", language). */
  topbar: Rect | null;
  /** The agent's video. */
  video: Rect | null;
  /** The resident's own picture, small, inside the video region's lower right corner. */
  selfView: Rect | null;
  /** The resident's screens: the journey, the call's buttons, the form. */
  touch: Rect | null;
  /** The video display outside a call: a calm word pointing to the touch screen. */
  standby: Rect | null;
}

/** Height of the top bar: 80 px buttons, 16 px padding above and below, a 4 px rule. */
export const TOPBAR_HEIGHT = 116;

/** The video's share of the room beside (landscape) or above (portrait) the touch region. */
export const VIDEO_SHARE = {
  landscape: { call: 0.6, 'call-form': 0.42 },
  portrait: { call: 0.5, 'call-form': 0.36 },
} as const;

/** The least part of the whole screen the agent's video takes on one display. */
export const MIN_VIDEO_FRACTION = 1 / 3;

/** Width of the resident's own picture: a quarter of the video's, within these bounds (4:3). */
const SELF_VIEW = { share: 0.24, min: 160, max: 480, margin: 24 };

const rect = (x: number, y: number, width: number, height: number): Rect => ({ x, y, width, height });

/** The resident's own picture in the lower right corner of the video region. */
export function selfViewIn(video: Rect): Rect {
  const width = Math.round(
    Math.min(SELF_VIEW.max, Math.max(SELF_VIEW.min, video.width * SELF_VIEW.share), video.width / 2),
  );
  const height = Math.round((width * 3) / 4);
  return rect(
    video.x + video.width - width - SELF_VIEW.margin,
    video.y + video.height - height - SELF_VIEW.margin,
    width,
    height,
  );
}

/** The regions for a page showing `view` at `size` while the kiosk is in `phase`. */
export function kioskLayout(view: KioskView, size: Size, phase: LayoutPhase): KioskLayout {
  const width = Math.max(0, Math.floor(size.width));
  const height = Math.max(0, Math.floor(size.height));
  const orientation = width >= height ? 'landscape' : 'portrait';
  const whole = rect(0, 0, width, height);
  const none = { topbar: null, video: null, selfView: null, touch: null, standby: null };

  if (view === 'video') {
    if (phase === 'journey') return { view, orientation, ...none, standby: whole };
    return { view, orientation, ...none, video: whole, selfView: selfViewIn(whole) };
  }

  const barHeight = Math.min(TOPBAR_HEIGHT, height);
  const topbar = rect(0, 0, width, barHeight);
  const stage = rect(0, barHeight, width, height - barHeight);
  if (view === 'touch' || phase === 'journey') return { view, orientation, ...none, topbar, touch: stage };

  // One display during a call: the video's share, but never under a third of the whole screen.
  const minArea = width * height * MIN_VIDEO_FRACTION;
  if (orientation === 'landscape') {
    const least = stage.height > 0 ? Math.ceil(minArea / stage.height) : width;
    const videoWidth = Math.min(width, Math.max(Math.round(width * VIDEO_SHARE.landscape[phase]), least));
    const video = rect(0, stage.y, videoWidth, stage.height);
    const touch = rect(videoWidth, stage.y, width - videoWidth, stage.height);
    return { view, orientation, ...none, topbar, video, selfView: selfViewIn(video), touch };
  }
  const least = Math.ceil(minArea / Math.max(1, width));
  const videoHeight = Math.min(
    stage.height,
    Math.max(Math.round(stage.height * VIDEO_SHARE.portrait[phase]), least),
  );
  const video = rect(0, stage.y, width, videoHeight);
  const touch = rect(0, stage.y + videoHeight, width, stage.height - videoHeight);
  return { view, orientation, ...none, topbar, video, selfView: selfViewIn(video), touch };
}

/** The share of the whole page a region covers (0 when it is absent). */
export function areaFraction(region: Rect | null, size: Size): number {
  if (!region || size.width <= 0 || size.height <= 0) return 0;
  return (region.width * region.height) / (size.width * size.height);
}
