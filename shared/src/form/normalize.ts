/**
 * Normalisation of raw field values: total (never throws), used by validation before it checks and
 * by the canonical form before it hashes, so what is checked is exactly what is signed.
 */
import type { AnyField } from './types';

/** True for the values that mean "not filled in": undefined, null, blank text, an empty group. */
export function isEmptyValue(value: unknown): boolean {
  if (value === undefined || value === null) return true;
  if (typeof value === 'string') return value.trim() === '';
  if (Array.isArray(value)) return value.length === 0;
  return false;
}

/** Text trimmed and in Unicode NFC, so two spellings of one character hash alike. */
function text(raw: string): string {
  return raw.trim().normalize('NFC');
}

/** `2024-1-5`, `2024/01/05`, `2024.1.5` and `2024年1月5日` become `2024-01-05`; anything else is only trimmed. */
export function normalizeDate(raw: string): string {
  const s = raw.trim();
  const m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(s) ?? /^(\d{4})年(\d{1,2})月(\d{1,2})日$/.exec(s);
  if (!m) return s;
  return `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
}

/** Digits only: spaces, hyphens and brackets dropped, a leading +86 removed. */
export function normalizePhone(raw: string): string {
  return raw
    .trim()
    .replace(/^\+86/, '')
    .replace(/[\s\-()（）]/g, '');
}

/** A leaf value in its canonical shape where it can be put into one; otherwise returned as given. */
function normalizeLeaf(field: AnyField, raw: unknown): unknown {
  if (isEmptyValue(raw)) return null;
  if (typeof raw !== 'string') {
    // -0 and 0 are one number to a reader, and JSON would write both as 0 anyway.
    if (field.kind === 'number' && typeof raw === 'number' && Object.is(raw, -0)) return 0;
    return raw;
  }
  switch (field.kind) {
    case 'number': {
      const s = raw.trim();
      return /^[+-]?(\d+\.?\d*|\.\d+)$/.test(s) ? Number(s) : s;
    }
    case 'date':
      return normalizeDate(raw);
    case 'phone':
      return normalizePhone(raw);
    case 'idNumber':
      return raw.replace(/\s/g, '').toUpperCase();
    default:
      return text(raw);
  }
}

/** A field's value in canonical shape (trimmed text, YYYY-MM-DD dates, numbers as numbers, groups in order). */
export function normalizeValue(field: AnyField, raw: unknown): unknown {
  if (field.kind !== 'group') return normalizeLeaf(field, raw);
  if (raw === undefined || raw === null) return [];
  if (!Array.isArray(raw)) return raw;
  return raw.map((entry: unknown) => {
    if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) return entry;
    const out: Record<string, unknown> = { ...(entry as Record<string, unknown>) };
    for (const sub of field.fields) out[sub.id] = normalizeLeaf(sub, out[sub.id]);
    return out;
  });
}
