/**
 * The ReaderService contract as a test suite: what any reader service (the GA 467 service over a
 * serial line, the FakeReader) must report, in which order, with which reasons. Call
 * {@link describeReaderServiceContract} from a test file with a factory of rigs; see
 * reader-contract.test.ts, which runs it against both.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { IdCardErrorCode, ReaderStatusReason } from '@rvw/shared';
import { DEFAULT_MAX_READ_ATTEMPTS } from '../devices/idcard/rules';
import type { IdCard, ReaderService } from '../devices/idcard/types';
import { sampleResidentCard } from './fake-reader';

/** A reader service under test and the hands that act on its reader. */
export interface ReaderRig {
  /** The service under test, not yet started. */
  reader: ReaderService;
  /** The SAM ID the reader reports with each card. */
  samId: string;
  /** Puts a card on the reader. */
  place(card: IdCard): void | Promise<void>;
  /** Puts a card of a type the driver does not know (its reads fail) on the reader. */
  placeUnreadable(): void | Promise<void>;
  /** Takes the card away. */
  remove(): void | Promise<void>;
  /** Pulls the reader's cable: its port disappears. */
  unplug(): void | Promise<void>;
  /** Puts the cable back. */
  replug(): void | Promise<void>;
  /** Makes the SAM fail its self-test (true) or pass it (false). */
  setSamSelfTestFailed(failed: boolean): void | Promise<void>;
  /** Makes the reader stop answering (true) or answer again (false). */
  setHung(hung: boolean): void | Promise<void>;
  /** Stops the service and frees what the rig holds. */
  dispose(): Promise<void>;
}

/** Options of {@link describeReaderServiceContract}. */
export interface ReaderContractOptions {
  /** Longest wait for an expected event, in ms (a hang guard, not a timing check); default 8000. */
  timeoutMs?: number;
  /** How long nothing more must happen (several polls of a real reader), in ms; default 400. */
  quietMs?: number;
  /** The card placed in the tests; default the FakeReader's sample resident card. */
  card?: IdCard;
}

/** Registers the contract's tests for the rigs `makeRig` builds (a fresh one per test). */
export function describeReaderServiceContract(
  name: string,
  makeRig: () => Promise<ReaderRig>,
  options: ReaderContractOptions = {},
): void {
  const timeoutMs = options.timeoutMs ?? 8000;
  const quietMs = options.quietMs ?? 400;
  const card = options.card ?? sampleResidentCard;

  describe(`ReaderService contract: ${name}`, () => {
    let rig: ReaderRig;
    let reader: ReaderService;
    // Everything the service says, in order: 'status:offline:IDCARD_DISCONNECTED', 'card:resident', …
    let log: string[];
    let messages: (string | undefined)[];
    let samIds: string[];

    beforeEach(async () => {
      rig = await makeRig();
      reader = rig.reader;
      log = [];
      messages = [];
      samIds = [];
      reader.on('status', (s) => {
        log.push(['status', s.state, s.reason].filter(Boolean).join(':'));
        messages.push(s.message);
      });
      reader.on('card', (read) => {
        log.push(`card:${read.card.cardType}`);
        samIds.push(read.samId);
      });
      reader.on('removed', () => log.push('removed'));
      reader.on('readError', (err) => log.push(`readError:${err.code}`));
    });

    afterEach(async () => {
      await rig?.dispose();
    });

    async function until(check: () => boolean, what: string): Promise<void> {
      const end = Date.now() + timeoutMs;
      while (!check()) {
        if (Date.now() > end) throw new Error(`timed out waiting for ${what}; saw ${log.join(', ')}`);
        await new Promise((r) => setTimeout(r, 10));
      }
    }
    const quiet = () => new Promise((r) => setTimeout(r, quietMs));
    const count = (entry: string) => log.filter((l) => l === entry).length;
    const cardEntry = `card:${card.cardType}`;
    const online = 'status:online';

    it('is offline (IDCARD_NOT_STARTED) until started; stop() before start() changes nothing', async () => {
      expect(reader.status).toEqual({ state: 'offline', reason: ReaderStatusReason.NotStarted });
      await reader.stop();
      expect(reader.status).toEqual({ state: 'offline', reason: ReaderStatusReason.NotStarted });
      expect(log).toEqual([]);
    });

    it('start() resolves once online, reported once; a second start() changes nothing', async () => {
      await reader.start();
      expect(reader.status).toEqual({ state: 'online' });
      expect(log).toEqual([online]);
      await reader.start();
      await quiet();
      expect(log).toEqual([online]);
    });

    it('a placed card -> one card event with the SAM ID, not repeated while it stays; lifted -> removed', async () => {
      await reader.start();
      await rig.place(card);
      await until(() => count(cardEntry) === 1, 'the card');
      await quiet();
      expect(log).toEqual([online, cardEntry]);
      expect(samIds).toEqual([rig.samId]);
      await rig.remove();
      await until(() => log.includes('removed'), 'removal');
      await quiet();
      expect(log).toEqual([online, cardEntry, 'removed']);
    });

    it('confirmCard(): true while the card read lies on the reader; false once lifted (before any poll notices), with no card, or stopped', async () => {
      expect(await reader.confirmCard()).toBe(false);
      await reader.start();
      expect(await reader.confirmCard()).toBe(false);
      await rig.place(card);
      await until(() => count(cardEntry) === 1, 'the card');
      expect(await reader.confirmCard()).toBe(true);
      expect(await reader.confirmCard()).toBe(true);
      await rig.remove();
      // Asked at once, the reader itself answers: a card lifted a moment ago is not vouched for.
      expect(await reader.confirmCard()).toBe(false);
      await until(() => log.includes('removed'), 'removal');
      expect(await reader.confirmCard()).toBe(false);
      await rig.place(card);
      await until(() => count(cardEntry) === 2, 'the card placed again');
      expect(await reader.confirmCard()).toBe(true);
      await reader.stop();
      expect(await reader.confirmCard()).toBe(false);
      // Asking is silent: only the placements, the removals and the stop were reported.
      expect(log).toEqual([
        online,
        cardEntry,
        'removed',
        cardEntry,
        'removed',
        `status:disabled:${ReaderStatusReason.Stopped}`,
      ]);
    });

    it('reads a card already on the reader once it is online', async () => {
      await rig.place(card);
      await reader.start();
      await until(() => count(cardEntry) === 1, 'the card');
      expect(log).toEqual([online, cardEntry]);
    });

    it('unplug -> removed, offline for the lost line, then IDCARD_PORT_OPEN_FAILED; replug -> online, card read again', async () => {
      await reader.start();
      await rig.place(card);
      await until(() => count(cardEntry) === 1, 'the card');
      await rig.unplug();
      const portGone = `status:offline:${IdCardErrorCode.PortOpenFailed}`;
      await until(() => log.includes(portGone), 'offline with the port gone');
      await quiet();
      const lost = log.slice(2);
      // A line cut in the middle of a command may be noticed as that command's timeout.
      expect([
        ['removed', `status:offline:${IdCardErrorCode.Disconnected}`, portGone],
        ['removed', `status:offline:${IdCardErrorCode.Timeout}`, portGone],
      ]).toContainEqual(lost);
      expect(reader.status).toMatchObject({ state: 'offline', reason: IdCardErrorCode.PortOpenFailed });
      expect(messages.slice(1).every((m) => typeof m === 'string' && m.length > 0)).toBe(true);
      await rig.replug();
      await until(() => count(cardEntry) === 2, 'the card read after replug');
      expect(log.slice(5)).toEqual([online, cardEntry]);
    });

    it('a failing SAM self-test -> fault (IDCARD_SAM_SELFTEST_FAILED) with a sentence; online once it passes', async () => {
      await rig.setSamSelfTestFailed(true);
      await reader.start();
      expect(reader.status).toMatchObject({ state: 'fault', reason: IdCardErrorCode.SamSelfTestFailed });
      expect(reader.status.message).toMatch(/\S/);
      await rig.setSamSelfTestFailed(false);
      await until(() => log.includes(online), 'online');
      expect(log).toEqual([`status:fault:${IdCardErrorCode.SamSelfTestFailed}`, online]);
    });

    it('a reader that stops answering -> removed, offline (IDCARD_TIMEOUT); answering again -> online, card read again', async () => {
      await reader.start();
      await rig.place(card);
      await until(() => count(cardEntry) === 1, 'the card');
      await rig.setHung(true);
      const timedOut = `status:offline:${IdCardErrorCode.Timeout}`;
      await until(() => log.includes(timedOut), 'offline');
      await quiet();
      expect(log).toEqual([online, cardEntry, 'removed', timedOut]);
      await rig.setHung(false);
      await until(() => count(cardEntry) === 2, 'the card read again');
      expect(log).toEqual([online, cardEntry, 'removed', timedOut, online, cardEntry]);
    });

    it('an unreadable card -> readError (IDCARD_UNKNOWN_CARD_TYPE) on each of its tries, no card; a good card after it is read', async () => {
      await reader.start();
      await rig.placeUnreadable();
      const readError = `readError:${IdCardErrorCode.UnknownCardType}`;
      const tries = Array<string>(DEFAULT_MAX_READ_ATTEMPTS).fill(readError);
      await until(() => count(readError) === tries.length, 'the failed reads');
      await quiet();
      expect(log).toEqual([online, ...tries]);
      await rig.remove();
      await quiet();
      await rig.place(card);
      await until(() => count(cardEntry) === 1, 'the good card');
      // Nothing was read before, so nothing was removed.
      expect(log).toEqual([online, ...tries, cardEntry]);
    });

    it('stop() -> removed for the card it read, then disabled (IDCARD_STOPPED); silent afterwards', async () => {
      await reader.start();
      await rig.place(card);
      await until(() => count(cardEntry) === 1, 'the card');
      await reader.stop();
      expect(reader.status).toEqual({ state: 'disabled', reason: ReaderStatusReason.Stopped });
      expect(log).toEqual([online, cardEntry, 'removed', `status:disabled:${ReaderStatusReason.Stopped}`]);
      await rig.remove();
      await rig.place(card);
      await quiet();
      expect(log).toHaveLength(4);
    });
  });
}
