/**
 * Kiosks coming and going, as the queue shows them: when a kiosk's last socket goes away (on every
 * node) the time is recorded and agents get a fresh queue that shows its ticket offline; when it
 * connects again the mark is cleared and agents see it online. Closing a ticket whose kiosk stays
 * away past its grace period is the sessions' absence rules' job, not this one's.
 */
import type { Logger } from 'pino';
import type { Clock } from '../clock';
import type { Db } from '../db/database';
import type { Presence } from '../socket/presence';
import type { QueueNotifier } from './queue-notifier';
import { openTicketOfKiosk, setKioskOfflineSince } from './ticket-store';

/** What the watch needs. */
export interface KioskPresenceDeps {
  db: Db;
  clock: Clock;
  presence: Presence;
  notifier: QueueNotifier;
  log: Logger;
}

/** Pushes the queue when a kiosk holding a waiting ticket goes offline or comes back. */
export class KioskPresence {
  constructor(private readonly deps: KioskPresenceDeps) {}

  /** A socket of this kiosk connected. */
  async connected(kioskId: string): Promise<void> {
    await setKioskOfflineSince(this.deps.db, kioskId, null);
    await this.pushIfWaiting(kioskId);
  }

  /** A socket of this kiosk went away: if it has none left anywhere, it is offline from now. */
  async left(kioskId: string): Promise<void> {
    if (await this.deps.presence.isPresent('kiosk', kioskId)) return;
    await setKioskOfflineSince(this.deps.db, kioskId, this.deps.clock());
    this.deps.log.info({ kioskId }, 'kiosk offline');
    await this.pushIfWaiting(kioskId);
  }

  private async pushIfWaiting(kioskId: string): Promise<void> {
    const open = await openTicketOfKiosk(this.deps.db, kioskId);
    // Only a waiting ticket shows in the queue; a serving one is the sessions' grace rules' concern.
    if (open?.status === 'waiting') await this.deps.notifier.queueChanged();
  }
}
