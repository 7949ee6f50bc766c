import { beforeAll, describe, expect, it } from 'vitest';
import type { CatalogueItem } from '@rvw/shared';
import { loadCatalogueDir } from './catalogue-loader';
import { indexForSearch, searchCatalogue, type SearchEntry } from './catalogue-search';
import { CatalogueService } from './catalogue-service';

let entries: SearchEntry[];
beforeAll(async () => {
  entries = (await loadCatalogueDir()).map(indexForSearch);
});

const none = () => 0;
const codes = (items: CatalogueItem[]) => items.map((i) => i.code);

describe('searchCatalogue', () => {
  it('finds both long-term-care items by pinyin initials, and nothing else', () => {
    expect(codes(searchCatalogue(entries, { q: 'cqhl' }, none)).sort()).toEqual([
      'ltci-assessment',
      'ltci-continuation',
    ]);
    expect(codes(searchCatalogue(entries, { q: 'CQHL' }, none)).sort()).toEqual([
      'ltci-assessment',
      'ltci-continuation',
    ]);
  });

  it('finds by a full-pinyin prefix at any syllable, spaces ignored', () => {
    expect(codes(searchCatalogue(entries, { q: 'chang qi hu' }, none)).sort()).toEqual([
      'ltci-assessment',
      'ltci-continuation',
    ]);
    expect(codes(searchCatalogue(entries, { q: 'zhuca' }, none))).toEqual(['elderly-meal-subsidy']);
  });

  it('finds by an English or Chinese name substring, case-insensitive', () => {
    expect(codes(searchCatalogue(entries, { q: 'meal' }, none))).toEqual(['elderly-meal-subsidy']);
    expect(codes(searchCatalogue(entries, { q: 'MEAL' }, none))).toEqual(['elderly-meal-subsidy']);
    expect(codes(searchCatalogue(entries, { q: '助餐' }, none))).toEqual(['elderly-meal-subsidy']);
    expect(searchCatalogue(entries, { q: 'no such matter' }, none)).toEqual([]);
  });

  it('filters by category, alone or with a query', () => {
    const disability = searchCatalogue(entries, { category: 'disability' }, none);
    expect(codes(disability).sort()).toEqual([
      'disability-certificate-renewal',
      'disability-transport-subsidy',
    ]);
    expect(codes(searchCatalogue(entries, { q: 'cqhl', category: 'disability' }, none))).toEqual([]);
    expect(searchCatalogue(entries, {}, none)).toHaveLength(entries.length);
  });

  it('ranks an exact code or name first, then the most handled, then by name', () => {
    const counts: Record<string, number> = { 'ltci-assessment': 5, 'senior-allowance': 9 };
    const handled = (code: string) => counts[code] ?? 0;
    // By name alone the continuation (服务延续) comes before the assessment (需求评估) ...
    expect(codes(searchCatalogue(entries, { q: 'cqhl' }, none))).toEqual([
      'ltci-continuation',
      'ltci-assessment',
    ]);
    // ... but the more handled one comes first.
    expect(codes(searchCatalogue(entries, { q: 'cqhl' }, handled))).toEqual([
      'ltci-assessment',
      'ltci-continuation',
    ]);
    // An exact name or code beats a count: the assessment is handled more, but the query names the other.
    // An item named just 护理 (a made-up one): the query 护理 names it exactly, so it leads.
    const care = entries.find((e) => e.item.code === 'ltci-continuation')!.item;
    const withCare = [
      ...entries,
      indexForSearch({ ...care, code: 'care', name: { zh: '护理', en: 'Care' } }),
    ];
    expect(codes(searchCatalogue(withCare, { q: '护理' }, handled))).toEqual([
      'care',
      'ltci-assessment',
      'ltci-continuation',
    ]);
    expect(codes(searchCatalogue(withCare, { q: 'CARE' }, handled))[0]).toBe('care');
    // Without a query: the most handled first, the rest by zh name.
    const all = codes(searchCatalogue(entries, {}, handled));
    expect(all.slice(0, 2)).toEqual(['senior-allowance', 'ltci-assessment']);
    const rest = searchCatalogue(entries, {}, handled).slice(2);
    const names = rest.map((i) => i.name.zh);
    expect(names).toEqual([...names].sort(new Intl.Collator('zh-CN').compare));
  });
});

describe('CatalogueService', () => {
  it('ranks by the handled counts it is given', async () => {
    const service = await CatalogueService.load();
    // By name (服务延续 before 需求评估 in pinyin order) until the assessment was handled once.
    expect(codes(service.search({ q: 'cqhl' }))[0]).toBe('ltci-continuation');
    expect(codes(service.search({ q: 'cqhl' }, new Map([['ltci-assessment', 1]])))[0]).toBe(
      'ltci-assessment',
    );
  });
});
