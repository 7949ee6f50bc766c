/**
 * How long a case keeps the resident's identity data. A closed or abandoned case keeps its values
 * (encrypted) for `RVW_CASE_IDENTITY_RETENTION_DAYS` (default 90) after it closed, long enough for a
 * recorded read back, a document reprint and the monthly review of bad ratings. Then the sweep
 * replaces every full identity number by its masked form and deletes every address, in the current
 * values and in every stored revision, and deletes the signature's strokes. The case itself, its
 * item and version, outcome, times, hashes, the signature's revision and hash, and the consent
 * ledger stay: what was done, when, and what the resident agreed to.
 */
import { maskIdNumber, type AnyField, type FieldValue, type FormValues, type GroupEntry } from '@rvw/shared';
import { checkpointAfterPurge, type Db } from '../db/database';
import type { CaseVault } from './case-record';

/** What a leaf of this field becomes: masked (identity number), deleted (address), or kept. */
function leafRule(field: AnyField): 'mask' | 'delete' | 'keep' {
  if (field.kind === 'idNumber' || field.prefill === 'idNumber') return 'mask';
  if (field.kind === 'address' || field.prefill === 'address') return 'delete';
  return 'keep';
}

function purgeLeaf(rule: 'mask' | 'delete' | 'keep', v: unknown): unknown {
  if (rule === 'delete') return null;
  if (rule === 'mask' && typeof v === 'string' && v.length > 0) return maskIdNumber(v);
  return v;
}

/** One field's value without its identity data (see the module comment). */
export function purgeFieldValue(field: AnyField, value: FieldValue): FieldValue {
  if (field.kind !== 'group') return purgeLeaf(leafRule(field), value) as FieldValue;
  if (!Array.isArray(value)) return value;
  return value.map((entry) => {
    const out: GroupEntry = { ...entry };
    for (const sub of field.fields)
      out[sub.id] = purgeLeaf(leafRule(sub), entry[sub.id]) as GroupEntry[string];
    return out;
  });
}

/** A form's values without identity data. */
export function purgeFormValues(fields: readonly AnyField[], values: FormValues): FormValues {
  const out: FormValues = { ...values };
  for (const f of fields) if (out[f.id] !== undefined) out[f.id] = purgeFieldValue(f, out[f.id]!);
  return out;
}

/**
 * Purges the identity data of every case closed more than `days` ago (at most `batch` per call).
 * Returns the ids of the cases purged.
 */
export async function purgeCaseIdentities(
  db: Db,
  vault: CaseVault,
  now: Date,
  days: number,
  batch = 200,
): Promise<string[]> {
  const cutoff = new Date(now.getTime() - days * 86_400_000).toISOString();
  const due = await db
    .selectFrom('cases')
    .selectAll()
    .where('identity_purged_at', 'is', null)
    .where('closed_at', 'is not', null)
    .where('closed_at', '<=', cutoff)
    .orderBy('closed_at')
    .limit(batch)
    .execute();
  for (const row of due) {
    const fields = vault.itemOf(row).form.fields;
    const byId = new Map(fields.map((f) => [f.id, f]));
    await db.transaction().execute(async (trx) => {
      const values = purgeFormValues(fields, vault.openValues(row.id, row.form_values));
      await trx
        .updateTable('cases')
        .set({ form_values: vault.sealValues(row.id, values), identity_purged_at: now.toISOString() })
        .where('id', '=', row.id)
        .execute();
      const revisions = await trx
        .selectFrom('form_revisions')
        .selectAll()
        .where('case_id', '=', row.id)
        .execute();
      for (const r of revisions) {
        const field = byId.get(r.field);
        if (!field) continue;
        const purge = (stored: string) =>
          vault.sealValue(
            row.id,
            r.revision,
            purgeFieldValue(field, vault.openValue(row.id, r.revision, stored)),
          );
        await trx
          .updateTable('form_revisions')
          .set({ old_value: purge(r.old_value), new_value: purge(r.new_value) })
          .where('case_id', '=', row.id)
          .where('revision', '=', r.revision)
          .execute();
      }
      await trx.updateTable('signatures').set({ strokes: null }).where('case_id', '=', row.id).execute();
    });
  }
  // The old page images (ciphertext, but of the full values) leave the WAL now.
  if (due.length) await checkpointAfterPurge(db);
  return due.map((r) => r.id);
}
