/**
 * An in-memory ReaderService for tests, screenshots and development. The caller places and lifts
 * cards and pulls the cable; the fake answers with the real service's states, reasons and event
 * order (the ReaderService contract suite in reader-contract.ts runs against both), only at once
 * instead of on the next poll.
 */
import { EventEmitter } from 'node:events';
import { ReaderStatusReason } from '@rvw/shared';
import type { ReaderStatus } from '@rvw/shared';
import { IdCardError } from '../devices/idcard/errors';
import { DEFAULT_MAX_READ_ATTEMPTS } from '../devices/idcard/rules';
import type { CardRead, IdCard, ReaderService, ReaderServiceEvents } from '../devices/idcard/types';

/** Options of {@link FakeReader}. */
export interface FakeReaderOptions {
  /** The SAM ID reported with each card; default '05.01-20240101-0000000001-0000000001'. */
  samId?: string;
  /** The port path named in its sentences; default '/dev/ttyFAKE0'. */
  path?: string;
}

/** What lies on the reader: a card, or one whose reads fail with `error`. */
type Slot = { card: IdCard; samId: string } | { unreadable: IdCardError } | null;

/** A reader whose card slot, cable and security module the test controls. */
export class FakeReader extends EventEmitter<ReaderServiceEvents> implements ReaderService {
  /** start() was called. */
  started = false;
  /** stop() was called. */
  stopped = false;
  /**
   * When set, start() rejects with it. The real service never rejects; this exercises the
   * guard of its callers (the kiosk host reports START_FAILED).
   */
  failStart: Error | null = null;

  private readonly samId: string;
  private readonly path: string;
  private status_: ReaderStatus = { state: 'offline', reason: ReaderStatusReason.NotStarted };
  private running = false;
  private plugged = true;
  private hung = false;
  private samFault: IdCardError | null = null;
  private slot: Slot = null;
  private cardReported = false;
  private failedReads = 0;

  constructor(options: FakeReaderOptions = {}) {
    super();
    this.samId = options.samId ?? '05.01-20240101-0000000001-0000000001';
    this.path = options.path ?? '/dev/ttyFAKE0';
  }

  /** A copy of the last status reported. */
  get status(): ReaderStatus {
    return { ...this.status_ };
  }

  /** Goes online (or offline / fault, as the cable and the SAM say) and reads a card already there. */
  async start(): Promise<void> {
    if (this.failStart) throw this.failStart;
    this.started = true;
    if (this.running) return;
    this.running = true;
    this.connect();
  }

  /** Drops a card it reported ('removed'), then reports disabled (IDCARD_STOPPED). */
  async stop(): Promise<void> {
    this.stopped = true;
    if (!this.running) return;
    this.running = false;
    this.dropCard();
    this.setStatus({ state: 'disabled', reason: ReaderStatusReason.Stopped });
  }

  /**
   * Forces a status, for screens and hosts under test. The methods below reach the same statuses
   * the way the real service does; prefer them.
   */
  setStatus(status: ReaderStatus): void {
    const prev = this.status_;
    if (prev.state === status.state && prev.reason === status.reason) return;
    this.status_ = { ...status };
    this.emit('status', { ...status });
  }

  /** Whether the card it reported still lies on the reader (the fake knows at once). */
  async confirmCard(): Promise<boolean> {
    const slot = this.slot;
    return (
      this.running && this.status_.state === 'online' && this.cardReported && slot !== null && 'card' in slot
    );
  }

  /** Places a card on the reader (lifting the one there first); online, it is read at once. */
  place(card: IdCard, samId = this.samId): void {
    this.remove();
    this.slot = { card, samId };
    this.readSlot();
  }

  /** Places a card whose every read fails with `error` (default: a card type the driver does not know). */
  placeUnreadable(error: IdCardError = IdCardError.fromStatus(0x40)): void {
    this.remove();
    this.slot = { unreadable: error };
    this.readSlot();
  }

  /** Takes the card away ('removed' when it had been read). */
  remove(): void {
    this.slot = null;
    this.failedReads = 0;
    this.dropCard();
  }

  /**
   * Takes the card away in the moments before the service's next poll would notice: no 'removed'
   * yet, but the reader itself no longer finds the card (confirmCard() says false).
   */
  liftUnnoticed(): void {
    this.slot = null;
    this.failedReads = 0;
  }

  /** Pulls the cable: 'removed' for a card it held, offline IDCARD_DISCONNECTED, then IDCARD_PORT_OPEN_FAILED. */
  unplug(): void {
    if (!this.plugged) return;
    this.plugged = false;
    if (!this.running) return;
    if (this.status_.state === 'online') this.lose(IdCardError.disconnected());
    // The service retries; the port is gone, so opening it fails until the cable is back.
    this.connect();
  }

  /** Puts the cable back: online again, and a card still on the reader is read again. */
  replug(): void {
    if (this.plugged) return;
    this.plugged = true;
    this.connect();
  }

  /**
   * Makes the SAM fail its self-test (or not). As on the real reader this is seen when the port
   * is opened: at start, after a replug, or at once when the reader was in fault.
   */
  setSamSelfTestFailed(failed: boolean): void {
    this.samFault = failed ? IdCardError.fromStatus(0x60, 'samStatus') : null;
    if (!failed && this.status_.state === 'fault') this.connect();
  }

  /** Makes the reader stop answering (offline IDCARD_TIMEOUT) or answer again (online). */
  setHung(hung: boolean): void {
    if (this.hung === hung) return;
    this.hung = hung;
    if (hung && this.running && this.status_.state === 'online')
      this.lose(IdCardError.timeout('findCard', 500));
    else if (!hung) this.connect();
  }

  /** One attempt to open the port and check the SAM, as the real service makes on start and each retry. */
  private connect(): void {
    if (!this.running) return;
    if (!this.plugged) {
      this.setError('offline', IdCardError.portOpenFailed(this.path));
    } else if (this.hung) {
      this.setError('offline', IdCardError.timeout('samStatus', 300));
    } else if (this.samFault) {
      this.setError('fault', this.samFault);
    } else {
      this.setStatus({ state: 'online' });
      this.readSlot();
    }
  }

  /** The line or the reader was lost while online: the held card cannot be vouched for. */
  private lose(error: IdCardError): void {
    this.dropCard();
    this.setError('offline', error);
  }

  private setError(state: 'offline' | 'fault', error: IdCardError): void {
    this.setStatus({ state, reason: error.code, message: error.bilingual });
  }

  private readSlot(): void {
    const slot = this.slot;
    if (!this.running || this.status_.state !== 'online' || !slot || this.cardReported) return;
    if ('card' in slot) {
      this.cardReported = true;
      const read: CardRead = { card: slot.card, samId: slot.samId };
      this.emit('card', read);
      return;
    }
    // The real service tries a few times per placement, then waits for the card to be lifted.
    while (this.failedReads < DEFAULT_MAX_READ_ATTEMPTS) {
      this.failedReads += 1;
      this.emit('readError', slot.unreadable);
    }
  }

  private dropCard(): void {
    if (!this.cardReported) return;
    this.cardReported = false;
    this.emit('removed');
  }
}

/** A resident card with a valid GB 11643 number (fictitious person). */
export const sampleResidentCard: IdCard = {
  cardType: 'resident',
  name: '李秀英',
  gender: 'female',
  nation: '汉',
  birthDate: '1949-03-07',
  address: '上海市静安区示例路1号',
  idNumber: '310106194903070021',
  idNumberValid: true,
  issuer: '上海市公安局静安分局',
  validFrom: '2015-01-01',
  validTo: 'long-term',
};

/** An old foreigner permanent residence card without a Chinese name. */
export const sampleForeignCard: IdCard = {
  cardType: 'foreign-permanent',
  name: '',
  englishName: 'SMITH, JOHN',
  gender: 'male',
  birthDate: '1950-06-01',
  idNumber: 'USA310050060110',
  idNumberValid: false,
  nationality: 'USA',
  validFrom: '2016-01-01',
  validTo: '2026-01-01',
};
