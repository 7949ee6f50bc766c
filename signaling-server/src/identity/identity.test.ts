import { describe, expect, it } from 'vitest';
import { idCheckDigit, maskIdNumber, type AttachIdentityRequest, type ResidentIdentity } from '@rvw/shared';
import { connectAgent, createTestAgent, createTestKiosk, okData } from '../testing';
import { useTestServer } from '../testing/hooks';

const first17 = '31010619480315002';
const ID_NUMBER = first17 + idCheckDigit(first17)!;
const HK_NUMBER = '810000194703150021'.slice(0, 17) + idCheckDigit('81000019470315002')!;

const identity = (idNumber = ID_NUMBER): ResidentIdentity => ({
  cardType: 'resident',
  name: '王秀英',
  gender: 'female',
  birthDate: '1948-03-15',
  idNumber,
  idNumberValid: true,
  nation: '汉',
});

const t = useTestServer();

async function attach(token: string, body: unknown) {
  return fetch(`${t.url}/api/kiosk/identity`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
  });
}

describe('identity', () => {
  it('reaches the serving agent when it arrives after the ticket was accepted', async () => {
    const { k, agent, ticket } = await t.kioskWithTicket();
    const opened = okData(await agent.request('ticket:accept', { ticketId: ticket.id }));
    expect(opened.identity).toBeUndefined();
    const res = await attach(k.token, {
      ticketId: ticket.id,
      consent: true,
      consentText: '我同意把身份信息提供给服务中心。',
      identity: identity(),
    });
    expect(res.status).toBe(200);
    const late = await agent.waitFor('session:identity', (e) => e.sessionId === opened.session.id);
    expect(late.identity.idNumberMasked).toBe(maskIdNumber(ID_NUMBER));
    expect(late.identity.name).toBe('王秀英');
    expect(JSON.stringify(agent.received)).not.toContain(ID_NUMBER);
  });

  it('attaches after consent, shows it masked in the queue, and records every reveal', async () => {
    const { k, kiosk, agent, ticket, a } = await t.kioskWithTicket();
    const body: AttachIdentityRequest = {
      ticketId: ticket.id,
      consent: true,
      consentText: '我同意把身份信息提供给服务中心。',
      locale: 'zh-CN',
      identity: identity(),
    };
    const res = await attach(k.token, body);
    expect(res.status).toBe(200);
    expect(((await res.json()) as { ticket: { hasIdentity: boolean } }).ticket.hasIdentity).toBe(true);

    const q = await agent.waitFor('queue:update', (s) => s.entries[0]?.identity !== undefined);
    expect(q.entries[0]!.identity).toEqual({
      cardType: 'resident',
      name: '王秀英',
      gender: 'female',
      age: expect.any(Number),
      idNumberMasked: maskIdNumber(ID_NUMBER),
    });
    expect(JSON.stringify(agent.received)).not.toContain(ID_NUMBER);
    await kiosk.waitFor('ticket:update', (u) => u.ticket.hasIdentity);

    // A plain agent may not reveal a ticket it does not serve.
    expect(await agent.request('identity:reveal', { ticketId: ticket.id })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    const opened = okData(await agent.request('ticket:accept', { ticketId: ticket.id }));
    expect(opened.identity?.idNumberMasked).toBe(maskIdNumber(ID_NUMBER));
    expect(okData(await agent.request('identity:reveal', { ticketId: ticket.id }))).toEqual({
      idNumber: ID_NUMBER,
    });
    okData(await agent.request('identity:reveal', { ticketId: ticket.id }));
    const reveals = await t.server.db.selectFrom('identity_reveals').selectAll().execute();
    expect(reveals.map((r) => [r.agent_id, r.ticket_id])).toEqual([
      [a.agent.id, ticket.id],
      [a.agent.id, ticket.id],
    ]);

    // Another agent (not serving) is refused; an admin may reveal and is recorded too.
    const other = await connectAgent(t.url, (await createTestAgent(t.server)).token);
    const admin = await createTestAgent(t.server, { role: 'admin' });
    const adminClient = await connectAgent(t.url, admin.token);
    t.track(other, adminClient);
    expect(await other.request('identity:reveal', { ticketId: ticket.id })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(okData(await adminClient.request('identity:reveal', { ticketId: ticket.id })).idNumber).toBe(
      ID_NUMBER,
    );
    expect(await t.server.db.selectFrom('identity_reveals').selectAll().execute()).toHaveLength(3);
  });

  it('purges the full number when the session ends, keeping the masked form', async () => {
    const { k, agent, ticket } = await t.kioskWithTicket();
    expect(
      (
        await attach(k.token, {
          ticketId: ticket.id,
          consent: true,
          consentText: '我同意把身份信息提供给服务中心。',
          identity: identity(),
        })
      ).status,
    ).toBe(200);
    const { session } = okData(await agent.request('ticket:accept', { ticketId: ticket.id }));
    okData(await agent.request('session:end', { sessionId: session.id }));
    const row = await t.server.db.selectFrom('ticket_identities').selectAll().executeTakeFirstOrThrow();
    expect(row.id_number).toBe(maskIdNumber(ID_NUMBER));
    expect(row.purged_at).not.toBeNull();
    const admin = await connectAgent(t.url, (await createTestAgent(t.server, { role: 'admin' })).token);
    t.track(admin);
    expect(await admin.request('identity:reveal', { ticketId: ticket.id })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND', message: expect.stringMatching(/purged/) },
    });
  });

  it('refuses identity without consent, for another kiosk, a closed ticket, or with a bad token', async () => {
    const { k, ticket } = await t.kioskWithTicket();
    const other = await createTestKiosk(t.server);
    const code = async (res: Response) => [
      res.status,
      ((await res.json()) as { error: { code: string } }).error.code,
    ];
    expect(
      await code(await attach(k.token, { ticketId: ticket.id, consent: false, identity: identity() })),
    ).toEqual([400, 'NO_CONSENT']);
    expect(
      await code(
        await attach(other.token, {
          ticketId: ticket.id,
          consent: true,
          consentText: '我同意把身份信息提供给服务中心。',
          identity: identity(),
        }),
      ),
    ).toEqual([403, 'FORBIDDEN']);
    expect(
      await code(
        await attach(k.token, {
          ticketId: 'nope',
          consent: true,
          consentText: '我同意把身份信息提供给服务中心。',
          identity: identity(),
        }),
      ),
    ).toEqual([404, 'NOT_FOUND']);
    expect(
      await code(
        await attach('wrong', {
          ticketId: ticket.id,
          consent: true,
          consentText: '我同意把身份信息提供给服务中心。',
          identity: identity(),
        }),
      ),
    ).toEqual([401, 'AUTH_INVALID']);
    expect(
      await code(
        await attach(k.token, {
          ticketId: ticket.id,
          consent: true,
          consentText: '我同意把身份信息提供给服务中心。',
          identity: { ...identity(), birthDate: '15/03/1948' },
        }),
      ),
    ).toEqual([400, 'BAD_PAYLOAD']);
    const noAuth = await fetch(`${t.url}/api/kiosk/identity`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect(await code(noAuth)).toEqual([401, 'AUTH_MISSING']);
    expect(await t.server.db.selectFrom('ticket_identities').selectAll().execute()).toEqual([]);
  });

  it('never writes a full ID number into the log during a whole session', async () => {
    const { k, kiosk, agent, ticket } = await t.kioskWithTicket();
    expect(
      (
        await attach(k.token, {
          ticketId: ticket.id,
          consent: true,
          consentText: '我同意把身份信息提供给服务中心。',
          identity: identity(),
        })
      ).status,
    ).toBe(200);
    // A failing attach that echoes the number back in a bad field, too.
    await attach(k.token, {
      ticketId: ticket.id,
      consent: true,
      consentText: '我同意把身份信息提供给服务中心。',
      identity: { ...identity(HK_NUMBER), gender: HK_NUMBER },
    });
    const { session } = okData(await agent.request('ticket:accept', { ticketId: ticket.id }));
    okData(await agent.request('identity:reveal', { ticketId: ticket.id }));
    okData(await agent.request('signal', { sessionId: session.id, data: { type: 'offer', sdp: 'v=0' } }));
    await kiosk.requestRaw('signal', { sessionId: session.id, data: { sdp: ID_NUMBER, bogus: ID_NUMBER } });
    await kiosk.requestRaw(ID_NUMBER, { idNumber: ID_NUMBER });
    await fetch(`${t.url}/api/${ID_NUMBER}?idNumber=${ID_NUMBER}`);
    okData(await kiosk.request('session:end', { sessionId: session.id }));

    const log = t.logText();
    expect(log).toContain('identity revealed');
    expect(log).toContain('session ended');
    expect(log.split('\n').length).toBeGreaterThan(10);
    expect(log).not.toContain(ID_NUMBER);
    expect(log).not.toContain(HK_NUMBER);
    expect(log).not.toContain(k.token);
  });
});
