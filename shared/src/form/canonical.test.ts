import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { canonicalForm, formHash, sha256Hex } from './canonical';
import { sampleFields } from './test-fields';

const values = {
  applicantName: '李秀英',
  gender: 'female',
  birthDate: '1950-01-01',
  idNumber: '11010519491231002X',
  contactPhone: '13800138000',
  monthlyIncome: 3200,
  livesAlone: true,
  children: [
    { childName: '王小明', childPhone: '13900001111' },
    { childName: '王小红', childPhone: null },
  ],
};

/** The same object with its keys in the given order. */
function reorder<T extends object>(obj: T, keys: string[]): T {
  return Object.fromEntries(keys.map((k) => [k, (obj as Record<string, unknown>)[k]])) as T;
}

describe('canonicalForm', () => {
  it('is sorted JSON of every described field, empty ones as null', () => {
    const text = canonicalForm(sampleFields, { applicantName: ' 李 ' });
    const parsed = JSON.parse(text) as { v: number; values: Record<string, unknown> };
    expect(parsed.v).toBe(1);
    expect(Object.keys(parsed.values)).toEqual(sampleFields.map((f) => f.id).sort());
    expect(parsed.values.applicantName).toBe('李');
    expect(parsed.values.children).toEqual([]);
    expect(parsed.values.nation).toBeNull();
  });

  it('normalises whitespace, date spelling, numbers typed as text, and ignores undescribed ids', () => {
    const messy = {
      ...values,
      applicantName: '  李秀英\n',
      birthDate: '1950/1/1',
      contactPhone: '138 0013 8000',
      monthlyIncome: ' 3200 ',
      children: [{ childPhone: ' 13900001111 ', childName: '王小明 ' }, { childName: '王小红' }],
      stray: 'not part of the form',
    };
    expect(canonicalForm(sampleFields, messy)).toBe(canonicalForm(sampleFields, values));
  });

  it('keeps group entries in their order', () => {
    const swapped = { ...values, children: [values.children[1]!, values.children[0]!] };
    expect(canonicalForm(sampleFields, swapped)).not.toBe(canonicalForm(sampleFields, values));
  });

  it('is the same under any order of keys (property)', () => {
    const base = canonicalForm(sampleFields, values);
    fc.assert(
      fc.property(
        fc.shuffledSubarray(Object.keys(values), { minLength: Object.keys(values).length }),
        (keys) => {
          const shuffled = reorder(values, keys);
          shuffled.children = values.children.map((c) => reorder(c, Object.keys(c).reverse()));
          expect(canonicalForm(sampleFields, shuffled)).toBe(base);
        },
      ),
    );
  });

  it('changes when any one value changes (property)', () => {
    const base = canonicalForm(sampleFields, values);
    const ids = Object.keys(values).filter(
      (k) => k !== 'children' && k !== 'livesAlone' && k !== 'monthlyIncome',
    );
    fc.assert(
      fc.property(
        fc.constantFrom(...ids),
        // Letters and digits only: normalisation drops spaces and hyphens from phones, by design.
        fc.stringMatching(/^[A-Za-z0-9]{1,8}$/),
        (id, suffix) => {
          const changed = {
            ...values,
            [id]: `${(values as Record<string, unknown>)[id] as string}${suffix}`,
          };
          expect(canonicalForm(sampleFields, changed)).not.toBe(base);
        },
      ),
    );
    expect(canonicalForm(sampleFields, { ...values, livesAlone: false })).not.toBe(base);
    expect(canonicalForm(sampleFields, { ...values, monthlyIncome: 3201 })).not.toBe(base);
    expect(canonicalForm(sampleFields, { ...values, monthlyIncome: null })).not.toBe(base);
    expect(
      canonicalForm(sampleFields, {
        ...values,
        children: [{ ...values.children[0]!, childName: '王小亮' }, values.children[1]],
      }),
    ).not.toBe(base);
    expect(canonicalForm(sampleFields, { ...values, children: [values.children[0]] })).not.toBe(base);
  });
});

describe('formHash', () => {
  it('is the SHA-256 hex of the canonical text (checked against node:crypto)', async () => {
    const text = canonicalForm(sampleFields, values);
    const expected = createHash('sha256').update(text, 'utf8').digest('hex');
    await expect(formHash(sampleFields, values)).resolves.toBe(expected);
    await expect(sha256Hex('abc')).resolves.toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
  });

  it('is stable under key order and whitespace, and changes with a value', async () => {
    const a = await formHash(sampleFields, values);
    const b = await formHash(
      sampleFields,
      reorder({ ...values, applicantName: ' 李秀英 ' }, Object.keys(values).reverse()),
    );
    const c = await formHash(sampleFields, { ...values, contactPhone: '13800138001' });
    expect(b).toBe(a);
    expect(c).not.toBe(a);
    expect(a).toMatch(/^[0-9a-f]{64}$/);
  });
});
