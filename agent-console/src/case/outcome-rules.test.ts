import { describe, expect, it } from 'vitest';
import { initialFormState, type CaseForm } from '@rvw/shared';
import {
  abandonProblem,
  emptyOutcomeDraft,
  needsReasonAndNextStep,
  outcomeProblems,
  outcomeRecord,
  type OutcomeDraft,
} from './outcome-rules';
import { stateOf, testItem } from './test-support';

const form: CaseForm = stateOf(initialFormState(testItem.form.fields)).form;
const signed: CaseForm = {
  ...form,
  signature: { revision: form.revision, hash: 'a'.repeat(64), signedAt: '2026-01-01T08:05:00Z' },
};
const ctx = { hasForm: true, form, unsaved: false };
const draft = (d: Partial<OutcomeDraft>): OutcomeDraft => ({ ...emptyOutcomeDraft, ...d });

describe('the outcome rules', () => {
  it('asks for an outcome first', () => {
    expect(outcomeProblems(emptyOutcomeDraft, ctx)).toEqual(['choose']);
  });

  it('needs the reason and the next step for 办不成 and 转办 only', () => {
    expect(needsReasonAndNextStep('not-done')).toBe(true);
    expect(needsReasonAndNextStep('transferred')).toBe(true);
    expect(needsReasonAndNextStep('consultation')).toBe(false);
    expect(outcomeProblems(draft({ outcome: 'not-done' }), ctx)).toEqual([
      'reason-required',
      'next-required',
    ]);
    expect(outcomeProblems(draft({ outcome: 'transferred', reason: '  ', nextStep: '去' }), ctx)).toEqual([
      'reason-required',
      'next-short',
    ]);
    expect(
      outcomeProblems(draft({ outcome: 'not-done', reason: '缺少病历', nextStep: '带病历再来' }), ctx),
    ).toEqual([]);
    expect(outcomeProblems(draft({ outcome: 'consultation' }), ctx)).toEqual([]);
  });

  it('refuses texts longer than the record takes', () => {
    const long = '很'.repeat(501);
    expect(outcomeProblems(draft({ outcome: 'not-done', reason: long, nextStep: long }), ctx)).toEqual([
      'reason-long',
      'next-long',
    ]);
    expect(outcomeProblems(draft({ outcome: 'consultation', note: '注'.repeat(1001) }), ctx)).toEqual([
      'note-long',
    ]);
  });

  it('needs the signature on the current form for 办结 and 受理 of an item with a form', () => {
    expect(outcomeProblems(draft({ outcome: 'completed' }), ctx)).toEqual(['not-signed']);
    expect(outcomeProblems(draft({ outcome: 'accepted' }), { ...ctx, form: signed })).toEqual([]);
    // Signed at an older revision: the later change voided it.
    const moved = { ...signed, revision: 4 };
    expect(outcomeProblems(draft({ outcome: 'accepted' }), { ...ctx, form: moved })).toEqual(['not-signed']);
    // A consultation-only item has no form to sign.
    expect(outcomeProblems(draft({ outcome: 'completed' }), { ...ctx, hasForm: false })).toEqual([]);
  });

  it('refuses while the form holds unsaved edits', () => {
    expect(outcomeProblems(draft({ outcome: 'consultation' }), { ...ctx, unsaved: true })).toEqual([
      'unsaved',
    ]);
  });

  it('builds the record trimmed, leaving empty texts out', () => {
    expect(outcomeRecord(draft({ outcome: 'consultation', reason: ' ', note: ' 已解释政策 ' }))).toEqual({
      outcome: 'consultation',
      note: '已解释政策',
    });
    expect(
      outcomeRecord(draft({ outcome: 'not-done', reason: ' 缺少病历 ', nextStep: '带病历再来' })),
    ).toEqual({ outcome: 'not-done', reason: '缺少病历', nextStep: '带病历再来' });
    expect(() => outcomeRecord(draft({ outcome: 'not-done' }))).toThrow();
  });

  it('needs a reason of two characters or more to abandon', () => {
    expect(abandonProblem('')).toBe('reason-required');
    expect(abandonProblem('走')).toBe('reason-short');
    expect(abandonProblem('居民离开了')).toBeNull();
    expect(abandonProblem('长'.repeat(501))).toBe('reason-long');
  });
});
