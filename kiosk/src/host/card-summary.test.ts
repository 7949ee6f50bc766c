import { describe, expect, it } from 'vitest';
import { ResidentIdentity } from '@rvw/shared';
import { familyNameOf, summarizeCard, toResidentIdentity } from './card-summary';
import { sampleForeignCard, sampleResidentCard } from './fake-reader';

describe('familyNameOf', () => {
  it('takes the first character of a Chinese name', () => {
    expect(familyNameOf({ cardType: 'resident', name: '李秀英' })).toBe('李');
    expect(familyNameOf({ cardType: 'hk-macao-taiwan', name: '陈大文' })).toBe('陈');
  });
  it('keeps compound surnames whole', () => {
    expect(familyNameOf({ cardType: 'resident', name: '欧阳明华' })).toBe('欧阳');
    expect(familyNameOf({ cardType: 'resident', name: '司马光' })).toBe('司马');
  });
  it('is empty for foreign cards and empty names', () => {
    expect(familyNameOf({ cardType: 'foreign-permanent-2023', name: '史密斯' })).toBe('');
    expect(familyNameOf({ cardType: 'resident', name: '  ' })).toBe('');
  });
});

describe('summarizeCard / toResidentIdentity', () => {
  it('masks the number and computes the age on the given day', () => {
    const s = summarizeCard(sampleResidentCard, new Date('2025-03-06T12:00:00'));
    expect(s.age).toBe(75);
    expect(s.idNumberMasked).toBe('310***********0021');
    expect(Object.keys(s).sort()).toEqual([
      'age',
      'cardType',
      'familyName',
      'gender',
      'idNumberMasked',
      'name',
    ]);
  });
  it('carries the English name of a foreigner card, for greeting in English', () => {
    expect(summarizeCard(sampleForeignCard).englishName).toBe('SMITH, JOHN');
    expect(summarizeCard(sampleResidentCard)).not.toHaveProperty('englishName');
  });
  it("sends what a form is prefilled from, and nothing of the card's technical extras", () => {
    const id = toResidentIdentity(sampleForeignCard);
    expect(id).toEqual({
      cardType: 'foreign-permanent',
      name: 'SMITH, JOHN',
      englishName: 'SMITH, JOHN',
      gender: 'male',
      birthDate: '1950-06-01',
      idNumber: 'USA310050060110',
      idNumberValid: false,
      nationality: 'USA',
      validFrom: sampleForeignCard.validFrom,
      validTo: sampleForeignCard.validTo,
    });
  });
  it('carries the address, issuer and validity of a resident card (issue 9 part 2)', () => {
    const id = toResidentIdentity(sampleResidentCard);
    expect(id).toEqual({
      cardType: 'resident',
      name: '李秀英',
      gender: 'female',
      nation: '汉',
      birthDate: '1949-03-07',
      idNumber: '310106194903070021',
      idNumberValid: true,
      address: '上海市静安区示例路1号',
      issuer: '上海市公安局静安分局',
      validFrom: '2015-01-01',
      validTo: 'long-term',
    });
    expect(ResidentIdentity.safeParse(id).success).toBe(true);
  });
  it('takes the newest appended address as the current one, and leaves out what the server would refuse', () => {
    const moved = {
      ...sampleResidentCard,
      appendedAddress: ' 上海市徐汇区新址路2号 ',
      issuer: '  ',
      validFrom: '20150101',
      validTo: '2035-01-01',
      passNumber: 'H123',
    };
    const id = toResidentIdentity(moved);
    expect(id.address).toBe('上海市徐汇区新址路2号');
    expect(id).not.toHaveProperty('issuer');
    expect(id).not.toHaveProperty('validFrom');
    expect(id.validTo).toBe('2035-01-01');
    expect(JSON.stringify(id)).not.toContain('H123');
    const long = toResidentIdentity({ ...sampleResidentCard, address: '路'.repeat(250) });
    expect(Array.from(long.address!)).toHaveLength(200);
    expect(ResidentIdentity.safeParse(long).success).toBe(true);
  });
});
