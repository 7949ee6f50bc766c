/**
 * Adaptive polling of the ID-card reader (issue 13 #5): the kiosk host sets the reader's pace from
 * what it knows of the visit, so that a card placed on the idle welcome screen is found quickly and
 * the line stays quiet while a resident is served.
 *
 * - `idle` (fast, default 60 ms): no ticket waiting or served, no session open, no card on the reader.
 * - `serving` (slow, default 500 ms): a ticket or a session is open (busyTracker), or a card lies on
 *   the reader (between the reader's `card` and `removed`).
 *
 * The renderer never touches the reader: the mode comes from the host's own events. The reader
 * service keeps its polls strictly sequential; a change only re-times the pause between two polls,
 * so a read in progress is neither cut short nor overlapped.
 */
import type { ReaderService } from '../devices/idcard/types';
import type { BusyTracker } from './busy-state';

/** The two paces. */
export type ReaderPaceMode = 'idle' | 'serving';

/** The pause between polls in each mode, in ms. */
export interface ReaderPaceIntervals {
  /** While idle on welcome, waiting for a card; default {@link DEFAULT_IDLE_POLL_MS}. */
  idleMs: number;
  /** While a resident is served or a card lies on the reader; default {@link DEFAULT_SERVING_POLL_MS}. */
  servingMs: number;
}

/**
 * 60 ms idle: placed → greeting ≈ poll phase (uniform 0–60 ms + a 2 ms find) + the read (~124 ms:
 * 1.03× the wire) + host → screen (~15–30 ms); p95 ≈ 57 + 124 + 30 = 211 ms, under the 250 ms goal
 * with room for a loaded machine. The line carries one find (10 bytes out, 15 back) per ~62 ms:
 * ~16 requests/s, ~400 bytes/s, 3.5% of 115200 baud.
 */
export const DEFAULT_IDLE_POLL_MS = 60;
/** 500 ms serving: 2 requests/s; a lifted card is noticed after two polls (≤ ~1 s). */
export const DEFAULT_SERVING_POLL_MS = 500;

/** The default intervals. */
export const DEFAULT_READER_PACE: ReaderPaceIntervals = {
  idleMs: DEFAULT_IDLE_POLL_MS,
  servingMs: DEFAULT_SERVING_POLL_MS,
};

/** What reader pace follows: the reader's card events, and its pace knob (a ReaderService). */
export interface PacedReader {
  on(event: 'card' | 'removed', listener: () => void): unknown;
  off(event: 'card' | 'removed', listener: () => void): unknown;
  setPollInterval?: ReaderService['setPollInterval'];
}

/** The running pace controller. */
export interface ReaderPace {
  /** The mode now. */
  mode(): ReaderPaceMode;
  /** Stops following (the reader keeps its last interval). */
  close(): void;
}

/** Sets `reader`'s interval from `busy` and the card on the reader, now and on every change. */
export function readerPace(
  reader: PacedReader,
  busy: Pick<BusyTracker, 'busy' | 'onChange'>,
  intervals: ReaderPaceIntervals = DEFAULT_READER_PACE,
  log?: (line: string) => void,
): ReaderPace {
  let cardOnReader = false;
  let current: ReaderPaceMode | null = null;
  const modeNow = (): ReaderPaceMode => (busy.busy() || cardOnReader ? 'serving' : 'idle');
  const apply = (): void => {
    const next = modeNow();
    if (next === current) return;
    current = next;
    reader.setPollInterval?.(next === 'idle' ? intervals.idleMs : intervals.servingMs);
    log?.(
      `idcard: polling ${next === 'idle' ? `fast (${intervals.idleMs} ms, idle)` : `slow (${intervals.servingMs} ms, serving)`}`,
    );
  };
  const onCard = (): void => {
    cardOnReader = true;
    apply();
  };
  const onRemoved = (): void => {
    cardOnReader = false;
    apply();
  };
  reader.on('card', onCard);
  reader.on('removed', onRemoved);
  const offBusy = busy.onChange(apply);
  apply();
  return {
    mode: () => current ?? modeNow(),
    close() {
      offBusy();
      reader.off('card', onCard);
      reader.off('removed', onRemoved);
    },
  };
}
