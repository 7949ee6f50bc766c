// Issue 7, defect 13c: after the session ends, the agent who served it asking for the number gets
// NOT_FOUND (the number was purged), not FORBIDDEN; another agent is still refused with FORBIDDEN.
import { describe, expect, it } from 'vitest';
import { idCheckDigit } from '@rvw/shared';
import { connectAgent, createTestAgent, okData } from '../testing';
import { useTestServer } from '../testing/hooks';

const first17 = '31010619480315002';
const ID_NUMBER = first17 + idCheckDigit(first17)!;

const t = useTestServer();

describe('identity:reveal after the session ended', () => {
  it('answers the agent who served it NOT_FOUND (purged), and another agent FORBIDDEN', async () => {
    const { k, agent, ticket } = await t.kioskWithTicket();
    const res = await fetch(`${t.url}/api/kiosk/identity`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${k.token}` },
      body: JSON.stringify({
        ticketId: ticket.id,
        consent: true,
        consentText: '我同意把身份信息提供给服务中心。',
        identity: {
          cardType: 'resident',
          name: '王秀英',
          gender: 'female',
          birthDate: '1948-03-15',
          idNumber: ID_NUMBER,
          idNumberValid: true,
        },
      }),
    });
    expect(res.status).toBe(200);
    const { session } = okData(await agent.request('ticket:accept', { ticketId: ticket.id }));
    okData(await agent.request('session:end', { sessionId: session.id }));

    expect(await agent.request('identity:reveal', { ticketId: ticket.id })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND', message: expect.stringMatching(/purged/) },
    });
    const other = await connectAgent(t.url, (await createTestAgent(t.server)).token);
    t.track(other);
    expect(await other.request('identity:reveal', { ticketId: ticket.id })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
  });
});
