/**
 * GA 467 frame codec: pure functions plus a streaming parser. See docs in /work/shared/docs/ga467.md:
 * `AA AA AA 96 69` · LEN_H LEN_L · body… · CHK, where LEN counts every byte after itself (CHK
 * included) and CHK is the XOR of LEN_H through the last body byte.
 */
import { IdCardError } from './errors';

/** The five-byte preamble that opens every frame. */
export const PREAMBLE: readonly number[] = [0xaa, 0xaa, 0xaa, 0x96, 0x69];

/** Bytes in a frame that LEN does not count: preamble (5) and LEN itself (2). */
export const FRAME_OVERHEAD = 7;

/**
 * Largest LEN the parser accepts; default for {@link FrameParser}: 4096. The largest real frame
 * (text + photo + 1,024-byte fingerprint) has LEN 2,308.
 */
export const DEFAULT_MAX_LEN = 4096;

/** Smallest legal LEN: a request carries CMD PARA CHK (3); a response SW1 SW2 SW3 CHK (4). */
export const MIN_LEN = 3;

/** The body of a frame: the bytes between LEN and CHK. */
export interface Frame {
  /** Request: CMD PARA DATA…; response: SW1 SW2 SW3 DATA…. */
  body: Buffer;
}

/** A request as the reader receives it: command, parameter and data (for simulators and tests). */
export interface Request {
  cmd: number;
  para: number;
  data: Buffer;
}

/** A reader's answer: three status bytes (SW3 says how it went) and the data. */
export interface Response {
  sw1: number;
  sw2: number;
  sw3: number;
  data: Buffer;
}

/** XOR of the bytes in `bytes[start, end)`; default: the whole array. */
export function checksum(bytes: Uint8Array, start = 0, end = bytes.length): number {
  let x = 0;
  for (let i = start; i < end; i++) x ^= bytes[i]!;
  return x;
}

/** Wraps a body (everything between LEN and CHK) into a whole frame. */
export function encodeFrame(body: Uint8Array): Buffer {
  const len = body.length + 1;
  if (len > 0xffff) throw new RangeError(`frame body too long: ${body.length} bytes`);
  const out = Buffer.alloc(FRAME_OVERHEAD + len);
  Buffer.from(PREAMBLE).copy(out, 0);
  out.writeUInt16BE(len, 5);
  out.set(body, 7);
  out[out.length - 1] = checksum(out, 5, out.length - 1);
  return out;
}

/** Encodes a request frame: CMD PARA DATA…. */
export function encodeRequest(cmd: number, para: number, data: Uint8Array = new Uint8Array(0)): Buffer {
  return encodeFrame(Buffer.concat([Buffer.from([cmd & 0xff, para & 0xff]), data]));
}

/** Encodes a response frame: SW1 SW2 SW3 DATA… (used by the simulator). */
export function encodeResponse(
  sw1: number,
  sw2: number,
  sw3: number,
  data: Uint8Array = new Uint8Array(0),
): Buffer {
  return encodeFrame(Buffer.concat([Buffer.from([sw1 & 0xff, sw2 & 0xff, sw3 & 0xff]), data]));
}

/** Decodes one whole frame (preamble included); throws IdCardError on a bad preamble, length or checksum. */
export function decodeFrame(bytes: Uint8Array): Frame {
  if (bytes.length < FRAME_OVERHEAD + MIN_LEN) throw IdCardError.badFrame('frame too short');
  for (let i = 0; i < PREAMBLE.length; i++) {
    if (bytes[i] !== PREAMBLE[i]) throw IdCardError.badFrame('missing preamble');
  }
  const len = (bytes[5]! << 8) | bytes[6]!;
  if (bytes.length !== FRAME_OVERHEAD + len) throw IdCardError.badFrame('length does not match LEN');
  const end = bytes.length - 1;
  if (checksum(bytes, 5, end) !== bytes[end]) throw IdCardError.checksum();
  return { body: Buffer.from(bytes.subarray(7, end)) };
}

/** Splits a request body into CMD, PARA and data. */
export function parseRequest(frame: Frame): Request {
  if (frame.body.length < 2) throw IdCardError.badFrame('request shorter than CMD PARA');
  return { cmd: frame.body[0]!, para: frame.body[1]!, data: frame.body.subarray(2) };
}

/** Splits a response body into SW1 SW2 SW3 and data. */
export function parseResponse(frame: Frame): Response {
  if (frame.body.length < 3) throw IdCardError.badFrame('response shorter than SW1 SW2 SW3');
  return { sw1: frame.body[0]!, sw2: frame.body[1]!, sw3: frame.body[2]!, data: frame.body.subarray(3) };
}

/** What the parser found in the stream. */
export type ParserEvent =
  /** A whole frame with a good checksum. */
  | { type: 'frame'; frame: Frame }
  /** A frame whose checksum was wrong; the parser resyncs one byte after its preamble. */
  | { type: 'checksum-error'; length: number }
  /** Bytes skipped because they were not part of any frame. */
  | { type: 'noise'; bytes: number };

/** Options of {@link FrameParser}. */
export interface FrameParserOptions {
  /** Largest LEN accepted; a bigger LEN is treated as noise. Default {@link DEFAULT_MAX_LEN}. */
  maxLen?: number;
  /** Smallest LEN accepted; a smaller LEN is treated as noise. Default {@link MIN_LEN}. */
  minLen?: number;
}

/**
 * Streaming frame parser: skips noise before a preamble, reassembles frames split across chunks,
 * reports frames with a bad checksum and resyncs. Its buffer never holds more than one maximal
 * frame (7 + maxLen bytes), whatever it is fed.
 */
export class FrameParser {
  private buf: Buffer = Buffer.alloc(0);
  private readonly maxLen: number;
  private readonly minLen: number;

  constructor(options: FrameParserOptions = {}) {
    this.maxLen = options.maxLen ?? DEFAULT_MAX_LEN;
    this.minLen = options.minLen ?? MIN_LEN;
    if (!Number.isInteger(this.maxLen) || this.maxLen < MIN_LEN || this.maxLen > 0xffff) {
      throw new TypeError(`maxLen must be an integer in ${MIN_LEN}..65535, got ${this.maxLen}`);
    }
    if (!Number.isInteger(this.minLen) || this.minLen < 1 || this.minLen > this.maxLen) {
      throw new TypeError(`minLen must be an integer in 1..maxLen, got ${this.minLen}`);
    }
  }

  /** Bytes currently held while waiting for the rest of a frame. */
  get bufferedBytes(): number {
    return this.buf.length;
  }

  /** The most bytes the parser will ever hold. */
  get capacity(): number {
    return FRAME_OVERHEAD + this.maxLen;
  }

  /** Drops whatever is buffered (e.g. before a new request, so a late reply cannot be mistaken). */
  reset(): void {
    this.buf = Buffer.alloc(0);
  }

  /** Feeds a chunk; returns what it completed, in stream order. Never throws on any input. */
  push(chunk: Uint8Array): ParserEvent[] {
    const events: ParserEvent[] = [];
    let offset = 0;
    // Feed in slices no bigger than the free space, so the buffer stays bounded even for huge chunks.
    while (offset < chunk.length) {
      const room = Math.max(1, this.capacity - this.buf.length);
      const slice = chunk.subarray(offset, offset + room);
      offset += slice.length;
      this.buf = this.buf.length === 0 ? Buffer.from(slice) : Buffer.concat([this.buf, slice]);
      this.drain(events);
    }
    return events;
  }

  private drain(events: ParserEvent[]): void {
    for (;;) {
      const start = findPreamble(this.buf);
      if (start < 0) {
        // Keep a tail that may be the start of a preamble split across chunks.
        const keep = partialPreambleTail(this.buf);
        const skipped = this.buf.length - keep;
        if (skipped > 0) events.push({ type: 'noise', bytes: skipped });
        this.buf = this.buf.subarray(this.buf.length - keep);
        return;
      }
      if (start > 0) {
        events.push({ type: 'noise', bytes: start });
        this.buf = this.buf.subarray(start);
      }
      if (this.buf.length < FRAME_OVERHEAD) return;
      const len = (this.buf[5]! << 8) | this.buf[6]!;
      if (len < this.minLen || len > this.maxLen) {
        // An impossible LEN: this preamble was noise. Skip one byte and look again.
        events.push({ type: 'noise', bytes: 1 });
        this.buf = this.buf.subarray(1);
        continue;
      }
      const total = FRAME_OVERHEAD + len;
      if (this.buf.length < total) return;
      const end = total - 1;
      if (checksum(this.buf, 5, end) !== this.buf[end]) {
        events.push({ type: 'checksum-error', length: total });
        // Resync one byte in: a damaged LEN may have swallowed the start of a good frame.
        this.buf = this.buf.subarray(1);
        continue;
      }
      events.push({ type: 'frame', frame: { body: Buffer.from(this.buf.subarray(7, end)) } });
      this.buf = this.buf.subarray(total);
    }
  }
}

function findPreamble(buf: Buffer): number {
  return buf.indexOf(PREAMBLE_BUFFER);
}

const PREAMBLE_BUFFER = Buffer.from(PREAMBLE);

/** Length of the longest suffix of `buf` that is a proper prefix of the preamble. */
function partialPreambleTail(buf: Buffer): number {
  for (let k = Math.min(PREAMBLE.length - 1, buf.length); k > 0; k--) {
    let match = true;
    for (let i = 0; i < k; i++) {
      if (buf[buf.length - k + i] !== PREAMBLE[i]) {
        match = false;
        break;
      }
    }
    if (match) return k;
  }
  return 0;
}
