/**
 * Resident identities (PIPL): attached only after consent, shown masked, revealed in full only to
 * the serving agent or an admin with every reveal recorded, and purged to the masked form as soon
 * as the ticket closes (the address with it). The full number and the address are stored encrypted (identity-crypto.ts): only ciphertext
 * reaches the database file or its WAL, and a purge is followed by a WAL checkpoint.
 */
import type {
  AttachIdentityRequest,
  CardType,
  Gender,
  IdentityReveal,
  IdentitySummary,
  ResidentIdentity,
  Role,
  TicketIdentityState,
} from '@rvw/shared';
import { AuthError, IdentityError, QueueError, RequestError, ageOn, maskIdNumber } from '@rvw/shared';
import { checkpointAfterPurge, type Db } from '../db/database';
import type { IdentityRow } from '../db/schema';
import { appendConsent } from '../cases/consent-ledger';
import { IdentityCipher } from './identity-crypto';

/** The masked summary screens may show, from the stored identity. */
export function identitySummary(
  row: Pick<IdentityRow, 'card_type' | 'name' | 'gender' | 'birth_date' | 'id_number_masked'>,
  now: Date,
): IdentitySummary {
  return {
    cardType: row.card_type as CardType,
    name: row.name,
    gender: row.gender as Gender,
    age: ageOn(row.birth_date, now),
    idNumberMasked: row.id_number_masked,
  };
}

/** Attaches a consented identity to the kiosk's own open ticket (replacing an earlier one). */
export async function attachIdentity(
  db: Db,
  kioskId: string,
  req: AttachIdentityRequest,
  now: Date,
  cipher: IdentityCipher,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const ticket = await trx
      .selectFrom('tickets')
      .select(['kiosk_id', 'status'])
      .where('id', '=', req.ticketId)
      .executeTakeFirst();
    if (!ticket) throw RequestError.notFound('The ticket');
    if (ticket.kiosk_id !== kioskId) throw AuthError.forbidden('This ticket belongs to another kiosk.');
    if (ticket.status !== 'waiting' && ticket.status !== 'serving') throw QueueError.ticketNotWaiting();
    const id = req.identity;
    const values = {
      card_type: id.cardType,
      name: id.name,
      english_name: id.englishName ?? null,
      gender: id.gender,
      birth_date: id.birthDate,
      // Only ciphertext is written; bound to the ticket so that it cannot be moved to another row.
      id_number: cipher.encrypt(id.idNumber, req.ticketId),
      id_number_masked: maskIdNumber(id.idNumber),
      id_number_valid: id.idNumberValid ? 1 : 0,
      nation: id.nation ?? null,
      nationality: id.nationality ?? null,
      consented_at: now.toISOString(),
      purged_at: null,
      // The address is as personal as the number: ciphertext only, purged with it.
      address: id.address ? cipher.encrypt(id.address, req.ticketId) : null,
      issuer: id.issuer ?? null,
      valid_from: id.validFrom ?? null,
      valid_to: id.validTo ?? null,
    };
    await trx
      .insertInto('ticket_identities')
      .values({ ticket_id: req.ticketId, ...values })
      .onConflict((oc) => oc.column('ticket_id').doUpdateSet(values))
      .execute();
    // The consent ledger keeps what the resident agreed to and the words they were shown.
    await appendConsent(trx, {
      at: now,
      kind: 'share-identity',
      kioskId,
      ticketId: req.ticketId,
      text: req.consentText,
      locale: req.locale,
    });
  });
}

/**
 * The full consented identity of a ticket (number and address decrypted), for prefilling a form;
 * null when none was shared or it was purged. Callers never log or send it whole.
 */
export async function consentedIdentity(
  db: Db,
  ticketId: string,
  cipher: IdentityCipher,
): Promise<ResidentIdentity | null> {
  const row = await db
    .selectFrom('ticket_identities')
    .selectAll()
    .where('ticket_id', '=', ticketId)
    .executeTakeFirst();
  if (!row || row.purged_at !== null) return null;
  const open = (v: string) => (IdentityCipher.isEncrypted(v) ? cipher.decrypt(v, ticketId) : v);
  const identity: ResidentIdentity = {
    cardType: row.card_type as CardType,
    name: row.name,
    gender: row.gender as Gender,
    birthDate: row.birth_date,
    idNumber: open(row.id_number),
    idNumberValid: row.id_number_valid === 1,
  };
  if (row.english_name !== null) identity.englishName = row.english_name;
  if (row.nation !== null) identity.nation = row.nation;
  if (row.nationality !== null) identity.nationality = row.nationality;
  if (row.address !== null) identity.address = open(row.address);
  if (row.issuer !== null) identity.issuer = row.issuer;
  if (row.valid_from !== null) identity.validFrom = row.valid_from;
  if (row.valid_to !== null) identity.validTo = row.valid_to;
  return identity;
}

/** The masked identity of a ticket, if the resident shared one. */
export async function identityOfTicket(
  db: Db,
  ticketId: string,
  now: Date,
): Promise<IdentitySummary | undefined> {
  const row = await db
    .selectFrom('ticket_identities')
    .selectAll()
    .where('ticket_id', '=', ticketId)
    .executeTakeFirst();
  return row ? identitySummary(row, now) : undefined;
}

/**
 * Returns a ticket's full identity number and records the reveal. Only the agent serving the ticket
 * may reveal it, or an admin; after the ticket closed the number is gone (purged).
 */
export async function revealIdentity(
  db: Db,
  who: { agentId: string; role: Role },
  ticketId: string,
  now: Date,
  cipher: IdentityCipher,
): Promise<string> {
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom('tickets as t')
      .leftJoin('ticket_identities as i', 'i.ticket_id', 't.id')
      .select(['t.status', 't.agent_id', 'i.ticket_id as identity_of', 'i.id_number', 'i.purged_at'])
      .where('t.id', '=', ticketId)
      .executeTakeFirst();
    if (!row) throw RequestError.notFound('The ticket');
    const admin = who.role === 'admin';
    const forbidden = () =>
      AuthError.forbidden('Only the agent serving this ticket (or an admin) may reveal the identity.');
    // The agent who served the ticket learns that the number is gone (NOT_FOUND) rather than being
    // told it may not see it; anyone else learns nothing about the ticket's identity.
    if (row.agent_id !== who.agentId && !admin) throw forbidden();
    if (row.identity_of === null) throw RequestError.notFound('The identity of this ticket');
    if (row.purged_at !== null || row.id_number === null) throw IdentityError.purged();
    if (row.status !== 'serving' && !admin) throw forbidden();
    await trx
      .insertInto('identity_reveals')
      .values({ agent_id: who.agentId, ticket_id: ticketId, at: now.toISOString() })
      .execute();
    return IdentityCipher.isEncrypted(row.id_number)
      ? cipher.decrypt(row.id_number, ticketId)
      : row.id_number;
  });
}

/**
 * Replaces a ticket's full identity number by its masked form (privacy by default once it closed).
 * Outside a transaction it also checkpoints the WAL, so that the old value leaves every file now;
 * inside one, the caller calls checkpointAfterPurge after the commit.
 */
export async function purgeIdentity(db: Db, ticketId: string, now: Date): Promise<void> {
  const purged = await db
    .updateTable('ticket_identities')
    .set((eb) => ({ id_number: eb.ref('id_number_masked'), address: null, purged_at: now.toISOString() }))
    .where('ticket_id', '=', ticketId)
    .where('purged_at', 'is', null)
    .executeTakeFirst();
  if (!db.isTransaction && purged.numUpdatedRows > 0n) await checkpointAfterPurge(db);
}

/**
 * Encrypts any full number still held in clear (written before numbers were encrypted), then
 * checkpoints so that the clear value leaves the WAL. Run once at start.
 */
export async function encryptHeldNumbers(db: Db, cipher: IdentityCipher): Promise<number> {
  const rows = await db
    .selectFrom('ticket_identities')
    .select(['ticket_id', 'id_number'])
    .where('purged_at', 'is', null)
    .execute();
  let n = 0;
  for (const r of rows) {
    if (IdentityCipher.isEncrypted(r.id_number)) continue;
    await db
      .updateTable('ticket_identities')
      .set({ id_number: cipher.encrypt(r.id_number, r.ticket_id) })
      .where('ticket_id', '=', r.ticket_id)
      .execute();
    n++;
  }
  if (n > 0) await checkpointAfterPurge(db);
  return n;
}

/** A ticket's identity state for a supervisor: masked, and whether the full number is still held. */
export async function identityState(db: Db, ticketId: string, now: Date): Promise<TicketIdentityState> {
  const row = await db
    .selectFrom('ticket_identities')
    .selectAll()
    .where('ticket_id', '=', ticketId)
    .executeTakeFirst();
  if (!row) throw RequestError.notFound('The identity of this ticket');
  return {
    ticketId,
    identity: identitySummary(row, now),
    fullNumberHeld: row.purged_at === null,
    consentedAt: row.consented_at,
    purgedAt: row.purged_at,
  };
}

/** Every recorded reveal of a ticket's full number, oldest first. */
export async function revealsOfTicket(db: Db, ticketId: string): Promise<IdentityReveal[]> {
  const rows = await db
    .selectFrom('identity_reveals')
    .select(['agent_id', 'ticket_id', 'at'])
    .where('ticket_id', '=', ticketId)
    .orderBy('id')
    .execute();
  return rows.map((r) => ({ agentId: r.agent_id, ticketId: r.ticket_id, at: r.at }));
}
