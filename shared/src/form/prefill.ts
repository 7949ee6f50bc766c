/**
 * Identity prefill: every field whose `prefill` names an identity attribute takes that attribute
 * from the consented identity, and is marked as coming "from the ID card".
 */
import type { FieldDescription, IdentityAttribute, LeafFieldDescription } from '../catalogue/fields';
import type { Gender } from '../identity';
import type { FormValues, LeafValue } from './types';

/**
 * The identity attributes prefill reads. The server's consented ResidentIdentity fits it; address,
 * issuer and validFrom/validTo are filled once the identity carries them (issue 9 part 2).
 */
export interface PrefillIdentity {
  name: string;
  gender: Gender;
  /** 民族 in Chinese, e.g. 汉 (resident cards only). */
  nation?: string | undefined;
  /** YYYY-MM-DD. */
  birthDate: string;
  address?: string | undefined;
  idNumber: string;
  issuer?: string | undefined;
  /** YYYY-MM-DD. */
  validFrom?: string | undefined;
  /** YYYY-MM-DD, or 'long-term' for 长期. */
  validTo?: string | undefined;
}

/** What prefill produced: the filled values by field id, and the ids filled from the card. */
export interface PrefillResult {
  values: FormValues;
  fromCard: string[];
}

const GENDER_ZH: Record<Gender, string> = {
  male: '男',
  female: '女',
  unknown: '未知',
  unspecified: '未说明',
};
const LONG_TERM = 'long-term';

function validityText(identity: PrefillIdentity): string | undefined {
  if (!identity.validFrom || !identity.validTo) return undefined;
  const to = identity.validTo === LONG_TERM ? '长期' : identity.validTo;
  return `${identity.validFrom} 至 ${to}`;
}

/** The option of a choice that means `words` (by value or Chinese label), if any. */
function optionFor(field: LeafFieldDescription, words: readonly string[]): string | undefined {
  if (field.kind !== 'choice') return undefined;
  return field.options.find((o) => words.includes(o.value) || words.includes(o.label.zh))?.value;
}

/** The value an attribute gives a field of this kind, or undefined when the card lacks it or it cannot fit. */
export function prefillValue(
  field: LeafFieldDescription,
  attribute: IdentityAttribute,
  identity: PrefillIdentity,
): LeafValue | undefined {
  switch (attribute) {
    case 'gender':
      return field.kind === 'choice'
        ? optionFor(field, [identity.gender, GENDER_ZH[identity.gender]])
        : GENDER_ZH[identity.gender];
    case 'nation': {
      const nation = identity.nation?.trim();
      if (!nation) return undefined;
      // A list may write 汉 or 汉族; the card writes 汉.
      const bare = nation.replace(/族$/, '');
      return field.kind === 'choice' ? optionFor(field, [nation, bare, `${bare}族`]) : nation;
    }
    case 'validity':
      if (field.kind !== 'date') return validityText(identity);
      // A date field holds the end of validity; 长期 has none.
      return identity.validTo && identity.validTo !== LONG_TERM ? identity.validTo : undefined;
    default:
      return identity[attribute]?.trim() || undefined;
  }
}

/**
 * Fills every top-level field whose `prefill` names an identity attribute the identity has.
 * Groups are never prefilled: a group's entries are other people (children, family), not the card holder.
 */
export function prefillFrom(fields: readonly FieldDescription[], identity: PrefillIdentity): PrefillResult {
  const values: FormValues = {};
  const fromCard: string[] = [];
  for (const field of fields) {
    if (field.kind === 'group' || !field.prefill) continue;
    const value = prefillValue(field, field.prefill, identity);
    if (value === undefined) continue;
    values[field.id] = value;
    fromCard.push(field.id);
  }
  return { values, fromCard };
}
