/**
 * Who may read cases back over HTTP: the agent who handled a case, or a supervisor; a list shows
 * an agent only their own cases; supervisors' routes refuse agents; the identity address is purged
 * with the number when the ticket closes.
 */
import { describe, expect, it } from 'vitest';
import { createHttpClient, httpRoutes } from '@rvw/shared';
import { adminApi, createTestAgent, okData } from '../testing';
import { useTestServer } from '../testing/hooks';
import { openVisit } from './case-test-support';

const t = useTestServer();

describe('case routes', () => {
  it('let the handling agent and supervisors read a case, and nobody else', async () => {
    const v = await openVisit(t);
    const c = okData(
      await v.agent.request('case:open', { sessionId: v.sessionId, itemCode: 'ltci-assessment' }),
    );
    const mine = createHttpClient(httpRoutes, { baseUrl: t.url, token: v.a.token });
    const other = createHttpClient(httpRoutes, {
      baseUrl: t.url,
      token: (await createTestAgent(t.server)).token,
    });
    const admin = await adminApi(t.server);

    expect((await mine.getCase({ params: { caseId: c.caseId } })).case.caseId).toBe(c.caseId);
    expect((await mine.caseConsents({ params: { caseId: c.caseId } })).entries.map((e) => e.kind)).toEqual([
      'share-identity',
    ]);
    await expect(other.getCase({ params: { caseId: c.caseId } })).rejects.toMatchObject({
      code: 'FORBIDDEN',
      status: 403,
    });
    await expect(other.caseConsents({ params: { caseId: c.caseId } })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await expect(mine.caseReads({ params: { caseId: c.caseId } })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await expect(mine.listFollowUps()).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(admin.getCase({ params: { caseId: 'nope' } })).rejects.toMatchObject({
      code: 'NOT_FOUND',
      status: 404,
    });
    await expect(admin.caseReads({ params: { caseId: 'nope' } })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });

    // Lists: an agent sees their own cases; a supervisor every case; a number's beginning finds it.
    expect((await mine.listCases()).cases.map((x) => x.caseId)).toEqual([c.caseId]);
    expect((await other.listCases()).cases).toEqual([]);
    expect(
      (await admin.listCases({ query: { number: c.number.slice(0, 11) } })).cases.map((x) => x.number),
    ).toEqual([c.number]);
    expect((await admin.listCases({ query: { status: 'closed' } })).cases).toEqual([]);
    // Only the reads that were answered are recorded: the handling agent's, not the refused one.
    expect((await admin.caseReads({ params: { caseId: c.caseId } })).reads.map((r) => r.agentId)).toEqual([
      v.a.agent.id,
    ]);
  });

  it('purges the address with the number when the ticket closes', async () => {
    const v = await openVisit(t);
    const held = await t.server.db
      .selectFrom('ticket_identities')
      .select(['address', 'issuer', 'valid_from', 'valid_to'])
      .where('ticket_id', '=', v.ticket.id)
      .executeTakeFirstOrThrow();
    expect(held.address).toMatch(/^v1:/);
    expect(held).toMatchObject({
      issuer: '上海市公安局徐汇分局',
      valid_from: '2015-06-01',
      valid_to: 'long-term',
    });
    okData(await v.kiosk.request('session:end', { sessionId: v.sessionId }));
    const after = await t.server.db
      .selectFrom('ticket_identities')
      .select(['address', 'purged_at'])
      .where('ticket_id', '=', v.ticket.id)
      .executeTakeFirstOrThrow();
    expect(after.address).toBeNull();
    expect(after.purged_at).not.toBeNull();
  });
});
