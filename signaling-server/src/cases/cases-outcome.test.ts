/**
 * Outcomes and the session's end: 办不成 says why and what next, consultation and print-only items
 * close without a signature, the agent cannot end a session with a case left open (unless it is
 * abandoned with a reason), and any other end abandons open cases.
 */
import { describe, expect, it } from 'vitest';
import type { Ack } from '@rvw/shared';
import { adminApi, okData } from '../testing';
import { useTestServer } from '../testing/hooks';
import { openVisit, stateAt } from './case-test-support';

const t = useTestServer();

const code = (a: Ack<unknown>) => (a.ok ? 'ok' : a.error.code);

describe('outcomes', () => {
  it('办不成 needs the reason and the next step, and the kiosk receives both', async () => {
    const v = await openVisit(t);
    const c = okData(
      await v.agent.request('case:open', { sessionId: v.sessionId, itemCode: 'ltci-assessment' }),
    );
    const bare = await v.agent.request('case:outcome', { caseId: c.caseId, record: { outcome: 'not-done' } });
    expect(bare.ok ? null : bare.error.code).toBe('BAD_PAYLOAD');
    expect(bare.ok ? '' : bare.error.message).toMatch(/reason/);
    const noNext = await v.agent.request('case:outcome', {
      caseId: c.caseId,
      record: { outcome: 'not-done', reason: '缺少医保卡' },
    });
    expect(noNext.ok ? '' : noNext.error.message).toMatch(/nextStep/);

    const record = {
      outcome: 'not-done' as const,
      reason: '被评估人未满60周岁，不符合申请条件',
      nextStep: '满60周岁后带身份证再来申请；如有疑问请拨打12345',
    };
    const closed = okData(await v.agent.request('case:outcome', { caseId: c.caseId, record }));
    expect(closed.outcome).toEqual({ ...record, at: expect.any(String) });
    const onKiosk = await stateAt(v.kiosk, c.caseId, (s) => s.status === 'closed');
    expect(onKiosk.outcome).toMatchObject({ reason: record.reason, nextStep: record.nextStep });
    // The session may end now: no case is left open.
    okData(await v.agent.request('session:end', { sessionId: v.sessionId }));
  });

  it('closes consultation and print-only items without a signature, and ranks handled items first', async () => {
    const v = await openVisit(t);
    const admin = await adminApi(t.server);
    // 老年照护… sorts before 老年综合津贴 by name, until the allowance was handled.
    const byName = await admin.listCatalogue({ query: { q: 'lnzh' } });
    expect(byName.items.map((i) => i.code)).toEqual(['ltci-result-notice-print', 'senior-allowance']);
    const outcomes = [
      ['policy-consultation', 'consultation'],
      ['ltci-result-notice-print', 'completed'],
      ['senior-allowance', 'consultation'],
    ] as const;
    for (const [itemCode, outcome] of outcomes) {
      const c = okData(await v.agent.request('case:open', { sessionId: v.sessionId, itemCode }));
      expect(
        okData(await v.agent.request('case:outcome', { caseId: c.caseId, record: { outcome } })).status,
      ).toBe('closed');
    }
    // Three cases of one session, numbered in order, newest first.
    const { cases } = await admin.listCases({ query: { sessionId: v.sessionId } });
    expect(cases.map((c) => c.number.slice(-4))).toEqual(['0003', '0002', '0001']);
    // Each was handled once, a tie ranked by name; a second allowance case puts it first.
    const again = okData(
      await v.agent.request('case:open', { sessionId: v.sessionId, itemCode: 'senior-allowance' }),
    );
    okData(
      await v.agent.request('case:outcome', { caseId: again.caseId, record: { outcome: 'consultation' } }),
    );
    const ranked = await admin.listCatalogue({ query: { q: 'lnzh' } });
    expect(ranked.items.map((i) => i.code)).toEqual(['senior-allowance', 'ltci-result-notice-print']);
    // A case listed shows identity numbers masked.
    const allowance = cases.find((c) => c.item.code === 'senior-allowance');
    expect(allowance?.form.maskedFields.length).toBeGreaterThan(0);
    for (const f of allowance?.form.maskedFields ?? [])
      expect(String(allowance?.form.values[f])).toMatch(/\*{6,}/);
  });
});

describe('the session end and open cases', () => {
  it('refuses the agent an end while a case is open, until it is abandoned with a reason', async () => {
    const v = await openVisit(t);
    const c = okData(
      await v.agent.request('case:open', { sessionId: v.sessionId, itemCode: 'ltci-assessment' }),
    );
    const refused = await v.agent.request('session:end', { sessionId: v.sessionId });
    expect(code(refused)).toBe('CASE_OPEN');
    // Nothing ended: the form still works and nobody was told of an end.
    okData(
      await v.agent.request('form:revise', {
        caseId: c.caseId,
        field: 'contactName',
        value: '李明',
        baseRevision: 0,
      }),
    );
    expect(v.kiosk.all('session:ended')).toEqual([]);

    expect(code(await v.agent.request('case:abandon', { caseId: c.caseId, record: { reason: '' } }))).toBe(
      'BAD_PAYLOAD',
    );
    const abandoned = okData(
      await v.agent.request('case:abandon', {
        caseId: c.caseId,
        record: { reason: '居民决定下次带齐材料再办' },
      }),
    );
    expect(abandoned).toMatchObject({ status: 'abandoned', abandonReason: '居民决定下次带齐材料再办' });
    expect(abandoned.closedAt).not.toBeNull();
    expect((await stateAt(v.kiosk, c.caseId, (s) => s.status === 'abandoned')).abandonReason).toBe(
      '居民决定下次带齐材料再办',
    );
    okData(await v.agent.request('session:end', { sessionId: v.sessionId }));
  });

  it('abandons open cases when the resident ends the session', async () => {
    const v = await openVisit(t);
    const c = okData(
      await v.agent.request('case:open', { sessionId: v.sessionId, itemCode: 'ltci-assessment' }),
    );
    okData(await v.kiosk.request('session:end', { sessionId: v.sessionId }));
    const s = await stateAt(v.agent, c.caseId, (x) => x.status === 'abandoned');
    expect(s.abandonReason).toBe('session ended by the resident');
    // After the end nothing changes it.
    const late = await v.agent.request('form:revise', {
      caseId: c.caseId,
      field: 'contactName',
      value: '李明',
      baseRevision: 0,
    });
    expect(code(late)).toBe('CASE_CLOSED');
  });

  it('abandons open cases when the system ends the session', async () => {
    const v = await openVisit(t);
    const c = okData(
      await v.agent.request('case:open', { sessionId: v.sessionId, itemCode: 'ltci-assessment' }),
    );
    okData(await v.agent.request('session:media-lost', { sessionId: v.sessionId }));
    const s = await stateAt(v.kiosk, c.caseId, (x) => x.status === 'abandoned');
    expect(s.abandonReason).toBe('session ended by the system (media-lost)');
  });
});
