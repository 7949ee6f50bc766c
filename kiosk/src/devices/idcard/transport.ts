/**
 * The byte transport under the GA 467 driver: a serial port in production, an in-memory fake in
 * unit tests. It knows nothing of frames.
 */
import type { EventEmitter } from 'node:events';

/** What a transport reports: bytes in, the line closing, I/O errors. */
export interface TransportEvents {
  /** Bytes arrived, in order. */
  data: [chunk: Buffer];
  /** The line closed; `disconnected` is true when it went away on its own (unplugged). */
  close: [disconnected: boolean];
  /** An I/O error; a `close` follows when the line is lost. */
  error: [err: Error];
}

/** A duplex byte line. */
export interface Transport extends EventEmitter<TransportEvents> {
  /** True between a successful open() and the close. */
  readonly isOpen: boolean;
  /** Opens the line; rejects with IdCardError IDCARD_PORT_OPEN_FAILED. */
  open(): Promise<void>;
  /** Writes and drains; rejects with IdCardError IDCARD_DISCONNECTED when the line is gone. */
  write(bytes: Uint8Array): Promise<void>;
  /** Closes the line; resolves even if it was already closed. */
  close(): Promise<void>;
}

/** Builds a transport for a path and baud rate (the service opens a fresh one on each reconnect). */
export type TransportFactory = (path: string, baudRate: number) => Transport;
