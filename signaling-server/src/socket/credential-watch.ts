/**
 * Makes expiry and revocation reach open sockets even when nothing is sent on them, and when the
 * revocation was written by another process (the `revoke-kiosk` command) or another node: every
 * `intervalMs` it asks the database which logins expired or were revoked, which accounts were
 * disabled and which kiosks were revoked since the last look, and ends their sockets through the
 * adapter (`auth:revoked`, then disconnect). Revocations made through this node's routes end their
 * sockets at once; this sweep is the backstop. Per-event expiry is checked in dispatch.
 */
import { AuthError } from '@rvw/shared';
import type { Logger } from 'pino';
import { credentialsEndedBetween } from '../accounts/account-store';
import type { Clock, Scheduler } from '../clock';
import type { Db } from '../db/database';
import { kiosksRevokedSince } from '../kiosks/kiosk-store';
import type { ConnectionCore } from './connection-core';
import { loginRoom, memberRoom } from './types';

// Each look reaches back this far before the previous one, so that a revocation written by another
// process with a slightly different clock, or committed during the last look, is not missed.
const OVERLAP_MS = 60_000;

/** What the watch needs; `onKioskRevoked` lets the queue area tell agents (its ticket is gone). */
export interface CredentialWatchDeps {
  db: Db;
  clock: Clock;
  scheduler: Scheduler;
  log: Logger;
  connections: ConnectionCore;
  intervalMs: number;
  onKioskRevoked(kioskId: string): Promise<void>;
}

/** The periodic sweep of ended credentials; one per server. */
export class CredentialWatch {
  private timer: unknown = null;
  private last: number;
  private stopped = false;
  // Credentials already ended, with the time of the look that found them (pruned past the overlap).
  private readonly handled = new Map<string, number>();

  constructor(private readonly deps: CredentialWatchDeps) {
    this.last = deps.clock().getTime();
  }

  /** Starts the periodic sweep. */
  start(): void {
    this.stopped = false;
    this.arm();
  }

  /** Stops it (shutdown). */
  stop(): void {
    this.stopped = true;
    if (this.timer !== null) this.deps.scheduler.cancel(this.timer);
    this.timer = null;
  }

  /** One look at the database; ends what ended since the last look. */
  async sweep(): Promise<void> {
    const { db, clock, connections, log } = this.deps;
    const now = clock().getTime();
    const since = new Date(Math.min(this.last, now) - OVERLAP_MS);
    const ended = await credentialsEndedBetween(db, since, new Date(now));
    const kiosks = await kiosksRevokedSince(db, since);
    const end = (key: string, room: string, error: AuthError) => {
      if (this.handled.has(key)) return false;
      this.handled.set(key, now);
      log.info({ room, code: error.code }, 'credential ended');
      connections.endCredential(room, error);
      return true;
    };
    for (const sid of ended.revokedLogins)
      end(`r:${sid}`, loginRoom(sid), AuthError.revoked('You signed out.'));
    for (const sid of ended.expiredLogins) end(`e:${sid}`, loginRoom(sid), AuthError.expired());
    for (const id of ended.disabledAgents)
      end(`d:${id}`, memberRoom('agent', id), AuthError.revoked('This account was disabled.'));
    for (const id of kiosks) {
      if (end(`k:${id}`, memberRoom('kiosk', id), AuthError.revoked('This kiosk was revoked.')))
        await this.deps.onKioskRevoked(id);
    }
    for (const [key, at] of this.handled) if (at < since.getTime()) this.handled.delete(key);
    this.last = now;
  }

  /** Marks a credential as ended by this node already, so the sweep does not end it twice. */
  ended(kind: 'kiosk' | 'login', id: string): void {
    this.handled.set(kind === 'kiosk' ? `k:${id}` : `r:${id}`, this.deps.clock().getTime());
  }

  private arm(): void {
    if (this.stopped) return;
    this.timer = this.deps.scheduler.schedule(() => {
      this.timer = null;
      void this.sweep()
        .catch((err: unknown) => this.deps.log.error({ err }, 'credential sweep failed'))
        .finally(() => this.arm());
    }, this.deps.intervalMs);
  }
}
