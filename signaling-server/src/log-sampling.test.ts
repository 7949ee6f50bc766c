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
