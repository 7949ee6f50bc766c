/**
 * Where a case's form stands between editing and signing, as both the badge and the buttons read
 * it: a confirmation or signature counts only for the revision the form is at now.
 */
import type { CaseForm, CaseState } from '@rvw/shared';

/** editing: being filled; awaiting: the resident was asked to confirm this revision; confirmed; signed. */
export type FormPhase = 'editing' | 'awaiting' | 'confirmed' | 'signed';

/** The phase of the form at its current revision. */
export function formPhase(form: CaseForm): FormPhase {
  if (form.signature && form.signature.revision === form.revision) return 'signed';
  if (form.confirmation && form.confirmation.revision === form.revision) return 'confirmed';
  if (form.confirmRequested === form.revision) return 'awaiting';
  return 'editing';
}

/** True when the resident's signature covers the form as it is now. */
export function isSignedNow(form: CaseForm): boolean {
  return formPhase(form) === 'signed';
}

/** The field ids the resident flagged as wrong ("这一项不对"), each once, in the order flagged. */
export function flaggedFields(form: CaseForm): string[] {
  return [...new Set(form.flags.map((f) => f.field))];
}

/** True when the case is still being handled (its form can change, an outcome is due). */
export function isOpen(state: Pick<CaseState, 'status'>): boolean {
  return state.status === 'open';
}

/**
 * What the request-confirm button may do: `ask` (send the request), `again` (already asked for this
 * revision; asking again re-sends it), or `done` (confirmed or signed: nothing to ask).
 */
export function confirmAction(form: CaseForm): 'ask' | 'again' | 'done' {
  const phase = formPhase(form);
  if (phase === 'awaiting') return 'again';
  if (phase === 'confirmed' || phase === 'signed') return 'done';
  return 'ask';
}
