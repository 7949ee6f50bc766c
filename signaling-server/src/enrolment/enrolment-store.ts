/**
 * Enrolment codes (issue 12 #1): issue, list, withdraw and redeem. A code is 10 characters from an
 * alphabet without look-alikes; the database keeps only its SHA-256. Redeeming creates the kiosk
 * and consumes the code in one transaction, so two kiosks can never share a code.
 */
import { randomInt, randomUUID } from 'node:crypto';
import {
  DEFAULT_ENROLMENT_TTL_HOURS,
  ENROLMENT_CODE_ALPHABET,
  ENROLMENT_CODE_LENGTH,
  EnrolmentError,
  normaliseEnrolmentCode,
  RequestError,
  type EnrolmentCodeInfo,
  type Kiosk,
} from '@rvw/shared';
import { hashToken } from '../accounts/tokens';
import type { Db } from '../db/database';
import type { EnrolmentCodeRow } from '../db/schema';
import { isUniqueViolation } from '../db/storage-errors';
import { createKiosk } from '../kiosks/kiosk-store';

/** A new code: ENROLMENT_CODE_LENGTH characters drawn uniformly from the alphabet (crypto RNG). */
export function newEnrolmentCode(): string {
  let code = '';
  for (let i = 0; i < ENROLMENT_CODE_LENGTH; i++)
    code += ENROLMENT_CODE_ALPHABET[randomInt(ENROLMENT_CODE_ALPHABET.length)];
  return code;
}

/** The stored form of a (normalised) code. */
export function hashEnrolmentCode(code: string): string {
  return hashToken(`enrolment:${code}`);
}

/** The client-facing shape of a code row (never its hash). */
export function toEnrolmentCodeInfo(row: EnrolmentCodeRow): EnrolmentCodeInfo {
  return {
    id: row.id,
    centreId: row.centre_id,
    location: row.location,
    name: row.name,
    kind: row.kind,
    createdBy: row.created_by,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    usedAt: row.used_at,
    kioskId: row.kiosk_id,
    revokedAt: row.revoked_at,
  };
}

/** What a new code is for. */
export interface NewEnrolmentCode {
  centreId: string;
  location: string;
  name?: string | undefined;
  kind?: 'fixed' | 'portable' | undefined;
  /** Default DEFAULT_ENROLMENT_TTL_HOURS. */
  ttlHours?: number | undefined;
  /** The issuing account; null for the server command. */
  createdBy: string | null;
}

/** Issues a code; the returned `code` (normalised, not grouped) is its only copy. */
export async function createEnrolmentCode(
  db: Db,
  input: NewEnrolmentCode,
  now: Date,
): Promise<{ code: string; info: EnrolmentCodeInfo }> {
  const ttlMs = (input.ttlHours ?? DEFAULT_ENROLMENT_TTL_HOURS) * 3_600_000;
  // A collision with a stored hash is about 1 in 10^14; draw again rather than fail.
  for (let attempt = 0; ; attempt++) {
    const code = newEnrolmentCode();
    const row: EnrolmentCodeRow = {
      id: randomUUID(),
      code_hash: hashEnrolmentCode(code),
      centre_id: input.centreId,
      location: input.location,
      name: input.name ?? null,
      kind: input.kind ?? 'fixed',
      created_by: input.createdBy,
      created_at: now.toISOString(),
      expires_at: new Date(now.getTime() + ttlMs).toISOString(),
      used_at: null,
      kiosk_id: null,
      revoked_at: null,
      revoked_by: null,
    };
    try {
      await db.insertInto('enrolment_codes').values(row).execute();
      return { code, info: toEnrolmentCodeInfo(row) };
    } catch (err) {
      if (!isUniqueViolation(err) || attempt >= 3) throw err;
    }
  }
}

/** The open codes of a centre (not used, not withdrawn, not expired), newest first. */
export async function listOpenEnrolmentCodes(
  db: Db,
  centreId: string,
  now: Date,
): Promise<EnrolmentCodeInfo[]> {
  const rows = await db
    .selectFrom('enrolment_codes')
    .selectAll()
    .where('centre_id', '=', centreId)
    .where('used_at', 'is', null)
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', now.toISOString())
    .orderBy('created_at', 'desc')
    .execute();
  return rows.map(toEnrolmentCodeInfo);
}

/** The centre a code belongs to, or null when there is no such code. */
export async function centreOfEnrolmentCode(db: Db, codeId: string): Promise<string | null> {
  const row = await db
    .selectFrom('enrolment_codes')
    .select('centre_id')
    .where('id', '=', codeId)
    .executeTakeFirst();
  return row?.centre_id ?? null;
}

/**
 * Withdraws a code that is not used yet; withdrawing twice answers the first withdrawal. NOT_FOUND
 * for an unknown code; CONFLICT-free: a used code is answered as it is (it can no longer be withdrawn).
 */
export async function revokeEnrolmentCode(
  db: Db,
  codeId: string,
  by: string | null,
  now: Date,
): Promise<{ info: EnrolmentCodeInfo; changed: boolean }> {
  return db.transaction().execute(async (trx) => {
    const res = await trx
      .updateTable('enrolment_codes')
      .set({ revoked_at: now.toISOString(), revoked_by: by })
      .where('id', '=', codeId)
      .where('revoked_at', 'is', null)
      .where('used_at', 'is', null)
      .executeTakeFirst();
    const row = await trx
      .selectFrom('enrolment_codes')
      .selectAll()
      .where('id', '=', codeId)
      .executeTakeFirst();
    if (!row) throw RequestError.notFound('The enrolment code');
    return { info: toEnrolmentCodeInfo(row), changed: Number(res.numUpdatedRows) > 0 };
  });
}

/** What a redeemed code gave: the new kiosk, its one-time token, and the code's row. */
export interface Redemption {
  kiosk: Kiosk;
  token: string;
  codeId: string;
  createdBy: string | null;
}

/**
 * Redeems a code as typed: in one transaction, consumes it (only an open code matches) and creates
 * the kiosk in its centre and location. ENROLMENT_CODE_INVALID for anything else, with the same
 * sentence whether the code never existed, expired, was used or withdrawn.
 */
export async function redeemEnrolmentCode(
  db: Db,
  input: { code: string; machineName?: string | undefined },
  now: Date,
): Promise<Redemption> {
  const code = normaliseEnrolmentCode(input.code);
  if (code === null) throw EnrolmentError.codeInvalid();
  const at = now.toISOString();
  return db.transaction().execute(async (trx) => {
    // The conditional update is the claim: of two redeems racing, exactly one changes the row.
    const row = await trx
      .updateTable('enrolment_codes')
      .set({ used_at: at })
      .where('code_hash', '=', hashEnrolmentCode(code))
      .where('used_at', 'is', null)
      .where('revoked_at', 'is', null)
      .where('expires_at', '>', at)
      .returningAll()
      .executeTakeFirst();
    if (!row) throw EnrolmentError.codeInvalid();
    const { kiosk, token } = await createKiosk(
      trx,
      {
        name: row.name ?? input.machineName ?? row.location,
        location: row.location,
        kind: row.kind,
        centreId: row.centre_id,
      },
      now,
    );
    await trx.updateTable('enrolment_codes').set({ kiosk_id: kiosk.id }).where('id', '=', row.id).execute();
    return { kiosk, token, codeId: row.id, createdBy: row.created_by };
  });
}
