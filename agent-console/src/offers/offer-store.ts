/**
 * The offer the server makes this agent (offer mode, issue 11 #4), outside React: the prompt's
 * offer with its countdown on the server's clock, accept and decline, and how it ends. The server
 * decides everything; this store only keeps what it said and tells the workbench:
 * - `offer:new` shows the prompt (a newer offer replaces an older one);
 * - `offer:gone` closes it with the reason (missed: the agent is now away);
 * - accept opens the call as an accept from the queue does; CONFLICT means it moved on;
 * - an offer the server never closes is dropped a while after it lapsed, so no prompt stays forever.
 */
import { ErrorCode, type Offer, type OfferGone, type QueueEntry, type SessionOpened } from '@rvw/shared';
import { ConsoleErrorCode, errorCodeOf } from '../lib/errors';

/** How the store reaches the server: `offer:accept` and `offer:decline` with their acks. */
export interface OfferTransport {
  accept(offerId: string): Promise<SessionOpened>;
  decline(offerId: string): Promise<void>;
}

/** Why the prompt closed without a call (each says so in words). */
export type OfferEnding = OfferGone['outcome'] | 'moved-on' | 'refused';

/** A closed prompt, for the workbench's notice. */
export interface OfferEnded {
  reason: OfferEnding;
  ticketNumber: string;
  /** The refusal's code, for `refused`. */
  code?: string;
}

/** Where an offer's results go. */
export interface OfferSink {
  /** The agent took the offer: open the call as an accept from the queue does. */
  opened(opened: SessionOpened, entry: QueueEntry): void;
  /** The prompt closed without a call. */
  ended(ended: OfferEnded): void;
}

/** The offer on screen, with the server-clock offset its countdown uses. */
export interface HeldOffer {
  offer: Offer;
  /** Server clock minus local clock (ms) when it arrived. */
  offsetMs: number;
}

/** What the prompt renders. */
export interface OfferSnapshot {
  held: HeldOffer | null;
  busy: 'accepting' | 'declining' | null;
}

/** How long after its expiry an offer the server never closed is dropped (10 s). */
export const OFFER_GRACE_MS = 10_000;

/** Failures after which the prompt stays and the agent may press again (the server says if it moved on). */
const TRANSIENT: readonly string[] = [ConsoleErrorCode.Timeout, ConsoleErrorCode.Unreachable];

/** Milliseconds left on the server's clock before the offer moves on; never negative. */
export function offerRemainingMs(held: HeldOffer, nowLocalMs: number): number {
  const expires = Date.parse(held.offer.expiresAt);
  if (!Number.isFinite(expires)) return 0;
  return Math.max(0, expires - (nowLocalMs + held.offsetMs));
}

/** The offer's whole time (expiry minus offering), for the countdown bar; at least 1 ms. */
export function offerTotalMs(offer: Offer): number {
  const total = Date.parse(offer.expiresAt) - Date.parse(offer.offeredAt);
  return Number.isFinite(total) && total > 0 ? total : 1;
}

/** Replaceable clock and timer, for tests. */
export interface OfferStoreDeps {
  now?: () => number;
  setTimer?: (fn: () => void, ms: number) => () => void;
}

const EMPTY: OfferSnapshot = { held: null, busy: null };

/** The offer prompt's state for one page; reset on sign-out. */
export class OfferStore {
  private snapshot: OfferSnapshot = EMPTY;
  private readonly listeners = new Set<() => void>();
  private cancelTimer: (() => void) | null = null;
  private readonly now: () => number;
  private readonly setTimer: (fn: () => void, ms: number) => () => void;

  constructor(
    private readonly transport: OfferTransport,
    private readonly sink: OfferSink,
    deps: OfferStoreDeps = {},
  ) {
    this.now = deps.now ?? Date.now;
    this.setTimer =
      deps.setTimer ??
      ((fn, ms) => {
        const t = setTimeout(fn, ms);
        return () => clearTimeout(t);
      });
  }

  getSnapshot = (): OfferSnapshot => this.snapshot;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** `offer:new`: shows the prompt. `offsetMs` is the server clock minus the local one (queue snapshots). */
  offered(offer: Offer, offsetMs: number): void {
    const held = { offer, offsetMs };
    this.publish({ held, busy: null });
    this.watch(held);
  }

  /** `offer:gone`: the offer on screen ended without this agent; another offer's end is ignored. */
  gone(gone: OfferGone): void {
    const held = this.snapshot.held;
    if (held?.offer.offerId !== gone.offerId) return;
    this.close({ reason: gone.outcome, ticketNumber: held.offer.entry.number });
  }

  /** Takes the offer: the call opens through the sink. */
  accept = async (): Promise<void> => {
    const held = this.snapshot.held;
    if (!held || this.snapshot.busy) return;
    const { offerId, entry } = held.offer;
    this.publish({ busy: 'accepting' });
    try {
      const opened = await this.transport.accept(offerId);
      if (this.isHeld(offerId)) this.close(null);
      this.sink.opened(opened, entry);
    } catch (e) {
      const code = errorCodeOf(e);
      // Already closed by offer:gone (which said why), or dropped: nothing more to say.
      if (!this.isHeld(offerId)) return;
      if (TRANSIENT.includes(code)) {
        this.publish({ busy: null });
        this.sink.ended({ reason: 'refused', ticketNumber: entry.number, code });
      } else if (code === ErrorCode.Conflict) {
        this.close({ reason: 'moved-on', ticketNumber: entry.number });
      } else {
        this.close({ reason: 'refused', ticketNumber: entry.number, code });
      }
    }
  };

  /** Passes the offer to the next agent at once (the agent stays available). */
  decline = async (): Promise<void> => {
    const held = this.snapshot.held;
    if (!held || this.snapshot.busy) return;
    const { offerId, entry } = held.offer;
    this.publish({ busy: 'declining' });
    try {
      await this.transport.decline(offerId);
      if (this.isHeld(offerId)) this.close({ reason: 'declined', ticketNumber: entry.number });
    } catch (e) {
      const code = errorCodeOf(e);
      if (!this.isHeld(offerId)) return;
      // It had moved on already: the agent wanted it gone, and it is.
      if (code === ErrorCode.Conflict) this.close(null);
      else {
        this.publish({ busy: null });
        this.sink.ended({ reason: 'refused', ticketNumber: entry.number, code });
      }
    }
  };

  /** Closes the prompt without a word: the socket dropped, or a call opened another way. */
  drop(): void {
    if (this.snapshot.held) this.close(null);
  }

  /** Forgets everything (sign-out). */
  reset(): void {
    this.cancelTimer?.();
    this.cancelTimer = null;
    this.snapshot = EMPTY;
    for (const listener of this.listeners) listener();
  }

  private isHeld(offerId: string): boolean {
    return this.snapshot.held?.offer.offerId === offerId;
  }

  /** Drops the offer a while after it lapsed, should the server's `offer:gone` never come. */
  private watch(held: HeldOffer): void {
    this.cancelTimer?.();
    const wait = offerRemainingMs(held, this.now()) + OFFER_GRACE_MS;
    this.cancelTimer = this.setTimer(() => {
      this.cancelTimer = null;
      if (this.snapshot.held === held) {
        this.close({ reason: 'moved-on', ticketNumber: held.offer.entry.number });
      }
    }, wait);
  }

  private close(ended: OfferEnded | null): void {
    this.cancelTimer?.();
    this.cancelTimer = null;
    this.publish({ held: null, busy: null });
    if (ended) this.sink.ended(ended);
  }

  private publish(patch: Partial<OfferSnapshot>): void {
    this.snapshot = { ...this.snapshot, ...patch };
    for (const listener of this.listeners) listener();
  }
}
