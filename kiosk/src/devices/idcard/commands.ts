/**
 * GA 467 commands over a transport: one request at a time, each with its own timeout, retrying
 * transmission faults (bad response checksum, reader-side SW3 10/11) but never a verdict about
 * the card such as "no card".
 */
import { FrameParser, encodeRequest, parseResponse } from './codec';
import type { Response } from './codec';
import { APPENDED_ADDRESS_LENGTH, TEXT_BLOCK_LENGTH, decodeAppendedAddress, decodeCardText } from './decode';
import { IdCardError, isIdCardError } from './errors';
import { isCardReadFailure } from './rules';
import type { Transport } from './transport';
import type { IdCard } from './types';

/** SW3 success values. */
export const SW3 = {
  /** Success. */
  Ok: 0x90,
  /** Find card succeeded. */
  CardFound: 0x9f,
  /** No content for this item. */
  NoContent: 0x91,
  /** Find card failed: no card. */
  NoCard: 0x80,
} as const;

/** Which timeout a command uses. */
export type TimeoutClass = 'sam' | 'find' | 'select' | 'read';

/** Per-class command timeouts in ms. */
export interface CommandTimeouts {
  /** SAM commands (reset, status, SAM ID, set baud); default 300. */
  sam: number;
  /** Find card; default 500. */
  find: number;
  /** Select card; default 500. */
  select: number;
  /** Read text/photo/fingerprint/appended address; default 3500. */
  read: number;
}

/** Default timeouts, from vendor code (ga467.md). */
export const DEFAULT_TIMEOUTS: Readonly<CommandTimeouts> = { sam: 300, find: 500, select: 500, read: 3500 };

/** A command of the protocol. */
export interface CommandSpec {
  /** Name used in errors and logs. */
  name: string;
  cmd: number;
  para: number;
  /** The SW3 that means success. */
  success: number;
  timeout: TimeoutClass;
  /** Data bytes a successful reply may carry: [min, max]. Tells a late reply to another command apart. */
  replyData: readonly [number, number];
}

// Reply size classes: SAM, find and select replies are short (0-16 bytes of data); a text read
// carries at least the 256-byte text block; an appended address is 70 bytes.
const SHORT = [0, 64] as const;
const TEXT_READ = [256, 4096] as const;

/** The commands this driver sends. */
export const COMMANDS = {
  resetSam: { name: 'resetSam', cmd: 0x10, para: 0xff, success: SW3.Ok, timeout: 'sam', replyData: SHORT },
  samStatus: { name: 'samStatus', cmd: 0x11, para: 0xff, success: SW3.Ok, timeout: 'sam', replyData: SHORT },
  readSamId: { name: 'readSamId', cmd: 0x12, para: 0xff, success: SW3.Ok, timeout: 'sam', replyData: SHORT },
  findCard: {
    name: 'findCard',
    cmd: 0x20,
    para: 0x01,
    success: SW3.CardFound,
    timeout: 'find',
    replyData: SHORT,
  },
  selectCard: {
    name: 'selectCard',
    cmd: 0x20,
    para: 0x02,
    success: SW3.Ok,
    timeout: 'select',
    replyData: SHORT,
  },
  readTextPhoto: {
    name: 'readTextPhoto',
    cmd: 0x30,
    para: 0x01,
    success: SW3.Ok,
    timeout: 'read',
    replyData: TEXT_READ,
  },
  readTextPhotoFingerprint: {
    name: 'readTextPhotoFingerprint',
    cmd: 0x30,
    para: 0x10,
    success: SW3.Ok,
    timeout: 'read',
    replyData: TEXT_READ,
  },
  readAppendedAddress: {
    name: 'readAppendedAddress',
    cmd: 0x30,
    para: 0x03,
    success: SW3.Ok,
    timeout: 'read',
    replyData: [0, 255],
  },
} as const satisfies Record<string, CommandSpec>;

/** Baud rate -> PARA of the set-baud command (60 xx). */
export const BAUD_PARA: Readonly<Record<number, number>> = {
  115200: 0,
  57600: 1,
  38400: 2,
  19200: 3,
  9600: 4,
};

/**
 * True when `res` cannot be the reply to `spec`: a late reply to an earlier request that timed out
 * (a reply carries no command, so it is judged by its status and size). SW3 9F/80 answer only a
 * find, a find never answers 90, and a success reply's data must fit the command's size class.
 */
export function isStaleReply(spec: CommandSpec, res: Response): boolean {
  const isFind = spec.cmd === COMMANDS.findCard.cmd && spec.para === COMMANDS.findCard.para;
  if (res.sw3 === SW3.CardFound || res.sw3 === SW3.NoCard) return !isFind;
  if (res.sw3 === SW3.Ok) {
    if (isFind) return true;
    const [min, max] = spec.replyData;
    return res.data.length < min || res.data.length > max;
  }
  return false;
}

/** Options of {@link Ga467Client}. */
export interface Ga467ClientOptions {
  /** Override some timeouts; defaults {@link DEFAULT_TIMEOUTS}. */
  timeouts?: Partial<CommandTimeouts>;
  /** How many times to retry a transmission fault; default 2. */
  retries?: number;
}

/** The result of reading the text block: the decoded card, plus what the reader said of the rest. */
export interface TextRead {
  card: IdCard;
  /** Photo length announced by the reader (the bytes themselves are dropped). */
  photoLength: number;
  /** Fingerprint length (0 when not asked for or absent). */
  fingerprintLength: number;
}

interface Pending {
  spec: CommandSpec;
  resolve: (r: Response) => void;
  reject: (e: IdCardError) => void;
}

/**
 * Formats the 16-byte SAM ID as vendors print it: `HH.HH-DDDDDDDD-NNNNNNNNNN-NNNNNNNNNN` from two
 * little-endian 16-bit halves of the first 4-byte group, then three little-endian 32-bit groups
 * (the doc's `%d%d.%02d-%8d-%010d-%010d`). `lastDigits` default 10; one vendor pads the last two to 9.
 */
export function formatSamId(bytes: Uint8Array, lastDigits: 9 | 10 = 10): string {
  if (bytes.length < 16) throw IdCardError.badFrame('SAM ID shorter than 16 bytes', 'readSamId');
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, 16);
  const pad = (n: number, w: number) => String(n).padStart(w, '0');
  return [
    `${pad(b.readUInt16LE(0), 2)}.${pad(b.readUInt16LE(2), 2)}`,
    pad(b.readUInt32LE(4), 8),
    pad(b.readUInt32LE(8), lastDigits),
    pad(b.readUInt32LE(12), lastDigits),
  ].join('-');
}

/** Speaks GA 467 over one open transport. One command at a time; callers may overlap calls. */
export class Ga467Client {
  private readonly parser = new FrameParser({ minLen: 4 });
  private readonly timeouts: CommandTimeouts;
  private readonly retries: number;
  private pending: Pending | null = null;
  private queue: Promise<unknown> = Promise.resolve();
  private closed = false;

  private readonly onData = (chunk: Buffer): void => {
    for (const ev of this.parser.push(chunk)) {
      const p = this.pending;
      if (!p) continue; // Unasked bytes (noise, a reply to a request that timed out): drop them.
      if (ev.type === 'frame') {
        let res: Response;
        try {
          res = parseResponse(ev.frame);
        } catch (err) {
          this.pending = null;
          p.reject(isIdCardError(err) ? err : IdCardError.badFrame('unreadable response'));
          continue;
        }
        // A late reply to a request that timed out: drop it and keep waiting for this one's.
        if (isStaleReply(p.spec, res)) continue;
        this.pending = null;
        p.resolve(res);
      } else if (ev.type === 'checksum-error') {
        this.pending = null;
        p.reject(IdCardError.checksum());
      }
    }
  };

  private readonly onClose = (): void => {
    this.closed = true;
    const p = this.pending;
    this.pending = null;
    p?.reject(IdCardError.disconnected());
  };

  constructor(
    readonly transport: Transport,
    options: Ga467ClientOptions = {},
  ) {
    this.timeouts = { ...DEFAULT_TIMEOUTS, ...options.timeouts };
    this.retries = options.retries ?? 2;
    transport.on('data', this.onData);
    transport.on('close', this.onClose);
    // An I/O error is followed by a close (or a failed write); listening keeps it from being unhandled.
    transport.on('error', this.onError);
  }

  private readonly onError = (): void => undefined;

  /** Stops listening to the transport (it is not closed). */
  dispose(): void {
    this.transport.off('data', this.onData);
    this.transport.off('close', this.onClose);
    this.transport.off('error', this.onError);
    this.onClose();
  }

  /** Sends a command and returns the response whose SW3 is the command's success value. */
  transact(spec: CommandSpec, data?: Uint8Array, accept: readonly number[] = []): Promise<Response> {
    const run = async (): Promise<Response> => {
      for (let attempt = 0; ; attempt++) {
        try {
          const res = await this.exchange(spec, data);
          if (res.sw3 === spec.success || accept.includes(res.sw3)) return res;
          throw IdCardError.fromStatus(res.sw3, spec.name);
        } catch (err) {
          const e = isIdCardError(err) ? err : IdCardError.badFrame('unexpected failure', spec.name);
          if (!e.retryable || attempt >= this.retries || this.closed) throw e;
        }
      }
    };
    // Serialize: a reply carries no command, so only one request may be in flight.
    const next = this.queue.then(run, run);
    this.queue = next.catch(() => undefined);
    return next;
  }

  private exchange(spec: CommandSpec, data?: Uint8Array): Promise<Response> {
    if (this.closed || !this.transport.isOpen) return Promise.reject(IdCardError.disconnected());
    const ms = this.timeouts[spec.timeout];
    // Forget half-received bytes so a late reply to an earlier request cannot pass for this one.
    this.parser.reset();
    return new Promise<Response>((resolve, reject) => {
      const timer = setTimeout(() => {
        if (this.pending !== pending) return;
        this.pending = null;
        reject(IdCardError.timeout(spec.name, ms));
      }, ms);
      const pending: Pending = {
        spec,
        resolve: (r) => {
          clearTimeout(timer);
          resolve(r);
        },
        reject: (e) => {
          clearTimeout(timer);
          reject(e);
        },
      };
      this.pending = pending;
      this.transport.write(encodeRequest(spec.cmd, spec.para, data)).catch((err: unknown) => {
        if (this.pending !== pending) return;
        this.pending = null;
        pending.reject(isIdCardError(err) ? err : IdCardError.disconnected(err));
      });
    });
  }

  /** Resets the SAM (10 FF). */
  async resetSam(): Promise<void> {
    await this.transact(COMMANDS.resetSam);
  }

  /** Checks the SAM (11 FF); throws IDCARD_SAM_SELFTEST_FAILED when its self-test failed. */
  async samStatus(): Promise<void> {
    await this.transact(COMMANDS.samStatus);
  }

  /** Reads the SAM ID (12 FF), formatted as vendors print it. */
  async readSamId(): Promise<string> {
    const res = await this.transact(COMMANDS.readSamId);
    return formatSamId(res.data);
  }

  /** Finds a card (20 01): true on 9F, false on 80 (no card); other statuses throw. */
  async findCard(): Promise<boolean> {
    const res = await this.transact(COMMANDS.findCard, undefined, [SW3.NoCard]);
    return res.sw3 === SW3.CardFound;
  }

  /** Selects the card (20 02); throws IDCARD_SELECT_FAILED when it cannot. */
  async selectCard(): Promise<void> {
    await this.transact(COMMANDS.selectCard);
  }

  /** Reads text + photo (30 01), or text + photo + fingerprint (30 10); decodes text, drops the rest. */
  async readText(withFingerprint = false): Promise<TextRead> {
    const spec = withFingerprint ? COMMANDS.readTextPhotoFingerprint : COMMANDS.readTextPhoto;
    const res = await this.transact(spec);
    const header = withFingerprint ? 6 : 4;
    try {
      if (res.data.length < header) throw IdCardError.badFrame('no length header', spec.name);
      const textLength = res.data.readUInt16BE(0);
      const photoLength = res.data.readUInt16BE(2);
      const fingerprintLength = withFingerprint ? res.data.readUInt16BE(4) : 0;
      if (
        textLength < TEXT_BLOCK_LENGTH ||
        header + textLength + photoLength + fingerprintLength > res.data.length
      ) {
        throw IdCardError.badFrame('lengths do not match the data', spec.name);
      }
      const card = decodeCardText(res.data.subarray(header, header + textLength));
      return { card, photoLength, fingerprintLength };
    } finally {
      // The raw block (text, photo, fingerprint) is not needed any more: do not leave it in memory.
      res.data.fill(0);
    }
  }

  /** Reads the newest appended address (30 03); undefined when the card has none (SW3 91). */
  async readAppendedAddress(): Promise<string | undefined> {
    const res = await this.transact(COMMANDS.readAppendedAddress, undefined, [SW3.NoContent]);
    if (res.sw3 === SW3.NoContent) return undefined;
    try {
      if (res.data.length < 2)
        throw IdCardError.badFrame('appended address too short', 'readAppendedAddress');
      return decodeAppendedAddress(res.data.subarray(0, APPENDED_ADDRESS_LENGTH));
    } finally {
      res.data.fill(0);
    }
  }

  /** Switches the SAM's baud rate (60 xx); the caller reopens the port at the new rate after ~5 ms. */
  async setBaudRate(baudRate: number): Promise<void> {
    const para = BAUD_PARA[baudRate];
    if (para === undefined)
      throw new TypeError(`baudRate must be one of ${Object.keys(BAUD_PARA).join(', ')}`);
    await this.transact({
      name: 'setBaudRate',
      cmd: 0x60,
      para,
      success: SW3.Ok,
      timeout: 'sam',
      replyData: SHORT,
    });
  }

  /**
   * Reads the card on the reader: select, read text (+photo, dropped), then the appended address.
   * Does not insist on a prior 9F from find: a card just read may answer find otherwise.
   */
  async readCard(options: { withFingerprint?: boolean } = {}): Promise<IdCard> {
    await this.selectCard();
    const { card } = await this.readText(options.withFingerprint ?? false);
    try {
      const appended = await this.readAppendedAddress();
      if (appended) card.appendedAddress = appended;
    } catch (err) {
      // Some readers do not know 30 03; the card itself was read, so keep it.
      if (!isCardReadFailure(err)) throw err;
    }
    return card;
  }
}
