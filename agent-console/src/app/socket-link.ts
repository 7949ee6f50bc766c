/**
 * The agent's socket and its reconnects: socket.io's own reconnection is off, so every loss, a
 * refusal by the server's middleware included, goes through one {@link ReconnectPolicy}. A refusal
 * for lost credentials is not retried: the owner signs the agent out.
 */
import type { ConnectRefusal } from '@rvw/shared';
import type { ReconnectPolicy } from '@rvw/shared/call';
import { isAuthLost } from '../lib/errors';
import type { ConsoleSocket } from './console-socket';
import type { SocketDropReason } from './socket-policy';

/** What the link tells its owner. */
export interface SocketLinkEvents {
  /** Connected (again): the server greets with agent:state. */
  onConnected(): void;
  /** Lost or refused; a retry is scheduled if the policy allows one. */
  onDown(): void;
  /** The handshake was refused for lost credentials (an AUTH code): no retry. */
  onAuthLost(code: string): void;
}

/** One signed-in socket's connection lifecycle; `quiet` while a sign-out closes it on purpose. */
export class SocketLink {
  /** True while the agent signs out: the server dropping the socket is then no failure. */
  quiet = false;
  private retry: ReturnType<typeof setTimeout> | null = null;
  private retries = 0;
  private downSince: number | null = null;
  private closed = false;

  constructor(
    readonly socket: ConsoleSocket,
    private readonly policy: ReconnectPolicy,
    private readonly now: () => number,
    events: SocketLinkEvents,
  ) {
    socket.on('connect', () => {
      this.retries = 0;
      this.downSince = null;
      events.onConnected();
    });
    socket.on('disconnect', (reason) => {
      // 'io client disconnect' is our own doing (sign-out, teardown).
      if (this.quiet || reason === 'io client disconnect') return;
      events.onDown();
      this.retryLater(reason === 'io server disconnect' ? 'server-disconnect' : 'transport');
    });
    socket.on('connect_error', (error) => {
      if (this.quiet) return;
      const refusal = (error as Error & { data?: ConnectRefusal }).data;
      if (isAuthLost(refusal?.code)) {
        events.onAuthLost(refusal!.code);
        return;
      }
      events.onDown();
      // A refusal by the server's middleware leaves the socket inactive; a failed transport does not.
      this.retryLater(socket.active ? 'transport' : 'refused');
    });
  }

  /** Stops retrying, drops every listener and disconnects. */
  close(): void {
    this.closed = true;
    if (this.retry) clearTimeout(this.retry);
    this.retry = null;
    this.socket.removeAllListeners();
    this.socket.disconnect();
  }

  private retryLater(reason: SocketDropReason): void {
    if (this.retry) clearTimeout(this.retry);
    this.retry = null;
    this.downSince ??= this.now();
    const delay = this.policy.nextRetryDelayInMs({
      retryCount: this.retries,
      elapsedMs: this.now() - this.downSince,
      reason,
    });
    // The policy gave up: the header keeps saying 'reconnecting' until the page is reloaded.
    if (delay === null) return;
    this.retry = setTimeout(() => {
      this.retry = null;
      this.retries += 1;
      if (!this.closed && !this.socket.connected) this.socket.connect();
    }, delay);
  }
}
