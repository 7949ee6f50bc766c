/**
 * Retention of materials. A captured page (a household register page, a disability certificate)
 * holds identity data, so its image follows the case's identity retention
 * (RVW_CASE_IDENTITY_RETENTION_DAYS after the case closed, like cases/case-retention.ts): the
 * content is deleted and the row stays (label, type, size, digest, time), so the record says what
 * was captured and that it was removed. Archived documents are the case's record and are kept
 * (encrypted); only what they were rendered from drops the resident's full number.
 */
import { checkpointAfterPurge, type Db } from '../db/database';

/** Deletes the images of materials whose case closed more than `days` ago; returns how many. */
export async function purgeMaterialImages(db: Db, now: Date, days: number, batch = 200): Promise<number> {
  const cutoff = new Date(now.getTime() - days * 86_400_000).toISOString();
  const due = await db
    .selectFrom('materials as m')
    .innerJoin('cases as c', 'c.id', 'm.case_id')
    .select('m.id')
    .where('m.purged_at', 'is', null)
    .where('c.closed_at', 'is not', null)
    .where('c.closed_at', '<=', cutoff)
    .limit(batch)
    .execute();
  if (!due.length) return 0;
  await db
    .updateTable('materials')
    .set({ content: null, purged_at: now.toISOString() })
    .where(
      'id',
      'in',
      due.map((r) => r.id),
    )
    .execute();
  // The images' old pages leave the WAL now (secure_delete zeroes the freed pages).
  await checkpointAfterPurge(db);
  return due.length;
}
