/**
 * A stored signature (its strokes and the canvas they were drawn on) as SVG path data, so the
 * read-back shows exactly what the resident drew, at any size (the viewBox is the canvas).
 */
import type { SignatureStrokes } from '@rvw/shared';

/** One number for a path: at most one decimal, no trailing zeros. */
function n(v: number): string {
  return String(Math.round(v * 10) / 10);
}

/**
 * The `d` of one path per stroke: a move to the first point and lines through the rest; a stroke
 * of one point (a dot) becomes a tiny line so that round caps draw it.
 */
export function strokePaths(signature: SignatureStrokes): string[] {
  return signature.strokes.map(({ points }) => {
    const [first, ...rest] = points;
    if (!first) return '';
    const start = `M${n(first.x)} ${n(first.y)}`;
    if (rest.length === 0) return `${start}l0.1 0`;
    return `${start}${rest.map((p) => `L${n(p.x)} ${n(p.y)}`).join('')}`;
  });
}

/** The viewBox of the canvas the strokes were drawn on. */
export function signatureViewBox(signature: SignatureStrokes): string {
  return `0 0 ${signature.canvas.width} ${signature.canvas.height}`;
}
