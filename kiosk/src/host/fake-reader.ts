/** An in-memory ReaderService for tests and development: the caller places and removes cards. */
import { EventEmitter } from 'node:events';
import type { ReaderStatus } from '@rvw/shared';
import type { CardRead, IdCard, ReaderService, ReaderServiceEvents } from '../devices/idcard/types';

/** A reader whose card slot and status the test controls. */
export class FakeReader extends EventEmitter<ReaderServiceEvents> implements ReaderService {
  status: ReaderStatus = { state: 'offline', reason: 'NOT_STARTED' };
  started = false;
  stopped = false;
  /** When set, start() rejects with it. */
  failStart: Error | null = null;

  async start(): Promise<void> {
    if (this.failStart) throw this.failStart;
    this.started = true;
    this.setStatus({ state: 'online' });
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.status = { state: 'offline', reason: 'STOPPED' };
  }

  /** Changes the status and reports it, as the real service does. */
  setStatus(status: ReaderStatus): void {
    this.status = status;
    this.emit('status', status);
  }

  /** Places a card on the reader. */
  place(card: IdCard, samId = '05.01-20240101-0000000001-0000000001'): void {
    const read: CardRead = { card, samId };
    this.emit('card', read);
  }

  /** Takes the card away. */
  remove(): void {
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
