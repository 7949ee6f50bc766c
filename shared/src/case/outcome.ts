/**
 * The outcome of a case (办件结果), as domain.md lists them, and the rule that "could not be done"
 * (办不成) always says why and what to do next (一次性告知).
 */
import { z } from 'zod';
import type { LocalText } from '../catalogue/text';

/** 办结, 受理, 咨询, 转办, 办不成. */
export const CaseOutcome = z.enum(['completed', 'accepted', 'consultation', 'transferred', 'not-done']);
export type CaseOutcome = z.infer<typeof CaseOutcome>;

/** The words of each outcome on screens and documents. */
export const OUTCOME_LABELS: Readonly<Record<CaseOutcome, LocalText>> = {
  completed: { zh: '办结', en: 'Completed' },
  accepted: { zh: '受理', en: 'Accepted for processing' },
  consultation: { zh: '咨询', en: 'Consultation only' },
  transferred: { zh: '转办', en: 'Transferred' },
  'not-done': { zh: '办不成', en: 'Could not be done' },
};

/** Outcomes that need the resident's signature on the current revision of a form item. */
export const OUTCOMES_NEEDING_SIGNATURE: readonly CaseOutcome[] = ['completed', 'accepted'];

const sentence = z.string().trim().min(2).max(500);

/**
 * What the agent records. `reason` and `nextStep` are required for 办不成 (the resident is told
 * both before leaving) and for 转办 (where it went and what happens next); optional otherwise.
 */
export const OutcomeRecord = z
  .strictObject({
    outcome: CaseOutcome,
    reason: sentence.optional(),
    nextStep: sentence.optional(),
    /** The agent's own note for the record; not shown to the resident. */
    note: z.string().trim().max(1000).optional(),
  })
  .superRefine((r, ctx) => {
    if (r.outcome !== 'not-done' && r.outcome !== 'transferred') return;
    if (!r.reason)
      ctx.addIssue({ code: 'custom', path: ['reason'], message: `is required for ${r.outcome}` });
    if (!r.nextStep)
      ctx.addIssue({ code: 'custom', path: ['nextStep'], message: `is required for ${r.outcome}` });
  });
export type OutcomeRecord = z.infer<typeof OutcomeRecord>;

/** Why an agent gives up a case without an outcome (it is then `abandoned`). */
export const AbandonRecord = z.strictObject({ reason: sentence });
export type AbandonRecord = z.infer<typeof AbandonRecord>;
