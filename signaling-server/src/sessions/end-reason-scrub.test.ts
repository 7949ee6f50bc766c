import { describe, expect, it } from 'vitest';
import { okData } from '../testing';
import { useTestServer } from '../testing/hooks';

const t = useTestServer();

describe('client free text', () => {
  it('scrubs an ID number glued to letters from the end reason before it is stored, sent or logged', async () => {
    const { kiosk, agent, ticket } = await t.kioskWithTicket();
    const { session } = okData(await agent.request('ticket:accept', { ticketId: ticket.id }));
    const ended = okData(
      await kiosk.request('session:end', { sessionId: session.id, reason: 'ID310101194803157793 左' }),
    );
    expect(ended.reason).not.toContain('310101194803157793');
    const row = await t.server.db
      .selectFrom('sessions')
      .select('end_reason')
      .where('id', '=', session.id)
      .executeTakeFirstOrThrow();
    expect(row.end_reason).toMatch(/^ID310\*+7793 左$/);
    const pushed = await agent.waitFor('session:ended');
    expect(pushed.reason).toBe(row.end_reason);
    expect(t.logText()).not.toContain('310101194803157793');
  });
});
