/**
 * Field validation: one pure check per field kind, each refusal a stable code with the sentence the
 * resident reads in the requested language.
 */
import type { LeafFieldDescription } from '../catalogue/fields';
import type { LocalText } from '../catalogue/text';
import { isValidIdNumber } from '../identity';
import { FieldErrorCode, defaultFieldMessages } from './codes';
import { normalizeValue } from './normalize';
import type { AnyField, FieldValue, FormValues, GroupEntry, LeafValue, ValidateOptions } from './types';

/** A value that passed, in canonical shape (empty is null, or [] for a group). */
export interface FieldOk {
  ok: true;
  value: FieldValue;
}
/** A refused value: the code, the sentence for the resident, and where (field id, entry, sub-field id). */
export interface FieldProblem {
  ok: false;
  code: FieldErrorCode;
  message: string;
  path: (string | number)[];
}
/** The outcome of validating one field. */
export type FieldResult = FieldOk | FieldProblem;

/** The earliest and latest dates any date field accepts. */
export const DATE_BOUNDS = { min: '1900-01-01', max: '2100-12-31' } as const;
/** Longest text a text field takes without its own maxLength. */
export const TEXT_MAX = 500;
/** Longest address. */
export const ADDRESS_MAX = 200;

const MOBILE = /^1[3-9]\d{9}$/;
// Area code (0 + 2-3 digits) then a 7- or 8-digit number: 021 + 8, 0571 + 8, 0xxx + 7.
const LANDLINE = /^0[1-9]\d{8,10}$/;
// The old (pre-2023) foreign permanent residence card: three letters, twelve digits.
const OLD_FOREIGN_PERMIT = /^[A-Z]{3}\d{12}$/;

function pick(t: LocalText, locale: ValidateOptions['locale']): string {
  return locale === 'en' ? t.en : t.zh;
}

function refuse(field: AnyField, code: FieldErrorCode, options: ValidateOptions): FieldProblem {
  // A group has no message of its own; its entries' fields carry theirs.
  const own =
    code === FieldErrorCode.Required || field.kind === 'group' ? undefined : field.validation?.message;
  const label = pick(field.label, options.locale);
  const message = own ? pick(own, options.locale) : pick(defaultFieldMessages[code], options.locale);
  return { ok: false, code, message: message.replaceAll('{label}', label), path: [field.id] };
}

/** `YYYY-MM-DD` of `now` in local time (what `today` means in a date's bounds). */
export function isoDay(now: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
}

/** True for a real calendar date written YYYY-MM-DD. */
export function isIsoDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const [y, m, d] = s.split('-').map(Number) as [number, number, number];
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}

/** Checks a non-empty, normalised leaf value against its kind; null when it passes. */
function leafProblem(
  field: LeafFieldDescription,
  v: unknown,
  options: ValidateOptions,
): FieldErrorCode | null {
  switch (field.kind) {
    case 'text':
    case 'address': {
      if (typeof v !== 'string') return FieldErrorCode.WrongType;
      const len = Array.from(v).length;
      const rule = field.kind === 'text' ? field.validation : undefined;
      if (rule?.minLength !== undefined && len < rule.minLength) return FieldErrorCode.TooShort;
      if (len > (rule?.maxLength ?? (field.kind === 'text' ? TEXT_MAX : ADDRESS_MAX)))
        return FieldErrorCode.TooLong;
      if (rule?.pattern !== undefined && !new RegExp(`^(?:${rule.pattern})$`, 'u').test(v))
        return FieldErrorCode.Pattern;
      return null;
    }
    case 'number': {
      if (typeof v === 'string') return FieldErrorCode.NotANumber;
      if (typeof v !== 'number' || !Number.isFinite(v)) return FieldErrorCode.NotANumber;
      const rule = field.validation;
      if (rule?.integer && !Number.isInteger(v)) return FieldErrorCode.NotInteger;
      if (rule?.min !== undefined && v < rule.min) return FieldErrorCode.TooSmall;
      if (rule?.max !== undefined && v > rule.max) return FieldErrorCode.TooLarge;
      return null;
    }
    case 'date': {
      if (typeof v !== 'string' || !isIsoDate(v)) return FieldErrorCode.BadDate;
      const day = (b: string | undefined) => (b === 'today' ? isoDay(options.now ?? new Date()) : b);
      const min = day(field.validation?.min) ?? DATE_BOUNDS.min;
      const max = day(field.validation?.max) ?? DATE_BOUNDS.max;
      // ISO dates compare as strings.
      if (v < DATE_BOUNDS.min || v > DATE_BOUNDS.max || v < min || v > max)
        return FieldErrorCode.DateOutOfRange;
      return null;
    }
    case 'choice':
      if (typeof v !== 'string') return FieldErrorCode.WrongType;
      return field.options.some((o) => o.value === v) ? null : FieldErrorCode.NotAnOption;
    case 'phone':
      if (typeof v !== 'string') return FieldErrorCode.WrongType;
      return MOBILE.test(v) || LANDLINE.test(v) ? null : FieldErrorCode.BadPhone;
    case 'idNumber':
      if (typeof v !== 'string') return FieldErrorCode.WrongType;
      if (/^\d{17}[\dX]$/.test(v)) return isValidIdNumber(v) ? null : FieldErrorCode.IdCheckDigit;
      return OLD_FOREIGN_PERMIT.test(v) ? null : FieldErrorCode.BadIdNumber;
    case 'yesNo':
      return typeof v === 'boolean' ? null : FieldErrorCode.WrongType;
  }
}

function checkLeaf(field: LeafFieldDescription, raw: unknown, options: ValidateOptions): FieldResult {
  const v = normalizeValue(field, raw);
  if (v === null)
    return field.required ? refuse(field, FieldErrorCode.Required, options) : { ok: true, value: null };
  const code = leafProblem(field, v, options);
  return code ? refuse(field, code, options) : { ok: true, value: v as LeafValue };
}

function entryPrefix(index: number, options: ValidateOptions): string {
  return options.locale === 'en' ? `Entry ${index + 1}: ` : `第${index + 1}项：`;
}

/**
 * Validates one field's value. Passing values come back normalised; a refusal names the stable code
 * and the field's own message (or the default for the code) in `options.locale` (default zh-CN).
 */
export function validateField(field: AnyField, raw: unknown, options: ValidateOptions = {}): FieldResult {
  if (field.kind !== 'group') return checkLeaf(field, raw, options);
  const v = normalizeValue(field, raw);
  if (!Array.isArray(v)) return refuse(field, FieldErrorCode.WrongType, options);
  if (v.length === 0 && field.required) return refuse(field, FieldErrorCode.Required, options);
  if (v.length < field.minItems) return refuse(field, FieldErrorCode.TooFewItems, options);
  if (v.length > field.maxItems) return refuse(field, FieldErrorCode.TooManyItems, options);
  const entries: GroupEntry[] = [];
  for (const [i, entry] of v.entries()) {
    if (typeof entry !== 'object' || entry === null || Array.isArray(entry))
      return { ...refuse(field, FieldErrorCode.WrongType, options), path: [field.id, i] };
    const known = new Set(field.fields.map((f) => f.id));
    const stranger = Object.keys(entry).find((k) => !known.has(k));
    if (stranger !== undefined) {
      const p = refuse(field, FieldErrorCode.UnknownField, options);
      return { ...p, message: entryPrefix(i, options) + p.message, path: [field.id, i, stranger] };
    }
    const out: GroupEntry = {};
    for (const sub of field.fields) {
      const r = checkLeaf(sub, (entry as Record<string, unknown>)[sub.id], options);
      if (!r.ok) return { ...r, message: entryPrefix(i, options) + r.message, path: [field.id, i, sub.id] };
      out[sub.id] = r.value as LeafValue;
    }
    entries.push(out);
  }
  return { ok: true, value: entries };
}

/** The outcome of validating a whole form: every value normalised, or every problem found. */
export type FormResult = { ok: true; values: FormValues } | { ok: false; problems: FieldProblem[] };

/** Validates every field of a form (e.g. before confirmation); ids the form does not describe are refused. */
export function validateForm(
  fields: readonly AnyField[],
  values: Readonly<Record<string, unknown>>,
  options: ValidateOptions = {},
): FormResult {
  const problems: FieldProblem[] = [];
  const out: FormValues = {};
  const known = new Set(fields.map((f) => f.id));
  for (const id of Object.keys(values)) {
    if (!known.has(id))
      problems.push({
        ok: false,
        code: FieldErrorCode.UnknownField,
        message: pick(defaultFieldMessages.FIELD_UNKNOWN, options.locale),
        path: [id],
      });
  }
  for (const field of fields) {
    const r = validateField(field, values[field.id], options);
    if (r.ok) out[field.id] = r.value;
    else problems.push(r);
  }
  return problems.length ? { ok: false, problems } : { ok: true, values: out };
}
