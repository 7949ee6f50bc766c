/**
 * Which window goes on which display (issue 9 #8), as a pure function of the configured layout and
 * the displays connected now: one `both` window on the primary display, or on the dual-screen
 * machine a `video` window on the upper display and a `touch` window on the touch screen. When a
 * dual layout cannot be had (a display missing, or both names landing on the same display) the plan
 * falls back to one `both` window and says why, so the main can log it.
 */
import type { Display } from 'electron';
import type { KioskView } from '@rvw/shared';
import { formatDisplaySelector, type DisplayLayout, type DisplaySelector } from '../host/display-layout';

/** What the planner needs of an Electron display. */
export type PlannedDisplay = Pick<Display, 'id' | 'bounds'>;

/** One window: its view and the display it fills. */
export interface WindowPlan {
  view: KioskView;
  display: PlannedDisplay;
}

/** The windows to have open, and why a dual layout runs as single (null when it does not). */
export interface DisplayPlan {
  windows: WindowPlan[];
  fallback: string | null;
}

// Upper: the highest top edge (then the leftmost); lower: the lowest top edge (then the rightmost).
function byPosition(a: PlannedDisplay, b: PlannedDisplay): number {
  return a.bounds.y - b.bounds.y || a.bounds.x - b.bounds.x;
}

/** The display a selector names among those connected, or null when none matches. */
export function resolveDisplay(
  selector: DisplaySelector,
  displays: readonly PlannedDisplay[],
  primaryId: number,
): PlannedDisplay | null {
  const sorted = [...displays].sort(byPosition);
  switch (selector.kind) {
    case 'upper':
      return sorted[0] ?? null;
    case 'lower':
      return sorted.at(-1) ?? null;
    case 'primary':
      return displays.find((d) => d.id === primaryId) ?? null;
    case 'index':
      return displays[selector.index] ?? null;
    case 'id':
      return displays.find((d) => d.id === selector.id) ?? null;
  }
}

function describe(display: PlannedDisplay): string {
  const { x, y, width, height } = display.bounds;
  return `id:${display.id} (${width}x${height} at ${x},${y})`;
}

/** The windows for `layout` on the connected `displays` (in screen.getAllDisplays() order). */
export function planWindows(
  layout: DisplayLayout,
  displays: readonly PlannedDisplay[],
  primaryId: number,
): DisplayPlan {
  const primary = displays.find((d) => d.id === primaryId) ?? displays[0];
  if (!primary) return { windows: [], fallback: null };
  if (layout.layout === 'single') return { windows: [{ view: 'both', display: primary }], fallback: null };

  const video = resolveDisplay(layout.video, displays, primaryId);
  const touch = resolveDisplay(layout.touch, displays, primaryId);
  if (video && touch && video.id !== touch.id)
    return {
      windows: [
        { view: 'video', display: video },
        { view: 'touch', display: touch },
      ],
      fallback: null,
    };

  const videoName = formatDisplaySelector(layout.video);
  const touchName = formatDisplaySelector(layout.touch);
  // Every connected display with the names a technician can write for it.
  const list = displays.map((d, i) => `index:${i} = ${describe(d)}`).join('; ');
  const count = `${displays.length} display${displays.length === 1 ? ' is' : 's are'} connected: ${list}`;
  const why = !video
    ? `no display matches the video display "${videoName}" (${count})`
    : !touch
      ? `no display matches the touch display "${touchName}" (${count})`
      : `the video display "${videoName}" and the touch display "${touchName}" are the same one (${count})`;
  const single = touch ?? primary;
  return {
    windows: [{ view: 'both', display: single }],
    fallback: `dual layout not possible: ${why}; one window shows both on ${describe(single)}`,
  };
}
