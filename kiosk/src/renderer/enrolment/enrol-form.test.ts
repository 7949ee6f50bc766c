import { describe, expect, it } from 'vitest';
import { codeField, serverUrlValid } from './enrol-form';

describe('the code field', () => {
  it('accepts small letters, spaces and hyphens and shows the code grouped by four', () => {
    expect(codeField('k7qx 93rm-td')).toEqual({
      shown: 'K7QX-93RM-TD',
      count: 10,
      code: 'K7QX93RMTD',
      badChar: false,
    });
    expect(codeField('k7qx9')).toMatchObject({ shown: 'K7QX-9', count: 5, code: null });
    expect(codeField('K7QX-93RM-TDXX').count).toBe(10);
  });

  it('says when a character can never be in a code', () => {
    expect(codeField('K7QX-93RM-T0')).toMatchObject({ badChar: true, code: null });
    expect(codeField('ILO1')).toMatchObject({ badChar: true });
  });
});

describe('the server address', () => {
  it('is an http or https address', () => {
    expect(serverUrlValid('https://rvw.example.gov.cn')).toBe(true);
    expect(serverUrlValid(' http://10.0.0.5:8080 ')).toBe(true);
    expect(serverUrlValid('rvw.example.gov.cn')).toBe(false);
    expect(serverUrlValid('ftp://rvw.example.gov.cn')).toBe(false);
  });
});
