// Issue 8 #15b: "the system ended the call" must stay until the agent closes it; passing notices
// (a ticket someone else took) still close themselves.
import { describe, expect, it } from 'vitest';
import { NOTICE_MS, noticeLifetimeMs } from './notice-timing';

describe('how long a notice stays', () => {
  it('keeps a call that ended without the agent on screen until the agent closes it', () => {
    for (const endedBy of ['system', 'kiosk'] as const) {
      expect(noticeLifetimeMs({ id: 1, kind: 'call-ended', endedBy })).toBeNull();
    }
    // The agent's own hang-up needs no standing reminder.
    expect(noticeLifetimeMs({ id: 1, kind: 'call-ended', endedBy: 'agent' })).toBe(NOTICE_MS);
  });

  it('closes passing notices by themselves after NOTICE_MS', () => {
    expect(
      noticeLifetimeMs({ id: 1, kind: 'accept-failed', ticketNumber: 'A001', code: 'TICKET_TAKEN' }),
    ).toBe(NOTICE_MS);
  });

  it('keeps a missed offer (which set the agent away) until the agent closes it; other offer endings pass', () => {
    expect(
      noticeLifetimeMs({ id: 1, kind: 'offer-ended', reason: 'missed', ticketNumber: 'A001' }),
    ).toBeNull();
    for (const reason of ['declined', 'withdrawn', 'moved-on', 'refused'] as const) {
      expect(noticeLifetimeMs({ id: 1, kind: 'offer-ended', reason, ticketNumber: 'A001' })).toBe(NOTICE_MS);
    }
  });
});
