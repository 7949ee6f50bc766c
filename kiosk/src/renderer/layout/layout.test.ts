import { describe, expect, it } from 'vitest';
import type { KioskView } from '@rvw/shared';
import { areaFraction, kioskLayout, TOPBAR_HEIGHT, type LayoutPhase, type Rect, type Size } from './layout';

const KIOSK_SIZES: Size[] = [
  { width: 1920, height: 1080 },
  { width: 1080, height: 1920 },
  { width: 1366, height: 768 },
  { width: 1280, height: 1024 },
];
const CALL_PHASES: LayoutPhase[] = ['call', 'call-form'];

const inside = (inner: Rect, outer: Rect) =>
  inner.x >= outer.x &&
  inner.y >= outer.y &&
  inner.x + inner.width <= outer.x + outer.width &&
  inner.y + inner.height <= outer.y + outer.height;
const overlaps = (a: Rect, b: Rect) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
const name = (s: Size) => `${s.width}x${s.height}`;

describe('one display (both) during a call', () => {
  for (const size of KIOSK_SIZES)
    for (const phase of CALL_PHASES)
      it(`${name(size)} ${phase}: the video takes at least a third of the screen, the rest is for touch`, () => {
        const l = kioskLayout('both', size, phase);
        const video = l.video!;
        const touch = l.touch!;
        expect(areaFraction(video, size)).toBeGreaterThanOrEqual(1 / 3);
        expect(overlaps(video, touch)).toBe(false);
        expect(l.topbar).toEqual({ x: 0, y: 0, width: size.width, height: TOPBAR_HEIGHT });
        // Video and touch regions tile everything under the top bar.
        expect(video.width * video.height + touch.width * touch.height).toBe(
          size.width * (size.height - TOPBAR_HEIGHT),
        );
        if (size.width >= size.height) {
          expect(l.orientation).toBe('landscape');
          // Side by side: the video at full height, at least a third of the width, on the left.
          expect(video).toMatchObject({ x: 0, y: TOPBAR_HEIGHT, height: size.height - TOPBAR_HEIGHT });
          expect(video.width).toBeGreaterThanOrEqual(size.width / 3);
          expect(touch.x).toBe(video.width);
        } else {
          expect(l.orientation).toBe('portrait');
          // The video on top, full width, at least a third of the height.
          expect(video).toMatchObject({ x: 0, y: TOPBAR_HEIGHT, width: size.width });
          expect(video.height).toBeGreaterThanOrEqual(size.height / 3);
          expect(touch.y).toBe(video.y + video.height);
        }
        // Room left to touch: never less than a third of the screen either.
        expect(areaFraction(touch, size)).toBeGreaterThanOrEqual(0.3);
        // The resident's own picture is small and inside the video.
        expect(inside(l.selfView!, video)).toBe(true);
        expect(areaFraction(l.selfView!, size)).toBeLessThan(areaFraction(video, size) / 4);
        expect(l.standby).toBeNull();
      });

  it('a form gets more room than the call buttons do; the video keeps its third', () => {
    for (const size of KIOSK_SIZES) {
      const call = kioskLayout('both', size, 'call');
      const form = kioskLayout('both', size, 'call-form');
      expect(areaFraction(form.touch, size)).toBeGreaterThan(areaFraction(call.touch, size));
      expect(areaFraction(call.video, size)).toBeGreaterThan(areaFraction(form.video, size));
    }
  });

  it('the third holds at any size from 800x600 to 3840x3840', () => {
    for (let width = 800; width <= 3840; width += 160)
      for (let height = 600; height <= 3840; height += 160)
        for (const phase of CALL_PHASES) {
          const size = { width, height };
          const l = kioskLayout('both', size, phase);
          expect(areaFraction(l.video, size), `${name(size)} ${phase}`).toBeGreaterThanOrEqual(1 / 3);
        }
  });
});

describe('the views', () => {
  it('both, outside a call: the top bar and the screens, no video', () => {
    const l = kioskLayout('both', { width: 1920, height: 1080 }, 'journey');
    expect(l.video).toBeNull();
    expect(l.selfView).toBeNull();
    expect(l.touch).toEqual({ x: 0, y: TOPBAR_HEIGHT, width: 1920, height: 1080 - TOPBAR_HEIGHT });
  });

  it('video: only the agent, the whole display, with the small self-view; a standby word outside a call', () => {
    const size = { width: 1920, height: 1080 };
    const l = kioskLayout('video', size, 'call');
    expect(l.video).toEqual({ x: 0, y: 0, width: 1920, height: 1080 });
    expect(l.touch).toBeNull();
    expect(l.topbar).toBeNull();
    expect(inside(l.selfView!, l.video!)).toBe(true);
    expect(l.selfView!.width).toBe(Math.round(1920 * 0.24));
    expect(kioskLayout('video', size, 'call-form').video).toEqual(l.video);
    const idle = kioskLayout('video', size, 'journey');
    expect(idle).toMatchObject({ video: null, touch: null, topbar: null, selfView: null });
    expect(idle.standby).toEqual({ x: 0, y: 0, width: 1920, height: 1080 });
  });

  it('touch: the screens and buttons without the remote video, in every phase', () => {
    for (const phase of ['journey', 'call', 'call-form'] as const) {
      const l = kioskLayout('touch', { width: 1080, height: 1920 }, phase);
      expect(l.video).toBeNull();
      expect(l.selfView).toBeNull();
      expect(l.touch).toEqual({ x: 0, y: TOPBAR_HEIGHT, width: 1080, height: 1920 - TOPBAR_HEIGHT });
    }
  });

  it('no page size yet (0x0): nothing negative', () => {
    for (const view of ['both', 'video', 'touch'] as KioskView[])
      for (const region of Object.values(kioskLayout(view, { width: 0, height: 0 }, 'call')))
        if (region && typeof region === 'object') {
          expect(region.width).toBeGreaterThanOrEqual(0);
          expect(region.height).toBeGreaterThanOrEqual(0);
        }
  });
});
