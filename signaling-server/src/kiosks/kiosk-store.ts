/** Enrolled kiosks: enrolment (the token is returned once, only its hash is kept), listing, token rotation and authentication. */
import { randomUUID } from 'node:crypto';
import { RequestError, type Kiosk } from '@rvw/shared';
import { hashToken, newToken } from '../accounts/tokens';
import type { Db } from '../db/database';
import type { KioskRow } from '../db/schema';

/** The client-facing shape of a kiosk row (never its token hash). */
export function toKiosk(row: Pick<KioskRow, 'id' | 'name' | 'location'>): Kiosk {
  return { id: row.id, name: row.name, location: row.location };
}

/** Enrols a kiosk; the returned token is its only copy (the database keeps the hash). */
export async function createKiosk(
  db: Db,
  input: { name: string; location: string },
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
    .select(['id', 'name', 'location'])
    .where('revoked_at', 'is', null)
    .orderBy('name')
    .execute();
  return rows.map(toKiosk);
}

/** The kiosk a token belongs to, or null when unknown or revoked. */
export async function authenticateKiosk(db: Db, token: string): Promise<Kiosk | null> {
  const row = await db
    .selectFrom('kiosks')
    .select(['id', 'name', 'location'])
    .where('token_hash', '=', hashToken(token))
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return row ? toKiosk(row) : null;
}
