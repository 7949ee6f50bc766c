/**
 * The consent ledger (issue 9 part 10): every consent a resident gives, with the time, the kiosk,
 * the ticket or case, what was agreed and the text they were shown. Append-only: this module only
 * inserts and reads, and the database's triggers refuse UPDATE and DELETE (see db/migrations.ts).
 */
import type { ConsentEntry, ConsentKind } from '@rvw/shared';
import type { Db } from '../db/database';
import { scrubIdNumbers } from '@rvw/shared';

/** One consent to record. */
export interface NewConsent {
  at: Date;
  kind: ConsentKind;
  kioskId: string;
  ticketId: string | null;
  caseId?: string | null;
  /** For confirm-form and sign-form: the revision and its hash. */
  revision?: number | null;
  hash?: string | null;
  /** The text the kiosk showed. */
  text: string;
  locale: 'zh-CN' | 'en';
}

/** Appends one entry (inside the caller's transaction when `db` is one). */
export async function appendConsent(db: Db, c: NewConsent): Promise<void> {
  await db
    .insertInto('consent_entries')
    .values({
      at: c.at.toISOString(),
      kind: c.kind,
      kiosk_id: c.kioskId,
      ticket_id: c.ticketId,
      case_id: c.caseId ?? null,
      revision: c.revision ?? null,
      hash: c.hash ?? null,
      // The text comes from a client: nothing shaped like an ID number is stored with it.
      text: scrubIdNumbers(c.text),
      locale: c.locale,
    })
    .execute();
}

/** The entries of a case and the identity consent of its ticket, oldest first. */
export async function consentsOfCase(db: Db, caseId: string, ticketId: string): Promise<ConsentEntry[]> {
  const rows = await db
    .selectFrom('consent_entries')
    .selectAll()
    .where((eb) =>
      eb.or([
        eb('case_id', '=', caseId),
        eb.and([eb('ticket_id', '=', ticketId), eb('kind', '=', 'share-identity')]),
      ]),
    )
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    at: r.at,
    kind: r.kind,
    kioskId: r.kiosk_id,
    ticketId: r.ticket_id,
    caseId: r.case_id,
    revision: r.revision,
    hash: r.hash,
    text: r.text,
    locale: r.locale,
  }));
}
