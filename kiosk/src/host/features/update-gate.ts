/**
 * When a downloaded app update may be installed (issue 12 #8): only between residents. Pure policy,
 * no Electron: the main process's updater (kiosk/src/main/updater.ts) offers the install here and
 * this gate calls it back at the first moment the rule allows.
 *
 * The rule:
 * 1. Never while busy: a ticket is waiting or served, or a session is open (busyTracker), or an ID
 *    card is held (a resident is at the reader: idcard:card until idcard:removed).
 * 2. Only after a quiet time with no resident activity (a ticket, a session, a card placed or
 *    removed, or anything the main process reports through `noteActivity()`): a resident may be
 *    reading the home screen without a ticket, and the kiosk cannot see that, so the quiet time
 *    stands in for it.
 * 3. The quiet time is long during opening hours (default 30 minutes) and short outside them
 *    (default 2 minutes). Opening hours are the fleet's (DEFAULT_ALERT_RULES.openingHours:
 *    Monday–Saturday 08:30–17:30, Asia/Shanghai) unless given.
 * The gate checks at once when offered, then once a minute; it installs once.
 */
import type { EventEmitter } from 'node:events';
import { DEFAULT_ALERT_RULES, type AlertRules, type BridgeEventMap } from '@rvw/shared';
import type { BusyTracker } from '../busy-state';

export type OpeningHours = AlertRules['openingHours'];

export interface UpdateGateOptions {
  /** The kiosk's busy state (busyTracker over the host's events). */
  busy: Pick<BusyTracker, 'busy' | 'whenIdle'>;
  /** The host's events: resident activity and the ID card. */
  events: EventEmitter<BridgeEventMap>;
  /** Now; default the system clock. */
  now?: () => number;
  /** Opening hours (Asia/Shanghai); default DEFAULT_ALERT_RULES.openingHours. */
  openingHours?: OpeningHours;
  /** Quiet time before installing during opening hours; default 30 minutes. */
  quietOpenMs?: number;
  /** Quiet time before installing outside opening hours; default 2 minutes. */
  quietClosedMs?: number;
  /** How often a pending install is re-checked; default 1 minute. */
  checkEveryMs?: number;
}

export interface UpdateGate {
  /** Offers an install: `install` runs once, when the rule allows (replaces an earlier offer). */
  offer(install: () => void): void;
  /** True when an offer is waiting. */
  pending(): boolean;
  /** Records resident activity the host's events do not carry (e.g. a touch on the screen). */
  noteActivity(): void;
  /** Whether the rule would let an install run now (for logs and tests). */
  allowsNow(): boolean;
  /** Stops: a waiting offer never runs. */
  close(): void;
}

const MINUTE = 60_000;
/** The host's events that mean a resident is (or just was) at the kiosk. */
const ACTIVITY = [
  'ticket:update',
  'session:opened',
  'session:ended',
  'idcard:card',
  'idcard:removed',
] as const;

/** True when `at` falls inside `hours` (ISO weekdays, HH:MM from–to, Asia/Shanghai). */
export function withinOpeningHours(hours: OpeningHours, at: number): boolean {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Asia/Shanghai',
    weekday: 'short',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(at);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  const isoDay = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'].indexOf(get('weekday')) + 1;
  if (!hours.days.includes(isoDay)) return false;
  const minutes = Number(get('hour')) * 60 + Number(get('minute'));
  const at2 = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
  return minutes >= at2(hours.from) && minutes < at2(hours.to);
}

/** A gate over the host's events; see the rule above. */
export function createUpdateGate(options: UpdateGateOptions): UpdateGate {
  const now = options.now ?? Date.now;
  const hours = options.openingHours ?? DEFAULT_ALERT_RULES.openingHours;
  const quietOpen = options.quietOpenMs ?? 30 * MINUTE;
  const quietClosed = options.quietClosedMs ?? 2 * MINUTE;
  const every = options.checkEveryMs ?? MINUTE;
  let lastActivity = now();
  let cardHeld = false;
  let offered: (() => void) | null = null;
  let timer: ReturnType<typeof setInterval> | null = null;
  let cancelIdle: (() => void) | null = null;
  let closed = false;

  const noteActivity = (): void => {
    lastActivity = now();
  };
  const onCard = (): void => {
    cardHeld = true;
    noteActivity();
  };
  const onRemoved = (): void => {
    cardHeld = false;
    noteActivity();
  };
  const listeners = ACTIVITY.map((name) => {
    const fn = name === 'idcard:card' ? onCard : name === 'idcard:removed' ? onRemoved : noteActivity;
    (options.events as unknown as NodeJS.EventEmitter).on(name, fn);
    return [name, fn] as const;
  });

  const allowsNow = (): boolean => {
    if (closed || options.busy.busy() || cardHeld) return false;
    const t = now();
    const quiet = withinOpeningHours(hours, t) ? quietOpen : quietClosed;
    return t - lastActivity >= quiet;
  };

  const stopWaiting = (): void => {
    if (timer) clearInterval(timer);
    timer = null;
    cancelIdle?.();
    cancelIdle = null;
  };

  const check = (): void => {
    if (!offered || !allowsNow()) return;
    const install = offered;
    offered = null;
    stopWaiting();
    install();
  };

  return {
    offer(install) {
      if (closed) return;
      offered = install;
      stopWaiting();
      timer = setInterval(check, every);
      // Idle now: check at once. Idle later: that is activity (a session just ended), so the
      // quiet time starts then and the timer installs once it has passed.
      let offering = true;
      cancelIdle = options.busy.whenIdle(() => {
        cancelIdle = null;
        if (offering) check();
        else noteActivity();
      });
      offering = false;
    },
    pending: () => offered !== null,
    noteActivity,
    allowsNow,
    close() {
      closed = true;
      offered = null;
      stopWaiting();
      for (const [name, fn] of listeners) (options.events as unknown as NodeJS.EventEmitter).off(name, fn);
    },
  };
}
