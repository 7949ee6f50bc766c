/** The real transport: a serial port through the serialport library (8N1, no flow control). */
import { EventEmitter } from 'node:events';
import { SerialPort } from 'serialport';
import { IdCardError } from './errors';
import type { Transport, TransportEvents } from './transport';

/** Baud rates a GA 467 SAM can be switched to. */
export const SUPPORTED_BAUD_RATES: readonly number[] = [115200, 57600, 38400, 19200, 9600];

/** How long close() waits for the port to confirm, in ms. */
const CLOSE_TIMEOUT_MS = 1000;

/** A serial port carrying the GA 467 protocol. */
export class SerialTransport extends EventEmitter<TransportEvents> implements Transport {
  private port: SerialPort | null = null;

  /** `baudRate` default 115200. */
  constructor(
    readonly path: string,
    readonly baudRate = 115200,
  ) {
    super();
    if (typeof path !== 'string' || path.length === 0) throw new TypeError('path must be a non-empty string');
    if (!Number.isInteger(baudRate) || baudRate <= 0)
      throw new TypeError(`baudRate must be a positive integer, got ${baudRate}`);
  }

  get isOpen(): boolean {
    return this.port?.isOpen ?? false;
  }

  open(): Promise<void> {
    if (this.port) return Promise.reject(new Error('SerialTransport.open() called twice'));
    const port = new SerialPort({
      path: this.path,
      baudRate: this.baudRate,
      dataBits: 8,
      parity: 'none',
      stopBits: 1,
      rtscts: false,
      autoOpen: false,
    });
    this.port = port;
    return new Promise((resolve, reject) => {
      port.open((err) => {
        if (err) {
          this.port = null;
          reject(IdCardError.portOpenFailed(this.path, err));
          return;
        }
        port.on('data', (chunk: Buffer) => this.emit('data', chunk));
        // An I/O error after an unplug can come once nobody listens any more (the client was disposed
        // and the line is being reopened): with no listener, emitting it would throw it out of the process.
        port.on('error', (e: Error) => {
          if (this.listenerCount('error') > 0) this.emit('error', e);
        });
        port.once('close', (e?: Error & { disconnected?: boolean }) => {
          this.port = null;
          this.emit('close', Boolean(e?.disconnected));
        });
        resolve();
      });
    });
  }

  write(bytes: Uint8Array): Promise<void> {
    const port = this.port;
    if (!port?.isOpen) return Promise.reject(IdCardError.disconnected());
    // The callback means the bytes reached the operating system. No drain (tcdrain): on a line whose
    // far end has gone it can block a libuv worker thread for good, and four of those stall every
    // later open in the process. The command's own timeout covers a reply that never comes.
    return new Promise((resolve, reject) => {
      port.write(Buffer.from(bytes), (err) => (err ? reject(IdCardError.disconnected(err)) : resolve()));
    });
  }

  close(): Promise<void> {
    const port = this.port;
    if (!port?.isOpen) {
      this.port = null;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      // A close that fails means the line is already gone: nothing is left to release. A close that
      // never answers (a vanished device) must not hold up the reconnect loop: give up after 1 s.
      const timer = setTimeout(() => {
        this.port = null;
        resolve();
      }, CLOSE_TIMEOUT_MS);
      port.close(() => {
        clearTimeout(timer);
        resolve();
      });
    });
  }
}

/** The default transport factory: a real serial port. */
export const serialTransportFactory = (path: string, baudRate: number): Transport =>
  new SerialTransport(path, baudRate);
