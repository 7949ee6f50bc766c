/** How long each notice stays on screen before it closes itself, if it does. */
import type { Notice } from '../app/console-state';

/** How long a passing notice stays before it closes itself (8 s). */
export const NOTICE_MS = 8000;

/**
 * The notice's lifetime in ms, or null when only the agent may close it: a call that ended without
 * the agent's choice (the system or the resident ended it) must not vanish while they look away.
 */
export function noticeLifetimeMs(notice: Notice): number | null {
  if (notice.kind === 'call-ended' && notice.endedBy !== 'agent') return null;
  return NOTICE_MS;
}
