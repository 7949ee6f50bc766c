/**
 * What a closed case's documents are rendered from: the case (values in full, the item at its
 * version, the signature's strokes, the outcome) and its document source, taken once when the case
 * is first archived and kept: the centre's name, the agent's display name and the resident from the
 * consented identity (encrypted). The identity's full number is purged when the session ends, so
 * the source is what lets the same case render the same bytes later (regenerateDocument).
 */
import { maskIdNumber } from '@rvw/shared';
import type { CaseRecord, CaseVault } from '../cases/case-record';
import { signatureOf } from '../cases/case-store';
import { checkpointAfterPurge, type Db } from '../db/database';
import type { IdentityCipher } from '../identity/identity-crypto';
import { consentedIdentity } from '../identity/identity-store';
import { documentItem, type DocumentInput } from './render';
import type { PaperVault } from './paper-vault';

/** The resident as documents print them (they mask what they must). */
export interface SourceResident {
  name: string;
  idNumber: string;
}

/** Everything besides the case that a case's documents print. */
export interface DocumentSource {
  centreName: string;
  agentName: string;
  resident: SourceResident | null;
}

/** What gathering needs. */
export interface SourceDeps {
  db: Db;
  paper: PaperVault;
  cipher: IdentityCipher;
  centreName: string;
  clock: () => Date;
}

const RESIDENT_LABEL = 'document-source-resident';

async function readSource(deps: SourceDeps, caseId: string): Promise<DocumentSource | null> {
  const row = await deps.db
    .selectFrom('document_sources')
    .selectAll()
    .where('case_id', '=', caseId)
    .executeTakeFirst();
  if (!row) return null;
  return {
    centreName: row.centre_name,
    agentName: row.agent_name,
    resident: row.resident ? deps.paper.openJson<SourceResident>(caseId, RESIDENT_LABEL, row.resident) : null,
  };
}

/** The case's document source: the one stored, or taken now (and stored) on its first archiving. */
export async function sourceOf(deps: SourceDeps, rec: CaseRecord): Promise<DocumentSource> {
  const stored = await readSource(deps, rec.id);
  if (stored) return stored;
  const agent = await deps.db
    .selectFrom('agents')
    .select('display_name')
    .where('id', '=', rec.agentId)
    .executeTakeFirst();
  const identity = await consentedIdentity(deps.db, rec.ticketId, deps.cipher);
  const resident = identity ? { name: identity.name, idNumber: identity.idNumber } : null;
  await deps.db
    .insertInto('document_sources')
    .values({
      case_id: rec.id,
      centre_name: deps.centreName,
      agent_name: agent?.display_name ?? rec.agentId,
      resident: resident ? deps.paper.sealJson(rec.id, RESIDENT_LABEL, resident) : null,
      created_at: deps.clock().toISOString(),
      resident_purged_at: null,
    })
    // Two archivings at once: the first source stays.
    .onConflict((oc) => oc.column('case_id').doNothing())
    .execute();
  return (await readSource(deps, rec.id))!;
}

/** The renderer's input for a closed case and its source. */
export async function documentInput(
  db: Db,
  vault: CaseVault,
  rec: CaseRecord,
  source: DocumentSource,
): Promise<DocumentInput> {
  if (!rec.outcome || !rec.closedAt) throw new Error('only a case closed with an outcome has documents');
  const signature = await signatureOf(db, vault, rec);
  const item = rec.item;
  return {
    centreName: source.centreName,
    caseNumber: rec.number,
    item: documentItem(item),
    fields: item.form.fields,
    values: rec.values,
    revision: rec.revision,
    formHash: rec.hash,
    signature: signature ? { strokes: signature.strokes, at: signature.signedAt } : null,
    outcome: {
      outcome: rec.outcome.outcome,
      reason: rec.outcome.reason,
      nextStep: rec.outcome.nextStep,
      at: rec.outcome.at,
    },
    agent: { name: source.agentName },
    resident: source.resident,
    openedAt: rec.openedAt,
    closedAt: rec.closedAt,
  };
}

/**
 * Retention: the sources of cases closed more than `days` ago keep the resident's name and only the
 * masked number (as the case's own values do). Returns how many were purged.
 */
export async function purgeDocumentSources(
  deps: Pick<SourceDeps, 'db' | 'paper'>,
  now: Date,
  days: number,
  batch = 200,
): Promise<number> {
  const cutoff = new Date(now.getTime() - days * 86_400_000).toISOString();
  const due = await deps.db
    .selectFrom('document_sources as s')
    .innerJoin('cases as c', 'c.id', 's.case_id')
    .select(['s.case_id', 's.resident'])
    .where('s.resident_purged_at', 'is', null)
    .where('c.closed_at', 'is not', null)
    .where('c.closed_at', '<=', cutoff)
    .limit(batch)
    .execute();
  for (const row of due) {
    const resident = row.resident
      ? deps.paper.openJson<SourceResident>(row.case_id, RESIDENT_LABEL, row.resident)
      : null;
    await deps.db
      .updateTable('document_sources')
      .set({
        resident: resident
          ? deps.paper.sealJson(row.case_id, RESIDENT_LABEL, {
              name: resident.name,
              idNumber: maskIdNumber(resident.idNumber),
            })
          : null,
        resident_purged_at: now.toISOString(),
      })
      .where('case_id', '=', row.case_id)
      .execute();
  }
  if (due.length) await checkpointAfterPurge(deps.db);
  return due.length;
}
