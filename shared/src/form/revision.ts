/**
 * The pure revision rule of the shared form (issue 9 parts 4-5): the server holds the state, every
 * change names the revision it was made on, and any change of content voids a confirmation.
 */
import { ErrorCode } from '../errors/codes';
import { FieldErrorCode, defaultFieldMessages } from './codes';
import { sortedJson } from './canonical';
import type { AnyField, FieldValue, FormValues, ValidateOptions } from './types';
import { validateField } from './validate';

/** The resident's confirmation of one revision, bound to the hash of its canonical content. */
export interface FormConfirmation {
  revision: number;
  /** formHash of the content at `revision`. */
  hash: string;
  /** ISO time. */
  at: string;
}

/** The form's truth as the server holds it. */
export interface FormState {
  /** 0 for a new form; each stored change adds one. */
  revision: number;
  /** Normalised values by field id (empty: null, or [] for a group). */
  values: FormValues;
  /** Set while the current content is the confirmed one; null otherwise. */
  confirmation: FormConfirmation | null;
}

/** One stored change: who, when, which field, the old and the new value. */
export interface FormRevision {
  revision: number;
  field: string;
  oldValue: FieldValue;
  newValue: FieldValue;
  by: string;
  /** ISO time. */
  at: string;
}

/** A change as the agent sends it: the field, the new value, and the revision it was made on. */
export interface RevisionRequest {
  field: string;
  value: unknown;
  baseRevision: number;
}

/** What applying a change needs besides the state. */
export interface RevisionContext extends ValidateOptions {
  fields: readonly AnyField[];
  /** Who made the change (e.g. the agent's account id). */
  by: string;
  /** When; default now. */
  at?: Date;
}

/** A refusal: CONFLICT (stale base revision) or a field code, with a sentence; the state is unchanged. */
export interface RevisionRefused {
  ok: false;
  code: typeof ErrorCode.Conflict | FieldErrorCode;
  message: string;
  /** The current revision, so the client can reload it. */
  currentRevision: number;
  /** Where a field refusal points (field id, entry, sub-field id). */
  path?: (string | number)[];
}
/** An accepted change; `revision` is null (and the state the same object) when the value did not change. */
export interface RevisionAccepted {
  ok: true;
  state: FormState;
  revision: FormRevision | null;
  /** True when this change voided a confirmation. */
  voided: boolean;
}
/** The outcome of applyRevision. */
export type RevisionResult = RevisionAccepted | RevisionRefused;

const CONFLICT_MESSAGE = {
  zh: '表格已经有了更新的内容，请在最新的内容上修改。',
  en: 'The form has changed in the meantime; make the change on the current version.',
};

/** A new form at revision 0: every field empty, then the given values (e.g. from prefillFrom) on top. */
export function initialFormState(fields: readonly AnyField[], values: FormValues = {}): FormState {
  const all: FormValues = {};
  for (const f of fields) all[f.id] = f.kind === 'group' ? [] : null;
  for (const f of fields) {
    if (values[f.id] === undefined) continue;
    // Prefilled values go through the same normalisation as typed ones; an invalid one stays for the agent to fix.
    const r = validateField(f, values[f.id]);
    all[f.id] = r.ok ? r.value : values[f.id]!;
  }
  return { revision: 0, values: all, confirmation: null };
}

/** Content identity of a set of values: empty fields (null, []) count as absent. */
function contentKey(values: Readonly<FormValues>): string {
  const present = Object.entries(values).filter(
    ([, v]) => v !== null && v !== undefined && !(Array.isArray(v) && v.length === 0),
  );
  return sortedJson(Object.fromEntries(present));
}

/** True when `before` was confirmed and `after` differs in content: the confirmation and the signature are void. */
export function voidsConfirmation(before: FormState, after: FormState): boolean {
  return before.confirmation !== null && contentKey(before.values) !== contentKey(after.values);
}

/**
 * Applies one change. Refused with CONFLICT when `baseRevision` is not the current revision, or with
 * the field's code when the value fails validation; nothing changes then. Otherwise the value is
 * stored normalised as a new revision with the old and new value, and a confirmation is voided.
 */
export function applyRevision(
  state: FormState,
  request: RevisionRequest,
  ctx: RevisionContext,
): RevisionResult {
  const currentRevision = state.revision;
  if (request.baseRevision !== currentRevision) {
    const message = ctx.locale === 'en' ? CONFLICT_MESSAGE.en : CONFLICT_MESSAGE.zh;
    return { ok: false, code: ErrorCode.Conflict, message, currentRevision };
  }
  const field = ctx.fields.find((f) => f.id === request.field);
  if (!field) {
    const message = defaultFieldMessages.FIELD_UNKNOWN;
    return {
      ok: false,
      code: FieldErrorCode.UnknownField,
      message: ctx.locale === 'en' ? message.en : message.zh,
      currentRevision,
      path: [request.field],
    };
  }
  const checked = validateField(field, request.value, ctx);
  if (!checked.ok)
    return { ok: false, code: checked.code, message: checked.message, currentRevision, path: checked.path };
  const oldValue = state.values[field.id] ?? (field.kind === 'group' ? [] : null);
  if (sortedJson(oldValue) === sortedJson(checked.value))
    return { ok: true, state, revision: null, voided: false };
  const revision: FormRevision = {
    revision: currentRevision + 1,
    field: field.id,
    oldValue,
    newValue: checked.value,
    by: ctx.by,
    at: (ctx.at ?? new Date()).toISOString(),
  };
  const next: FormState = {
    revision: revision.revision,
    values: { ...state.values, [field.id]: checked.value },
    confirmation: state.confirmation,
  };
  const voided = voidsConfirmation(state, next);
  if (voided) next.confirmation = null;
  return { ok: true, state: next, revision, voided };
}

/**
 * Records the resident's confirmation of the current revision, bound to `hash` (formHash of its
 * content). Refused with CONFLICT when the resident saw another revision than the current one.
 */
export function confirmRevision(
  state: FormState,
  request: { baseRevision: number; hash: string },
  options: { at?: Date; locale?: ValidateOptions['locale'] } = {},
): { ok: true; state: FormState } | RevisionRefused {
  if (request.baseRevision !== state.revision) {
    const message = options.locale === 'en' ? CONFLICT_MESSAGE.en : CONFLICT_MESSAGE.zh;
    return { ok: false, code: ErrorCode.Conflict, message, currentRevision: state.revision };
  }
  const at = (options.at ?? new Date()).toISOString();
  return {
    ok: true,
    state: { ...state, confirmation: { revision: state.revision, hash: request.hash, at } },
  };
}
