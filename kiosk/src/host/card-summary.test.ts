import { describe, expect, it } from 'vitest';
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
  it('sends only the minimum identity', () => {
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
    });
  });
});
