import { describe, expect, it } from 'vitest';
import { isEligible, type EligibilityRule } from './eligibility';

const note = { zh: '自动发放', en: 'Paid automatically' };
const senior: EligibilityRule = {
  when: [
    { attribute: 'age', op: '>=', value: 65 },
    { attribute: 'cardType', op: '==', value: 'resident' },
  ],
  note,
};

describe('eligibility rules (免申即享)', () => {
  it('holds only when every condition holds', () => {
    expect(isEligible(senior, { age: 65, cardType: 'resident' })).toBe(true);
    expect(isEligible(senior, { age: 64, cardType: 'resident' })).toBe(false);
    expect(isEligible(senior, { age: 80, cardType: 'hk-macao-taiwan' })).toBe(false);
  });

  it('decides nothing from a fact the resident did not share', () => {
    expect(isEligible(senior, { age: 80 })).toBe(false);
    expect(isEligible({ when: [{ attribute: 'gender', op: '!=', value: 'male' }], note }, {})).toBe(false);
  });

  it('compares with each operator', () => {
    const rule = (op: '>' | '<' | '<=' | '!=') => ({
      when: [{ attribute: 'age' as const, op, value: 60 }],
      note,
    });
    expect(isEligible(rule('>'), { age: 61 })).toBe(true);
    expect(isEligible(rule('>'), { age: 60 })).toBe(false);
    expect(isEligible(rule('<'), { age: 59 })).toBe(true);
    expect(isEligible(rule('<='), { age: 60 })).toBe(true);
    expect(isEligible(rule('<='), { age: 61 })).toBe(false);
    expect(isEligible(rule('!='), { age: 60 })).toBe(false);
  });
});
