import { describe, expect, it } from 'vitest';
import { IdCardErrorCode, ReaderReason, ReaderStatusReason } from './reader-status';

describe('ReaderReason', () => {
  it('accepts every driver error code and every non-error reason, each once', () => {
    const all = [...Object.values(IdCardErrorCode), ...Object.values(ReaderStatusReason)];
    expect(new Set(all).size).toBe(all.length);
    for (const reason of all) expect(ReaderReason.safeParse(reason).success).toBe(true);
    expect(ReaderReason.options).toHaveLength(all.length);
  });

  it('rejects a reason no reader reports', () => {
    expect(ReaderReason.safeParse('UNPLUGGED').success).toBe(false);
    expect(ReaderReason.safeParse('').success).toBe(false);
  });
});
