import { describe, expect, it } from 'vitest';
import { ErrorCode } from '@rvw/shared';
import { en, zhCN, type MessageKey } from './messages';
import { errorText, placeholdersOf, translate } from './translate';
import { ConsoleErrorCode } from '../lib/errors';

const keys = Object.keys(zhCN) as MessageKey[];

describe('dictionaries', () => {
  it('have exactly the same keys in zh-CN and English', () => {
    expect(Object.keys(en).sort()).toEqual([...keys].sort());
  });

  it('have no empty message in either language', () => {
    for (const key of keys) {
      expect(zhCN[key].trim(), `zh-CN ${key}`).not.toBe('');
      expect(en[key].trim(), `en ${key}`).not.toBe('');
    }
  });

  it('use the same placeholders in both languages', () => {
    for (const key of keys) {
      expect(placeholdersOf(en[key]).sort(), key).toEqual(placeholdersOf(zhCN[key]).sort());
    }
  });

  it('have a sentence for every shared and console error code', () => {
    const codes = [...Object.values(ErrorCode), ...Object.values(ConsoleErrorCode)];
    for (const code of codes) {
      expect(keys, code).toContain(`error.${code}`);
    }
  });

  it('say the words the brief and the residents expect', () => {
    expect(zhCN['identity.none']).toBe('未出示身份证');
    expect(en['identity.none']).toBe('No ID shared');
    expect(zhCN['call.ended']).toBe('通话已结束');
    expect(zhCN['call.reveal']).toBe('显示完整号码');
  });
});

describe('translate', () => {
  it('fills placeholders and leaves a missing one visible', () => {
    expect(translate('zh-CN', 'queue.waitingCount', { count: 10 })).toBe('等候 10 人');
    expect(translate('en', 'queue.waitingCount', { count: 3 })).toBe('3 waiting');
    expect(translate('en', 'queue.waitingCount')).toBe('{count} waiting');
  });

  it('turns error codes into sentences, with a generic one naming unknown codes', () => {
    expect(errorText('zh-CN', 'AUTH_INVALID')).toBe('用户名或密码不正确，请重新输入。');
    expect(errorText('en', 'SOMETHING_NEW')).toBe('The action failed (SOMETHING_NEW).');
  });
});
