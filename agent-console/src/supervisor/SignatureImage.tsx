/** A stored signature drawn as SVG from its strokes, on the canvas it was drawn on. */
import type { SignatureStrokes } from '@rvw/shared';
import { signatureViewBox, strokePaths } from './signature-path';

/** Props: the strokes and a text alternative. */
export interface SignatureImageProps {
  strokes: SignatureStrokes;
  label: string;
}

/** The signature, scaled to its box. */
export function SignatureImage({ strokes, label }: SignatureImageProps) {
  return (
    <svg
      className="signature-image"
      data-testid="signature-image"
      viewBox={signatureViewBox(strokes)}
      role="img"
      aria-label={label}
      preserveAspectRatio="xMidYMid meet"
    >
      <rect width="100%" height="100%" fill="#fff" />
      {strokePaths(strokes).map((d, i) => (
        <path
          key={i}
          d={d}
          fill="none"
          stroke="#111827"
          strokeWidth={3}
          strokeLinecap="round"
          strokeLinejoin="round"
        />
      ))}
    </svg>
  );
}
