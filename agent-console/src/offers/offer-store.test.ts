/**
 * The offer prompt's store: the countdown on the server's clock, accept opening the call with the
 * offer's line, CONFLICT and offer:gone closing it with the right words (exactly once), decline,
 * and an offer the server never closes dropped after its grace.
 */
import { describe, expect, it } from 'vitest';
import type { SessionOpened } from '@rvw/shared';
import { ConsoleError } from '../lib/errors';
import { offerOf, openedFor, queueEntry } from '../queue/test-entries';
import {
  OFFER_GRACE_MS,
  OfferStore,
  offerRemainingMs,
  offerTotalMs,
  type OfferEnded,
  type OfferTransport,
} from './offer-store';

const T0 = '2026-11-22T01:00:00.000Z';
const entry = queueEntry('A007', { tags: ['age80'], need: 'medical-insurance' });

/** A store with a transport whose answers the test gives, a manual timer, and what it told. */
function rig() {
  const accepts: Array<{ offerId: string; resolve(o: SessionOpened): void; reject(e: unknown): void }> = [];
  const declines: Array<{ offerId: string; resolve(): void; reject(e: unknown): void }> = [];
  const transport: OfferTransport = {
    accept: (offerId) => new Promise((resolve, reject) => accepts.push({ offerId, resolve, reject })),
    decline: (offerId) => new Promise((resolve, reject) => declines.push({ offerId, resolve, reject })),
  };
  const opened: Array<{ opened: SessionOpened; number: string }> = [];
  const ended: OfferEnded[] = [];
  const timers: Array<{ fn(): void; ms: number; cancelled: boolean }> = [];
  const store = new OfferStore(
    transport,
    { opened: (o, e) => opened.push({ opened: o, number: e.number }), ended: (e) => ended.push(e) },
    {
      now: () => Date.parse(T0),
      setTimer: (fn, ms) => {
        const timer = { fn, ms, cancelled: false };
        timers.push(timer);
        return () => void (timer.cancelled = true);
      },
    },
  );
  return { store, accepts, declines, opened, ended, timers };
}

describe('the countdown', () => {
  it('runs on the server’s clock: a console 4 s behind the server shows 11 s of 15 left at once', () => {
    const held = { offer: offerOf(entry, T0), offsetMs: 4000 };
    expect(offerRemainingMs(held, Date.parse(T0))).toBe(11_000);
    expect(offerRemainingMs(held, Date.parse(T0) + 20_000)).toBe(0);
    expect(offerTotalMs(held.offer)).toBe(15_000);
  });
});

describe('OfferStore', () => {
  it('accepts: the prompt closes and the call opens with the offer’s line', async () => {
    const { store, accepts, opened, ended } = rig();
    store.offered(offerOf(entry, T0), 0);
    expect(store.getSnapshot().held?.offer.entry.number).toBe('A007');
    const done = store.accept();
    expect(store.getSnapshot().busy).toBe('accepting');
    accepts[0]!.resolve(openedFor(entry));
    await done;
    expect(accepts[0]!.offerId).toBe('o-A007');
    expect(opened).toEqual([{ opened: openedFor(entry), number: 'A007' }]);
    expect(store.getSnapshot()).toEqual({ held: null, busy: null });
    expect(ended).toEqual([]);
  });

  it('says the offer moved on when the accept comes back CONFLICT', async () => {
    const { store, accepts, opened, ended } = rig();
    store.offered(offerOf(entry, T0), 0);
    const done = store.accept();
    accepts[0]!.reject(new ConsoleError('CONFLICT', 'moved on'));
    await done;
    expect(opened).toEqual([]);
    expect(ended).toEqual([{ reason: 'moved-on', ticketNumber: 'A007' }]);
    expect(store.getSnapshot().held).toBeNull();
  });

  it('closes with the refusal’s code (NOT_ELIGIBLE), and keeps the prompt after a timeout to press again', async () => {
    const { store, accepts, ended } = rig();
    store.offered(offerOf(entry, T0), 0);
    let done = store.accept();
    accepts[0]!.reject(new ConsoleError('TIMEOUT', 'no answer'));
    await done;
    expect(store.getSnapshot()).toMatchObject({ held: { offer: { offerId: 'o-A007' } }, busy: null });
    done = store.accept();
    accepts[1]!.reject(new ConsoleError('NOT_ELIGIBLE', 'not yours'));
    await done;
    expect(ended).toEqual([
      { reason: 'refused', ticketNumber: 'A007', code: 'TIMEOUT' },
      { reason: 'refused', ticketNumber: 'A007', code: 'NOT_ELIGIBLE' },
    ]);
    expect(store.getSnapshot().held).toBeNull();
  });

  it('closes on offer:gone with its reason, once, even when the accept it raced then fails', async () => {
    const { store, accepts, ended } = rig();
    store.offered(offerOf(entry, T0), 0);
    // Another offer's end is not this prompt's.
    store.gone({ offerId: 'o-other', outcome: 'missed' });
    expect(store.getSnapshot().held).not.toBeNull();
    const done = store.accept();
    store.gone({ offerId: 'o-A007', outcome: 'missed' });
    accepts[0]!.reject(new ConsoleError('CONFLICT', 'moved on'));
    await done;
    expect(ended).toEqual([{ reason: 'missed', ticketNumber: 'A007' }]);
    expect(store.getSnapshot().held).toBeNull();
  });

  it('declines: the prompt closes saying the call went to the next agent', async () => {
    const { store, declines, ended } = rig();
    store.offered(offerOf(entry, T0), 0);
    const done = store.decline();
    expect(store.getSnapshot().busy).toBe('declining');
    declines[0]!.resolve();
    await done;
    expect(ended).toEqual([{ reason: 'declined', ticketNumber: 'A007' }]);
    // The server's own offer:gone for it, arriving after, says nothing more.
    store.gone({ offerId: 'o-A007', outcome: 'declined' });
    expect(ended).toHaveLength(1);
  });

  it('a newer offer replaces the older one; a dropped offer closes without a word', () => {
    const { store, ended } = rig();
    store.offered(offerOf(entry, T0), 0);
    store.offered(offerOf(queueEntry('A008'), T0), 0);
    expect(store.getSnapshot().held?.offer.offerId).toBe('o-A008');
    store.drop();
    expect(store.getSnapshot().held).toBeNull();
    expect(ended).toEqual([]);
  });

  it('drops an offer the server never closed a grace period after it lapsed', () => {
    const { store, ended, timers } = rig();
    store.offered(offerOf(entry, T0, 15), 2000);
    // 13 s left on the server's clock, then the grace.
    expect(timers.at(-1)!.ms).toBe(13_000 + OFFER_GRACE_MS);
    timers.at(-1)!.fn();
    expect(store.getSnapshot().held).toBeNull();
    expect(ended).toEqual([{ reason: 'moved-on', ticketNumber: 'A007' }]);
  });

  it('cancels the grace timer when the offer closes normally', () => {
    const { store, timers } = rig();
    store.offered(offerOf(entry, T0), 0);
    store.gone({ offerId: 'o-A007', outcome: 'withdrawn' });
    expect(timers[0]!.cancelled).toBe(true);
  });
});
