/** What the header shows of the agent's own status: the word, the buttons, the wrap-up time left. */
import type { AgentPresence, AgentStatus } from '@rvw/shared';

/** The status shown: the server's, or `unknown` before it has said. */
export type ShownStatus = AgentStatus | 'unknown';

/**
 * The status to show. A call the workbench holds is "in a session" whatever the last push said
 * (the push may trail the accept); otherwise the server's word, `unknown` until it has spoken.
 */
export function shownStatus(presence: AgentPresence | null, inCall: boolean): ShownStatus {
  if (inCall) return 'in-session';
  return presence?.status ?? 'unknown';
}

/**
 * Milliseconds left until wrap-up ends by itself (the centre's limit), on the server's clock;
 * null when not in wrap-up or the server gave no end. Never negative.
 */
export function wrapUpLeftMs(
  presence: AgentPresence | null,
  nowLocalMs: number,
  offsetMs: number,
): number | null {
  if (presence?.status !== 'wrap-up' || !presence.wrapUpEndsAt) return null;
  const ends = Date.parse(presence.wrapUpEndsAt);
  if (!Number.isFinite(ends)) return null;
  return Math.max(0, ends - (nowLocalMs + offsetMs));
}

/**
 * The one-click buttons for a shown status: only those that change it (a button for the status
 * one is in reads as something to press), the one to press next made prominent.
 */
export interface StatusButtons {
  /** "Set available": prominent when away (the thing to do on coming back); none when available, in wrap-up (就绪 does it) or in a session. */
  available: 'plain' | 'prominent' | null;
  /** "Set away": shown unless away already (disabled in a session, to say it cannot be now). */
  away: boolean;
  /** "就绪" ends wrap-up (it sends `available`). */
  ready: boolean;
  /** All buttons are disabled: in a session, while a change is in flight, or offline. */
  disabled: boolean;
}

/** The buttons for `status`; `pending` is a change in flight, `connected` the socket. */
export function statusButtons(status: ShownStatus, pending: boolean, connected: boolean): StatusButtons {
  return {
    available: status === 'away' ? 'prominent' : status === 'unknown' ? 'plain' : null,
    away: status !== 'away',
    ready: status === 'wrap-up',
    disabled: status === 'in-session' || pending || !connected,
  };
}

/** True when `next` is at least as new as `held` (by when the status began): pushes and acks may cross. */
export function isNewerPresence(held: AgentPresence | null, next: AgentPresence): boolean {
  if (!held) return true;
  const a = Date.parse(held.since);
  const b = Date.parse(next.since);
  if (!Number.isFinite(a) || !Number.isFinite(b)) return true;
  return b >= a;
}
