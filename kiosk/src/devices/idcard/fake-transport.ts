/**
 * An in-memory transport for fast unit tests: whatever the driver writes goes to a `respond`
 * function standing in for the reader; its answer comes back as `data` on a later microtask.
 */
import { EventEmitter } from 'node:events';
import { IdCardError } from './errors';
import type { Transport, TransportEvents } from './transport';

/** What the fake device answers: nothing, one chunk, or several chunks (to split a frame). */
export type FakeReply = Uint8Array | Uint8Array[] | undefined | void;

/** Options of {@link FakeTransport}. */
export interface FakeTransportOptions {
  /** Answers each write; default: no answer. */
  respond?: (written: Buffer) => FakeReply;
  /** Make open() fail (a missing port); default false. */
  failOpen?: boolean;
}

/** A transport without a port: records each write and answers it through `respond`. */
export class FakeTransport extends EventEmitter<TransportEvents> implements Transport {
  /** Every write, in order. */
  readonly written: Buffer[] = [];
  respond: (written: Buffer) => FakeReply;
  failOpen: boolean;
  private open_ = false;

  constructor(options: FakeTransportOptions = {}) {
    super();
    this.respond = options.respond ?? (() => undefined);
    this.failOpen = options.failOpen ?? false;
  }

  get isOpen(): boolean {
    return this.open_;
  }

  async open(): Promise<void> {
    if (this.failOpen) throw IdCardError.portOpenFailed('fake', new Error('no such port'));
    this.open_ = true;
  }

  async write(bytes: Uint8Array): Promise<void> {
    if (!this.open_) throw IdCardError.disconnected();
    const copy = Buffer.from(bytes);
    this.written.push(copy);
    const reply = this.respond(copy);
    if (!reply) return;
    const chunks = Array.isArray(reply) ? reply : [reply];
    queueMicrotask(() => {
      for (const c of chunks) if (this.open_) this.emit('data', Buffer.from(c));
    });
  }

  /** Delivers bytes as if the device sent them unasked (noise, late replies). */
  inject(bytes: Uint8Array): void {
    if (this.open_) this.emit('data', Buffer.from(bytes));
  }

  /** Simulates pulling the cable: the line closes with `disconnected: true`. */
  unplug(): void {
    if (!this.open_) return;
    this.open_ = false;
    this.emit('close', true);
  }

  async close(): Promise<void> {
    if (!this.open_) return;
    this.open_ = false;
    this.emit('close', false);
  }
}
