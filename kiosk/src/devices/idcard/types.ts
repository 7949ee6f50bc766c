/**
 * The contract between the GA 467 reader driver and its users (the kiosk host, kiosk-doctor,
 * tests). Plain Node: no electron import anywhere under devices/.
 */
import type { EventEmitter } from 'node:events';
import type { CardType, Gender, ReaderStatus } from '@rvw/shared';
import type { IdCardError } from './errors';

/** A decoded card. Fields a card type does not carry are absent. The photo is never kept. */
export interface IdCard {
  cardType: CardType;
  /** Chinese name (for the old foreigner card: the Chinese name field, possibly empty). */
  name: string;
  englishName?: string;
  gender: Gender;
  /** Chinese name of the nation (民族), e.g. 汉; resident cards only. */
  nation?: string;
  /** YYYY-MM-DD. */
  birthDate: string;
  address?: string;
  /** The newest appended address (追加地址), when the card has one. */
  appendedAddress?: string;
  /** Identity number (or permit number for the old foreigner card). */
  idNumber: string;
  /** GB 11643 check digit verified (false for numbers that are not 18-character GB 11643). */
  idNumberValid: boolean;
  issuer?: string;
  /** YYYY-MM-DD. */
  validFrom: string;
  /** YYYY-MM-DD, or 'long-term' for 长期. */
  validTo: string;
  /** 3-letter nationality code (foreigner cards). */
  nationality?: string;
  /** Pass number (HK/Macao/Taiwan permit). */
  passNumber?: string;
  /** Issue count (HK/Macao/Taiwan permit). */
  issueCount?: number;
  /** Renewal count (2023 foreigner card). */
  renewalCount?: number;
  /** Card version (old foreigner card). */
  cardVersion?: string;
  /** Issuing-authority code (old foreigner card). */
  issuerCode?: string;
}

/** A card as read, with the reader's SAM ID. */
export interface CardRead {
  card: IdCard;
  samId: string;
}

/** Options of the reader service. */
export interface ReaderServiceOptions {
  /** Serial port path, e.g. /dev/ttyUSB0 or COM3. */
  path: string;
  /** Baud rate; default 115200. */
  baudRate?: number;
  /** How often to look for a card, in ms; default 300. */
  pollIntervalMs?: number;
}

/** What a reader service reports: cards, removals, status changes and failed reads. */
export interface ReaderServiceEvents {
  /** Once per card placed; not repeated while the card stays on the reader. */
  card: [read: CardRead];
  /** The card was taken away. */
  removed: [];
  /** online / offline / fault, with the reason. */
  status: [status: ReaderStatus];
  /** A card is on the reader but reading it failed (the screen may ask to place it again). */
  readError: [error: IdCardError];
}

/** The reader service as its users see it. */
export interface ReaderService extends EventEmitter<ReaderServiceEvents> {
  start(): Promise<void>;
  stop(): Promise<void>;
  readonly status: ReaderStatus;
  /**
   * Whether the card last reported (and not reported removed) is still on the reader, asked of the
   * reader now: false with no such card, or when the reader is not online. Never rejects.
   */
  confirmCard(): Promise<boolean>;
  /**
   * Changes the pause between polls, in ms (adaptive polling); optional: a service without polls
   * (the FakeReader) has none. Never interrupts or overlaps a command in progress.
   */
  setPollInterval?(ms: number): void;
}
