/**
 * Credential rotation (issue 12 #1): an admin gives a connected kiosk a new token over its own socket
 * (`kiosk:credential`); the kiosk stores it and answers `kiosk:credential-saved`; then, in one
 * transaction, the new token's hash becomes the kiosk's only one (the old token stops working) and
 * the admin's call is answered. Tokens are made as enrolment makes them (accounts/tokens.ts): only
 * the hash is stored (kiosk_rotations, then kiosks.token_hash), and no token is ever logged.
 */
import { randomUUID } from 'node:crypto';
import { RequestError, type Kiosk } from '@rvw/shared';
import type { Logger } from 'pino';
import { hashToken, newToken } from '../../accounts/tokens';
import type { Clock, Scheduler } from '../../clock';
import type { Db } from '../../db/database';
import { memberRoom, type RvwServer } from '../../socket/types';
import { FleetError } from './fleet-errors';
import { requireKioskOfCentre } from './fleet-store';

/** How long the admin's call waits for the kiosk's `kiosk:credential-saved` (10 s). */
export const ROTATION_ANSWER_MS = 10_000;

/** What rotation needs. */
export interface RotationDeps {
  io: RvwServer;
  db: Db;
  clock: Clock;
  log: Logger;
  scheduler: Scheduler;
  isOnline(kioskId: string): Promise<boolean>;
}

/** Rotations waiting for their kiosk. */
export class CredentialRotation {
  private readonly waiting = new Map<string, (savedAt: string) => void>();

  constructor(private readonly deps: RotationDeps) {}

  /**
   * Sends the kiosk a new token and resolves once it has saved it and the swap is done. NOT_FOUND,
   * FORBIDDEN (another centre), KIOSK_OFFLINE, or UNAVAILABLE when the kiosk does not answer in time
   * (its old token then still works, unless its answer comes later).
   */
  async rotate(kioskId: string, by: string, centreId: string): Promise<{ kiosk: Kiosk; rotatedAt: string }> {
    const kiosk = await requireKioskOfCentre(this.deps.db, kioskId, centreId);
    if (!(await this.deps.isOnline(kioskId))) throw FleetError.kioskOffline();
    const token = newToken();
    const id = randomUUID();
    await this.deps.db
      .insertInto('kiosk_rotations')
      .values({
        id,
        kiosk_id: kioskId,
        token_hash: hashToken(token),
        created_by: by,
        created_at: this.deps.clock().toISOString(),
        saved_at: null,
      })
      .execute();
    // Audit: who rotated which kiosk (never the token).
    this.deps.log.info({ rotationId: id, kioskId, by }, 'kiosk credential rotation sent');
    const saved = new Promise<string>((resolve, reject) => {
      const timer = this.deps.scheduler.schedule(() => {
        this.waiting.delete(id);
        this.deps.log.warn(
          { rotationId: id, kioskId, by },
          'kiosk credential rotation not confirmed in time',
        );
        reject(FleetError.noAnswer('The new credential'));
      }, ROTATION_ANSWER_MS);
      this.waiting.set(id, (at) => {
        this.deps.scheduler.cancel(timer);
        resolve(at);
      });
    });
    this.deps.io.to(memberRoom('kiosk', kioskId)).emit('kiosk:credential', { rotationId: id, token });
    return { kiosk, rotatedAt: await saved };
  }

  /**
   * A kiosk connected: if it came with a rotated token whose confirmation was lost, the sign-in
   * completed the rotation (kiosk-store's authenticateKiosk), and the admin still waiting is answered.
   */
  async kioskConnected(kioskId: string): Promise<void> {
    if (this.waiting.size === 0) return;
    const done = await this.deps.db
      .selectFrom('kiosk_rotations')
      .select(['id', 'saved_at'])
      .where('kiosk_id', '=', kioskId)
      .where('saved_at', 'is not', null)
      .execute();
    for (const row of done) {
      const resolve = this.waiting.get(row.id);
      this.waiting.delete(row.id);
      if (resolve && row.saved_at) {
        this.deps.log.info(
          { rotationId: row.id, kioskId },
          'kiosk credential rotated (confirmed by sign-in)',
        );
        resolve(row.saved_at);
      }
    }
  }

  /**
   * The kiosk saved the token of `rotationId`: its hash replaces the kiosk's in one transaction.
   * NOT_FOUND unless the rotation is this kiosk's and not saved yet.
   */
  async saved(kioskId: string, rotationId: string): Promise<void> {
    const savedAt = this.deps.clock().toISOString();
    await this.deps.db.transaction().execute(async (trx) => {
      const row = await trx
        .selectFrom('kiosk_rotations')
        .select(['kiosk_id', 'token_hash', 'saved_at'])
        .where('id', '=', rotationId)
        .executeTakeFirst();
      if (!row || row.kiosk_id !== kioskId || row.saved_at !== null)
        throw RequestError.notFound('The credential rotation');
      await trx.updateTable('kiosks').set({ token_hash: row.token_hash }).where('id', '=', kioskId).execute();
      await trx
        .updateTable('kiosk_rotations')
        .set({ saved_at: savedAt })
        .where('id', '=', rotationId)
        .execute();
    });
    this.deps.log.info({ rotationId, kioskId }, 'kiosk credential rotated');
    const resolve = this.waiting.get(rotationId);
    this.waiting.delete(rotationId);
    resolve?.(savedAt);
  }
}
