/**
 * Confirm and sign with real clients: the agent asks, the resident confirms the revision they saw
 * (bound to the server's hash) and signs it; any later change voids both, plainly, on both screens;
 * 办结 needs the signature on the current revision; the consent ledger keeps every step.
 */
import { describe, expect, it } from 'vitest';
import type { Ack } from '@rvw/shared';
import { adminApi, okData, type TestClient } from '../testing';
import { useTestServer } from '../testing/hooks';
import {
  CONFIRM_TEXT,
  SHARE_TEXT,
  SIGN_TEXT,
  STROKES,
  lastState,
  confirmForm,
  openVisit,
  signForm,
  stateAt,
} from './case-test-support';

const t = useTestServer();

const code = (a: Ack<unknown>) => (a.ok ? 'ok' : a.error.code);

/** Fills the required fields of ltci-assessment the card does not; returns the revision reached. */
async function fillRequired(agent: TestClient, caseId: string, from = 0): Promise<number> {
  const values: Array<[string, string]> = [
    ['applicantRelation', 'spouse'],
    ['insuranceType', 'employee'],
    ['contactName', '李明'],
    ['contactPhone', '13812345678'],
    ['currentSetting', 'home'],
  ];
  let revision = from;
  for (const [field, value] of values)
    revision = okData(
      await agent.request('form:revise', { caseId, field, value, baseRevision: revision }),
    ).revision;
  return revision;
}

describe('confirm and sign', () => {
  it('confirms and signs the current revision, voids both on a change, and needs them for 办结', async () => {
    const v = await openVisit(t);
    const c = okData(
      await v.agent.request('case:open', { sessionId: v.sessionId, itemCode: 'ltci-assessment' }),
    );
    // Nothing to confirm while a required field is empty.
    const early = await v.agent.request('form:request-confirm', { caseId: c.caseId, revision: 0 });
    expect(early.ok ? null : early.error).toEqual({
      code: 'FIELD_REQUIRED',
      message: '请填写“申请人与被评估人的关系”。',
    });

    const rev = await fillRequired(v.agent, c.caseId);
    expect(rev).toBe(5);
    okData(await v.agent.request('form:request-confirm', { caseId: c.caseId, revision: rev }));
    const asked = await stateAt(v.kiosk, c.caseId, (s) => s.form.confirmRequested === rev);
    const hash = asked.form.hash;

    expect(
      code(
        await v.kiosk.request('form:sign', {
          caseId: c.caseId,
          revision: rev,
          hash,
          strokes: STROKES,
          consentText: SIGN_TEXT,
          locale: 'zh-CN',
        }),
      ),
    ).toBe('FORM_NOT_CONFIRMED');
    expect(
      code(
        await v.kiosk.request('form:confirm', {
          caseId: c.caseId,
          revision: rev,
          hash: 'a'.repeat(64),
          consentText: CONFIRM_TEXT,
          locale: 'zh-CN',
        }),
      ),
    ).toBe('FORM_HASH_MISMATCH');
    expect(
      code(
        await v.kiosk.request('form:confirm', {
          caseId: c.caseId,
          revision: rev - 1,
          hash,
          consentText: CONFIRM_TEXT,
          locale: 'zh-CN',
        }),
      ),
    ).toBe('CONFLICT');
    await confirmForm(v.kiosk, c.caseId, rev, hash);
    const confirmed = await stateAt(v.agent, c.caseId, (s) => s.form.confirmation !== null);
    expect(confirmed.form.confirmation).toEqual({ revision: rev, hash, at: expect.any(String) });
    expect(confirmed.form.confirmRequested).toBeNull();

    // 办结 needs the signature first.
    expect(
      code(await v.agent.request('case:outcome', { caseId: c.caseId, record: { outcome: 'completed' } })),
    ).toBe('CASE_NOT_SIGNED');
    await signForm(v.kiosk, c.caseId, rev, hash);
    const signed = await stateAt(v.agent, c.caseId, (s) => s.form.signature !== null);
    expect(signed.form.signature).toEqual({ revision: rev, hash, signedAt: expect.any(String) });
    expect(signed.form.voided).toBe(false);

    // A later change voids the confirmation and the signature, and both screens are told.
    const from = v.kiosk.received.length;
    okData(
      await v.agent.request('form:revise', {
        caseId: c.caseId,
        field: 'contactName',
        value: '李强',
        baseRevision: rev,
      }),
    );
    for (const member of [v.kiosk, v.agent]) {
      const s = await stateAt(member, c.caseId, (x) => x.form.revision === rev + 1);
      expect(s.form).toMatchObject({
        voided: true,
        confirmation: null,
        signature: null,
        confirmRequested: null,
      });
    }
    expect(
      code(await v.agent.request('case:outcome', { caseId: c.caseId, record: { outcome: 'completed' } })),
    ).toBe('CASE_NOT_SIGNED');
    // The next push says voided no more.
    okData(
      await v.kiosk.request('form:flag', { caseId: c.caseId, field: 'contactPhone', revision: rev + 1 }),
    );
    expect((await stateAt(v.kiosk, c.caseId, (s) => s.form.flags.length === 1, from)).form.voided).toBe(
      false,
    );

    // Confirm and sign again; 办结 then closes the case and nothing changes it any more.
    const rev2 = rev + 1;
    okData(await v.agent.request('form:request-confirm', { caseId: c.caseId, revision: rev2 }));
    const hash2 = (await stateAt(v.kiosk, c.caseId, (s) => s.form.confirmRequested === rev2)).form.hash;
    await confirmForm(v.kiosk, c.caseId, rev2, hash2);
    await signForm(v.kiosk, c.caseId, rev2, hash2, 'en');
    const closed = okData(
      await v.agent.request('case:outcome', {
        caseId: c.caseId,
        record: { outcome: 'completed', note: '材料齐全' },
      }),
    );
    expect(closed.status).toBe('closed');
    expect(closed.outcome).toEqual({
      outcome: 'completed',
      reason: null,
      nextStep: null,
      at: expect.any(String),
    });
    expect((await stateAt(v.kiosk, c.caseId, (s) => s.status === 'closed')).outcome?.outcome).toBe(
      'completed',
    );
    expect(
      code(
        await v.agent.request('form:revise', {
          caseId: c.caseId,
          field: 'contactName',
          value: '王五',
          baseRevision: rev2,
        }),
      ),
    ).toBe('CASE_CLOSED');
    expect(
      code(await v.kiosk.request('form:flag', { caseId: c.caseId, field: 'contactName', revision: rev2 })),
    ).toBe('CASE_CLOSED');
    expect(
      code(await v.agent.request('case:abandon', { caseId: c.caseId, record: { reason: '不办了' } })),
    ).toBe('CASE_CLOSED');

    // Read back: the signature's strokes on the signed revision, the ledger with every consent.
    const admin = await adminApi(t.server);
    const detail = await admin.getCase({ params: { caseId: c.caseId } });
    expect(detail.signature).toEqual({
      revision: rev2,
      hash: hash2,
      signedAt: expect.any(String),
      strokes: STROKES,
    });
    expect(detail.outcomeNote).toBe('材料齐全');
    expect(detail.revisions).toHaveLength(rev2);
    const { entries } = await admin.caseConsents({ params: { caseId: c.caseId } });
    expect(entries.map((e) => [e.kind, e.revision, e.hash, e.text, e.locale])).toEqual([
      ['share-identity', null, null, SHARE_TEXT, 'zh-CN'],
      ['confirm-form', rev, hash, CONFIRM_TEXT, 'zh-CN'],
      ['sign-form', rev, hash, SIGN_TEXT, 'zh-CN'],
      ['confirm-form', rev2, hash2, CONFIRM_TEXT, 'zh-CN'],
      ['sign-form', rev2, hash2, SIGN_TEXT, 'en'],
    ]);
    expect(entries.every((e) => e.kioskId === v.k.kiosk.id && e.ticketId === v.ticket.id)).toBe(true);
    expect(lastState(v.agent, c.caseId)?.status).toBe('closed');
  });

  it('takes a signature with as many points as the protocol allows over the socket', async () => {
    const v = await openVisit(t);
    const c = okData(
      await v.agent.request('case:open', { sessionId: v.sessionId, itemCode: 'ltci-assessment' }),
    );
    const rev = await fillRequired(v.agent, c.caseId);
    const hash = (await stateAt(v.kiosk, c.caseId, (s) => s.form.revision === rev)).form.hash;
    await confirmForm(v.kiosk, c.caseId, rev, hash);
    // 200 strokes of 100 points: 20 000, with long numbers, as a pen's pointer events give them.
    const strokes = {
      canvas: { width: 1920, height: 540 },
      strokes: Array.from({ length: 200 }, (_, s) => ({
        points: Array.from({ length: 100 }, (_, i) => ({
          x: 1000.123456789 + i,
          y: 500.987654321 + s,
          time: 1_765_000_000_000.123 + s * 100 + i,
          pressure: 0.4980392156862745,
        })),
      })),
    };
    expect(JSON.stringify(strokes).length).toBeGreaterThan(1_000_000);
    okData(
      await v.kiosk.request(
        'form:sign',
        { caseId: c.caseId, revision: rev, hash, strokes, consentText: SIGN_TEXT, locale: 'zh-CN' },
        15_000,
      ),
    );
    expect(v.kiosk.connected).toBe(true);
    const detail = await (await adminApi(t.server)).getCase({ params: { caseId: c.caseId } });
    expect(detail.signature?.strokes).toEqual(strokes);
  });

  it('keeps the consent ledger append-only: the database refuses UPDATE and DELETE', async () => {
    const v = await openVisit(t);
    const db = t.server.db;
    const before = await db.selectFrom('consent_entries').selectAll().execute();
    expect(before).toHaveLength(1);
    await expect(db.updateTable('consent_entries').set({ text: 'changed' }).execute()).rejects.toThrow(
      /append-only/,
    );
    await expect(db.deleteFrom('consent_entries').execute()).rejects.toThrow(/append-only/);
    expect(await db.selectFrom('consent_entries').selectAll().execute()).toEqual(before);
    expect(before[0]).toMatchObject({
      kind: 'share-identity',
      kiosk_id: v.k.kiosk.id,
      ticket_id: v.ticket.id,
    });
  });
});
