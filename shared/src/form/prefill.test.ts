import { describe, expect, it } from 'vitest';
import { FieldDescription, IdentityAttribute } from '../catalogue/fields';
import type { ResidentIdentity } from '../identity';
import { prefillFrom, type PrefillIdentity } from './prefill';
import { sampleFields } from './test-fields';
import { validateField } from './validate';

const L = (zh: string, en: string) => ({ zh, en });
const field = (f: unknown) => FieldDescription.parse(f);

/** A resident card as the server holds it once part 2 adds address, issuer and validity. */
const card: PrefillIdentity = {
  name: '李秀英',
  gender: 'female',
  nation: '汉',
  birthDate: '1950-01-01',
  address: '上海市黄浦区南京东路街道福州路318弄7号',
  idNumber: '11010519491231002X',
  issuer: '上海市公安局黄浦分局',
  validFrom: '2008-05-20',
  validTo: 'long-term',
};

describe('prefillFrom', () => {
  it('fills one field for every identity attribute, all marked as from the ID card', () => {
    const { values, fromCard } = prefillFrom(sampleFields, card);
    const prefilled = sampleFields.filter((f) => f.prefill);
    // Every attribute the card carries has a field in the sample form, so the test covers them all.
    expect(new Set(prefilled.map((f) => f.prefill))).toEqual(new Set(IdentityAttribute.options));
    expect(fromCard.sort()).toEqual(prefilled.map((f) => f.id).sort());
    expect(values).toEqual({
      applicantName: '李秀英',
      gender: 'female',
      nation: '汉',
      birthDate: '1950-01-01',
      homeAddress: '上海市黄浦区南京东路街道福州路318弄7号',
      idNumber: '11010519491231002X',
      issuer: '上海市公安局黄浦分局',
      validity: '2008-05-20 至 长期',
    });
    // What prefill writes passes the field's own validation.
    for (const f of prefilled) expect(validateField(f, values[f.id]).ok, f.id).toBe(true);
  });

  it('leaves fields empty (and not from the card) for attributes the card lacks', () => {
    const foreigner: PrefillIdentity = {
      name: 'SMITH JOHN',
      gender: 'male',
      birthDate: '1980-02-03',
      idNumber: 'USA310012345678',
    };
    const { values, fromCard } = prefillFrom(sampleFields, foreigner);
    expect(fromCard.sort()).toEqual(['applicantName', 'birthDate', 'gender', 'idNumber']);
    expect(values.nation).toBeUndefined();
    expect(values.homeAddress).toBeUndefined();
    expect(values.validity).toBeUndefined();
  });

  it('maps gender and nation onto a choice by value or Chinese label, and to words in text', () => {
    const fields = [
      field({
        id: 'sex',
        kind: 'choice',
        label: L('性别', 'Sex'),
        prefill: 'gender',
        options: [
          { value: 'M', label: L('男', 'Male') },
          { value: 'F', label: L('女', 'Female') },
        ],
      }),
      field({ id: 'sexText', kind: 'text', label: L('性别', 'Sex'), prefill: 'gender' }),
      field({
        id: 'ethnic',
        kind: 'choice',
        label: L('民族', 'Ethnic group'),
        prefill: 'nation',
        options: [
          { value: 'han', label: L('汉族', 'Han') },
          { value: 'hui', label: L('回族', 'Hui') },
        ],
      }),
    ];
    expect(prefillFrom(fields, card).values).toEqual({ sex: 'F', sexText: '女', ethnic: 'han' });
    expect(prefillFrom(fields, { ...card, gender: 'male', nation: '回' }).values).toEqual({
      sex: 'M',
      sexText: '男',
      ethnic: 'hui',
    });
    // A nation the list does not offer is left for the agent, not forced.
    const r = prefillFrom(fields, { ...card, nation: '满' });
    expect(r.values.ethnic).toBeUndefined();
    expect(r.fromCard).not.toContain('ethnic');
  });

  it('puts the end of validity into a date field, and nothing for 长期', () => {
    const fields = [
      field({ id: 'validUntil', kind: 'date', label: L('有效期至', 'Valid until'), prefill: 'validity' }),
    ];
    expect(prefillFrom(fields, { ...card, validTo: '2035-05-20' }).values).toEqual({
      validUntil: '2035-05-20',
    });
    expect(prefillFrom(fields, card).fromCard).toEqual([]);
    const text = [field({ id: 'v', kind: 'text', label: L('有效期限', 'Valid'), prefill: 'validity' })];
    expect(prefillFrom(text, { ...card, validTo: '2028-05-20' }).values).toEqual({
      v: '2008-05-20 至 2028-05-20',
    });
  });

  it("takes the server's consented identity as it is (address and issuer once part 2 adds them)", () => {
    const consented: ResidentIdentity = {
      cardType: 'resident',
      name: '李秀英',
      gender: 'female',
      birthDate: '1950-01-01',
      idNumber: '11010519491231002X',
      idNumberValid: true,
      nation: '汉',
    };
    // Compiles only while ResidentIdentity stays assignable to PrefillIdentity.
    const r = prefillFrom(sampleFields, consented);
    expect(r.fromCard.sort()).toEqual(['applicantName', 'birthDate', 'gender', 'idNumber', 'nation']);
  });

  it('never fills a field without prefill, nor a group', () => {
    const { values } = prefillFrom(sampleFields, card);
    expect(values.contactPhone).toBeUndefined();
    expect(values.children).toBeUndefined();
  });
});
