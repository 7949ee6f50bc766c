import { describe, expect, it } from 'vitest';
import { initialFormState, type CaseForm } from '@rvw/shared';
import { confirmAction, flaggedFields, formPhase, isSignedNow } from './form-status';
import { stateOf, testItem } from './test-support';

const base: CaseForm = { ...stateOf(initialFormState(testItem.form.fields)).form, revision: 3 };
const at = '2026-01-01T08:00:00Z';
const hash = 'b'.repeat(64);

describe('the form phase', () => {
  it('goes editing, awaiting, confirmed, signed at the same revision', () => {
    expect(formPhase(base)).toBe('editing');
    const awaiting = { ...base, confirmRequested: 3 };
    expect(formPhase(awaiting)).toBe('awaiting');
    const confirmed = { ...awaiting, confirmation: { revision: 3, hash, at } };
    expect(formPhase(confirmed)).toBe('confirmed');
    const signed = { ...confirmed, signature: { revision: 3, hash, signedAt: at } };
    expect(formPhase(signed)).toBe('signed');
    expect(isSignedNow(signed)).toBe(true);
    expect(confirmAction(awaiting)).toBe('again');
    expect(confirmAction(signed)).toBe('done');
  });

  it('counts a confirmation or signature of an older revision as nothing', () => {
    const moved: CaseForm = {
      ...base,
      revision: 4,
      confirmRequested: 3,
      confirmation: { revision: 3, hash, at },
      signature: { revision: 3, hash, signedAt: at },
      voided: true,
    };
    expect(formPhase(moved)).toBe('editing');
    expect(isSignedNow(moved)).toBe(false);
    expect(confirmAction(moved)).toBe('ask');
  });

  it('lists each flagged field once', () => {
    const flags = [
      { field: 'phone', revision: 1, at },
      { field: 'name', revision: 2, at },
      { field: 'phone', revision: 3, at },
    ];
    expect(flaggedFields({ ...base, flags })).toEqual(['phone', 'name']);
  });
});
