/**
 * The rules of the outcome panel, before anything is sent: 办不成 and 转办 need the reason and the
 * next step (the resident is told both), 办结 and 受理 of a form item need the resident's signature on
 * the form as it is now, unsaved edits must be saved or dropped first, and abandoning needs a reason.
 * The server checks the same; this lets the panel say so before the agent presses the button.
 */
import {
  AbandonRecord,
  OUTCOMES_NEEDING_SIGNATURE,
  OutcomeRecord,
  type CaseForm,
  type CaseOutcome,
} from '@rvw/shared';
import { isSignedNow } from './form-status';

/** What the agent has typed in the outcome panel. */
export interface OutcomeDraft {
  outcome: CaseOutcome | null;
  reason: string;
  nextStep: string;
  note: string;
}

/** An empty outcome panel. */
export const emptyOutcomeDraft: OutcomeDraft = { outcome: null, reason: '', nextStep: '', note: '' };

/** Why the outcome cannot be recorded yet; each has a sentence in the dictionary (`outcome.problem.*`). */
export type OutcomeProblem =
  | 'choose'
  | 'reason-required'
  | 'reason-short'
  | 'reason-long'
  | 'next-required'
  | 'next-short'
  | 'next-long'
  | 'note-long'
  | 'not-signed'
  | 'unsaved';

/** What the rules need to know about the case. */
export interface OutcomeContext {
  /** True when the item has a form (not consultation-only, not print-only without fields). */
  hasForm: boolean;
  form: CaseForm;
  /** True while the form holds edits the server has not stored. */
  unsaved: boolean;
}

const SENTENCE_MIN = 2;
const SENTENCE_MAX = 500;
const NOTE_MAX = 1000;

/** 办不成 and 转办: the resident must leave knowing why and what to do next (一次性告知). */
export function needsReasonAndNextStep(outcome: CaseOutcome | null): boolean {
  return outcome === 'not-done' || outcome === 'transferred';
}

/** 办结 and 受理 of an item with a form need the signature on the current revision. */
export function needsSignature(outcome: CaseOutcome, hasForm: boolean): boolean {
  return hasForm && OUTCOMES_NEEDING_SIGNATURE.includes(outcome);
}

function sentenceProblem(
  text: string,
  required: boolean,
  codes: [OutcomeProblem, OutcomeProblem, OutcomeProblem],
): OutcomeProblem | null {
  const n = Array.from(text.trim()).length;
  if (n === 0) return required ? codes[0] : null;
  if (n < SENTENCE_MIN) return codes[1];
  if (n > SENTENCE_MAX) return codes[2];
  return null;
}

/** Every reason the draft cannot be recorded now, in the order the panel shows them. */
export function outcomeProblems(draft: OutcomeDraft, ctx: OutcomeContext): OutcomeProblem[] {
  if (!draft.outcome) return ['choose'];
  const problems: OutcomeProblem[] = [];
  const required = needsReasonAndNextStep(draft.outcome);
  const reason = sentenceProblem(draft.reason, required, ['reason-required', 'reason-short', 'reason-long']);
  if (reason) problems.push(reason);
  const next = sentenceProblem(draft.nextStep, required, ['next-required', 'next-short', 'next-long']);
  if (next) problems.push(next);
  if (Array.from(draft.note.trim()).length > NOTE_MAX) problems.push('note-long');
  if (ctx.unsaved) problems.push('unsaved');
  if (needsSignature(draft.outcome, ctx.hasForm) && !isSignedNow(ctx.form)) problems.push('not-signed');
  return problems;
}

/**
 * The record to send: trimmed, empty texts left out. Throws if the draft breaks the shared schema,
 * which outcomeProblems() reports first.
 */
export function outcomeRecord(draft: OutcomeDraft): OutcomeRecord {
  const text = (s: string) => (s.trim() ? s.trim() : undefined);
  return OutcomeRecord.parse({
    outcome: draft.outcome,
    ...(text(draft.reason) ? { reason: text(draft.reason) } : {}),
    ...(text(draft.nextStep) ? { nextStep: text(draft.nextStep) } : {}),
    ...(text(draft.note) ? { note: text(draft.note) } : {}),
  });
}

/** Why a case cannot be abandoned with this reason; null when it can. */
export function abandonProblem(reason: string): 'reason-required' | 'reason-short' | 'reason-long' | null {
  const p = sentenceProblem(reason, true, ['reason-required', 'reason-short', 'reason-long']);
  if (p) return p as 'reason-required' | 'reason-short' | 'reason-long';
  return AbandonRecord.safeParse({ reason: reason.trim() }).success ? null : 'reason-short';
}
