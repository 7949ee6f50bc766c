import { describe, expect, it } from 'vitest';
import {
  caseOnShow,
  flaggedFields,
  mergeCase,
  outcomeNotices,
  wantsConfirmation,
  wantsSignature,
} from './cases';
import { sampleCase } from './test-cases';

const HASH = 'b'.repeat(64);

describe('the rules about the cases on the kiosk', () => {
  it('merges by highest revision, oldest case first', () => {
    const b = { ...sampleCase(1, {}, 'c2'), openedAt: '2026-12-07T01:00:00Z' };
    const merged = mergeCase([sampleCase(2)], b)!;
    expect(merged.map((c) => c.caseId)).toEqual(['c2', 'c1']);
    expect(mergeCase(merged, sampleCase(1))).toBeNull();
    expect(mergeCase(merged, sampleCase(3))!.find((c) => c.caseId === 'c1')!.form.revision).toBe(3);
  });

  it('shows the case in focus, else the newest open one', () => {
    const closed = { ...sampleCase(1, {}, 'c2', { status: 'closed', openedAt: '2026-12-07T02:00:00Z' }) };
    const cases = [sampleCase(1), closed];
    expect(caseOnShow(cases, 'c2')?.caseId).toBe('c2');
    expect(caseOnShow(cases, null)?.caseId).toBe('c1');
    expect(caseOnShow([], null)).toBeNull();
  });

  it('asks for confirmation of the current revision only, then for the signature of it', () => {
    expect(wantsConfirmation(sampleCase(4, { confirmRequested: 4 }))).toBe(true);
    expect(wantsConfirmation(sampleCase(4, { confirmRequested: 3 }))).toBe(false);
    const confirmed = sampleCase(4, {
      confirmRequested: 4,
      confirmation: { revision: 4, hash: HASH, at: 'x' },
    });
    expect(wantsConfirmation(confirmed)).toBe(false);
    expect(wantsSignature(confirmed)).toBe(true);
    const signed = sampleCase(4, {
      confirmation: { revision: 4, hash: HASH, at: 'x' },
      signature: { revision: 4, hash: HASH, signedAt: 'y' },
    });
    expect(wantsSignature(signed)).toBe(false);
    expect(wantsConfirmation({ ...sampleCase(4, { confirmRequested: 4 }), status: 'closed' })).toBe(false);
  });

  it('tells 办不成 and 转办 only; flags are the server’s and those just sent', () => {
    const outcome = (o: 'not-done' | 'transferred' | 'completed' | 'accepted') =>
      sampleCase(1, {}, o, { outcome: { outcome: o, reason: null, nextStep: null, at: 'z' } });
    const all = [outcome('completed'), outcome('not-done'), outcome('transferred'), outcome('accepted')];
    expect(outcomeNotices(all).map((c) => c.caseId)).toEqual(['not-done', 'transferred']);
    const c = sampleCase(2, { flags: [{ field: 'contactPhone', revision: 2, at: 'x' }] });
    expect([
      ...flaggedFields(c, [
        { caseId: 'c1', field: 'visitAddress' },
        { caseId: 'c9', field: 'x' },
      ]),
    ]).toEqual(['contactPhone', 'visitAddress']);
  });
});
