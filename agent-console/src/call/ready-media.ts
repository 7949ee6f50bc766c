/**
 * The agent's camera and microphone, open before the call (issue 13 #3): they open when the agent
 * goes available, stay open while the agent is in a session or in wrap-up between calls, and stop
 * when the agent goes away or signs out. Each call takes a clone (HeldMedia, shared with the kiosk's
 * mirror), which its controller stops at the end; the held stream stays for the next call.
 */
import type { AgentStatus } from '@rvw/shared';
import { HeldMedia } from '@rvw/shared/call';

/** The held camera and microphone of one console page. */
export class ReadyMedia extends HeldMedia {
  /** Follows the agent's own status; null: signed out (or not known yet). */
  follow(status: AgentStatus | null): void {
    if (status === 'available') this.warm();
    else if (status === 'away' || status === null) this.release();
    // 'in-session' and 'wrap-up': kept as they are, for the next call.
  }
}
