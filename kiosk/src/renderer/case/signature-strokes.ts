/**
 * signature_pad's point groups as the protocol's SignatureStrokes (pure): the points' x, y (CSS
 * pixels on the canvas), time and pressure, with the canvas's CSS size. Pen settings are dropped.
 * A signature beyond the protocol's limits is thinned evenly rather than refused, so that a long
 * signature still goes through; the first and last point of each stroke are always kept.
 */
import { SignatureStrokes } from '@rvw/shared';

/** One point as signature_pad records it. */
export interface PadPoint {
  x: number;
  y: number;
  time: number;
  pressure?: number;
}

/** One stroke as signature_pad's toData() returns it (its pen settings are ignored). */
export interface PadPointGroup {
  points: readonly PadPoint[];
}

/** The protocol's limits: strokes per signature, points per stroke, points in all. */
export const STROKE_LIMITS = { strokes: 200, pointsPerStroke: 2_000, points: 20_000 } as const;

const round = (n: number) => Math.round(n * 10) / 10;

/** Every `keep`-th point evenly, with the first and the last. */
function thin<T>(points: readonly T[], keep: number): T[] {
  if (points.length <= keep) return [...points];
  const out: T[] = [];
  for (let i = 0; i < keep; i++) out.push(points[Math.round((i * (points.length - 1)) / (keep - 1))]!);
  return out;
}

/**
 * The strokes for the protocol, or null when there is nothing to send (no point drawn) or the
 * canvas is smaller than the protocol allows.
 */
export function toSignatureStrokes(
  groups: readonly PadPointGroup[],
  canvas: { width: number; height: number },
): SignatureStrokes | null {
  const drawn = groups.filter((g) => g.points.length > 0).slice(-STROKE_LIMITS.strokes);
  if (drawn.length === 0) return null;
  const total = drawn.reduce((n, g) => n + Math.min(g.points.length, STROKE_LIMITS.pointsPerStroke), 0);
  // Each stroke keeps at least two points (its ends), so those are set aside from the share.
  const share = total > STROKE_LIMITS.points ? (STROKE_LIMITS.points - 2 * drawn.length) / total : 1;
  const strokes = drawn.map((g) => {
    const keep = Math.max(
      Math.min(2, g.points.length),
      Math.floor(Math.min(g.points.length, STROKE_LIMITS.pointsPerStroke) * share),
    );
    return {
      points: thin(g.points, keep).map((p) => ({
        x: round(p.x),
        y: round(p.y),
        time: Math.max(0, Math.round(p.time)),
        ...(typeof p.pressure === 'number' && Number.isFinite(p.pressure)
          ? { pressure: Math.min(1, Math.max(0, p.pressure)) }
          : {}),
      })),
    };
  });
  const parsed = SignatureStrokes.safeParse({
    canvas: { width: Math.round(canvas.width), height: Math.round(canvas.height) },
    strokes,
  });
  return parsed.success ? parsed.data : null;
}
