import { beforeAll, describe, expect, it } from 'vitest';
import type { CatalogueItem } from '@rvw/shared';
import { loadCatalogueDir } from '../../catalogue/catalogue-loader';
import { GENERIC_RECEIPT_TITLE, ONE_TIME_NOTICE_TITLE, planDocuments } from './plan';

let items: Map<string, CatalogueItem>;
beforeAll(async () => {
  items = new Map((await loadCatalogueDir()).map((i) => [i.code, i]));
});
const item = (code: string) => items.get(code)!;
const kinds = (code: string, outcome: Parameters<typeof planDocuments>[0]['outcome'], signed = true) =>
  planDocuments({ item: item(code), outcome, signed }).map(
    (e) => `${e.kind}:${e.catalogueDocumentId ?? '-'}`,
  );

describe('planDocuments', () => {
  it('gives a signed form item its form and its own receipt, and its notices only when completed', () => {
    expect(kinds('ltci-assessment', 'accepted')).toEqual([
      'application-form:-',
      'receipt:ltci-assessment-receipt',
    ]);
    expect(kinds('ltci-assessment', 'completed')).toEqual([
      'application-form:-',
      'receipt:ltci-assessment-receipt',
      'item-notice:ltci-assessment-result-notice',
    ]);
    expect(kinds('ltci-assessment', 'not-done')).toEqual(['application-form:-', 'one-time-notice:-']);
    const plan = planDocuments({ item: item('ltci-assessment'), outcome: 'accepted', signed: true });
    expect(plan[0]!.title.zh).toBe('长期护理保险需求评估申请表');
    expect(plan[1]!.title.zh).toBe('老年照护统一需求评估申请受理回执');
  });

  it('gives a receipt for completed, accepted and transferred, and no form when unsigned', () => {
    for (const outcome of ['completed', 'accepted', 'transferred'] as const)
      expect(kinds('elderly-meal-subsidy', outcome, false)).toEqual(['receipt:meal-subsidy-receipt']);
  });

  it('gives a one-time notice for not-done and consultation, and no receipt', () => {
    expect(kinds('elderly-meal-subsidy', 'not-done', false)).toEqual(['one-time-notice:-']);
    expect(kinds('policy-consultation', 'consultation', false)).toEqual(['one-time-notice:-']);
    const [notice] = planDocuments({
      item: item('policy-consultation'),
      outcome: 'consultation',
      signed: false,
    });
    expect(notice!.title).toEqual(ONE_TIME_NOTICE_TITLE);
  });

  it('keeps the form of a signed case that could not be done', () => {
    expect(kinds('elderly-meal-subsidy', 'not-done', true)).toEqual([
      'application-form:-',
      'one-time-notice:-',
    ]);
  });

  it('uses a generic 受理回执 when the item names no receipt', () => {
    const plan = planDocuments({
      item: item('ltci-result-notice-print'),
      outcome: 'completed',
      signed: false,
    });
    expect(plan.map((e) => e.kind)).toEqual(['receipt', 'item-notice']);
    expect(plan[0]!.title).toEqual(GENERIC_RECEIPT_TITLE);
    expect(plan[1]!.catalogueDocumentId).toBe('ltci-assessment-result-notice');
  });

  it('lists every notice of an item as a candidate (rendering decides) and never a certificate', () => {
    const plan = planDocuments({
      item: item('disability-certificate-renewal'),
      outcome: 'completed',
      signed: true,
    });
    expect(plan.filter((e) => e.kind === 'item-notice').map((e) => e.catalogueDocumentId)).toEqual(
      item('disability-certificate-renewal')
        .documents.filter((d) => d.kind === 'notice')
        .map((d) => d.id),
    );
    const withCertificate: CatalogueItem = {
      ...item('elderly-meal-subsidy'),
      documents: [
        ...item('elderly-meal-subsidy').documents,
        { id: 'meal-card', kind: 'certificate', name: { zh: '助餐卡', en: 'Meal card' } },
      ],
    };
    const ids = planDocuments({ item: withCertificate, outcome: 'completed', signed: true }).map(
      (e) => e.catalogueDocumentId,
    );
    expect(ids).toEqual([null, 'meal-subsidy-receipt']);
  });
});
