import { describe, expect, it } from 'vitest';
import { printButton, printStateText } from './print-rules';
import { job } from './test-fixtures';

const zhWords = {
  offered: '等待居民同意',
  queued: '已排队',
  printing: '正在打印',
  done: '已打印',
  failed: '打印失败：',
  declined: '居民不需要',
};

describe('printStateText', () => {
  it('says a failure with its reason in words and the printer’s own words after a dash', () => {
    const failed = job('d1', { state: 'failed', reason: 'out-of-paper', detail: 'media-empty-error' });
    expect(printStateText(failed, 'zh-CN', zhWords)).toBe('打印失败：打印机缺纸 — media-empty-error');
    expect(printStateText(failed, 'en', { ...zhWords, failed: 'Print failed: ' })).toBe(
      'Print failed: The printer is out of paper — media-empty-error',
    );
    expect(printStateText({ ...failed, detail: null }, 'zh-CN', zhWords)).toBe('打印失败：打印机缺纸');
  });

  it('says the other states in the words given', () => {
    expect(printStateText(job('d1', { state: 'printing' }), 'zh-CN', zhWords)).toBe('正在打印');
    expect(printStateText(job('d1', { state: 'declined' }), 'zh-CN', zhWords)).toBe('居民不需要');
  });
});

describe('printButton', () => {
  it('prints, prints again after an end, retries a failed click, and waits while a job runs', () => {
    expect(printButton(undefined, undefined)).toBe('print');
    expect(printButton(job('d1', { state: 'queued' }), undefined)).toBe('busy');
    for (const state of ['done', 'failed', 'declined'] as const)
      expect(printButton(job('d1', { state, reason: state === 'failed' ? 'jammed' : null }), undefined)).toBe(
        'again',
      );
    expect(printButton(undefined, { sending: true, error: null })).toBe('sending');
    expect(printButton(job('d1', { state: 'done' }), { sending: false, error: 'TIMEOUT' })).toBe('retry');
  });
});
