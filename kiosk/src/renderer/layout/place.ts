/** A layout region as the inline style that puts an element there (the layout's numbers, unrounded by CSS). */
import type { CSSProperties } from 'react';
import type { Rect } from './layout';

/** Absolute position and size of `region`, relative to `origin` (default the page's corner). */
export function placeAt(region: Rect, origin: Pick<Rect, 'x' | 'y'> = { x: 0, y: 0 }): CSSProperties {
  return {
    position: 'absolute',
    left: region.x - origin.x,
    top: region.y - origin.y,
    width: region.width,
    height: region.height,
  };
}
