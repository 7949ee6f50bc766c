/**
 * What a case looks like on the wire (`CaseState`): identity-number values masked (listed in
 * `maskedFields`: a field id, or `group.sub` for a group's sub-field), and the reverse rule for a
 * change: a masked value sent back stands for the value it masks, so an agent can edit a group of
 * people without revealing every number in it.
 */
import {
  maskIdNumber,
  type AnyField,
  type CaseState,
  type FieldValue,
  type FormValues,
  type GroupEntry,
} from '@rvw/shared';
import type { CaseRecord } from './case-record';

type Fields = readonly AnyField[];

function maskLeaf(v: unknown): unknown {
  return typeof v === 'string' && v.length > 0 ? maskIdNumber(v) : v;
}

/** The values with every identity number masked, and which fields were masked. */
export function maskValues(
  fields: Fields,
  values: FormValues,
): { values: FormValues; maskedFields: string[] } {
  const out: FormValues = { ...values };
  const maskedFields: string[] = [];
  for (const f of fields) {
    if (f.kind === 'idNumber') {
      maskedFields.push(f.id);
      out[f.id] = maskLeaf(values[f.id]) as FieldValue;
    } else if (f.kind === 'group') {
      const subs = f.fields.filter((s) => s.kind === 'idNumber').map((s) => s.id);
      if (!subs.length) continue;
      maskedFields.push(...subs.map((s) => `${f.id}.${s}`));
      const entries = values[f.id];
      if (!Array.isArray(entries)) continue;
      out[f.id] = entries.map((e) => {
        const copy: GroupEntry = { ...e };
        for (const s of subs) copy[s] = maskLeaf(e[s]) as GroupEntry[string];
        return copy;
      });
    }
  }
  return { values: out, maskedFields };
}

/** The case as both members see it; `voided` is true only in the push that voided a confirmation. */
export function toCaseState(rec: CaseRecord, voided = false): CaseState {
  const { values, maskedFields } = maskValues(rec.item.form.fields, rec.values);
  return {
    caseId: rec.id,
    number: rec.number,
    sessionId: rec.sessionId,
    item: {
      code: rec.item.code,
      version: rec.item.version,
      name: rec.item.name,
      fields: rec.item.form.fields,
    },
    status: rec.status,
    form: {
      revision: rec.revision,
      values,
      hash: rec.hash,
      fromCard: rec.fromCard,
      maskedFields,
      lastChanged: rec.lastChanged,
      flags: rec.flags,
      confirmRequested: rec.confirmRequested,
      confirmation: rec.confirmation,
      signature: rec.signature,
      voided,
    },
    outcome: rec.outcome
      ? {
          outcome: rec.outcome.outcome,
          reason: rec.outcome.reason,
          nextStep: rec.outcome.nextStep,
          at: rec.outcome.at,
        }
      : null,
    abandonReason: rec.abandonReason,
    openedAt: rec.openedAt,
    closedAt: rec.closedAt,
  };
}

/** The case's state with the values in full (the API's getCase, a recorded read). */
export function toFullCaseState(rec: CaseRecord): CaseState {
  const state = toCaseState(rec);
  return { ...state, form: { ...state.form, values: rec.values, maskedFields: [] } };
}

const unmaskLeaf = (sent: unknown, held: unknown): unknown =>
  typeof sent === 'string' && typeof held === 'string' && held.length > 0 && sent === maskIdNumber(held)
    ? held
    : sent;

/**
 * A value as the agent sent it, with every masked identity number that equals the mask of the value
 * held at the same place (the same field, or the same entry of a group) replaced by that value.
 */
export function unmaskSent(field: AnyField, sent: unknown, held: FieldValue | undefined): unknown {
  if (field.kind === 'idNumber') return unmaskLeaf(sent, held);
  if (field.kind !== 'group' || !Array.isArray(sent) || !Array.isArray(held)) return sent;
  const subs = field.fields.filter((s) => s.kind === 'idNumber').map((s) => s.id);
  if (!subs.length) return sent;
  return sent.map((entry: unknown, i) => {
    const before = held[i];
    if (typeof entry !== 'object' || entry === null || !before) return entry;
    const copy = { ...(entry as Record<string, unknown>) };
    for (const s of subs) copy[s] = unmaskLeaf(copy[s], before[s]);
    return copy;
  });
}

/**
 * The full value at a masked path (`field`, or `group.index.sub`), or undefined when the path does
 * not name an identity-number value of this form.
 */
export function maskedValueAt(fields: Fields, values: FormValues, path: string): string | undefined {
  const [id, index, sub] = path.split('.');
  const field = fields.find((f) => f.id === id);
  if (!field) return undefined;
  if (field.kind === 'idNumber' && index === undefined) {
    const v = values[field.id];
    return typeof v === 'string' ? v : undefined;
  }
  if (field.kind !== 'group' || index === undefined || sub === undefined || !/^\d+$/.test(index))
    return undefined;
  if (field.fields.find((s) => s.id === sub)?.kind !== 'idNumber') return undefined;
  const entries = values[field.id];
  const v = Array.isArray(entries) ? entries[Number(index)]?.[sub] : undefined;
  return typeof v === 'string' ? v : undefined;
}
