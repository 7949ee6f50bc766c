import { describe, expect, it } from 'vitest';
import {
  APPENDED_ADDRESS_LENGTH,
  cardTypeOf,
  decodeAppendedAddress,
  decodeCardText,
  decodeDate,
  decodeGender,
  decodeValidTo,
} from './decode';
import { IdCardErrorCode } from './errors';
import { NATIONS, nationCode, nationName } from './nations';

/** Builds a text block from [offset, byte length, value] triples, straight from the layout table. */
function block(fields: [number, number, string][], typeChar: string): Buffer {
  const b = Buffer.from(' '.repeat(128), 'utf16le');
  for (const [offset, length, value] of fields) {
    const bytes = Buffer.from(value, 'utf16le');
    if (bytes.length > length) throw new Error(`test data too long for ${offset}`);
    bytes.copy(b, offset);
  }
  Buffer.from(typeChar, 'utf16le').copy(b, 248);
  return b;
}

const resident = (overrides: Partial<Record<'gender' | 'nation' | 'validTo' | 'id', string>> = {}) =>
  block(
    [
      [0, 30, '李秀英'],
      [30, 2, overrides.gender ?? '2'],
      [32, 4, overrides.nation ?? '01'],
      [36, 16, '19480315'],
      [52, 70, '上海市黄浦区福州路318弄7号'],
      [122, 36, overrides.id ?? '310101194803150022'],
      [158, 30, '上海市公安局黄浦分局'],
      [188, 16, '20080520'],
      [204, 16, overrides.validTo ?? '长期'],
    ],
    ' ',
  );

describe('decodeCardText: resident ID card', () => {
  it('decodes every field', () => {
    expect(decodeCardText(resident())).toEqual({
      cardType: 'resident',
      name: '李秀英',
      gender: 'female',
      nation: '汉',
      birthDate: '1948-03-15',
      address: '上海市黄浦区福州路318弄7号',
      idNumber: '310101194803150022',
      idNumberValid: true,
      issuer: '上海市公安局黄浦分局',
      validFrom: '2008-05-20',
      validTo: 'long-term',
    });
  });

  it('turns 长期 into long-term and a date into YYYY-MM-DD', () => {
    expect(decodeCardText(resident({ validTo: '长期' })).validTo).toBe('long-term');
    expect(decodeCardText(resident({ validTo: '20280520' })).validTo).toBe('2028-05-20');
  });

  it('flags a wrong check digit (and an X check digit is accepted)', () => {
    expect(decodeCardText(resident({ id: '310101194803150023' })).idNumberValid).toBe(false);
    // 11010519491231002X is the standard's own example.
    expect(decodeCardText(resident({ id: '11010519491231002X' })).idNumberValid).toBe(true);
  });

  it.each([
    ['0', 'unknown'],
    ['1', 'male'],
    ['2', 'female'],
    ['9', 'unspecified'],
  ])('gender code %s -> %s', (code, gender) => {
    expect(decodeCardText(resident({ gender: code })).gender).toBe(gender);
  });

  it('does not call every non-1 gender code female', () => {
    expect(decodeCardText(resident({ gender: '7' })).gender).toBe('unknown');
  });

  it.each([
    ['01', '汉'],
    ['03', '回'],
    ['05', '维吾尔'],
    ['22', '畲'],
    ['29', '柯尔克孜'],
    ['43', '乌孜别克'],
    ['56', '基诺'],
    ['97', '其他'],
    ['98', '外国血统中国籍人士'],
  ])('nation code %s -> %s', (code, name) => {
    expect(decodeCardText(resident({ nation: code })).nation).toBe(name);
  });

  it('leaves nation absent for a code not in the table', () => {
    expect(decodeCardText(resident({ nation: '77' }))).not.toHaveProperty('nation');
  });

  it('rejects a malformed birth date with IDCARD_BAD_CARD_DATA naming the field, not the value', () => {
    const b = resident();
    Buffer.from('1948AB15', 'utf16le').copy(b, 36);
    expect(() => decodeCardText(b)).toThrow(
      expect.objectContaining({
        code: IdCardErrorCode.BadCardData,
        message: expect.stringContaining('birthDate'),
      }),
    );
  });
});

describe('decodeCardText: the other layouts', () => {
  it('HK/Macao/Taiwan residence permit (J)', () => {
    const b = block(
      [
        [0, 30, '陈家明'],
        [30, 2, '1'],
        [36, 16, '19900708'],
        [52, 70, '上海市徐汇区钦州北路1001号'],
        [122, 36, '810000199007081010'],
        [158, 30, '上海市公安局徐汇分局'],
        [188, 16, '20210901'],
        [204, 16, '20260901'],
        [220, 18, 'H12345678'],
        [238, 4, '03'],
      ],
      'J',
    );
    expect(decodeCardText(b)).toEqual({
      cardType: 'hk-macao-taiwan',
      name: '陈家明',
      gender: 'male',
      birthDate: '1990-07-08',
      address: '上海市徐汇区钦州北路1001号',
      idNumber: '810000199007081010',
      idNumberValid: true,
      issuer: '上海市公安局徐汇分局',
      validFrom: '2021-09-01',
      validTo: '2026-09-01',
      passNumber: 'H12345678',
      issueCount: 3,
    });
  });

  it('old foreigner permanent residence card (I)', () => {
    const b = block(
      [
        [0, 120, 'SMITH, JOHN ROBERT'],
        [120, 2, '1'],
        [122, 30, 'USA317506150211'],
        [152, 6, 'USA'],
        [158, 30, '史密斯'],
        [188, 16, '20150801'],
        [204, 16, '20250731'],
        [220, 16, '19750615'],
        [236, 4, '05'],
        [240, 8, '3100'],
      ],
      'I',
    );
    expect(decodeCardText(b)).toEqual({
      cardType: 'foreign-permanent',
      name: '史密斯',
      englishName: 'SMITH, JOHN ROBERT',
      gender: 'male',
      birthDate: '1975-06-15',
      idNumber: 'USA317506150211',
      // Not an 18-character GB 11643 number: false, never an exception.
      idNumberValid: false,
      validFrom: '2015-08-01',
      validTo: '2025-07-31',
      nationality: 'USA',
      cardVersion: '05',
      issuerCode: '3100',
    });
  });

  it('2023 foreigner permanent residence card (Y): the English name joins raw, then trims', () => {
    const name = 'WILLIAMSON, ELIZABETH ALEXANDRA MAY JONES';
    expect(name[35]).toBe(' ');
    const b = block(
      [
        [0, 30, '伊丽莎白'],
        [30, 2, '2'],
        [32, 4, '01'],
        [36, 16, '19880214'],
        [52, 70, name.slice(0, 35)],
        [122, 36, '931826198802140025'],
        [188, 16, '20240301'],
        [204, 16, '20340228'],
        [220, 22, name.slice(35)],
        [242, 6, 'GBR'],
      ],
      'Y',
    );
    expect(decodeCardText(b)).toEqual({
      cardType: 'foreign-permanent-2023',
      name: '伊丽莎白',
      englishName: name,
      gender: 'female',
      renewalCount: 1,
      birthDate: '1988-02-14',
      idNumber: '931826198802140025',
      idNumberValid: true,
      validFrom: '2024-03-01',
      validTo: '2034-02-28',
      nationality: 'GBR',
    });
  });

  it('a short 2023 English name has no trailing padding', () => {
    const b = block(
      [
        [36, 16, '19880214'],
        [52, 70, 'LEE, ANN'],
        [188, 16, '20240301'],
        [204, 16, '20340228'],
      ],
      'Y',
    );
    expect(decodeCardText(b).englishName).toBe('LEE, ANN');
  });

  it('rejects an unknown card-type character with IDCARD_UNKNOWN_CARD_TYPE', () => {
    expect(() => cardTypeOf(block([], 'Q'))).toThrow(
      expect.objectContaining({ code: IdCardErrorCode.UnknownCardType }),
    );
  });

  it('rejects a short block', () => {
    expect(() => decodeCardText(Buffer.alloc(100))).toThrow(
      expect.objectContaining({ code: IdCardErrorCode.BadCardData }),
    );
  });
});

describe('small decoders', () => {
  it('decodeGender', () => {
    expect(['0', '1', '2', '9', '', 'x'].map(decodeGender)).toEqual([
      'unknown',
      'male',
      'female',
      'unspecified',
      'unknown',
      'unknown',
    ]);
  });

  it('decodeDate / decodeValidTo', () => {
    expect(decodeDate('20240229', 'x')).toBe('2024-02-29');
    expect(() => decodeDate('20241301', 'x')).toThrow();
    expect(decodeValidTo('长期')).toBe('long-term');
  });

  it('the nation table is complete: 56 nations, 97 and 98', () => {
    expect(Object.keys(NATIONS)).toHaveLength(58);
    for (let i = 1; i <= 56; i++) expect(nationName(String(i).padStart(2, '0'))).toBeTruthy();
    expect(nationCode('土家')).toBe('15');
  });

  it('decodeAppendedAddress', () => {
    const b = Buffer.from(' '.repeat(35), 'utf16le');
    expect(decodeAppendedAddress(b)).toBeUndefined();
    Buffer.from('上海市浦东新区锦绣路2580弄', 'utf16le').copy(b);
    expect(b.length).toBe(APPENDED_ADDRESS_LENGTH);
    expect(decodeAppendedAddress(b)).toBe('上海市浦东新区锦绣路2580弄');
  });
});
