/** The five faces of the rating scale, drawn (no emoji font needed), from a broad smile to a frown. */
import type { RatingLevel } from '@rvw/shared';

// Mouth curve (control point's height) and face colour per level; dark outlines keep the contrast.
const FACES: Record<RatingLevel, { mouth: number; fill: string }> = {
  'very-satisfied': { mouth: 26, fill: '#7fd18b' },
  satisfied: { mouth: 16, fill: '#b8e39a' },
  'basically-satisfied': { mouth: 6, fill: '#f3e08a' },
  dissatisfied: { mouth: -10, fill: '#f5b584' },
  'very-dissatisfied': { mouth: -20, fill: '#f19a9a' },
};

/** The face of a level. */
export function Face({ level }: { level: RatingLevel }) {
  const { mouth, fill } = FACES[level];
  const y = mouth >= 0 ? 62 : 72;
  return (
    <svg className="face" viewBox="0 0 100 100" aria-hidden="true">
      <circle cx="50" cy="50" r="45" fill={fill} stroke="#111111" strokeWidth="5" />
      <circle cx="34" cy="40" r="6" fill="#111111" />
      <circle cx="66" cy="40" r="6" fill="#111111" />
      <path
        d={`M28 ${y} Q50 ${y + mouth} 72 ${y}`}
        fill="none"
        stroke="#111111"
        strokeWidth="6"
        strokeLinecap="round"
      />
    </svg>
  );
}
