/**
 * The GA 467 reader as a state machine, independent of any serial line: a request frame in, a
 * response frame out. Ga467Simulator puts it on a pty; unit tests may drive it directly.
 */
import { encodeResponse, type IdCard, type Request } from '@rvw/kiosk/idcard';
import { encodeAppendedAddress, encodeCardText } from '../cards';

/** Baud rate by the PARA of 60 xx. */
const BAUD_BY_PARA: Record<number, number> = { 0: 115200, 1: 57600, 2: 38400, 3: 19200, 4: 9600 };

/** A SAM ID that formats as 05.01-20101111-0000012345-1234567890. */
export const DEFAULT_SAM_ID = (() => {
  const b = Buffer.alloc(16);
  b.writeUInt16LE(5, 0);
  b.writeUInt16LE(1, 2);
  b.writeUInt32LE(20101111, 4);
  b.writeUInt32LE(12345, 8);
  b.writeUInt32LE(1234567890, 12);
  return b;
})();

/** Options of {@link Ga467Device}. */
export interface Ga467DeviceOptions {
  /** The 16-byte SAM ID; default {@link DEFAULT_SAM_ID}. */
  samId?: Buffer;
  /** Answer find with 80 once right after a read, as real readers do; default true. */
  quirkFindAfterRead?: boolean;
  /** Fingerprint bytes returned by 30 10: 0, 512 or 1024; default 0. */
  fingerprintLength?: 0 | 512 | 1024;
}

/** The reader's state and its answers. */
export class Ga467Device {
  /** When true every command answers 60 (the SAM failed its self-test). */
  samSelfTestFailed = false;
  quirkFindAfterRead: boolean;
  fingerprintLength: 0 | 512 | 1024;
  /** Called when 60 xx switches the baud rate. */
  onBaudChange: (baud: number) => void = () => undefined;
  private readonly samId: Buffer;
  private card: { text: Buffer; appended?: Buffer } | null = null;
  private justRead = false;

  constructor(options: Ga467DeviceOptions = {}) {
    this.samId = options.samId ?? DEFAULT_SAM_ID;
    this.quirkFindAfterRead = options.quirkFindAfterRead ?? true;
    this.fingerprintLength = options.fingerprintLength ?? 0;
  }

  /** Places a card (with its appendedAddress, if it has one) or takes it away (null). */
  placeCard(card: IdCard | null): void {
    this.justRead = false;
    this.card = card
      ? {
          text: encodeCardText(card),
          appended: card.appendedAddress ? encodeAppendedAddress(card.appendedAddress) : undefined,
        }
      : null;
  }

  /** Places a raw 256-byte text block (for malformed-card tests). */
  placeRawText(text: Buffer): void {
    this.justRead = false;
    this.card = { text: Buffer.from(text) };
  }

  /** True while a card lies on the reader. */
  get hasCard(): boolean {
    return this.card !== null;
  }

  /** The answer to a request whose checksum was wrong. */
  badChecksum(): Buffer {
    return encodeResponse(0, 0, 0x10);
  }

  /** The answer to one request. */
  handle(req: Request): Buffer {
    const key = (req.cmd << 8) | req.para;
    if (this.samSelfTestFailed && key !== 0x10ff) return encodeResponse(0, 0, 0x60);
    if (req.cmd === 0x60) {
      const baud = BAUD_BY_PARA[req.para];
      if (baud === undefined) return encodeResponse(0, 0, 0x21);
      this.onBaudChange(baud);
      return encodeResponse(0, 0, 0x90);
    }
    switch (key) {
      case 0x10ff:
        this.justRead = false;
        return encodeResponse(0, 0, this.samSelfTestFailed ? 0x60 : 0x90);
      case 0x11ff:
        return encodeResponse(0, 0, 0x90);
      case 0x12ff:
        return encodeResponse(0, 0, 0x90, this.samId);
      case 0x2001:
        if (!this.card) return encodeResponse(0, 0, 0x80);
        if (this.quirkFindAfterRead && this.justRead) {
          this.justRead = false;
          return encodeResponse(0, 0, 0x80);
        }
        return encodeResponse(0, 0, 0x9f, Buffer.alloc(4));
      case 0x2002:
        return this.card ? encodeResponse(0, 0, 0x90, Buffer.alloc(8)) : encodeResponse(0, 0, 0x81);
      case 0x3001:
      case 0x3010:
        return this.readText(req.para === 0x10);
      case 0x3003:
        if (!this.card) return encodeResponse(0, 0, 0x41);
        return this.card.appended
          ? encodeResponse(0, 0, 0x90, this.card.appended)
          : encodeResponse(0, 0, 0x91);
      case 0x61ff:
        return encodeResponse(0, 0, 0x90);
      default:
        return encodeResponse(0, 0, 0x21);
    }
  }

  private readText(withFingerprint: boolean): Buffer {
    if (!this.card) return encodeResponse(0, 0, 0x41);
    this.justRead = true;
    // The photo is opaque WLT data: any 1,024 bytes do; the driver must drop them.
    const photo = Buffer.alloc(1024, 0x57);
    const fp = withFingerprint ? Buffer.alloc(this.fingerprintLength, 0x46) : Buffer.alloc(0);
    const header = Buffer.alloc(withFingerprint ? 6 : 4);
    header.writeUInt16BE(256, 0);
    header.writeUInt16BE(photo.length, 2);
    if (withFingerprint) header.writeUInt16BE(fp.length, 4);
    return encodeResponse(0, 0, 0x90, Buffer.concat([header, this.card.text, photo, fp]));
  }
}
