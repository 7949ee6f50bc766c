import { describe, expect, it } from 'vitest';
import { createHttpClient, HttpClientError, httpRoutes, idCheckDigit, maskIdNumber } from '@rvw/shared';
import { adminApi, createTestAgent, okData } from '../testing';
import { useTestServer } from '../testing/hooks';

const first17 = '31010619480315002';
const ID_NUMBER = first17 + idCheckDigit(first17)!;

const t = useTestServer();

async function codeOf(p: Promise<unknown>): Promise<string> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(HttpClientError);
  return (err as HttpClientError).code;
}

describe("a supervisor's reads (through the typed client)", () => {
  it('lists the day’s tickets, a ticket’s identity state and reveals, and sessions with who ended them', async () => {
    const api = await adminApi(t.server);
    const { k, kiosk, agent, ticket } = await t.kioskWithTicket();
    const kioskApi = createHttpClient(httpRoutes, { baseUrl: t.url, token: k.token });
    await kioskApi.attachIdentity({
      body: {
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
      },
    });
    expect((await api.listTickets()).tickets).toEqual([
      expect.objectContaining({ id: ticket.id, number: 'A001', status: 'waiting', hasIdentity: true }),
    ]);

    const opened = okData(await agent.request('ticket:accept', { ticketId: ticket.id }));
    okData(await agent.request('identity:reveal', { ticketId: ticket.id }));
    const held = await api.ticketIdentity({ params: { ticketId: ticket.id } });
    expect(held).toMatchObject({
      ticketId: ticket.id,
      fullNumberHeld: true,
      purgedAt: null,
      identity: { name: '王秀英', idNumberMasked: maskIdNumber(ID_NUMBER) },
    });
    expect(JSON.stringify(held)).not.toContain(ID_NUMBER);
    const { reveals } = await api.ticketReveals({ params: { ticketId: ticket.id } });
    expect(reveals).toEqual([
      { agentId: opened.session.agent.id, ticketId: ticket.id, at: expect.any(String) },
    ]);

    okData(await kiosk.request('session:end', { sessionId: opened.session.id, reason: 'done' }));
    const purged = await api.ticketIdentity({ params: { ticketId: ticket.id } });
    expect(purged.fullNumberHeld).toBe(false);
    expect(purged.purgedAt).not.toBeNull();
    const { sessions } = await api.listSessions({ query: { ticketId: ticket.id } });
    expect(sessions).toEqual([expect.objectContaining({ id: opened.session.id, endedBy: 'kiosk' })]);
    expect(await api.getSession({ params: { sessionId: opened.session.id } })).toMatchObject({
      session: { id: opened.session.id, endedBy: 'kiosk' },
      endReason: 'done',
    });
    expect((await api.listTickets()).tickets[0]).toMatchObject({ status: 'done' });
  });

  it('answers NOT_FOUND for unknown records, FORBIDDEN to agents and AUTH_INVALID to kiosk tokens', async () => {
    const api = await adminApi(t.server);
    expect(await codeOf(api.getSession({ params: { sessionId: 'nope' } }))).toBe('NOT_FOUND');
    expect(await codeOf(api.ticketIdentity({ params: { ticketId: 'nope' } }))).toBe('NOT_FOUND');
    expect(await codeOf(api.listTickets({ query: { day: '1 May' } }))).toBe('BAD_PAYLOAD');
    const { k, ticket } = await t.kioskWithTicket();
    expect(await codeOf(api.ticketIdentity({ params: { ticketId: ticket.id } }))).toBe('NOT_FOUND');

    const plain = await createTestAgent(t.server);
    const agentApi = createHttpClient(httpRoutes, { baseUrl: t.url, token: plain.token });
    expect(await codeOf(agentApi.listSessions())).toBe('FORBIDDEN');
    expect(await codeOf(agentApi.ticketReveals({ params: { ticketId: ticket.id } }))).toBe('FORBIDDEN');
    const kioskApi = createHttpClient(httpRoutes, { baseUrl: t.url, token: k.token });
    expect(await codeOf(kioskApi.listTickets())).toBe('AUTH_INVALID');
    expect(await codeOf(createHttpClient(httpRoutes, { baseUrl: t.url }).listSessions())).toBe(
      'AUTH_MISSING',
    );
  });
});
