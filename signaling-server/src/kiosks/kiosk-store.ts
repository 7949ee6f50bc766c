/**
 * Enrolled kiosks: enrolment (the token is returned once, only its hash is kept), listing, token
 * rotation, revocation and authentication.
 */
import { randomUUID } from 'node:crypto';
import { RequestError, type Kiosk } from '@rvw/shared';
import { hashToken, newToken } from '../accounts/tokens';
import type { Db } from '../db/database';
import { DEFAULT_CENTRE_ID } from '../db/migration-0008-routing';
import type { KioskRow } from '../db/schema';

/** The client-facing shape of a kiosk row (never its token hash). */
export function toKiosk(row: Pick<KioskRow, 'id' | 'name' | 'location' | 'centre_id' | 'kind'>): Kiosk {
  return { id: row.id, name: row.name, location: row.location, centreId: row.centre_id, kind: row.kind };
}

/** Enrols a kiosk; the returned token is its only copy (the database keeps the hash). */
export async function createKiosk(
  db: Db,
  input: { name: string; location: string; kind?: 'fixed' | 'portable'; centreId?: string },
  now: Date,
): Promise<{ kiosk: Kiosk; token: string }> {
  const token = newToken();
  const row = {
    id: randomUUID(),
    name: input.name,
    location: input.location,
    token_hash: hashToken(token),
    created_at: now.toISOString(),
    revoked_at: null,
    centre_id: input.centreId ?? DEFAULT_CENTRE_ID,
    kind: input.kind ?? 'fixed',
  };
  await db.insertInto('kiosks').values(row).execute();
  return { kiosk: toKiosk(row), token };
}

/** Issues a new token for a kiosk, invalidating the old one; returns the new token. */
export async function rotateKioskToken(db: Db, kioskId: string): Promise<string> {
  const token = newToken();
  const res = await db
    .updateTable('kiosks')
    .set({ token_hash: hashToken(token), revoked_at: null })
    .where('id', '=', kioskId)
    .executeTakeFirst();
  if (Number(res.numUpdatedRows) === 0) throw RequestError.notFound('The kiosk');
  return token;
}

/** Every enrolled kiosk, by name. */
export async function listKiosks(db: Db): Promise<Kiosk[]> {
  const rows = await db
    .selectFrom('kiosks')
    .select(['id', 'name', 'location', 'centre_id', 'kind'])
    .where('revoked_at', 'is', null)
    .orderBy('name')
    .execute();
  return rows.map(toKiosk);
}

/** The kiosk a token belongs to, or null when unknown or revoked. */
export async function authenticateKiosk(db: Db, token: string): Promise<Kiosk | null> {
  const hash = hashToken(token);
  const row = await db
    .selectFrom('kiosks')
    .select(['id', 'name', 'location', 'centre_id', 'kind'])
    .where('token_hash', '=', hash)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return row ? toKiosk(row) : completeRotation(db, hash);
}

/**
 * A kiosk that stored a rotated token but whose confirmation (`kiosk:credential-saved`) never
 * reached the server (the line dropped in between) presents the new token: that proves it saved it,
 * so the rotation completes now (the old token stops working) instead of locking the kiosk out.
 */
async function completeRotation(db: Db, hash: string): Promise<Kiosk | null> {
  return db.transaction().execute(async (trx) => {
    const pending = await trx
      .selectFrom('kiosk_rotations')
      .innerJoin('kiosks', 'kiosks.id', 'kiosk_rotations.kiosk_id')
      .select(['kiosk_rotations.id as rotationId', 'kiosks.id', 'name', 'location', 'centre_id', 'kind'])
      .where('kiosk_rotations.token_hash', '=', hash)
      .where('kiosk_rotations.saved_at', 'is', null)
      .where('kiosks.revoked_at', 'is', null)
      .executeTakeFirst();
    if (!pending) return null;
    await trx.updateTable('kiosks').set({ token_hash: hash }).where('id', '=', pending.id).execute();
    await trx
      .updateTable('kiosk_rotations')
      .set({ saved_at: new Date().toISOString() })
      .where('id', '=', pending.rotationId)
      .execute();
    return toKiosk(pending);
  });
}

/** What revokeKiosk did: the kiosk, when it was revoked, and the waiting ticket it cancelled. */
export interface KioskRevocation {
  kiosk: Kiosk;
  revokedAt: string;
  cancelledTicketId: string | null;
  /** False when the kiosk had been revoked before (nothing changed). */
  changed: boolean;
}

/**
 * Revokes a kiosk's token for good and, in the same transaction, cancels its waiting ticket (and
 * drops that ticket's identity: nobody will serve it). A ticket being served stays: its session
 * ends through the kiosk's grace period once its socket is gone. NOT_FOUND for an unknown kiosk.
 */
export async function revokeKiosk(db: Db, kioskId: string, now: Date): Promise<KioskRevocation> {
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom('kiosks')
      .select(['id', 'name', 'location', 'centre_id', 'kind', 'revoked_at'])
      .where('id', '=', kioskId)
      .executeTakeFirst();
    if (!row) throw RequestError.notFound('The kiosk');
    if (row.revoked_at !== null) {
      return { kiosk: toKiosk(row), revokedAt: row.revoked_at, cancelledTicketId: null, changed: false };
    }
    const revokedAt = now.toISOString();
    await trx.updateTable('kiosks').set({ revoked_at: revokedAt }).where('id', '=', kioskId).execute();
    const cancelled = await trx
      .updateTable('tickets')
      .set({ status: 'cancelled', closed_at: revokedAt })
      .where('kiosk_id', '=', kioskId)
      .where('status', '=', 'waiting')
      .returning('id')
      .executeTakeFirst();
    if (cancelled) await trx.deleteFrom('ticket_identities').where('ticket_id', '=', cancelled.id).execute();
    return { kiosk: toKiosk(row), revokedAt, cancelledTicketId: cancelled?.id ?? null, changed: true };
  });
}

/** Kiosks revoked after `since`. */
export async function kiosksRevokedSince(db: Db, since: Date): Promise<string[]> {
  const rows = await db
    .selectFrom('kiosks')
    .select('id')
    .where('revoked_at', '>', since.toISOString())
    .execute();
  return rows.map((r) => r.id);
}
