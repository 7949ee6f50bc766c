/**
 * A GA 467 reader on the device end of a socat pty pair, through the real serialport library.
 * A pty ignores baud, so by default the simulator paces what it writes to the configured rate
 * (10 bits per byte, 8N1): a 1,295-byte read response takes its honest ~112 ms at 115200.
 */
import { setTimeout as delay } from 'node:timers/promises';
import type { CardType } from '@rvw/shared';
import { SerialPort } from 'serialport';
import { FrameParser, encodeResponse, parseRequest, type IdCard } from '@rvw/kiosk/idcard';
import { Ga467Device } from './device';
import type { Ga467DeviceOptions } from './device';

/** Faults the simulator can inject. */
export interface Ga467Faults {
  /** Bytes of garbage written before each response; default 0. */
  garbageBeforeResponse: number;
  /** Write responses byte by byte, waiting this many ms between bytes; default 0 (off). */
  slowWriteDelayMs: number;
  /** Write each response in this many pieces with a pause between them; default 1 (whole). */
  splitWrites: number;
  /** Corrupt the checksum of the next N responses; default 0. */
  checksumErrors: number;
  /** Answer nothing at all (a hung reader); default false. */
  silent: boolean;
}

const NO_FAULTS: Ga467Faults = {
  garbageBeforeResponse: 0,
  slowWriteDelayMs: 0,
  splitWrites: 1,
  checksumErrors: 0,
  silent: false,
};

/** Options of {@link Ga467Simulator}. */
export interface Ga467SimulatorOptions extends Ga467DeviceOptions {
  /** The device end of the pty pair. */
  path: string;
  /** Baud rate; default 115200. */
  baudRate?: number;
  /** Pace writes to the baud rate (10 bits per byte); default true. */
  pace?: boolean;
  /** Extra time the reader takes per command, in ms; default 0. */
  latencyMs?: number;
}

/** A GA 467 reader on a serial path: a Ga467Device answering through serialport, paced, with faults. */
export class Ga467Simulator {
  /** The reader's state machine (cards, SAM). */
  readonly device: Ga467Device;
  /** Requests handled, as `CMD PARA` hex (e.g. '2001'), for assertions. */
  readonly requests: string[] = [];
  readonly path: string;
  baudRate: number;
  pace: boolean;
  latencyMs: number;
  /** Called for each request as it arrives (`CMD PARA` hex, performance.now()); for benchmarks. */
  onRequest: ((key: string, at: number) => void) | null = null;
  /** Bytes that crossed the line since open: `in` from the kiosk, `out` to it (line-load figures). */
  readonly traffic = { bytesIn: 0, bytesOut: 0 };
  private faults: Ga467Faults = { ...NO_FAULTS };
  private port: SerialPort | null = null;
  private parser = new FrameParser();
  private writing: Promise<void> = Promise.resolve();
  private generation = 0;
  private cardType_: CardType | null = null;

  constructor(options: Ga467SimulatorOptions) {
    this.path = options.path;
    this.baudRate = options.baudRate ?? 115200;
    this.pace = options.pace ?? true;
    this.latencyMs = options.latencyMs ?? 0;
    this.device = new Ga467Device(options);
    this.device.onBaudChange = (baud) => {
      this.baudRate = baud;
    };
  }

  /** True while the device end is open. */
  get isOpen(): boolean {
    return this.port?.isOpen ?? false;
  }

  /** Opens the device end of the pty. */
  async open(): Promise<void> {
    if (this.port?.isOpen) return;
    const port = new SerialPort({ path: this.path, baudRate: this.baudRate, autoOpen: false });
    await new Promise<void>((resolve, reject) => port.open((err) => (err ? reject(err) : resolve())));
    this.port = port;
    this.parser = new FrameParser();
    // A reply still being written to the old line (which may never call back) must not queue
    // this line's replies behind it.
    this.writing = Promise.resolve();
    const gen = ++this.generation;
    port.on('data', (chunk: Buffer) => this.onData(chunk, gen));
    // socat going away closes our end with an error: expected in unplug tests, not a crash.
    port.on('error', () => undefined);
    port.on('close', () => {
      if (this.port === port) this.port = null;
    });
  }

  /** Closes the device end (idempotent). */
  async close(): Promise<void> {
    const port = this.port;
    this.port = null;
    this.generation++;
    if (!port?.isOpen) return;
    await new Promise<void>((resolve) => port.close(() => resolve()));
  }

  /** Closes and opens again: after socat was restarted (replug), the pty behind the path is new. */
  async reopen(): Promise<void> {
    await this.close();
    await this.open();
  }

  /** The kind of card on the reader, or null. */
  get cardType(): CardType | null {
    return this.cardType_;
  }

  /** Places a card on the reader, or takes it away with null. */
  placeCard(card: IdCard | null): void {
    this.cardType_ = card?.cardType ?? null;
    this.device.placeCard(card);
  }

  /** Makes the SAM fail (or pass) its self-test. */
  setSamSelfTestFailed(failed: boolean): void {
    this.device.samSelfTestFailed = failed;
  }

  /** Turns on some faults (the rest keep their values). */
  setFaults(faults: Partial<Ga467Faults>): void {
    this.faults = { ...this.faults, ...faults };
  }

  /** Turns every fault off. */
  clearFaults(): void {
    this.faults = { ...NO_FAULTS };
  }

  /** The faults now in force. */
  get currentFaults(): Readonly<Ga467Faults> {
    return { ...this.faults };
  }

  /** Writes bytes unasked (line noise). */
  injectNoise(bytes: Uint8Array): Promise<void> {
    return this.enqueueWrite([Buffer.from(bytes)], 0);
  }

  /** Resolves when everything queued so far has been written. */
  flushed(): Promise<void> {
    return this.writing;
  }

  private onData(chunk: Buffer, gen: number): void {
    this.traffic.bytesIn += chunk.length;
    for (const ev of this.parser.push(chunk)) {
      if (gen !== this.generation) return;
      if (ev.type === 'checksum-error') {
        this.respond(this.device.badChecksum(), 10);
      } else if (ev.type === 'frame') {
        let req;
        try {
          req = parseRequest(ev.frame);
        } catch {
          this.respond(encodeResponse(0, 0, 0x11), 10);
          continue;
        }
        const key = ((req.cmd << 8) | req.para).toString(16).padStart(4, '0');
        this.requests.push(key);
        this.onRequest?.(key, performance.now());
        this.respond(this.device.handle(req), FRAME_BYTES_OF(req.data.length));
      }
    }
  }

  private respond(frame: Buffer, requestBytes: number): void {
    if (this.faults.silent) return;
    const out = Buffer.from(frame);
    if (this.faults.checksumErrors > 0) {
      this.faults.checksumErrors -= 1;
      out[out.length - 1] ^= 0xff;
    }
    const chunks: Buffer[] = [];
    if (this.faults.garbageBeforeResponse > 0) chunks.push(garbage(this.faults.garbageBeforeResponse));
    const pieces = Math.max(1, Math.floor(this.faults.splitWrites));
    const size = Math.ceil(out.length / pieces);
    for (let i = 0; i < out.length; i += size) chunks.push(out.subarray(i, i + size));
    // The reader starts answering once the request has crossed the wire, plus its own latency.
    void this.enqueueWrite(chunks, this.wireMs(requestBytes) + this.latencyMs);
  }

  private enqueueWrite(chunks: Buffer[], startDelayMs: number): Promise<void> {
    const gen = this.generation;
    const run = async () => {
      if (startDelayMs > 0) await delay(startDelayMs);
      for (let i = 0; i < chunks.length; i++) {
        if (gen !== this.generation) return;
        if (i > 0 && this.faults.splitWrites > 1) await delay(5);
        await this.writeChunk(chunks[i]!, gen);
      }
    };
    this.writing = this.writing.then(run, run);
    return this.writing;
  }

  private async writeChunk(buf: Buffer, gen: number): Promise<void> {
    if (this.faults.slowWriteDelayMs > 0) {
      for (const byte of buf) {
        if (gen !== this.generation) return;
        await this.rawWrite(Buffer.from([byte]));
        await delay(this.faults.slowWriteDelayMs);
      }
      return;
    }
    if (!this.pace) return this.rawWrite(buf);
    // Write each slice when the wire would have finished carrying it (absolute schedule: no drift).
    const start = performance.now();
    const slice = 64;
    for (let off = 0; off < buf.length; off += slice) {
      if (gen !== this.generation) return;
      const part = buf.subarray(off, off + slice);
      const due = start + this.wireMs(off + part.length);
      const wait = due - performance.now();
      if (wait > 0) await delay(wait);
      await this.rawWrite(part);
    }
  }

  private rawWrite(buf: Buffer): Promise<void> {
    const port = this.port;
    if (!port?.isOpen) return Promise.resolve();
    this.traffic.bytesOut += buf.length;
    return new Promise((resolve) => {
      // A write that fails means socat went away (unplug): the bytes are lost, as on a real line. No
      // drain (tcdrain): on a pty whose far end has gone it may never return; the pacing is ours.
      port.write(buf, () => resolve());
    });
  }

  /** Milliseconds `bytes` take on the wire at the current baud rate (8N1: 10 bits a byte). */
  wireMs(bytes: number): number {
    return this.pace ? (bytes * 10 * 1000) / this.baudRate : 0;
  }
}

/** Bytes of a request frame carrying `dataLength` data bytes. */
const FRAME_BYTES_OF = (dataLength: number): number => 7 + 3 + dataLength;

/** Noise that never contains a preamble byte, so it cannot look like a frame start. */
function garbage(n: number): Buffer {
  const b = Buffer.alloc(n);
  for (let i = 0; i < n; i++) b[i] = (i * 37 + 11) % 0xa0;
  return b;
}
