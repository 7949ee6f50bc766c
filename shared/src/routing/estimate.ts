/** The kiosk's wait estimate: minutes when there is a basis, or an honest "cannot say" (issue 11 #5). */
import { z } from 'zod';

/** Why there is no estimate. */
export const NoEstimateReason = z.enum([
  'no-agent-online', // nobody online can serve this ticket
  'no-history', // no handled sessions recently to base it on
]);
export type NoEstimateReason = z.infer<typeof NoEstimateReason>;

export const WaitEstimate = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('minutes'),
    /** Rounded to the nearest, at least 1. */
    minutes: z.number().int().positive(),
    /** The basis, for people who ask: agents online for this need and the mean handling time used. */
    agentsOnline: z.number().int().positive(),
    meanHandlingS: z.number().positive(),
  }),
  z.object({ kind: z.literal('none'), reason: NoEstimateReason }),
  /** Position 1 with an agent free: being connected now. */
  z.object({ kind: z.literal('next') }),
]);
export type WaitEstimate = z.infer<typeof WaitEstimate>;
