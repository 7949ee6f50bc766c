import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  ageOn,
  idCheckDigit,
  isValidIdNumber,
  maskIdNumber,
  summarizeIdentity,
  type ResidentIdentity,
} from './identity';

describe('maskIdNumber', () => {
  it('keeps the first 3 and last 4 of long numbers', () => {
    expect(maskIdNumber('310106194803150021')).toBe('310***********0021');
    expect(maskIdNumber('ABC123456789012')).toBe('ABC********9012');
  });
  it('keeps only the last 2 of short numbers, nothing of tiny ones', () => {
    expect(maskIdNumber('12345678')).toBe('******78');
    expect(maskIdNumber('1234')).toBe('****');
  });
  it('never returns more than 7 characters of a long number in clear', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 10, maxLength: 36 }).filter((s) => s.trim() === s),
        (s) => {
          const m = maskIdNumber(s);
          expect(m.length).toBe(s.length);
          expect(m.replace(/\*/g, '').length).toBeLessThanOrEqual(7);
        },
      ),
    );
  });
});

describe('GB 11643 check digit', () => {
  it('accepts correct numbers (including X) and rejects a changed digit', () => {
    const first17 = '11010519491231002';
    const good = first17 + idCheckDigit(first17)!;
    expect(good).toBe('11010519491231002X');
    expect(isValidIdNumber(good)).toBe(true);
    expect(isValidIdNumber(good.toLowerCase())).toBe(true);
    expect(isValidIdNumber('11010519491231003X')).toBe(false);
    expect(isValidIdNumber('1101051949123100')).toBe(false);
    expect(idCheckDigit('abc')).toBeNull();
  });
  it('detects every single-digit change', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^\d{17}$/),
        fc.integer({ min: 0, max: 16 }),
        fc.integer({ min: 1, max: 9 }),
        (body, pos, delta) => {
          const good = body + idCheckDigit(body)!;
          const changed = body.slice(0, pos) + ((Number(body[pos]) + delta) % 10) + body.slice(pos + 1);
          expect(isValidIdNumber(good)).toBe(true);
          expect(isValidIdNumber(changed + good[17])).toBe(false);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('ageOn and summarizeIdentity', () => {
  it('counts whole years, turning on the birthday', () => {
    expect(ageOn('1948-03-15', new Date(2026, 2, 14))).toBe(77);
    expect(ageOn('1948-03-15', new Date(2026, 2, 15))).toBe(78);
    expect(ageOn('2030-01-01', new Date(2026, 0, 1))).toBe(0);
  });
  it('summarizes without the full number', () => {
    const id: ResidentIdentity = {
      cardType: 'hk-macao-taiwan',
      name: '陈大文',
      gender: 'male',
      birthDate: '1950-06-01',
      idNumber: '810000195006010015',
      idNumberValid: true,
    };
    const s = summarizeIdentity(id, new Date(2026, 5, 1));
    expect(s).toEqual({
      cardType: 'hk-macao-taiwan',
      name: '陈大文',
      gender: 'male',
      age: 76,
      idNumberMasked: '810***********0015',
    });
    expect(JSON.stringify(s)).not.toContain(id.idNumber);
  });
});
