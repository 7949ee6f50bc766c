/**
 * The tiny rule language of 免申即享 (benefits without applying): a list of conditions on the
 * consented identity that must all hold, e.g. `{ attribute: age, op: '>=', value: 65 }`.
 */
import { z } from 'zod';
import { LocalText } from './text';

/** The facts a rule may test, all derived from the identity the resident agreed to share. */
export const EligibilityAttribute = z.enum(['age', 'gender', 'cardType']);
export type EligibilityAttribute = z.infer<typeof EligibilityAttribute>;

/** One comparison. Numbers compare numerically; strings only with == and !=. */
export const EligibilityCondition = z
  .strictObject({
    attribute: EligibilityAttribute,
    op: z.enum(['>=', '>', '<=', '<', '==', '!=']),
    value: z.union([z.number(), z.string().min(1)]),
  })
  .superRefine((c, ctx) => {
    const numeric = c.attribute === 'age';
    if (numeric && typeof c.value !== 'number')
      ctx.addIssue({ code: 'custom', path: ['value'], message: 'must be a number for age' });
    if (!numeric && typeof c.value !== 'string')
      ctx.addIssue({ code: 'custom', path: ['value'], message: `must be text for ${c.attribute}` });
    if (!numeric && c.op !== '==' && c.op !== '!=')
      ctx.addIssue({ code: 'custom', path: ['op'], message: `must be == or != for ${c.attribute}` });
  });
export type EligibilityCondition = z.infer<typeof EligibilityCondition>;

/** A rule: when every condition holds, the resident gets the benefit; `note` is what they are told. */
export const EligibilityRule = z.strictObject({
  when: z.array(EligibilityCondition).min(1, { error: 'needs at least one condition' }),
  note: LocalText,
});
export type EligibilityRule = z.infer<typeof EligibilityRule>;

/** The facts a rule is evaluated against; a missing fact makes its condition false. */
export type EligibilityFacts = Partial<Record<EligibilityAttribute, number | string>>;

/** True when every condition of the rule holds for the facts (nothing is assumed about a missing fact). */
export function isEligible(rule: EligibilityRule, facts: EligibilityFacts): boolean {
  return rule.when.every((c) => {
    const actual = facts[c.attribute];
    if (actual === undefined) return false;
    switch (c.op) {
      case '==':
        return actual === c.value;
      case '!=':
        return actual !== c.value;
      case '>=':
        return actual >= c.value;
      case '>':
        return actual > c.value;
      case '<=':
        return actual <= c.value;
      case '<':
        return actual < c.value;
    }
  });
}
