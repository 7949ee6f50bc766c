import { describe, expect, it } from 'vitest';
import { dateText, fieldLines, idNumberText, phoneText, spokenFieldParts } from './field-text';
import { sampleCase, sampleFields } from './test-cases';

const field = (id: string) => sampleFields.find((f) => f.id === id)!;
const values = sampleCase().form.values;

describe('a form field as the resident reads and hears it', () => {
  it('writes each kind in words: choices by their label, yes/no, dates, grouped digits', () => {
    expect(fieldLines(field('applicantRelation'), values.applicantRelation, 'zh-CN')).toEqual(['本人']);
    expect(fieldLines(field('applicantRelation'), values.applicantRelation, 'en')).toEqual(['Self']);
    expect(fieldLines(field('livesAlone'), true, 'zh-CN')).toEqual(['是']);
    expect(fieldLines(field('livesAlone'), false, 'en')).toEqual(['No']);
    expect(fieldLines(field('insuredBirthDate'), '1949-03-07', 'zh-CN')).toEqual(['1949年3月7日']);
    expect(fieldLines(field('insuredBirthDate'), '1949-03-07', 'en')).toEqual(['7 March 1949']);
    expect(fieldLines(field('contactPhone'), '13812345678', 'zh-CN')).toEqual(['138 1234 5678']);
    expect(phoneText('02161234567')).toBe('02161234567');
    expect(idNumberText('310106194903070021')).toBe('310106 19490307 0021');
    expect(dateText('2024/1/5', 'zh-CN')).toBe('2024/1/5');
  });

  it('keeps a masked number masked, as the server sent it', () => {
    expect(fieldLines(field('insuredIdNumber'), '310***********0021', 'zh-CN')).toEqual([
      '310***********0021',
    ]);
    // Spoken, the stars are not read out: the row says that part is hidden.
    expect(spokenFieldParts(field('insuredIdNumber'), '310***********0021', 'zh-CN', true)).toEqual([
      '身份证号码',
      '部分数字已隐藏',
    ]);
  });

  it('writes a group one line per entry, and an empty field as not filled in', () => {
    expect(fieldLines(field('children'), values.children, 'zh-CN')).toEqual([
      '第1项：姓名 李明，电话 139 0000 1111',
    ]);
    expect(fieldLines(field('children'), values.children, 'en')).toEqual([
      'Entry 1: Name 李明, Phone 139 0000 1111',
    ]);
    expect(fieldLines(field('contactPhone'), null, 'zh-CN')).toEqual([]);
    expect(fieldLines(field('children'), [], 'zh-CN')).toEqual([]);
    expect(spokenFieldParts(field('contactPhone'), null, 'zh-CN', false)).toEqual(['联系电话', '还没有填写']);
    expect(spokenFieldParts(field('visitAddress'), values.visitAddress, 'zh-CN', false)).toEqual([
      '上门评估地址',
      '上海市静安区示例路1号',
    ]);
  });
});
