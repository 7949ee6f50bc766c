/**
 * The reader service: opens the port, checks the SAM, polls for cards, emits each card once per
 * placement, notices removal, reports online / offline / fault, and reconnects after an unplug
 * without a restart. It never logs card data: its logger receives codes and sentences only.
 */
import { EventEmitter } from 'node:events';
import { ReaderStatusReason } from '@rvw/shared';
import type { ReaderStatus } from '@rvw/shared';
import { Ga467Client } from './commands';
import type { CommandTimeouts } from './commands';
import { IdCardError, IdCardErrorCode } from './errors';
import { DefaultReconnectPolicy } from './reconnect';
import type { ReconnectPolicy } from './reconnect';
import { DEFAULT_MAX_READ_ATTEMPTS, checkSam, isCardReadFailure, isLineFailure, isSamFault } from './rules';
import { serialTransportFactory } from './serial-transport';
import type { Transport, TransportFactory } from './transport';
import type { ReaderService, ReaderServiceEvents, ReaderServiceOptions } from './types';

/** One log line: a code and a sentence, never card data. */
export interface ReaderLogEntry {
  level: 'debug' | 'info' | 'warn' | 'error';
  /** What happened, e.g. 'status', 'read-failed', 'reconnect'. */
  event: string;
  /** A stable code (an IdCardErrorCode or a status reason). */
  code?: string;
  /** A sentence for technicians. */
  message?: string;
}

/** Receives log entries; the service passes it nothing from a card. */
export type ReaderLogger = (entry: ReaderLogEntry) => void;

/** Options of {@link IdCardReaderService}: those of the contract plus the driver's knobs. */
export interface IdCardReaderOptions extends ReaderServiceOptions {
  /** Builds the transport; default: a real serial port. */
  transportFactory?: TransportFactory;
  /** When to reopen after a failure; default {@link DefaultReconnectPolicy}. */
  reconnectPolicy?: ReconnectPolicy;
  /** Command timeouts; defaults in DEFAULT_TIMEOUTS (find/select 500, read 3500, SAM 300 ms). */
  timeouts?: Partial<CommandTimeouts>;
  /** Retries of a transmission fault per command; default 2. */
  retries?: number;
  /** Consecutive command timeouts that mean the reader is gone; default 2. */
  offlineAfterTimeouts?: number;
  /** Consecutive polls without the card (find and select both fail) before 'removed'; default 2. */
  removalConfirmations?: number;
  /** Reads tried on one placement before giving up until the card is lifted; default 3. */
  maxReadAttempts?: number;
  /** Use 30 10 (text + photo + fingerprint) instead of 30 01; default false. */
  withFingerprint?: boolean;
  /** Log sink; default: none. */
  log?: ReaderLogger;
}

/** Why a session (one open port) ended. */
interface SessionEnd {
  error: IdCardError;
  /** The reader had been online during the session. */
  wasOnline: boolean;
}

/** The ReaderService of a GA 467 reader on a serial port, reconnecting by its policy. */
export class IdCardReaderService extends EventEmitter<ReaderServiceEvents> implements ReaderService {
  private status_: ReaderStatus = { state: 'offline', reason: ReaderStatusReason.NotStarted };
  private readonly opts: Required<Omit<IdCardReaderOptions, 'timeouts' | 'log'>> &
    Pick<IdCardReaderOptions, 'timeouts'>;
  private readonly log: ReaderLogger;
  private abort: AbortController | null = null;
  private running: Promise<void> | null = null;
  private transport: Transport | null = null;
  private client: Ga467Client | null = null;
  private cardPresent = false;
  /** The pause between polls now (setPollInterval changes it); starts at opts.pollIntervalMs. */
  private interval: number;
  /** Re-times the pause in progress after setPollInterval; null while a poll's commands run. */
  private retime: (() => void) | null = null;

  constructor(options: IdCardReaderOptions) {
    super();
    if (!options || typeof options.path !== 'string' || options.path.length === 0) {
      throw new TypeError('path must be a non-empty string');
    }
    const positive = (name: string, v: number | undefined, dflt: number): number => {
      const value = v ?? dflt;
      if (!Number.isFinite(value) || value <= 0) throw new TypeError(`${name} must be a positive number`);
      return value;
    };
    this.opts = {
      path: options.path,
      baudRate: positive('baudRate', options.baudRate, 115200),
      pollIntervalMs: positive('pollIntervalMs', options.pollIntervalMs, 300),
      transportFactory: options.transportFactory ?? serialTransportFactory,
      reconnectPolicy: options.reconnectPolicy ?? new DefaultReconnectPolicy(),
      retries: options.retries ?? 2,
      offlineAfterTimeouts: positive('offlineAfterTimeouts', options.offlineAfterTimeouts, 2),
      removalConfirmations: positive('removalConfirmations', options.removalConfirmations, 2),
      maxReadAttempts: positive('maxReadAttempts', options.maxReadAttempts, DEFAULT_MAX_READ_ATTEMPTS),
      withFingerprint: options.withFingerprint ?? false,
      timeouts: options.timeouts,
    };
    this.log = options.log ?? (() => undefined);
    this.interval = this.opts.pollIntervalMs;
  }

  /** The pause between one poll's end and the next poll's find, in ms. */
  get pollIntervalMs(): number {
    return this.interval;
  }

  /**
   * Changes the pause between polls (the kiosk host's adaptive polling: fast while idle on welcome,
   * slow while a resident is served). Polls stay strictly one after another on the one line: a
   * command or read in progress is never cut short or overlapped; only the pause after it changes.
   * A pause under way is re-timed from the end of the last poll: the next find goes at
   * last end + `ms` (at once if that has passed).
   */
  setPollInterval(ms: number): void {
    if (!Number.isFinite(ms) || ms <= 0) throw new TypeError('pollIntervalMs must be a positive number');
    if (ms === this.interval) return;
    this.interval = ms;
    this.retime?.();
  }

  /** A copy of the last status reported. */
  get status(): ReaderStatus {
    return { ...this.status_ };
  }

  /**
   * Starts the service. Resolves once the first attempt has settled (online, fault, or offline);
   * it never rejects for a missing reader: the service keeps trying in the background.
   */
  start(): Promise<void> {
    if (this.running) return Promise.resolve();
    const abort = new AbortController();
    this.abort = abort;
    return new Promise<void>((settled) => {
      this.running = this.run(abort.signal, settled).finally(() => settled());
    });
  }

  /**
   * Whether the card last reported is still on the reader, asked of the reader now (find, then
   * select, as a poll does): the commands queue behind the poll's on the one line. False when no
   * card is held, the card was reported removed, or the reader is not online.
   */
  async confirmCard(): Promise<boolean> {
    const client = this.client;
    if (!this.cardPresent || !client || this.status_.state !== 'online') return false;
    try {
      return (await client.findCard()) || (await this.stillThere(client));
    } catch {
      // A line or reader failure: the card cannot be vouched for.
      return false;
    }
  }

  /** Stops polling, closes the port and reports 'disabled'. */
  async stop(): Promise<void> {
    const running = this.running;
    if (!running) return;
    this.abort?.abort();
    await this.transport?.close();
    await running;
    this.running = null;
    this.abort = null;
    this.setStatus({ state: 'disabled', reason: ReaderStatusReason.Stopped });
  }

  private async run(signal: AbortSignal, settled: () => void): Promise<void> {
    let retryCount = 0;
    let since = Date.now();
    while (!signal.aborted) {
      const end = await this.session(signal, settled);
      if (signal.aborted) break;
      if (end.wasOnline) {
        retryCount = 0;
        since = Date.now();
      }
      if (!isSamFault(end.error)) {
        this.setStatus({ state: 'offline', reason: end.error.code, message: end.error.bilingual });
      }
      settled();
      const delay = this.opts.reconnectPolicy.nextRetryDelayInMs({
        retryCount,
        elapsedMs: Date.now() - since,
        error: end.error,
      });
      retryCount += 1;
      if (delay === null) {
        this.log({ level: 'error', event: 'reconnect-gave-up', code: end.error.code });
        break;
      }
      this.log({ level: 'debug', event: 'reconnect', code: end.error.code, message: `retry in ${delay} ms` });
      await sleep(delay, signal);
    }
  }

  /** One open port, from open to loss. Never throws: returns why it ended. */
  private async session(signal: AbortSignal, settled: () => void): Promise<SessionEnd> {
    const transport = this.opts.transportFactory(this.opts.path, this.opts.baudRate);
    try {
      await transport.open();
    } catch (err) {
      return { error: toIdCardError(err, this.opts.path), wasOnline: false };
    }
    this.transport = transport;
    // A closed line must cut short a wait between polls, not only a command in flight.
    const lost = new AbortController();
    const onClose = () => lost.abort();
    transport.once('close', onClose);
    const stop = () => lost.abort();
    signal.addEventListener('abort', stop, { once: true });
    const client = new Ga467Client(transport, { timeouts: this.opts.timeouts, retries: this.opts.retries });
    this.client = client;
    let wasOnline = false;
    try {
      const samId = await checkSam(client, (err) =>
        this.log({ level: 'warn', event: 'sam-reset', code: err.code }),
      );
      this.setStatus({ state: 'online' });
      wasOnline = true;
      settled();
      await this.poll(client, samId, lost.signal);
      return { error: IdCardError.disconnected(), wasOnline };
    } catch (err) {
      const error = toIdCardError(err, this.opts.path);
      if (isSamFault(error)) {
        this.setStatus({ state: 'fault', reason: error.code, message: error.bilingual });
      }
      return { error, wasOnline };
    } finally {
      if (this.cardPresent) {
        // The card cannot be vouched for while the reader is away: users must drop what they hold.
        this.cardPresent = false;
        this.emit('removed');
      }
      signal.removeEventListener('abort', stop);
      transport.off('close', onClose);
      client.dispose();
      this.client = null;
      this.transport = null;
      await transport.close();
    }
  }

  /** Polls until the line is lost (returns) or the reader stops answering (throws). */
  private async poll(client: Ga467Client, samId: string, signal: AbortSignal): Promise<void> {
    let timeouts = 0;
    let misses = 0;
    let failedReads = 0;
    while (!signal.aborted) {
      try {
        const found = await client.findCard();
        if (!this.cardPresent) {
          if (!found) {
            // An unreadable card may also answer find with 80 after a try: it is gone only if select fails too.
            if (failedReads > 0 && !(await this.stillThere(client))) failedReads = 0;
          } else if (failedReads < this.opts.maxReadAttempts) {
            try {
              const card = await client.readCard({ withFingerprint: this.opts.withFingerprint });
              failedReads = 0;
              misses = 0;
              this.cardPresent = true;
              this.emit('card', { card, samId });
            } catch (err) {
              if (!isCardReadFailure(err)) throw err;
              failedReads += 1;
              this.log({ level: 'warn', event: 'read-failed', code: err.code, message: err.messageEn });
              this.emit('readError', err);
            }
          }
        } else if (found || (await this.stillThere(client))) {
          misses = 0;
        } else if (++misses >= this.opts.removalConfirmations) {
          misses = 0;
          this.cardPresent = false;
          this.emit('removed');
        }
        timeouts = 0;
      } catch (err) {
        const e = toIdCardError(err, this.opts.path);
        if (e.disconnected || signal.aborted) return;
        if (e.code === IdCardErrorCode.Timeout) {
          if (++timeouts >= this.opts.offlineAfterTimeouts) throw e;
        } else {
          this.log({ level: 'warn', event: 'poll-failed', code: e.code });
        }
      }
      await this.pause(signal);
    }
  }

  /** Waits `this.interval` from now, re-timed by setPollInterval; ends early if `signal` aborts. */
  private pause(signal: AbortSignal): Promise<void> {
    if (signal.aborted) return Promise.resolve();
    const from = Date.now();
    return new Promise((resolve) => {
      let timer: ReturnType<typeof setTimeout> | undefined;
      const done = () => {
        clearTimeout(timer);
        signal.removeEventListener('abort', done);
        this.retime = null;
        resolve();
      };
      const arm = () => {
        clearTimeout(timer);
        timer = setTimeout(done, Math.max(0, from + this.interval - Date.now()));
      };
      this.retime = arm;
      signal.addEventListener('abort', done, { once: true });
      arm();
    });
  }

  /** A card just read may answer find with 80 while it stays: ask select before calling it gone. */
  private async stillThere(client: Ga467Client): Promise<boolean> {
    try {
      await client.selectCard();
      return true;
    } catch (err) {
      if (isLineFailure(err)) throw err;
      return false;
    }
  }

  private setStatus(next: ReaderStatus): void {
    const prev = this.status_;
    if (prev.state === next.state && prev.reason === next.reason) return;
    const status: ReaderStatus = { state: next.state };
    if (next.reason) status.reason = next.reason;
    if (next.message) status.message = next.message.slice(0, 300);
    this.status_ = status;
    this.log({
      level: next.state === 'online' ? 'info' : 'warn',
      event: 'status',
      code: next.reason ?? next.state,
      message: next.state,
    });
    this.emit('status', { ...status });
  }
}

/** Builds the reader service (see {@link IdCardReaderOptions} for defaults). */
export function createIdCardReader(options: IdCardReaderOptions): IdCardReaderService {
  return new IdCardReaderService(options);
}

function toIdCardError(err: unknown, path: string): IdCardError {
  if (err instanceof IdCardError) return err;
  return IdCardError.portOpenFailed(path, err);
}

/** Waits `ms`, or less if `signal` aborts first (it never rejects). */
function sleep(ms: number, signal: AbortSignal): Promise<void> {
  if (signal.aborted) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
  });
}
