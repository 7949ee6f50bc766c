/**
 * The rules of a case, as pure transitions of a CaseRecord (no storage, no sockets): a change of a
 * field, a flag, a confirmation request, the confirmation, the signature, the outcome and the
 * abandonment. Each returns the next record or throws the refusal; a refusal changes nothing.
 */
import {
  CaseError,
  OUTCOMES_NEEDING_SIGNATURE,
  applyRevision,
  formHash,
  validateField,
  type CatalogueItem,
  type FormRevision,
  type OutcomeRecord,
} from '@rvw/shared';
import { scrubIdNumbers } from '@rvw/shared';
import type { CaseRecord } from './case-record';
import { unmaskSent } from './case-view';

/** True when the item's outcome 办结/受理 needs the resident's signature: a form item. */
export function needsSignature(item: CatalogueItem): boolean {
  return !item.consultationOnly && !item.printOnly && item.form.fields.length > 0;
}

/** CASE_CLOSED unless the case is open. */
export function assertOpen(rec: CaseRecord): void {
  if (rec.status !== 'open') throw CaseError.closed();
}

/** The result of a change: the next record, the stored revision (null: no change) and whether it voided. */
export interface Revised {
  rec: CaseRecord;
  revision: FormRevision | null;
  voided: boolean;
}

/**
 * One field changed by the agent on `baseRevision`: CONFLICT when stale, the field's FIELD_* code
 * when refused. A change clears the field's flags, drops it from "from the ID card", clears a
 * confirmation request, and voids the confirmation and the signature when the content changed.
 */
export async function revise(
  rec: CaseRecord,
  req: { field: string; value: unknown; baseRevision: number },
  by: string,
  at: Date,
): Promise<Revised> {
  assertOpen(rec);
  const fields = rec.item.form.fields;
  const field = fields.find((f) => f.id === req.field);
  const value = field ? unmaskSent(field, req.value, rec.values[field.id]) : req.value;
  const result = applyRevision(
    { revision: rec.revision, values: rec.values, confirmation: rec.confirmation },
    { field: req.field, value, baseRevision: req.baseRevision },
    { fields, by, at },
  );
  if (!result.ok) {
    if (result.code === 'CONFLICT') throw CaseError.conflict(result.message);
    throw CaseError.field(result.code, result.message);
  }
  if (!result.revision) return { rec, revision: null, voided: false };
  const next: CaseRecord = {
    ...rec,
    revision: result.state.revision,
    values: result.state.values,
    confirmation: result.state.confirmation,
    hash: await formHash(fields, result.state.values),
    fromCard: rec.fromCard.filter((id) => id !== req.field),
    flags: rec.flags.filter((f) => f.field !== req.field),
    lastChanged: req.field,
    confirmRequested: null,
    // A signature is bound to its revision: any stored change leaves it behind.
    signature: null,
  };
  return { rec: next, revision: result.revision, voided: result.voided || rec.signature !== null };
}

/** The resident's "这一项不对" on a field, as seen at `revision` (one flag per field). */
export function flag(rec: CaseRecord, field: string, revision: number, at: Date): CaseRecord {
  assertOpen(rec);
  if (!rec.item.form.fields.some((f) => f.id === field))
    throw CaseError.field('FIELD_UNKNOWN', '表格中没有这一项。');
  if (revision > rec.revision) throw CaseError.conflict('That revision of the form does not exist yet.');
  const flags = rec.flags.filter((f) => f.field !== field);
  flags.push({ field, revision, at: at.toISOString() });
  return { ...rec, flags };
}

function assertCurrent(rec: CaseRecord, revision: number): void {
  if (revision !== rec.revision)
    throw CaseError.conflict('The form has changed since; look at the current version.');
}

/**
 * The agent asks the resident to confirm the current revision. Every field must pass its check
 * first (a prefilled value that does not, or a required field left empty, is refused with its code).
 */
export function requestConfirm(rec: CaseRecord, revision: number): CaseRecord {
  assertOpen(rec);
  assertCurrent(rec, revision);
  for (const f of rec.item.form.fields) {
    const r = validateField(f, rec.values[f.id]);
    if (!r.ok) throw CaseError.field(r.code, r.message);
  }
  return { ...rec, confirmRequested: revision };
}

/** The resident confirms `revision`, echoing its hash: CONFLICT when stale, FORM_HASH_MISMATCH. */
export function confirm(rec: CaseRecord, revision: number, hash: string, at: Date): CaseRecord {
  assertOpen(rec);
  assertCurrent(rec, revision);
  if (hash !== rec.hash) throw CaseError.hashMismatch();
  return {
    ...rec,
    confirmRequested: null,
    confirmation: { revision, hash, at: at.toISOString() },
  };
}

/** The resident signs the confirmed current revision: FORM_NOT_CONFIRMED, CONFLICT, FORM_HASH_MISMATCH. */
export function sign(rec: CaseRecord, revision: number, hash: string, at: Date): CaseRecord {
  assertOpen(rec);
  assertCurrent(rec, revision);
  if (rec.confirmation?.revision !== rec.revision) throw CaseError.notConfirmed();
  if (hash !== rec.hash || hash !== rec.confirmation.hash) throw CaseError.hashMismatch();
  return { ...rec, signature: { revision, hash, signedAt: at.toISOString() } };
}

const text = (s: string | undefined): string | null => (s === undefined ? null : scrubIdNumbers(s));

/**
 * The agent records the outcome. 办结/受理 of a form item need the signature on the current
 * revision (CASE_NOT_SIGNED); 办不成/转办's reason and next step are checked by the schema.
 */
export function recordOutcome(rec: CaseRecord, record: OutcomeRecord, at: Date): CaseRecord {
  assertOpen(rec);
  const signedNow = rec.signature !== null && rec.signature.revision === rec.revision;
  if (OUTCOMES_NEEDING_SIGNATURE.includes(record.outcome) && needsSignature(rec.item) && !signedNow)
    throw CaseError.notSigned();
  const when = at.toISOString();
  return {
    ...rec,
    status: 'closed',
    confirmRequested: null,
    outcome: {
      outcome: record.outcome,
      reason: text(record.reason),
      nextStep: text(record.nextStep),
      note: text(record.note),
      at: when,
    },
    closedAt: when,
  };
}

/** The case is given up with a reason (by the agent, or when the session ends without an outcome). */
export function abandon(rec: CaseRecord, reason: string, at: Date): CaseRecord {
  assertOpen(rec);
  return {
    ...rec,
    status: 'abandoned',
    confirmRequested: null,
    abandonReason: scrubIdNumbers(reason),
    closedAt: at.toISOString(),
  };
}
