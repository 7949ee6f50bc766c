/**
 * Request/response over UDP or TCP to one STUN/TURN server: a response is matched to its request by
 * transaction ID; UDP retransmits (RFC 5389 §7.2.1: 500 ms, doubling) until the deadline; TCP frames
 * messages by the header's length.
 */
import { createSocket } from 'node:dgram';
import type { Socket as UdpSocket } from 'node:dgram';
import { lookup } from 'node:dns/promises';
import { connect } from 'node:net';
import type { Socket as TcpSocket } from 'node:net';
import { HEADER_BYTES, messageLength } from './stun-message';

/** Where the TURN server listens. */
export interface StunTarget {
  host: string;
  port: number;
  /** Transport to the server; default udp. */
  transport: 'udp' | 'tcp';
}

/** Why the server could not be talked to. */
export type TransportFailure = 'timeout' | 'refused' | 'unresolved' | 'closed' | 'error';

/** A server that could not be reached; `reason` says which way. */
export class StunTransportError extends Error {
  /** Stable code. */
  readonly code = 'TURN_UNREACHABLE';
  constructor(
    readonly reason: TransportFailure,
    message: string,
  ) {
    super(message);
  }
}

/** One open channel to the server. */
export interface StunTransport {
  /** Sends `bytes` and resolves with the message whose transaction ID is `transactionId`. */
  request(bytes: Buffer, transactionId: Buffer, timeoutMs: number): Promise<Buffer>;
  close(): void;
}

/** First UDP retransmission delay (RFC 5389's RTO). */
const UDP_RTO_MS = 500;

function failureOf(err: NodeJS.ErrnoException): StunTransportError {
  if (err.code === 'ECONNREFUSED')
    return new StunTransportError('refused', `connection refused (${err.code})`);
  if (err.code === 'ENOTFOUND' || err.code === 'EAI_AGAIN') {
    return new StunTransportError('unresolved', `the name does not resolve (${err.code})`);
  }
  return new StunTransportError('error', err.code ? `${err.message}` : String(err.message));
}

/** Routes each incoming message to the request waiting for its transaction ID. */
class Pending {
  private readonly waiting = new Map<string, (msg: Buffer) => void>();
  private failed: StunTransportError | null = null;
  private readonly failers = new Set<(e: StunTransportError) => void>();

  wait(transactionId: Buffer, timeoutMs: number, onTick?: (elapsedMs: number) => void): Promise<Buffer> {
    if (this.failed) return Promise.reject(this.failed);
    const key = transactionId.toString('hex');
    return new Promise((resolve, reject) => {
      const timers: NodeJS.Timeout[] = [];
      const finish = () => {
        timers.forEach(clearTimeout);
        this.waiting.delete(key);
        this.failers.delete(fail);
      };
      const fail = (e: StunTransportError) => {
        finish();
        reject(e);
      };
      this.waiting.set(key, (msg) => {
        finish();
        resolve(msg);
      });
      this.failers.add(fail);
      timers.push(
        setTimeout(
          () => fail(new StunTransportError('timeout', `no answer within ${timeoutMs / 1000} s`)),
          timeoutMs,
        ),
      );
      if (onTick) {
        for (let at = UDP_RTO_MS, step = UDP_RTO_MS; at < timeoutMs; step *= 2, at += step) {
          const elapsed = at;
          timers.push(setTimeout(() => onTick(elapsed), elapsed));
        }
      }
    });
  }

  deliver(msg: Buffer): void {
    if (msg.length < HEADER_BYTES) return;
    this.waiting.get(msg.subarray(8, 20).toString('hex'))?.(msg);
  }

  fail(e: StunTransportError): void {
    this.failed = e;
    for (const f of [...this.failers]) f(e);
  }
}

async function openUdp(target: StunTarget): Promise<StunTransport> {
  const { address, family } = await lookup(target.host).catch((err: NodeJS.ErrnoException) => {
    throw failureOf(err);
  });
  const socket: UdpSocket = createSocket(family === 6 ? 'udp6' : 'udp4');
  const pending = new Pending();
  socket.on('message', (msg) => pending.deliver(msg));
  socket.on('error', (err) => pending.fail(failureOf(err)));
  // A connected socket hears the ICMP "port unreachable" of a closed port as ECONNREFUSED.
  await new Promise<void>((resolve, reject) => {
    socket.once('error', reject);
    socket.connect(target.port, address, () => {
      socket.off('error', reject);
      resolve();
    });
  }).catch((err: NodeJS.ErrnoException) => {
    socket.close();
    throw failureOf(err);
  });
  const send = (bytes: Buffer) =>
    socket.send(bytes, (err) => {
      if (err) pending.fail(failureOf(err));
    });
  return {
    request(bytes, transactionId, timeoutMs) {
      const answer = pending.wait(transactionId, timeoutMs, () => send(bytes));
      send(bytes);
      return answer;
    },
    close: () => socket.close(),
  };
}

async function openTcp(target: StunTarget, timeoutMs: number): Promise<StunTransport> {
  const socket: TcpSocket = connect({ host: target.host, port: target.port });
  const pending = new Pending();
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new StunTransportError('timeout', `no TCP connection within ${timeoutMs / 1000} s`));
    }, timeoutMs);
    socket.once('connect', () => {
      clearTimeout(timer);
      resolve();
    });
    socket.once('error', (err: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      reject(failureOf(err));
    });
  });
  let buffered = Buffer.alloc(0);
  socket.on('data', (chunk: Buffer) => {
    buffered = Buffer.concat([buffered, chunk]);
    for (let n = messageLength(buffered); n !== null && buffered.length >= n; n = messageLength(buffered)) {
      pending.deliver(buffered.subarray(0, n));
      buffered = buffered.subarray(n);
    }
  });
  socket.on('error', (err) => pending.fail(failureOf(err)));
  socket.on('close', () =>
    pending.fail(new StunTransportError('closed', 'the server closed the connection')),
  );
  return {
    request(bytes, transactionId, timeoutMs) {
      const answer = pending.wait(transactionId, timeoutMs);
      socket.write(bytes);
      return answer;
    },
    close: () => socket.destroy(),
  };
}

/** Opens a channel to the server (for TCP, connects within `timeoutMs`). */
export function openStunTransport(target: StunTarget, timeoutMs: number): Promise<StunTransport> {
  return target.transport === 'tcp' ? openTcp(target, timeoutMs) : openUdp(target);
}
