/**
 * A signature as its strokes (signature_pad's point groups, reduced to what a document needs), with
 * the canvas size they were drawn on, bound to the revision and the hash of the content signed.
 */
import { z } from 'zod';

/** One sampled point: CSS pixels on the canvas, and milliseconds since the epoch. */
export const SignaturePoint = z.strictObject({
  x: z.number().finite().min(-10).max(10_000),
  y: z.number().finite().min(-10).max(10_000),
  time: z.number().finite().nonnegative(),
  pressure: z.number().finite().min(0).max(1).optional(),
});
export type SignaturePoint = z.infer<typeof SignaturePoint>;

/** One pen-down .. pen-up stroke. */
export const SignatureStroke = z.strictObject({
  points: z.array(SignaturePoint).min(1).max(2_000),
});
export type SignatureStroke = z.infer<typeof SignatureStroke>;

/** The strokes with the canvas they were drawn on; at least one stroke, at most 200 and 20 000 points. */
export const SignatureStrokes = z
  .strictObject({
    canvas: z.strictObject({
      width: z.number().int().min(100).max(8_000),
      height: z.number().int().min(50).max(8_000),
    }),
    strokes: z.array(SignatureStroke).min(1).max(200),
  })
  .refine((s) => s.strokes.reduce((n, st) => n + st.points.length, 0) <= 20_000, {
    message: 'has more than 20 000 points',
    path: ['strokes'],
  });
export type SignatureStrokes = z.infer<typeof SignatureStrokes>;

/** A stored signature: the strokes, and what they sign. */
export const SignatureRecord = z.object({
  revision: z.number().int().nonnegative(),
  /** formHash of the content at `revision`. */
  hash: z.string().regex(/^[0-9a-f]{64}$/),
  signedAt: z.string(),
  strokes: SignatureStrokes,
});
export type SignatureRecord = z.infer<typeof SignatureRecord>;
