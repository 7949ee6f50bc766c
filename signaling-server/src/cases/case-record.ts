/**
 * A case as the server works with it: the row decrypted into plain values, and back. The values
 * JSON and every revision's old and new value are AES-256-GCM ciphertext (identity/identity-crypto.ts)
 * with the case id (and the revision) as associated data, so that a value cannot be moved to
 * another row unnoticed and the full ID number and the address never sit in the file in clear.
 */
import {
  CatalogueItem,
  type CaseOutcome,
  type CaseStatus,
  type FieldFlag,
  type FieldValue,
  type FormConfirmation,
  type FormValues,
} from '@rvw/shared';
import type { CaseRow } from '../db/schema';
import type { IdentityCipher } from '../identity/identity-crypto';

/** A case with its form decrypted. Never logged, never sent whole (see case-view.ts). */
export interface CaseRecord {
  id: string;
  number: string;
  sessionId: string;
  ticketId: string;
  kioskId: string;
  agentId: string;
  /** The catalogue item as it was when the case opened (its version's form). */
  item: CatalogueItem;
  status: CaseStatus;
  revision: number;
  values: FormValues;
  hash: string;
  fromCard: string[];
  flags: FieldFlag[];
  lastChanged: string | null;
  confirmRequested: number | null;
  confirmation: FormConfirmation | null;
  /** The valid signature's revision, hash and time; null when none or voided. */
  signature: { revision: number; hash: string; signedAt: string } | null;
  outcome: {
    outcome: CaseOutcome;
    reason: string | null;
    nextStep: string | null;
    note: string | null;
    at: string;
  } | null;
  abandonReason: string | null;
  openedAt: string;
  closedAt: string | null;
  identityPurgedAt: string | null;
}

/** The associated data of a revision's values: the case and the revision. */
export const revisionContext = (caseId: string, revision: number): string => `${caseId}#${revision}`;

/** Encrypts and decrypts a case's values with the identity key. */
export class CaseVault {
  // Parsed item snapshots by `code@version`: a case keeps the form it was opened under.
  private readonly items = new Map<string, CatalogueItem>();

  constructor(private readonly cipher: IdentityCipher) {}

  /** The values as stored: encrypted JSON bound to the case. */
  sealValues(caseId: string, values: FormValues): string {
    return this.cipher.encrypt(JSON.stringify(values), caseId);
  }

  /** The values of a stored case. */
  openValues(caseId: string, stored: string): FormValues {
    return JSON.parse(this.cipher.decrypt(stored, caseId)) as FormValues;
  }

  /** One revision value as stored, bound to its case and revision. */
  sealValue(caseId: string, revision: number, value: FieldValue): string {
    return this.cipher.encrypt(JSON.stringify(value), revisionContext(caseId, revision));
  }

  /** One stored revision value. */
  openValue(caseId: string, revision: number, stored: string): FieldValue {
    return JSON.parse(this.cipher.decrypt(stored, revisionContext(caseId, revision))) as FieldValue;
  }

  /** Any other personal JSON of a case (signature strokes), bound to the case and a label. */
  seal(caseId: string, label: string, value: unknown): string {
    return this.cipher.encrypt(JSON.stringify(value), `${caseId}#${label}`);
  }

  /** The value `seal` stored. */
  open<T>(caseId: string, label: string, stored: string): T {
    return JSON.parse(this.cipher.decrypt(stored, `${caseId}#${label}`)) as T;
  }

  /** The item snapshot of a row, parsed once per code and version. */
  itemOf(row: Pick<CaseRow, 'item_code' | 'item_version' | 'item_snapshot'>): CatalogueItem {
    const key = `${row.item_code}@${row.item_version}`;
    let item = this.items.get(key);
    if (!item) {
      item = CatalogueItem.parse(JSON.parse(row.item_snapshot));
      this.items.set(key, item);
    }
    return item;
  }

  /** A row (joined with its valid signature) as a CaseRecord. */
  toRecord(
    row: CaseRow,
    signature: { revision: number; hash: string; signed_at: string } | null,
  ): CaseRecord {
    return {
      id: row.id,
      number: row.number,
      sessionId: row.session_id,
      ticketId: row.ticket_id,
      kioskId: row.kiosk_id,
      agentId: row.agent_id,
      item: this.itemOf(row),
      status: row.status,
      revision: row.revision,
      values: this.openValues(row.id, row.form_values),
      hash: row.form_hash,
      fromCard: JSON.parse(row.from_card) as string[],
      flags: JSON.parse(row.flags) as FieldFlag[],
      lastChanged: row.last_changed,
      confirmRequested: row.confirm_requested,
      confirmation: row.confirmation ? (JSON.parse(row.confirmation) as FormConfirmation) : null,
      signature: signature
        ? { revision: signature.revision, hash: signature.hash, signedAt: signature.signed_at }
        : null,
      outcome:
        row.outcome && row.outcome_at
          ? {
              outcome: row.outcome as CaseOutcome,
              reason: row.reason,
              nextStep: row.next_step,
              note: row.note,
              at: row.outcome_at,
            }
          : null,
      abandonReason: row.abandon_reason,
      openedAt: row.opened_at,
      closedAt: row.closed_at,
      identityPurgedAt: row.identity_purged_at,
    };
  }
}
