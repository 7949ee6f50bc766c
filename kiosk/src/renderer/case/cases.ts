/**
 * Rules about the session's cases as the kiosk holds them (pure): which state of a case wins, which
 * case is on show, what the resident is asked to do with it, and which outcomes they must be told.
 */
import type { CaseState, LocalText, Locale } from '@rvw/shared';

/** A text of the catalogue or the server in the resident's language. */
export function local(text: LocalText, locale: Locale): string {
  return locale === 'en' ? text.en : text.zh;
}

/**
 * The cases with `incoming` merged in, ordered by when they were opened; null when `incoming` is
 * older than the state held (the highest form revision wins; an equal one replaces it, as it may
 * carry an outcome or a flag without a change of the form).
 */
export function mergeCase(cases: readonly CaseState[], incoming: CaseState): CaseState[] | null {
  const known = cases.find((c) => c.caseId === incoming.caseId);
  if (known && incoming.form.revision < known.form.revision) return null;
  const merged = [...cases.filter((c) => c.caseId !== incoming.caseId), incoming];
  return merged.sort((a, b) => a.openedAt.localeCompare(b.openedAt));
}

/** The case on show: the one in focus (last changed), else the newest open one, else the newest. */
export function caseOnShow(cases: readonly CaseState[], focus: string | null): CaseState | null {
  return (
    cases.find((c) => c.caseId === focus) ??
    [...cases].reverse().find((c) => c.status === 'open') ??
    cases.at(-1) ??
    null
  );
}

/** The agent asks the resident to confirm the form as it is now, and they have not yet. */
export function wantsConfirmation(c: CaseState): boolean {
  const { form } = c;
  return (
    c.status === 'open' &&
    form.confirmRequested === form.revision &&
    form.confirmation?.revision !== form.revision
  );
}

/** The resident confirmed the form as it is now and has not signed it yet. */
export function wantsSignature(c: CaseState): boolean {
  const { form } = c;
  return (
    c.status === 'open' &&
    form.confirmation?.revision === form.revision &&
    form.signature?.revision !== form.revision
  );
}

/** Cases whose outcome the resident must hear before leaving (一次性告知): 办不成 and 转办. */
export function outcomeNotices(cases: readonly CaseState[]): CaseState[] {
  return cases.filter((c) => c.outcome?.outcome === 'not-done' || c.outcome?.outcome === 'transferred');
}

/** The fields of `c` the resident has flagged: in the server's state, or sent and not yet in it. */
export function flaggedFields(c: CaseState, sent: readonly { caseId: string; field: string }[]): Set<string> {
  return new Set([
    ...c.form.flags.map((f) => f.field),
    ...sent.filter((f) => f.caseId === c.caseId).map((f) => f.field),
  ]);
}
