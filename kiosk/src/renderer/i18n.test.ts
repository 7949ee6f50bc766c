import { describe, expect, it } from 'vitest';
import { addressOf, greetingOf, messages, t } from './i18n';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('i18n', () => {
  it('has every key in both languages, none empty, with the same placeholders', () => {
    const zhKeys = Object.keys(messages['zh-CN']).sort();
    expect(Object.keys(messages.en).sort()).toEqual(zhKeys);
    for (const key of zhKeys) {
      const zh = messages['zh-CN'][key as keyof (typeof messages)['en']];
      const en = messages.en[key as keyof (typeof messages)['en']];
      expect(zh.trim(), key).not.toBe('');
      expect(en.trim(), key).not.toBe('');
      expect(placeholders(en), key).toEqual(placeholders(zh));
    }
  });

  it('the English dictionary is actually English (no Chinese left in it, except the language switch)', () => {
    for (const [key, text] of Object.entries(messages.en)) {
      if (key === 'lang.switch') continue;
      expect(/[\u4e00-\u9fff]/.test(text), key).toBe(false);
    }
  });

  it('fills placeholders', () => {
    expect(t('zh-CN', 'waiting.ahead', { n: 3 })).toBe('前面还有 3 位');
    expect(t('en', 'waiting.ahead', { n: 3 })).toBe('3 ahead of you');
  });
});

describe('greeting', () => {
  it('uses family name and gender', () => {
    expect(greetingOf({ name: '李秀英', familyName: '李', gender: 'female' }, 'zh-CN')).toBe('李女士，您好');
    expect(greetingOf({ name: '欧阳明', familyName: '欧阳', gender: 'male' }, 'zh-CN')).toBe(
      '欧阳先生，您好',
    );
  });
  it('on an English screen reads a Chinese name in full, in pinyin, family name first', () => {
    expect(greetingOf({ name: '李秀英', familyName: '李', gender: 'female' }, 'en')).toBe(
      'Hello, Li Xiuying',
    );
    expect(greetingOf({ name: '欧阳明', familyName: '欧阳', gender: 'male' }, 'en')).toBe(
      'Hello, Ouyang Ming',
    );
    expect(greetingOf({ name: '单田芳', familyName: '单', gender: 'male' }, 'en')).toBe(
      'Hello, Shan Tianfang',
    );
  });
  it('says a foreign name as a person says it', () => {
    expect(
      greetingOf({ name: '约翰', familyName: '', gender: 'male', englishName: 'SMITH, JOHN ROBERT' }, 'en'),
    ).toBe('Hello, John Robert Smith');
    expect(addressOf({ name: "O'BRIEN, MARY-JANE", familyName: '', gender: 'female' }, 'zh-CN')).toBe(
      "Mary-Jane O'Brien",
    );
  });
  it('uses the name alone for foreign cards or an unknown gender', () => {
    expect(addressOf({ name: 'SMITH, JOHN', familyName: '', gender: 'male' }, 'zh-CN')).toBe('John Smith');
    const foreign = {
      name: '伊丽莎白',
      familyName: '',
      gender: 'female' as const,
      englishName: 'MÜLLER ELISABETH',
    };
    expect(greetingOf(foreign, 'en')).toBe('Hello, Müller Elisabeth');
    expect(greetingOf(foreign, 'zh-CN')).toBe('伊丽莎白，您好');
    expect(greetingOf({ name: '陈大文', familyName: '陈', gender: 'unknown' }, 'zh-CN')).toBe('陈大文，您好');
    expect(greetingOf({ name: '陈大文', familyName: '陈', gender: 'unspecified' }, 'en')).toBe(
      'Hello, Chen Dawen',
    );
  });
  it('says hello without a name when there is none', () => {
    expect(greetingOf({ name: ' ', familyName: '', gender: 'unknown' }, 'zh-CN')).toBe('您好');
  });
});
