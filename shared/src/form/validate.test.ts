import { describe, expect, it } from 'vitest';
import { FieldDescription } from '../catalogue/fields';
import { idCheckDigit } from '../identity';
import { FieldErrorCode } from './codes';
import { fieldOf } from './test-fields';
import { validateField, validateForm } from './validate';
import { sampleFields } from './test-fields';

const field = (f: unknown) => FieldDescription.parse(f);
const L = (zh: string, en: string) => ({ zh, en });

/** A valid 18-character number with the given first 17 digits. */
const withCheck = (first17: string) => first17 + idCheckDigit(first17)!;
const VALID_ID = withCheck('31010119500101123');
const wrongCheck = VALID_ID.slice(0, 17) + (VALID_ID[17] === '0' ? '1' : '0');

const codeOf = (f: FieldDescription, v: unknown, now?: Date) => {
  const r = validateField(f, v, now ? { now } : {});
  return r.ok ? 'ok' : r.code;
};

describe('validateField, kind by kind', () => {
  const cases: [string, FieldDescription, unknown, string][] = [
    // text: required, pattern, lengths
    ['text ok', fieldOf('applicantName'), '  李秀英 ', 'ok'],
    ['text required', fieldOf('applicantName'), '   ', FieldErrorCode.Required],
    ['text wrong type', fieldOf('applicantName'), 42, FieldErrorCode.WrongType],
    ['text too long', fieldOf('issuer'), 'x'.repeat(501), FieldErrorCode.TooLong],
    // number
    ['number ok', fieldOf('monthlyIncome'), 3200, 'ok'],
    ['number typed as text', fieldOf('monthlyIncome'), ' 3200.5 ', 'ok'],
    ['number not a number', fieldOf('monthlyIncome'), '3千', FieldErrorCode.NotANumber],
    ['number NaN', fieldOf('monthlyIncome'), Number.NaN, FieldErrorCode.NotANumber],
    ['number below min', fieldOf('monthlyIncome'), -1, FieldErrorCode.TooSmall],
    ['number above max', fieldOf('monthlyIncome'), 100001, FieldErrorCode.TooLarge],
    ['number optional empty', fieldOf('monthlyIncome'), '', 'ok'],
    // date
    ['date ok', fieldOf('birthDate'), '1950-01-01', 'ok'],
    ['date other spelling', fieldOf('birthDate'), '1950/1/1', 'ok'],
    ['date not real', fieldOf('birthDate'), '1950-02-30', FieldErrorCode.BadDate],
    ['date garbage', fieldOf('birthDate'), 'yesterday', FieldErrorCode.BadDate],
    ['date too early', fieldOf('birthDate'), '1899-12-31', FieldErrorCode.DateOutOfRange],
    ['date too late', fieldOf('birthDate'), '2101-01-01', FieldErrorCode.DateOutOfRange],
    // choice
    ['choice ok', fieldOf('gender'), 'female', 'ok'],
    ['choice not an option', fieldOf('gender'), '女士', FieldErrorCode.NotAnOption],
    // phone
    ['mobile ok', fieldOf('contactPhone'), '138 0013 8000', 'ok'],
    ['mobile with +86', fieldOf('contactPhone'), '+86 13800138000', 'ok'],
    ['landline with area code', fieldOf('contactPhone'), '021-62345678', 'ok'],
    ['landline 4-digit area code', fieldOf('contactPhone'), '0571-8765432', 'ok'],
    ['landline without area code', fieldOf('contactPhone'), '62345678', FieldErrorCode.BadPhone],
    ['mobile 2nd digit 2', fieldOf('contactPhone'), '12800138000', FieldErrorCode.BadPhone],
    ['mobile too short', fieldOf('contactPhone'), '1380013800', FieldErrorCode.BadPhone],
    ['phone required', fieldOf('contactPhone'), null, FieldErrorCode.Required],
    // idNumber
    ['id ok', fieldOf('idNumber'), VALID_ID, 'ok'],
    ['id lower-case x ok', fieldOf('idNumber'), '11010519491231002x', 'ok'],
    ['id check digit wrong', fieldOf('idNumber'), wrongCheck, FieldErrorCode.IdCheckDigit],
    ['id old foreign permit ok', fieldOf('idNumber'), 'USA310012345678', 'ok'],
    ['id wrong shape', fieldOf('idNumber'), '12345', FieldErrorCode.BadIdNumber],
    // address
    ['address ok', fieldOf('homeAddress'), '上海市静安区示例路1号', 'ok'],
    ['address too long', fieldOf('homeAddress'), '路'.repeat(201), FieldErrorCode.TooLong],
    // yesNo
    ['yesNo true', fieldOf('livesAlone'), true, 'ok'],
    ['yesNo false', fieldOf('livesAlone'), false, 'ok'],
    ['yesNo string', fieldOf('livesAlone'), 'yes', FieldErrorCode.WrongType],
    // group
    ['group ok', fieldOf('children'), [{ childName: '王小明', childPhone: '13900001111' }], 'ok'],
    ['group empty ok', fieldOf('children'), [], 'ok'],
    [
      'group too many',
      fieldOf('children'),
      [{ childName: 'a' }, { childName: 'b' }, { childName: 'c' }],
      FieldErrorCode.TooManyItems,
    ],
    [
      'group entry invalid',
      fieldOf('children'),
      [{ childName: 'a', childPhone: '123' }],
      FieldErrorCode.BadPhone,
    ],
    [
      'group entry missing required',
      fieldOf('children'),
      [{ childPhone: '13900001111' }],
      FieldErrorCode.Required,
    ],
    [
      'group entry unknown key',
      fieldOf('children'),
      [{ childName: 'a', age: 3 }],
      FieldErrorCode.UnknownField,
    ],
    ['group not an array', fieldOf('children'), { childName: 'a' }, FieldErrorCode.WrongType],
  ];
  it.each(cases)('%s', (_name, f, value, expected) => {
    expect(codeOf(f, value)).toBe(expected);
  });

  it('returns normalised values', () => {
    expect(validateField(fieldOf('applicantName'), '  李秀英 ')).toEqual({ ok: true, value: '李秀英' });
    expect(validateField(fieldOf('birthDate'), '1950年1月2日')).toEqual({ ok: true, value: '1950-01-02' });
    expect(validateField(fieldOf('monthlyIncome'), ' 3200 ')).toEqual({ ok: true, value: 3200 });
    expect(validateField(fieldOf('contactPhone'), '021-6234 5678')).toEqual({
      ok: true,
      value: '02162345678',
    });
    expect(validateField(fieldOf('idNumber'), '11010519491231002x')).toEqual({
      ok: true,
      value: '11010519491231002X',
    });
    expect(validateField(fieldOf('children'), [{ childName: ' 明 ' }])).toEqual({
      ok: true,
      value: [{ childName: '明', childPhone: null }],
    });
    expect(validateField(fieldOf('monthlyIncome'), undefined)).toEqual({ ok: true, value: null });
  });

  it('text honours pattern, minLength and maxLength', () => {
    const postcode = field({
      id: 'postcode',
      kind: 'text',
      label: L('邮编', 'Postcode'),
      validation: {
        pattern: '\\d{6}',
        minLength: 6,
        maxLength: 6,
        message: L('请填写6位邮编。', 'Enter the 6-digit postcode.'),
      },
    });
    expect(codeOf(postcode, '200040')).toBe('ok');
    // The pattern must match the whole value, not a part of it.
    const patternOnly = field({
      id: 'code',
      kind: 'text',
      label: L('代码', 'Code'),
      validation: { pattern: '\\d{6}', message: L('6位数字', '6 digits') },
    });
    expect(codeOf(patternOnly, '2000401')).toBe(FieldErrorCode.Pattern);
    expect(codeOf(patternOnly, '200040')).toBe('ok');
    expect(codeOf(postcode, '20004')).toBe(FieldErrorCode.TooShort);
    expect(codeOf(postcode, '20004a')).toBe(FieldErrorCode.Pattern);
  });

  it('number honours integer', () => {
    const age = field({
      id: 'age',
      kind: 'number',
      label: L('年龄', 'Age'),
      validation: { integer: true, message: L('请填整数。', 'Whole years.') },
    });
    expect(codeOf(age, 70)).toBe('ok');
    expect(codeOf(age, 70.5)).toBe(FieldErrorCode.NotInteger);
  });

  it('date min/max may say today, read from the injected clock', () => {
    const visit = field({
      id: 'visitDate',
      kind: 'date',
      label: L('上门评估日期', 'Assessment visit'),
      validation: {
        min: 'today',
        max: '2030-12-31',
        message: L('请选今天以后的日期。', 'Choose a date from today on.'),
      },
    });
    const now = new Date(2026, 10, 25, 12);
    expect(codeOf(visit, '2026-11-25', now)).toBe('ok');
    expect(codeOf(visit, '2026-11-24', now)).toBe(FieldErrorCode.DateOutOfRange);
    expect(codeOf(visit, '2031-01-01', now)).toBe(FieldErrorCode.DateOutOfRange);
  });

  it('group honours minItems and required', () => {
    const g = field({
      id: 'members',
      kind: 'group',
      label: L('家庭成员', 'Family members'),
      required: true,
      minItems: 1,
      maxItems: 3,
      fields: [{ id: 'memberName', kind: 'text', label: L('姓名', 'Name') }],
    });
    expect(codeOf(g, [])).toBe(FieldErrorCode.Required);
    expect(codeOf(g, null)).toBe(FieldErrorCode.Required);
    expect(codeOf(g, [{ memberName: 'a' }])).toBe('ok');
    const g2 = field({ ...g, id: 'members2', required: false, minItems: 2 });
    expect(codeOf(g2, [{ memberName: 'a' }])).toBe(FieldErrorCode.TooFewItems);
  });
});

describe('validateField messages', () => {
  it("uses the field's own message in the requested language", () => {
    const f = fieldOf('contactPhone');
    expect(validateField(f, '123', { locale: 'zh-CN' })).toMatchObject({
      message: '请填写能联系到您的电话号码。',
    });
    expect(validateField(f, '123', { locale: 'en' })).toMatchObject({
      message: 'Please give a phone number we can reach you on.',
    });
    expect(validateField(f, '123')).toMatchObject({
      message: '请填写能联系到您的电话号码。',
      path: ['contactPhone'],
    });
  });

  it('falls back to the default sentence with the label, in both languages', () => {
    const f = fieldOf('idNumber');
    expect(validateField(f, wrongCheck, { locale: 'zh-CN' })).toMatchObject({
      message: '“身份证号码”有一位数字不对，请核对证件。',
    });
    expect(validateField(f, wrongCheck, { locale: 'en' })).toMatchObject({
      message: 'One digit of "ID number" is wrong; please check the card.',
    });
  });

  it('says "please fill in" for an empty required field even when the field has its own message', () => {
    const f = fieldOf('contactPhone');
    expect(validateField(f, '', { locale: 'zh-CN' })).toMatchObject({ message: '请填写“联系电话”。' });
    expect(validateField(f, '', { locale: 'en' })).toMatchObject({
      message: 'Please fill in "Contact phone".',
    });
  });

  it('names the entry of a group and points the path at the sub-field', () => {
    const r = validateField(fieldOf('children'), [{ childName: 'a' }, { childName: 'b', childPhone: '1' }], {
      locale: 'en',
    });
    expect(r).toMatchObject({ ok: false, path: ['children', 1, 'childPhone'] });
    expect(r.ok || r.message.startsWith('Entry 2: ')).toBe(true);
    const zh = validateField(fieldOf('children'), [{ childName: 'a' }, { childName: 'b', childPhone: '1' }]);
    expect(zh.ok || zh.message.startsWith('第2项：')).toBe(true);
  });
});

describe('validateForm', () => {
  it('collects every problem and refuses ids the form does not describe', () => {
    const r = validateForm(sampleFields, { applicantName: '', contactPhone: '1', stray: 'x' });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems.map((p) => [p.path[0], p.code])).toEqual([
      ['stray', FieldErrorCode.UnknownField],
      ['applicantName', FieldErrorCode.Required],
      ['idNumber', FieldErrorCode.Required],
      ['contactPhone', FieldErrorCode.BadPhone],
    ]);
  });

  it('returns every field normalised when all pass', () => {
    const r = validateForm(sampleFields, {
      applicantName: '李秀英',
      idNumber: VALID_ID,
      contactPhone: '13800138000',
    });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(Object.keys(r.values).sort()).toEqual(sampleFields.map((f) => f.id).sort());
    expect(r.values.children).toEqual([]);
    expect(r.values.livesAlone).toBeNull();
  });
});
