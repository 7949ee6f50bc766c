/**
 * What the agent typed into one field and where it stands on its way to the server: typed (waiting
 * for its turn), sending, stored (waiting for the push), refused, or caught in a conflict. The
 * rules that decide a draft's fate when the server's state moves on are pure functions here.
 */
import { sortedJson, validateField, type AnyField, type FieldValue, type ValidateOptions } from '@rvw/shared';

/**
 * typing: changed, to be sent when its typing interval allows or on flush; sending: awaiting the ack; sent:
 * stored, awaiting the push that shows it; invalid: fails validation here, not sent; refused: the
 * server refused it; conflict: sent on a stale revision, to be sent again on the current one;
 * diverged: while in conflict, the field changed on the server too, so the agent decides.
 */
export type DraftPhase = 'typing' | 'sending' | 'sent' | 'invalid' | 'refused' | 'conflict' | 'diverged';

/** A field's problem: a stable code and the sentence to show. */
export interface FieldIssue {
  code: string;
  message: string;
}

/** One field's draft as the screens see it. */
export interface FieldDraft {
  /** The value as typed (text inputs keep their text; the server gets the normalised value). */
  value: unknown;
  phase: DraftPhase;
  problem: FieldIssue | null;
  /** For `diverged`: what the server holds now. */
  serverValue?: FieldValue;
}

/** The store's own bookkeeping of a draft, besides what the screens see. */
export interface DraftRecord extends FieldDraft {
  /** Bumped on every edit, to tell whether the draft changed while it was being sent. */
  seq: number;
  sentSeq: number;
  /** The revision the ack named, for `sent`. */
  sentRevision: number;
  /** The revision the draft was last sent on, and the server's value of the field then. */
  base: number;
  serverValueAtBase: FieldValue;
  /** The normalised value to send: the latest typed value that passed validation. */
  sendValue: unknown;
  /** The latest typed value's problem here (null: it passed). */
  localProblem: FieldIssue | null;
  /** The value the last ack stored (at `sentRevision`), until the push shows it. */
  ackedValue: unknown;
  /** True once the typing interval ran out or the field was committed: send when the line is free. */
  due: boolean;
  timer: ReturnType<typeof setTimeout> | null;
}

/** True when two field values are the same content (key order aside). */
export function sameValue(a: unknown, b: unknown): boolean {
  return sortedJson(a ?? null) === sortedJson(b ?? null);
}

/** Phases that still hold something the server does not have. */
export function isUnsaved(phase: DraftPhase): boolean {
  return phase !== 'sent';
}

/** Phases that will change by themselves (a send, an ack or a reload is on its way). */
export function isMoving(phase: DraftPhase): boolean {
  return phase === 'typing' || phase === 'sending' || phase === 'conflict';
}

/**
 * Checks a typed value with the field's description: `ok` with the normalised value to send, or the
 * problem. Without a description (item not loaded) the value goes as typed and the server decides.
 */
export function checkDraft(
  field: AnyField | undefined,
  value: unknown,
  options: ValidateOptions,
): { ok: true; value: unknown } | { ok: false; problem: FieldIssue } {
  if (!field) return { ok: true, value };
  const r = validateField(field, value, options);
  return r.ok ? { ok: true, value: r.value } : { ok: false, problem: { code: r.code, message: r.message } };
}

/**
 * What becomes of a draft in conflict once a newer state arrived: `resend` when the field is as it
 * was when the draft was sent (only other fields moved), `drop` when the server already holds the
 * typed value, `diverged` when the field itself changed on the server meanwhile.
 */
export function resolveConflict(draft: DraftRecord, now: FieldValue): 'resend' | 'drop' | 'diverged' {
  if (sameValue(now, draft.sendValue)) return 'drop';
  if (sameValue(now, draft.serverValueAtBase)) return 'resend';
  return 'diverged';
}

/** The draft as the screens see it (a copy without the bookkeeping). */
export function viewOf(d: DraftRecord): FieldDraft {
  return {
    value: d.value,
    phase: d.phase,
    problem: d.problem,
    ...(d.serverValue !== undefined ? { serverValue: d.serverValue } : {}),
  };
}
