import { describe, expect, it } from 'vitest';
import { FieldErrorCode } from './codes';
import { fieldCodeOf, formValueSchema, valueSchemaOf } from './schema';
import { fieldOf, sampleFields } from './test-fields';

describe('valueSchemaOf / formValueSchema', () => {
  it('parses to the normalised value', () => {
    expect(valueSchemaOf(fieldOf('birthDate')).parse(' 1950.1.2 ')).toBe('1950-01-02');
    expect(valueSchemaOf(fieldOf('monthlyIncome')).parse('12')).toBe(12);
  });

  it('carries the stable code and the message in the requested language', () => {
    const r = valueSchemaOf(fieldOf('contactPhone'), { locale: 'en' }).safeParse('abc');
    expect(r.success).toBe(false);
    if (r.success) return;
    expect(fieldCodeOf(r.error.issues[0]!)).toBe(FieldErrorCode.BadPhone);
    expect(r.error.issues[0]!.message).toBe('Please give a phone number we can reach you on.');
  });

  it('points a group problem at the entry and sub-field inside the form', () => {
    const r = formValueSchema(sampleFields).safeParse({
      applicantName: '李',
      idNumber: '11010519491231002X',
      contactPhone: '13800138000',
      children: [{ childName: 'a', childPhone: '9' }],
    });
    expect(r.success).toBe(false);
    if (r.success) return;
    expect(r.error.issues).toHaveLength(1);
    expect(r.error.issues[0]!.path).toEqual(['children', 0, 'childPhone']);
    expect(fieldCodeOf(r.error.issues[0]!)).toBe(FieldErrorCode.BadPhone);
  });

  it('fills absent fields as empty, and refuses unknown ids with FIELD_UNKNOWN', () => {
    const ok = formValueSchema(sampleFields).parse({
      applicantName: ' 李 ',
      idNumber: '11010519491231002X',
      contactPhone: '13800138000',
    });
    expect(ok.applicantName).toBe('李');
    expect(ok.children).toEqual([]);
    expect(ok.nation).toBeNull();
    const bad = formValueSchema(sampleFields).safeParse({
      applicantName: '李',
      idNumber: '11010519491231002X',
      contactPhone: '13800138000',
      stray: 1,
    });
    expect(bad.success).toBe(false);
    if (bad.success) return;
    expect(bad.error.issues[0]!.path).toEqual(['stray']);
    expect(fieldCodeOf(bad.error.issues[0]!)).toBe(FieldErrorCode.UnknownField);
  });
});
