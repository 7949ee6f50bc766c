import { describe, expect, it } from 'vitest';
import { testItem, FULL_ID } from '../case/test-support';
import { readBackValue } from './case-values';

const fields = testItem.form.fields;

describe('the read-back values', () => {
  it('masks identity numbers unless asked, and words the rest', () => {
    expect(readBackValue(fields, 'idNumber', FULL_ID, 'zh-CN', false)).toBe('110***********002X');
    expect(readBackValue(fields, 'idNumber', FULL_ID, 'zh-CN', true)).toBe(FULL_ID);
    expect(readBackValue(fields, 'alone', true, 'en', false)).toBe('Yes');
    expect(readBackValue(fields, 'gone', 'x', 'en', false)).toBe('x');
  });
});
