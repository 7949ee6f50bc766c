import { describe, expect, it } from 'vitest';
import { SignatureStrokes } from '@rvw/shared';
import { signatureViewBox, strokePaths } from './signature-path';

const signature = SignatureStrokes.parse({
  canvas: { width: 800, height: 300 },
  strokes: [
    {
      points: [
        { x: 10, y: 20, time: 1 },
        { x: 15.26, y: 22.04, time: 2 },
        { x: 30, y: 25, time: 3 },
      ],
    },
    { points: [{ x: 400, y: 150, time: 4 }] },
  ],
});

describe('the signature as SVG', () => {
  it('draws each stroke through its points, one decimal', () => {
    expect(strokePaths(signature)).toEqual(['M10 20L15.3 22L30 25', 'M400 150l0.1 0']);
  });

  it('keeps the canvas the strokes were drawn on', () => {
    expect(signatureViewBox(signature)).toBe('0 0 800 300');
  });
});
