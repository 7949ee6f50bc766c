/**
 * The pure rules of a case and its wire view: each transition and refusal, masking and the reverse
 * rule for masked values sent back, without a server.
 */
import { describe, expect, it } from 'vitest';
import { CatalogueItem, formHash, maskIdNumber, type AppError, type FormValues } from '@rvw/shared';
import type { CaseRecord } from './case-record';
import * as rules from './case-rules';
import { maskValues, maskedValueAt, toCaseState, unmaskSent } from './case-view';
import { ID_NUMBER } from './case-test-support';

const label = (zh: string) => ({ zh, en: zh });
const item = CatalogueItem.parse({
  code: 'test-item',
  version: 3,
  name: label('测试事项'),
  category: 'residence',
  skillGroup: 'residence',
  nextSteps: [label('等通知')],
  form: {
    fields: [
      { id: 'name', kind: 'text', required: true, label: label('姓名'), prefill: 'name' },
      { id: 'idNo', kind: 'idNumber', required: true, label: label('身份证号'), prefill: 'idNumber' },
      { id: 'phone', kind: 'phone', required: false, label: label('电话') },
      {
        id: 'family',
        kind: 'group',
        label: label('家庭成员'),
        maxItems: 4,
        fields: [
          { id: 'who', kind: 'text', required: true, label: label('姓名') },
          { id: 'idNo', kind: 'idNumber', required: true, label: label('证件号') },
        ],
      },
    ],
  },
});
const consult = CatalogueItem.parse({
  code: 'ask',
  version: 1,
  name: label('咨询'),
  category: 'consultation',
  skillGroup: 'general',
  consultationOnly: true,
  nextSteps: [label('无')],
});

const at = new Date('2026-12-07T02:00:00.000Z');

async function record(
  values: FormValues = { name: '王秀英', idNo: ID_NUMBER, phone: null, family: [] },
): Promise<CaseRecord> {
  return {
    id: 'case-1',
    number: 'JA-20261207-0001',
    sessionId: 's',
    ticketId: 't',
    kioskId: 'k',
    agentId: 'a',
    item,
    status: 'open',
    revision: 0,
    values,
    hash: await formHash(item.form.fields, values),
    fromCard: ['name', 'idNo'],
    flags: [],
    lastChanged: null,
    confirmRequested: null,
    confirmation: null,
    signature: null,
    outcome: null,
    abandonReason: null,
    openedAt: at.toISOString(),
    closedAt: null,
    identityPurgedAt: null,
  };
}

const codeOf = (fn: () => unknown): string => {
  try {
    fn();
  } catch (err) {
    return (err as AppError).code;
  }
  return 'ok';
};
const asyncCodeOf = async (p: Promise<unknown>): Promise<string> =>
  p.then(
    () => 'ok',
    (err: AppError) => err.code,
  );

describe('revise', () => {
  it('stores a change: new hash, flags on the field cleared, off the card, request cleared', async () => {
    let rec = await record();
    rec = rules.flag(rec, 'name', 0, at);
    rec = rules.flag(rec, 'phone', 0, at);
    rec = { ...rec, confirmRequested: 0 };
    const r = await rules.revise(rec, { field: 'name', value: ' 王秀兰 ', baseRevision: 0 }, 'a', at);
    expect(r.revision).toMatchObject({
      revision: 1,
      field: 'name',
      oldValue: '王秀英',
      newValue: '王秀兰',
      by: 'a',
    });
    expect(r.rec).toMatchObject({
      revision: 1,
      lastChanged: 'name',
      fromCard: ['idNo'],
      confirmRequested: null,
    });
    expect(r.rec.flags.map((f) => f.field)).toEqual(['phone']);
    expect(r.rec.hash).toBe(await formHash(item.form.fields, r.rec.values));
    expect(r.rec.hash).not.toBe(rec.hash);
    expect(r.voided).toBe(false);
  });

  it('voids a confirmation and a signature, and refuses stale, bad and closed changes', async () => {
    let rec = await record();
    rec = rules.confirm(rec, 0, rec.hash, at);
    rec = rules.sign(rec, 0, rec.hash, at);
    const r = await rules.revise(rec, { field: 'phone', value: '13812345678', baseRevision: 0 }, 'a', at);
    expect(r).toMatchObject({ voided: true, rec: { confirmation: null, signature: null } });
    expect(
      await asyncCodeOf(rules.revise(r.rec, { field: 'phone', value: '1', baseRevision: 0 }, 'a', at)),
    ).toBe('CONFLICT');
    expect(
      await asyncCodeOf(rules.revise(r.rec, { field: 'phone', value: '1', baseRevision: 1 }, 'a', at)),
    ).toBe('FIELD_BAD_PHONE');
    expect(
      await asyncCodeOf(rules.revise(r.rec, { field: 'name', value: '', baseRevision: 1 }, 'a', at)),
    ).toBe('FIELD_REQUIRED');
    const closed = rules.abandon(r.rec, '不办了', at);
    expect(
      await asyncCodeOf(rules.revise(closed, { field: 'phone', value: null, baseRevision: 1 }, 'a', at)),
    ).toBe('CASE_CLOSED');
  });

  it('takes a masked number sent back as the number it masks, in groups by position', async () => {
    const rec = await record({
      name: '王秀英',
      idNo: ID_NUMBER,
      phone: null,
      family: [{ who: '李明', idNo: ID_NUMBER }],
    });
    const same = await rules.revise(
      rec,
      { field: 'idNo', value: maskIdNumber(ID_NUMBER), baseRevision: 0 },
      'a',
      at,
    );
    expect(same.revision).toBeNull();
    const { values } = maskValues(item.form.fields, rec.values);
    const family = values.family as Array<Record<string, string>>;
    const added = [...family, { who: '李强', idNo: ID_NUMBER }];
    const r = await rules.revise(rec, { field: 'family', value: added, baseRevision: 0 }, 'a', at);
    expect(r.rec.values.family).toEqual([
      { who: '李明', idNo: ID_NUMBER },
      { who: '李强', idNo: ID_NUMBER },
    ]);
    // A masked value at a position where another number was held is not a number: refused.
    const swapped = [{ who: '李强', idNo: maskIdNumber('110101199003070011') }];
    expect(
      await asyncCodeOf(rules.revise(rec, { field: 'family', value: swapped, baseRevision: 0 }, 'a', at)),
    ).toBe('FIELD_BAD_ID_NUMBER');
  });
});

describe('confirm, sign and outcome', () => {
  it('confirms only the current revision and hash, and signs only what was confirmed', async () => {
    const rec = await record();
    expect(codeOf(() => rules.confirm(rec, 1, rec.hash, at))).toBe('CONFLICT');
    expect(codeOf(() => rules.confirm(rec, 0, 'f'.repeat(64), at))).toBe('FORM_HASH_MISMATCH');
    expect(codeOf(() => rules.sign(rec, 0, rec.hash, at))).toBe('FORM_NOT_CONFIRMED');
    const confirmed = rules.confirm({ ...rec, confirmRequested: 0 }, 0, rec.hash, at);
    expect(confirmed.confirmRequested).toBeNull();
    expect(rules.sign(confirmed, 0, rec.hash, at).signature).toEqual({
      revision: 0,
      hash: rec.hash,
      signedAt: at.toISOString(),
    });
  });

  it('needs the signature for 办结 and 受理 of a form item only', async () => {
    const rec = await record();
    expect(codeOf(() => rules.recordOutcome(rec, { outcome: 'completed' }, at))).toBe('CASE_NOT_SIGNED');
    expect(codeOf(() => rules.recordOutcome(rec, { outcome: 'accepted' }, at))).toBe('CASE_NOT_SIGNED');
    expect(rules.recordOutcome(rec, { outcome: 'consultation' }, at).status).toBe('closed');
    const signed = rules.sign(rules.confirm(rec, 0, rec.hash, at), 0, rec.hash, at);
    expect(rules.recordOutcome(signed, { outcome: 'completed' }, at).outcome?.outcome).toBe('completed');
    expect(rules.recordOutcome({ ...rec, item: consult }, { outcome: 'completed' }, at).status).toBe(
      'closed',
    );
    expect(rules.needsSignature(consult)).toBe(false);
    // Free text is kept without anything shaped like an ID number.
    const told = rules.recordOutcome(
      rec,
      { outcome: 'not-done', reason: `号码${ID_NUMBER}不对`, nextStep: '带户口本再来' },
      at,
    );
    expect(told.outcome?.reason).toBe(`号码${maskIdNumber(ID_NUMBER)}不对`);
  });

  it('flags only known fields, at a revision already reached', async () => {
    const rec = await record();
    expect(codeOf(() => rules.flag(rec, 'shoe', 0, at))).toBe('FIELD_UNKNOWN');
    expect(codeOf(() => rules.flag(rec, 'name', 1, at))).toBe('CONFLICT');
    const twice = rules.flag(rules.flag(rec, 'name', 0, at), 'name', 0, at);
    expect(twice.flags).toHaveLength(1);
  });

  it('asks for confirmation only when every field passes', async () => {
    const rec = await record({ name: '王秀英', idNo: null, phone: null, family: [] });
    expect(codeOf(() => rules.requestConfirm(rec, 0))).toBe('FIELD_REQUIRED');
    const full = await record();
    expect(codeOf(() => rules.requestConfirm(full, 1))).toBe('CONFLICT');
    expect(rules.requestConfirm(full, 0).confirmRequested).toBe(0);
  });
});

describe('the wire view', () => {
  it('masks identity numbers (group sub-fields as group.sub) and reads them back by path', async () => {
    const rec = await record({
      name: '王秀英',
      idNo: ID_NUMBER,
      phone: null,
      family: [{ who: '李明', idNo: ID_NUMBER }],
    });
    const state = toCaseState(rec, true);
    expect(state.form.maskedFields).toEqual(['idNo', 'family.idNo']);
    expect(state.form.values.idNo).toBe(maskIdNumber(ID_NUMBER));
    expect(state.form.values.family).toEqual([{ who: '李明', idNo: maskIdNumber(ID_NUMBER) }]);
    expect(state.form.voided).toBe(true);
    expect(state.item).toEqual({ code: 'test-item', version: 3, name: item.name, fields: item.form.fields });
    expect(JSON.stringify(state)).not.toContain(ID_NUMBER);
    expect(maskedValueAt(item.form.fields, rec.values, 'idNo')).toBe(ID_NUMBER);
    expect(maskedValueAt(item.form.fields, rec.values, 'family.0.idNo')).toBe(ID_NUMBER);
    expect(maskedValueAt(item.form.fields, rec.values, 'family.0.who')).toBeUndefined();
    expect(maskedValueAt(item.form.fields, rec.values, 'name')).toBeUndefined();
    expect(maskedValueAt(item.form.fields, rec.values, 'family.1.idNo')).toBeUndefined();
    expect(unmaskSent(item.form.fields[0]!, 'x', 'y')).toBe('x');
  });
});
