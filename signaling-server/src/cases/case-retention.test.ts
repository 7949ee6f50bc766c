/**
 * Retention of case identity data: kept (encrypted) for the configured days after the case closed,
 * then full numbers masked and addresses deleted everywhere (values, revisions), the strokes deleted;
 * the case, its outcome, hashes and the ledger stay.
 */
import { describe, expect, it } from 'vitest';
import { maskIdNumber, type AnyField } from '@rvw/shared';
import { adminApi, okData } from '../testing';
import { useTestServer } from '../testing/hooks';
import { purgeFormValues } from './case-retention';
import { ADDRESS, ID_NUMBER, STROKES, openVisit, signedAssessmentCase } from './case-test-support';

let offsetMs = 0;
const t = useTestServer({ clock: () => new Date(Date.now() + offsetMs), caseIdentityRetentionDays: 90 });

describe('case identity retention', () => {
  it('keeps the values for the retention period, then masks numbers and deletes addresses', async () => {
    offsetMs = 0;
    const v = await openVisit(t);
    const { caseId, revision, hash } = await signedAssessmentCase(v.agent, v.kiosk, v.sessionId);
    okData(await v.agent.request('case:outcome', { caseId, record: { outcome: 'accepted' } }));
    okData(await v.agent.request('session:end', { sessionId: v.sessionId }));
    const admin = await adminApi(t.server);

    // 89 days later everything is still held.
    offsetMs = 89 * 86_400_000;
    await t.server.retention.runOnce();
    offsetMs = 0;
    const held = await admin.getCase({ params: { caseId } });
    expect(held.case.form.values.insuredIdNumber).toBe(ID_NUMBER);
    expect(held.signature?.strokes).toEqual(STROKES);

    offsetMs = 91 * 86_400_000;
    await t.server.retention.runOnce();
    offsetMs = 0;
    const purged = await admin.getCase({ params: { caseId } });
    const values = purged.case.form.values;
    expect(values.insuredIdNumber).toBe(maskIdNumber(ID_NUMBER));
    expect(values.visitAddress).toBeNull();
    expect(values.contactPhone).toBe('13812345678');
    expect(purged.revisions.find((r) => r.field === 'visitAddress')).toMatchObject({
      oldValue: null,
      newValue: null,
    });
    // What was signed is still known (revision, hash), but not the strokes.
    expect(purged.case.form.signature).toEqual({ revision, hash, signedAt: expect.any(String) });
    expect(purged.signature).toBeNull();
    expect(purged.case.outcome?.outcome).toBe('accepted');
    expect((await admin.caseConsents({ params: { caseId } })).entries).toHaveLength(3);
    expect(t.logText()).toContain('case identity data past its retention purged');
  });
});

describe('purgeFormValues', () => {
  it('masks identity numbers and deletes addresses, in groups too, and keeps the rest', () => {
    const label = { zh: '项', en: 'Field' };
    const fields = [
      { id: 'name', kind: 'text', label, required: false, prefill: 'name' },
      { id: 'idNo', kind: 'idNumber', label, required: false },
      { id: 'home', kind: 'address', label, required: false },
      { id: 'cardAddress', kind: 'text', label, required: false, prefill: 'address' },
      {
        id: 'family',
        kind: 'group',
        label,
        required: false,
        minItems: 0,
        maxItems: 5,
        fields: [
          { id: 'who', kind: 'text', label, required: false },
          { id: 'idNo', kind: 'idNumber', label, required: false },
        ],
      },
    ] as unknown as AnyField[];
    expect(
      purgeFormValues(fields, {
        name: '王秀英',
        idNo: ID_NUMBER,
        home: ADDRESS,
        cardAddress: ADDRESS,
        family: [{ who: '李明', idNo: ID_NUMBER }],
      }),
    ).toEqual({
      name: '王秀英',
      idNo: maskIdNumber(ID_NUMBER),
      home: null,
      cardAddress: null,
      family: [{ who: '李明', idNo: maskIdNumber(ID_NUMBER) }],
    });
  });
});
