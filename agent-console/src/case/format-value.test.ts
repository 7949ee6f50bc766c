import { describe, expect, it } from 'vitest';
import { FieldDescription } from '@rvw/shared';
import { EMPTY_VALUE, formatValue, inputText } from './format-value';

const t = (zh: string, en: string) => ({ zh, en });
const relation = FieldDescription.parse({
  id: 'relation',
  kind: 'choice',
  label: t('关系', 'Relation'),
  options: [
    { value: 'self', label: t('本人', 'Self') },
    { value: 'spouse', label: t('配偶', 'Spouse') },
  ],
});
const children = FieldDescription.parse({
  id: 'children',
  kind: 'group',
  label: t('子女', 'Children'),
  maxItems: 3,
  fields: [
    { id: 'childName', kind: 'text', label: t('姓名', 'Name') },
    { id: 'single', kind: 'yesNo', label: t('独居', 'Alone') },
  ],
});

describe('formatValue', () => {
  it('names a choice by its label and yes/no in words', () => {
    expect(formatValue(relation, 'spouse', 'zh-CN')).toBe('配偶');
    expect(formatValue(relation, 'spouse', 'en')).toBe('Spouse');
    expect(formatValue(relation, 'gone', 'en')).toBe('gone');
    expect(formatValue(undefined, true, 'zh-CN')).toBe('是');
    expect(formatValue(undefined, false, 'en')).toBe('No');
  });

  it('writes a group one entry per line and empty values as a dash', () => {
    const value = [
      { childName: '王小明', single: false },
      { childName: '王小红', single: null },
    ];
    expect(formatValue(children, value, 'zh-CN')).toBe(
      `1. 姓名: 王小明；独居: 否\n2. 姓名: 王小红；独居: ${EMPTY_VALUE}`,
    );
    expect(formatValue(children, [], 'zh-CN')).toBe(EMPTY_VALUE);
    expect(formatValue(undefined, null, 'zh-CN')).toBe(EMPTY_VALUE);
  });

  it('gives inputs text', () => {
    expect(inputText(null)).toBe('');
    expect(inputText(12.5)).toBe('12.5');
    expect(inputText('021')).toBe('021');
  });
});
