/**
 * The shared form with real clients on a real server: a case opens prefilled from the consented
 * card, every change is a revision pushed to both members, stale and refused changes change
 * nothing, strangers are refused, and a reconnect brings back the same form at the same revision.
 */
import { describe, expect, it } from 'vitest';
import { maskIdNumber } from '@rvw/shared';
import { connectAgent, connectKiosk, createTestAgent, createTestKiosk, okData } from '../testing';
import { useTestServer } from '../testing/hooks';
import { ADDRESS, ID_NUMBER, lastState, openVisit, stateAt } from './case-test-support';

const t = useTestServer();

describe('the shared form', () => {
  it('opens prefilled from the card, and pushes every revision to both members', async () => {
    const v = await openVisit(t);
    const opened = okData(
      await v.agent.request('case:open', { sessionId: v.sessionId, itemCode: 'ltci-assessment' }),
    );
    expect(opened.number).toMatch(/^JA-\d{8}-0001$/);
    expect(opened.item).toMatchObject({ code: 'ltci-assessment', version: 2 });
    expect(opened.item.fields.length).toBeGreaterThan(3);
    expect(opened.status).toBe('open');
    const f = opened.form;
    expect(f.revision).toBe(0);
    expect(f.values.insuredName).toBe('王秀英');
    expect(f.values.insuredBirthDate).toBe('1948-03-15');
    expect(f.values.visitAddress).toBe(ADDRESS);
    // The identity number is masked on both screens unless revealed.
    expect(f.values.insuredIdNumber).toBe(maskIdNumber(ID_NUMBER));
    expect(f.maskedFields).toEqual(['insuredIdNumber']);
    expect([...f.fromCard].sort()).toEqual([
      'insuredBirthDate',
      'insuredIdNumber',
      'insuredName',
      'visitAddress',
    ]);
    expect(f.hash).toMatch(/^[0-9a-f]{64}$/);

    // The kiosk sees the same state.
    const onKiosk = await stateAt(v.kiosk, opened.caseId, (s) => s.form.revision === 0);
    expect(onKiosk).toEqual(opened);

    const at = v.kiosk.received.length;
    const ack = okData(
      await v.agent.request('form:revise', {
        caseId: opened.caseId,
        field: 'contactPhone',
        value: '138 1234 5678',
        baseRevision: 0,
      }),
    );
    expect(ack).toEqual({ revision: 1 });
    const r1 = await stateAt(v.kiosk, opened.caseId, (s) => s.form.revision === 1, at);
    expect(r1.form.values.contactPhone).toBe('13812345678');
    expect(r1.form.lastChanged).toBe('contactPhone');
    expect(r1.form.hash).not.toBe(opened.form.hash);
    expect(lastState(v.agent, opened.caseId)?.form).toEqual(r1.form);

    // Changing a field from the card drops it from "from the ID card".
    okData(
      await v.agent.request('form:revise', {
        caseId: opened.caseId,
        field: 'visitAddress',
        value: '上海市徐汇区龙华西路一号',
        baseRevision: 1,
      }),
    );
    const r2 = await stateAt(v.kiosk, opened.caseId, (s) => s.form.revision === 2);
    expect(r2.form.fromCard).not.toContain('visitAddress');
    expect(r2.form.fromCard).toContain('insuredName');

    // The same value again stores nothing: no revision, no push.
    const before = v.kiosk.all('case:state').length;
    expect(
      okData(
        await v.agent.request('form:revise', {
          caseId: opened.caseId,
          field: 'contactPhone',
          value: '13812345678',
          baseRevision: 2,
        }),
      ),
    ).toEqual({ revision: 2 });

    // The revisions are stored with who, when, old and new value.
    const admin = await import('../testing').then((m) => m.adminApi(t.server));
    const detail = await admin.getCase({ params: { caseId: opened.caseId } });
    expect(detail.revisions.map((r) => [r.revision, r.field, r.oldValue, r.newValue, r.by])).toEqual([
      [1, 'contactPhone', null, '13812345678', v.a.agent.id],
      [2, 'visitAddress', ADDRESS, '上海市徐汇区龙华西路一号', v.a.agent.id],
    ]);
    // getCase returns the values in full, and records the read.
    expect(detail.case.form.values.insuredIdNumber).toBe(ID_NUMBER);
    const reads = await admin.caseReads({ params: { caseId: opened.caseId } });
    expect(reads.reads.map((r) => r.what)).toEqual(['api:getCase']);
    expect(v.kiosk.all('case:state').length).toBe(before);
  });

  it('refuses a stale revision with CONFLICT and a bad value with its FIELD_ code, changing nothing', async () => {
    const v = await openVisit(t);
    const c = okData(
      await v.agent.request('case:open', { sessionId: v.sessionId, itemCode: 'ltci-assessment' }),
    );
    okData(
      await v.agent.request('form:revise', {
        caseId: c.caseId,
        field: 'contactName',
        value: '李明',
        baseRevision: 0,
      }),
    );
    const r1 = await stateAt(v.kiosk, c.caseId, (s) => s.form.revision === 1);
    const pushes = v.kiosk.all('case:state').length;

    const stale = await v.agent.request('form:revise', {
      caseId: c.caseId,
      field: 'contactName',
      value: '李强',
      baseRevision: 0,
    });
    expect(stale.ok ? null : stale.error.code).toBe('CONFLICT');

    const bad = await v.agent.request('form:revise', {
      caseId: c.caseId,
      field: 'contactPhone',
      value: '12345',
      baseRevision: 1,
    });
    expect(bad.ok ? null : bad.error).toEqual({
      code: 'FIELD_BAD_PHONE',
      message: '请填写11位手机号码，或带区号的固定电话，如 021-62345678',
    });
    const unknown = await v.agent.request('form:revise', {
      caseId: c.caseId,
      field: 'shoeSize',
      value: '42',
      baseRevision: 1,
    });
    expect(unknown.ok ? null : unknown.error.code).toBe('FIELD_UNKNOWN');
    // A masked number sent back as it was shown stands for the number: no change.
    const masked = okData(
      await v.agent.request('form:revise', {
        caseId: c.caseId,
        field: 'insuredIdNumber',
        value: maskIdNumber(ID_NUMBER),
        baseRevision: 1,
      }),
    );
    expect(masked).toEqual({ revision: 1 });

    // Nothing changed and nothing was pushed; a reload shows revision 1 as it was.
    expect(v.kiosk.all('case:state').length).toBe(pushes);
    const again = await connectKiosk(t.url, v.k.token);
    t.track(again);
    const resumed = await stateAt(again, c.caseId, () => true);
    expect(resumed).toEqual(r1);
  });

  it('refuses another agent and another kiosk', async () => {
    const v = await openVisit(t);
    const c = okData(
      await v.agent.request('case:open', { sessionId: v.sessionId, itemCode: 'ltci-assessment' }),
    );
    const other = await createTestAgent(t.server);
    const stranger = await connectAgent(t.url, other.token);
    const k2 = await createTestKiosk(t.server);
    const strangeKiosk = await connectKiosk(t.url, k2.token);
    t.track(stranger, strangeKiosk);

    const code = (a: { ok: boolean; error?: { code: string } }) => (a.ok ? 'ok' : a.error!.code);
    expect(
      code(await stranger.request('case:open', { sessionId: v.sessionId, itemCode: 'ltci-assessment' })),
    ).toBe('NOT_SESSION_MEMBER');
    expect(
      code(
        await stranger.request('form:revise', {
          caseId: c.caseId,
          field: 'contactName',
          value: 'x',
          baseRevision: 0,
        }),
      ),
    ).toBe('NOT_SESSION_MEMBER');
    expect(code(await stranger.request('form:reveal', { caseId: c.caseId, field: 'insuredIdNumber' }))).toBe(
      'NOT_SESSION_MEMBER',
    );
    expect(
      code(await strangeKiosk.request('form:flag', { caseId: c.caseId, field: 'contactName', revision: 0 })),
    ).toBe('NOT_SESSION_MEMBER');
    // The session's own kiosk may not edit, and its agent may not flag (roles).
    expect(
      code(
        await v.kiosk.request('form:revise', {
          caseId: c.caseId,
          field: 'contactName',
          value: 'x',
          baseRevision: 0,
        }),
      ),
    ).toBe('FORBIDDEN');
    expect(
      code(await v.agent.request('form:flag', { caseId: c.caseId, field: 'contactName', revision: 0 })),
    ).toBe('FORBIDDEN');
    expect(
      code(await v.agent.request('case:open', { sessionId: v.sessionId, itemCode: 'no-such-item' })),
    ).toBe('NOT_FOUND');
    // The strangers saw nothing of the case.
    expect(stranger.all('case:state')).toEqual([]);
    expect(strangeKiosk.all('case:state')).toEqual([]);
  });

  it('brings back the same form at the same revision after a reconnect on either side', async () => {
    const v = await openVisit(t);
    const c = okData(
      await v.agent.request('case:open', { sessionId: v.sessionId, itemCode: 'ltci-assessment' }),
    );
    okData(
      await v.agent.request('form:revise', {
        caseId: c.caseId,
        field: 'contactName',
        value: '李明',
        baseRevision: 0,
      }),
    );
    okData(await v.kiosk.request('form:flag', { caseId: c.caseId, field: 'insuredName', revision: 1 }));
    const latest = await stateAt(v.agent, c.caseId, (s) => s.form.flags.length === 1);

    v.kiosk.close();
    v.agent.close();
    const kiosk = await connectKiosk(t.url, v.k.token);
    const agent = await connectAgent(t.url, v.a.token);
    t.track(kiosk, agent);
    expect(await stateAt(kiosk, c.caseId, () => true)).toEqual(latest);
    expect(await stateAt(agent, c.caseId, () => true)).toEqual(latest);
    // And work goes on from there.
    okData(
      await agent.request('form:revise', {
        caseId: c.caseId,
        field: 'contactName',
        value: '李强',
        baseRevision: 1,
      }),
    );
    expect((await stateAt(kiosk, c.caseId, (s) => s.form.revision === 2)).form.values.contactName).toBe(
      '李强',
    );
  });

  it('reveals a masked number to the serving agent only, and records the read', async () => {
    const v = await openVisit(t);
    const c = okData(
      await v.agent.request('case:open', { sessionId: v.sessionId, itemCode: 'ltci-assessment' }),
    );
    expect(
      okData(await v.agent.request('form:reveal', { caseId: c.caseId, field: 'insuredIdNumber' })),
    ).toEqual({
      value: ID_NUMBER,
    });
    const notMasked = await v.agent.request('form:reveal', { caseId: c.caseId, field: 'contactName' });
    expect(notMasked.ok ? null : notMasked.error.code).toBe('NOT_FOUND');
    const admin = await import('../testing').then((m) => m.adminApi(t.server));
    const reads = await admin.caseReads({ params: { caseId: c.caseId } });
    expect(reads.reads).toEqual([
      { agentId: v.a.agent.id, at: expect.any(String), what: 'form:reveal insuredIdNumber' },
    ]);
    // The log names the field, never the number.
    expect(t.logText()).not.toContain(ID_NUMBER);
  });
});
