import { describe, expect, it } from 'vitest';
import { closingNoteProblem } from './follow-up-rules';

describe('the closing note of a follow-up', () => {
  it('needs two characters or more, and at most 2000', () => {
    expect(closingNoteProblem('   ')).toBe('required');
    expect(closingNoteProblem('好')).toBe('short');
    expect(closingNoteProblem('已电话回访，居民表示理解')).toBeNull();
    expect(closingNoteProblem('很'.repeat(2001))).toBe('long');
  });
});
