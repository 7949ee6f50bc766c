/**
 * 免申即享 with real clients: the kiosk hears what the resident already gets after consenting, the
 * agent with the session and again after a reload; nothing is decided without a shared identity.
 */
import { describe, expect, it } from 'vitest';
import { CatalogueItem } from '@rvw/shared';
import { connectAgent, connectKiosk, okData } from '../testing';
import { useTestServer } from '../testing/hooks';
import { RESIDENT, openVisit, shareIdentity } from './case-test-support';
import { entitlementsFor } from './entitlements';

const t = useTestServer();

describe('entitlements', () => {
  it('go to the kiosk after consent, to the agent with the session, and to both after a reload', async () => {
    const w = await t.kioskWithTicket();
    await shareIdentity(t, w.k.token, w.ticket.id);
    const first = await w.kiosk.waitFor('session:entitlements');
    expect(first).toEqual({
      sessionId: null,
      ticketId: w.ticket.id,
      entitlements: [
        {
          itemCode: 'senior-allowance',
          itemName: t.server.catalogue.get('senior-allowance')!.name,
          note: t.server.catalogue.get('senior-allowance')!.eligibility!.note,
        },
      ],
    });
    expect(w.agent.all('session:entitlements')).toEqual([]);

    const { session } = okData(await w.agent.request('ticket:accept', { ticketId: w.ticket.id }));
    const withSession = { ...first, sessionId: session.id };
    expect(await w.agent.waitFor('session:entitlements')).toEqual(withSession);
    expect(await w.kiosk.waitFor('session:entitlements', (e) => e.sessionId === session.id)).toEqual(
      withSession,
    );

    w.kiosk.close();
    w.agent.close();
    const kiosk = await connectKiosk(t.url, w.k.token);
    const agent = await connectAgent(t.url, w.a.token);
    t.track(kiosk, agent);
    expect(await kiosk.waitFor('session:entitlements')).toEqual(withSession);
    expect(await agent.waitFor('session:entitlements')).toEqual(withSession);
  });

  it('reach the serving agent when the identity arrives after the accept; none without identity', async () => {
    const v = await openVisit(t, { identity: null });
    // No identity shared: nothing is decided, nothing is sent.
    expect(v.kiosk.all('session:entitlements')).toEqual([]);
    expect(v.agent.all('session:entitlements')).toEqual([]);
    await shareIdentity(t, v.k.token, v.ticket.id, { ...RESIDENT, birthDate: '1990-05-01' });
    // Shared now, but at 36 nothing applies: an empty list, to both.
    expect(await v.agent.waitFor('session:entitlements')).toEqual({
      sessionId: v.sessionId,
      ticketId: v.ticket.id,
      entitlements: [],
    });
    expect((await v.kiosk.waitFor('session:entitlements')).entitlements).toEqual([]);
  });
});

describe('entitlementsFor', () => {
  it('keeps the items whose every condition holds, and nothing for a missing fact', () => {
    const item = CatalogueItem.parse({
      code: 'senior-card',
      version: 1,
      name: { zh: '敬老卡', en: 'Senior card' },
      category: 'elderly-care',
      skillGroup: 'elderly',
      consultationOnly: true,
      nextSteps: [{ zh: '无需申请', en: 'Nothing to apply for' }],
      eligibility: {
        when: [
          { attribute: 'age', op: '>=', value: 65 },
          { attribute: 'cardType', op: '==', value: 'resident' },
        ],
        note: { zh: '自动发放', en: 'Paid automatically' },
      },
    });
    expect(entitlementsFor([item], { age: 70, cardType: 'resident' })).toHaveLength(1);
    expect(entitlementsFor([item], { age: 64, cardType: 'resident' })).toEqual([]);
    expect(entitlementsFor([item], { age: 70, cardType: 'hk-macao-taiwan' })).toEqual([]);
    expect(entitlementsFor([item], { cardType: 'resident' })).toEqual([]);
  });
});
