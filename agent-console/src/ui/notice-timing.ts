/** How long each notice stays on screen before it closes itself, if it does. */
import type { Notice } from '../app/console-state';

/** How long a passing notice stays before it closes itself (8 s). */
export const NOTICE_MS = 8000;

/**
 * The notice's lifetime in ms, or null when only the agent may close it: a call that ended without
 * the agent's choice (the system or the resident ended it), and an offer missed (which set the agent
 * away), must not vanish while they look away.
 */
export function noticeLifetimeMs(notice: Notice): number | null {
  if (notice.kind === 'call-ended' && notice.endedBy !== 'agent') return null;
  // A missed offer set the agent away while they were not looking: it waits for them.
  if (notice.kind === 'offer-ended' && notice.reason === 'missed') return null;
  return NOTICE_MS;
}
