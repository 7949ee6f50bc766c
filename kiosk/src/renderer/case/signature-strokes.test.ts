import { describe, expect, it } from 'vitest';
import { SignatureStrokes } from '@rvw/shared';
import { STROKE_LIMITS, toSignatureStrokes } from './signature-strokes';

// signature_pad's toData(): point groups with pen settings, points with x, y, pressure and time.
const pen = { penColor: '#111', dotSize: 0, minWidth: 2, maxWidth: 5, velocityFilterWeight: 0.7 };
const group = (points: Array<[number, number, number, number?]>) => ({
  ...pen,
  compositeOperation: 'source-over' as const,
  points: points.map(([x, y, time, pressure]) => ({ x, y, time, pressure: pressure ?? 0.5 })),
});
const canvas = { width: 900.4, height: 320 };

describe("signature_pad's point groups as the protocol's strokes", () => {
  it('keeps x, y (CSS pixels), time and pressure, drops the pen settings, rounds the canvas size', () => {
    const strokes = toSignatureStrokes(
      [
        group([
          [10.04, 20.06, 1_700_000_000_000.4, 0.31],
          [30, 40, 1_700_000_000_016],
        ]),
        group([[50, 60, 1_700_000_000_100, 1.7]]),
      ],
      canvas,
    );
    expect(strokes).toEqual({
      canvas: { width: 900, height: 320 },
      strokes: [
        {
          points: [
            { x: 10, y: 20.1, time: 1_700_000_000_000, pressure: 0.31 },
            { x: 30, y: 40, time: 1_700_000_000_016, pressure: 0.5 },
          ],
        },
        // A pressure out of range is held to [0, 1], as the schema asks.
        { points: [{ x: 50, y: 60, time: 1_700_000_000_100, pressure: 1 }] },
      ],
    });
    expect(SignatureStrokes.safeParse(strokes).success).toBe(true);
  });

  it('is null when nothing is drawn, or the canvas is too small to be a signature box', () => {
    expect(toSignatureStrokes([], canvas)).toBeNull();
    expect(toSignatureStrokes([group([])], canvas)).toBeNull();
    expect(toSignatureStrokes([group([[1, 1, 1]])], { width: 40, height: 20 })).toBeNull();
  });

  it('thins a very long signature evenly to the protocol limits, keeping each stroke whole at its ends', () => {
    const long = Array.from({ length: 150 }, (_, s) =>
      group(Array.from({ length: 400 }, (_, i) => [i, s, 1000 + i] as [number, number, number])),
    );
    const strokes = toSignatureStrokes(long, canvas)!;
    expect(strokes).not.toBeNull();
    const total = strokes.strokes.reduce((n, s) => n + s.points.length, 0);
    expect(total).toBeLessThanOrEqual(STROKE_LIMITS.points);
    expect(total).toBeGreaterThan(STROKE_LIMITS.points * 0.9);
    for (const s of strokes.strokes) {
      expect(s.points[0]).toMatchObject({ x: 0, time: 1000 });
      expect(s.points.at(-1)).toMatchObject({ x: 399, time: 1399 });
    }
    expect(SignatureStrokes.safeParse(strokes).success).toBe(true);
    // Too many strokes: the last ones drawn are kept.
    const many = Array.from({ length: 250 }, (_, s) => group([[s, s, s]]));
    const kept = toSignatureStrokes(many, canvas)!;
    expect(kept.strokes).toHaveLength(STROKE_LIMITS.strokes);
    expect(kept.strokes[0]!.points[0]!.x).toBe(50);
  });
});
