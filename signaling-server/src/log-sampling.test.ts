import { describe, expect, it } from 'vitest';
import { connectKiosk, createTestKiosk, startTestServer } from './testing';

describe('log sampling', () => {
  it('writes one RATE_LIMITED line per client and window, then a count, not one line per event', async () => {
    const t = await startTestServer({ socketRateLimit: 2 });
    const k = await createTestKiosk(t.server);
    const kiosk = await connectKiosk(t.url, k.token);
    try {
      const answers = await Promise.all(
        Array.from({ length: 120 }, () => kiosk.requestRaw('ticket:cancel', { ticketId: 'x' })),
      );
      const limited = answers.filter((a) => !a.ok && a.error.code === 'RATE_LIMITED').length;
      expect(limited).toBeGreaterThan(100);
      const lines = () =>
        t
          .logText()
          .split('\n')
          .filter((l) => l.includes('RATE_LIMITED'));
      expect(lines()).toHaveLength(1);
    } finally {
      kiosk.close();
      // Closing writes the pending summary.
      await t.close();
    }
    const summary = t
      .logText()
      .split('\n')
      .filter((l) => /\d+ more RATE_LIMITED from \S+ \S+ in the last 60 s/.test(l));
    expect(summary).toHaveLength(1);
    expect(JSON.parse(summary[0]!)).toMatchObject({ level: 40, repeated: expect.any(Number) });
  });
});

describe('log sampling of refused events', () => {
  it('writes one line per code and socket for a flood of refused events, and never samples lines naming no client', async () => {
    const t = await startTestServer();
    const k = await createTestKiosk(t.server);
    const kiosk = await connectKiosk(t.url, k.token);
    try {
      for (let i = 0; i < 30; i++) await kiosk.requestRaw('ticket:cancel', { ticketId: 'nope' });
      const refused = t
        .logText()
        .split('\n')
        .filter((l) => l.includes('socket event refused'));
      expect(refused).toHaveLength(1);
      t.server.log.warn({ code: 'X' }, 'no client named');
      t.server.log.warn({ code: 'X' }, 'no client named');
      expect(t.logText().split('no client named').length - 1).toBe(2);
    } finally {
      kiosk.close();
      await t.close();
    }
    expect(t.logText()).toMatch(/29 more NOT_FOUND from socket \S+ in the last 60 s/);
  });
});
