import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FieldErrorCode } from './codes';
import { formHash } from './canonical';
import {
  applyRevision,
  confirmRevision,
  initialFormState,
  voidsConfirmation,
  type FormState,
} from './revision';
import { sampleFields } from './test-fields';

const at = new Date('2026-11-25T09:00:00.000Z');
const ctx = { fields: sampleFields, by: 'agent-7', at };

/** A form at revision 2 with a name and a phone. */
function twoRevisions(): FormState {
  let s = initialFormState(sampleFields, { applicantName: '李秀英' });
  for (const [field, value] of [
    ['contactPhone', '13800138000'],
    ['monthlyIncome', 3200],
  ] as const) {
    const r = applyRevision(s, { field, value, baseRevision: s.revision }, ctx);
    if (!r.ok) throw new Error(r.message);
    s = r.state;
  }
  return s;
}

describe('initialFormState', () => {
  it('starts at revision 0 with every field empty and the prefill on top, normalised', () => {
    const s = initialFormState(sampleFields, { applicantName: ' 李秀英 ', birthDate: '1950/1/1' });
    expect(s.revision).toBe(0);
    expect(s.confirmation).toBeNull();
    expect(Object.keys(s.values).sort()).toEqual(sampleFields.map((f) => f.id).sort());
    expect(s.values).toMatchObject({
      applicantName: '李秀英',
      birthDate: '1950-01-01',
      children: [],
      nation: null,
    });
  });
});

describe('applyRevision', () => {
  it('stores a change as a new revision with who, when, the old and the new value', () => {
    const s = twoRevisions();
    const r = applyRevision(s, { field: 'contactPhone', value: '021-6234 5678', baseRevision: 2 }, ctx);
    expect(r).toEqual({
      ok: true,
      voided: false,
      revision: {
        revision: 3,
        field: 'contactPhone',
        oldValue: '13800138000',
        newValue: '02162345678',
        by: 'agent-7',
        at: '2026-11-25T09:00:00.000Z',
      },
      state: { revision: 3, values: { ...s.values, contactPhone: '02162345678' }, confirmation: null },
    });
  });

  it('refuses a stale base revision with CONFLICT and changes nothing (property)', () => {
    const s = twoRevisions();
    const before = structuredClone(s);
    fc.assert(
      fc.property(
        fc.integer({ min: -5, max: 50 }).filter((n) => n !== 2),
        (base) => {
          const r = applyRevision(s, { field: 'applicantName', value: '王', baseRevision: base }, ctx);
          expect(r).toMatchObject({ ok: false, code: 'CONFLICT', currentRevision: 2 });
        },
      ),
    );
    expect(s).toEqual(before);
  });

  it('says CONFLICT in the requested language', () => {
    const r = applyRevision(
      twoRevisions(),
      { field: 'applicantName', value: '王', baseRevision: 1 },
      { ...ctx, locale: 'en' },
    );
    expect(r.ok || r.message).toMatch(/changed in the meantime/);
  });

  it('refuses an invalid value with its field code and sentence, and changes nothing', () => {
    const s = twoRevisions();
    const before = structuredClone(s);
    const r = applyRevision(s, { field: 'contactPhone', value: '12345', baseRevision: 2 }, ctx);
    expect(r).toEqual({
      ok: false,
      code: FieldErrorCode.BadPhone,
      message: '请填写能联系到您的电话号码。',
      currentRevision: 2,
      path: ['contactPhone'],
    });
    const group = applyRevision(s, { field: 'children', value: [{ childName: '' }], baseRevision: 2 }, ctx);
    expect(group).toMatchObject({
      ok: false,
      code: FieldErrorCode.Required,
      path: ['children', 0, 'childName'],
    });
    expect(s).toEqual(before);
  });

  it('refuses a field the form does not have', () => {
    const r = applyRevision(twoRevisions(), { field: 'salary', value: 1, baseRevision: 2 }, ctx);
    expect(r).toMatchObject({ ok: false, code: FieldErrorCode.UnknownField, path: ['salary'] });
  });

  it('stores no revision when the normalised value is the same', () => {
    const s = twoRevisions();
    const r = applyRevision(s, { field: 'contactPhone', value: ' 138-0013-8000 ', baseRevision: 2 }, ctx);
    expect(r).toEqual({ ok: true, state: s, revision: null, voided: false });
  });
});

describe('confirmation and the void rule', () => {
  async function confirmed(): Promise<FormState> {
    const s = twoRevisions();
    const r = confirmRevision(s, { baseRevision: 2, hash: await formHash(sampleFields, s.values) }, { at });
    if (!r.ok) throw new Error(r.message);
    return r.state;
  }

  it('binds the confirmation to the revision and the hash; refuses a stale one', async () => {
    const s = await confirmed();
    expect(s.confirmation).toEqual({
      revision: 2,
      hash: await formHash(sampleFields, s.values),
      at: at.toISOString(),
    });
    expect(confirmRevision(twoRevisions(), { baseRevision: 1, hash: 'x' })).toMatchObject({
      ok: false,
      code: 'CONFLICT',
    });
  });

  it('any content change after a confirmation voids it', async () => {
    const s = await confirmed();
    const r = applyRevision(s, { field: 'livesAlone', value: true, baseRevision: 2 }, ctx);
    expect(r).toMatchObject({ ok: true, voided: true, state: { revision: 3, confirmation: null } });
    if (r.ok) expect(voidsConfirmation(s, r.state)).toBe(true);
  });

  it('a refused change or a same-value change leaves the confirmation in place', async () => {
    const s = await confirmed();
    expect(applyRevision(s, { field: 'contactPhone', value: 'x', baseRevision: 2 }, ctx).ok).toBe(false);
    const same = applyRevision(s, { field: 'applicantName', value: ' 李秀英', baseRevision: 2 }, ctx);
    expect(same).toMatchObject({ ok: true, voided: false });
    if (same.ok) expect(same.state.confirmation).not.toBeNull();
  });

  it('voidsConfirmation: only with a confirmation, only on a content change', async () => {
    const s = await confirmed();
    const unconfirmed = { ...s, confirmation: null };
    const changed = { ...s, revision: 3, values: { ...s.values, nation: '汉' } };
    expect(voidsConfirmation(s, changed)).toBe(true);
    expect(voidsConfirmation(unconfirmed, changed)).toBe(false);
    // A later revision number alone is not a content change; an absent key reads as empty.
    expect(voidsConfirmation(s, { ...s, revision: 9 })).toBe(false);
    const { nation: _dropped, ...withoutNation } = s.values;
    void _dropped;
    expect(voidsConfirmation(s, { ...s, values: withoutNation })).toBe(false);
    expect(
      voidsConfirmation(s, {
        ...s,
        values: { ...s.values, children: [{ childName: 'a', childPhone: null }] },
      }),
    ).toBe(true);
  });
});
