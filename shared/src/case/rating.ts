/** The national good/bad review scale (好差评): five levels, and the reasons a low rating offers. */
import { z } from 'zod';
import type { LocalText } from '../catalogue/text';

/** From 非常满意 to 非常不满意, best first (the order of the kiosk's buttons). */
export const RatingLevel = z.enum([
  'very-satisfied',
  'satisfied',
  'basically-satisfied',
  'dissatisfied',
  'very-dissatisfied',
]);
export type RatingLevel = z.infer<typeof RatingLevel>;

/** The words of each level, as the national scale writes them. */
export const RATING_LABELS: Readonly<Record<RatingLevel, LocalText>> = {
  'very-satisfied': { zh: '非常满意', en: 'Very satisfied' },
  satisfied: { zh: '满意', en: 'Satisfied' },
  'basically-satisfied': { zh: '基本满意', en: 'Basically satisfied' },
  dissatisfied: { zh: '不满意', en: 'Dissatisfied' },
  'very-dissatisfied': { zh: '非常不满意', en: 'Very dissatisfied' },
};

/** 5 for very satisfied .. 1 for very dissatisfied (the national scale's scores). */
export function ratingScore(level: RatingLevel): number {
  return 5 - RatingLevel.options.indexOf(level);
}

/** 不满意 and 非常不满意: they open a follow-up that a supervisor must close. */
export function isLowRating(level: RatingLevel): boolean {
  return level === 'dissatisfied' || level === 'very-dissatisfied';
}

/** The large reason buttons a low rating offers. */
export const LowRatingReason = z.enum([
  'waited-too-long',
  'not-solved',
  'unclear-explanation',
  'staff-attitude',
  'video-or-sound',
  'too-complicated',
]);
export type LowRatingReason = z.infer<typeof LowRatingReason>;

export const LOW_RATING_REASON_LABELS: Readonly<Record<LowRatingReason, LocalText>> = {
  'waited-too-long': { zh: '等得太久', en: 'I waited too long' },
  'not-solved': { zh: '事情没办成', en: 'My matter was not solved' },
  'unclear-explanation': { zh: '没听明白', en: 'I did not understand' },
  'staff-attitude': { zh: '态度不好', en: 'The staff were unkind' },
  'video-or-sound': { zh: '看不清、听不清', en: 'I could not see or hear well' },
  'too-complicated': { zh: '手续太麻烦', en: 'It was too complicated' },
};

/** What the kiosk sends: a level, or `notRated` when the screen was left alone. */
export const RatingSubmission = z.discriminatedUnion('rated', [
  z.strictObject({
    rated: z.literal(true),
    level: RatingLevel,
    reasons: z.array(LowRatingReason).max(6).default([]),
    /** Optional note typed by committee staff standing by. */
    staffNote: z.string().trim().max(500).optional(),
  }),
  z.strictObject({ rated: z.literal(false) }),
]);
export type RatingSubmission = z.infer<typeof RatingSubmission>;
