/**
 * The agent's own status, outside React: the server's word (`agent:status`, pushed on every change
 * and after each (re)connect, and the ack of a click), and the one-click change in flight. A refused
 * change goes to `refused` (the workbench shows it in words); nothing here decides the status.
 */
import { ErrorCode, type AgentPresence, type ChosenStatus } from '@rvw/shared';
import { errorCodeOf } from '../lib/errors';
import { isNewerPresence } from './status-rules';

/** How the store reaches the server: `agent:status` with its ack. */
export interface StatusTransport {
  choose(status: ChosenStatus): Promise<AgentPresence>;
}

/** What the header renders. */
export interface StatusSnapshot {
  /** The server's latest word; null until it has spoken in this sign-in. */
  presence: AgentPresence | null;
  /** The change in flight. */
  pending: ChosenStatus | null;
}

/** The result of a click. */
export type StatusResult = { ok: true; presence: AgentPresence } | { ok: false; code: string };

const EMPTY: StatusSnapshot = { presence: null, pending: null };

/** The agent's status for one page; reset on sign-out. */
export class StatusStore {
  private snapshot: StatusSnapshot = EMPTY;
  private readonly listeners = new Set<() => void>();

  constructor(
    private readonly transport: StatusTransport,
    /** A change the server refused, with its code (shown as a notice). */
    private readonly refused: (status: ChosenStatus, code: string) => void = () => undefined,
  ) {}

  getSnapshot = (): StatusSnapshot => this.snapshot;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** `agent:status` (push or ack): kept unless older than the one held. */
  applyPresence = (presence: AgentPresence): void => {
    if (!isNewerPresence(this.snapshot.presence, presence)) return;
    this.publish({ presence });
  };

  /** One click: available (also "ready", ending wrap-up) or away. One change at a time. */
  choose = async (status: ChosenStatus): Promise<StatusResult> => {
    if (this.snapshot.pending) return { ok: false, code: ErrorCode.RateLimited };
    this.publish({ pending: status });
    try {
      const presence = await this.transport.choose(status);
      this.applyPresence(presence);
      return { ok: true, presence };
    } catch (e) {
      const code = errorCodeOf(e);
      this.refused(status, code);
      return { ok: false, code };
    } finally {
      this.publish({ pending: null });
    }
  };

  /** Forgets everything (sign-out). */
  reset(): void {
    this.snapshot = EMPTY;
    for (const listener of this.listeners) listener();
  }

  private publish(patch: Partial<StatusSnapshot>): void {
    this.snapshot = { ...this.snapshot, ...patch };
    for (const listener of this.listeners) listener();
  }
}
