/**
 * The canonical form content and its SHA-256: what a confirmation and a signature are bound to.
 * Same content, same hash, whatever the key order, surrounding whitespace or date spelling.
 */
import { normalizeValue } from './normalize';
import type { AnyField } from './types';

/** Version of the canonical serialisation; part of the hashed text so a future change cannot collide. */
export const CANONICAL_FORM_VERSION = 1;

/** JSON with object keys sorted (code-point order) at every depth; undefined members are left out. */
export function sortedJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(sortedJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const obj = value as Record<string, unknown>;
    const keys = Object.keys(obj)
      .filter((k) => obj[k] !== undefined)
      .sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${sortedJson(obj[k])}`).join(',')}}`;
  }
  // Non-finite numbers are not JSON; they are written as null, as JSON.stringify does.
  return JSON.stringify(value ?? null) ?? 'null';
}

/**
 * The canonical text of a form's content: every described field (empty ones as null), values
 * normalised (trimmed NFC text, YYYY-MM-DD dates, numbers as numbers, group entries in order with
 * only their described sub-fields), keys sorted. Ids the form does not describe are left out.
 */
export function canonicalForm(
  fields: readonly AnyField[],
  values: Readonly<Record<string, unknown>>,
): string {
  const content: Record<string, unknown> = {};
  for (const field of fields) {
    let v = normalizeValue(field, values[field.id]);
    if (field.kind === 'group' && Array.isArray(v)) {
      v = v.map((entry: unknown) => {
        if (typeof entry !== 'object' || entry === null) return entry;
        const e = entry as Record<string, unknown>;
        return Object.fromEntries(field.fields.map((sub) => [sub.id, e[sub.id] ?? null]));
      });
    }
    content[field.id] = v;
  }
  return sortedJson({ v: CANONICAL_FORM_VERSION, values: content });
}

/** Lower-case hex SHA-256 of a UTF-8 text, with Web Crypto (browsers in a secure context, Node 20). */
export async function sha256Hex(text: string): Promise<string> {
  const subtle = globalThis.crypto?.subtle;
  if (!subtle) throw new Error('Web Crypto is not available here (a browser page over plain http has none)');
  const digest = await subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** SHA-256 hex of canonicalForm(fields, values): the hash a confirmation and a signature are bound to. */
export function formHash(
  fields: readonly AnyField[],
  values: Readonly<Record<string, unknown>>,
): Promise<string> {
  return sha256Hex(canonicalForm(fields, values));
}
