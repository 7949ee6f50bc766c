import { describe, expect, it } from 'vitest';
import { clampPage, formPages, pageOfField, ROWS_PER_PAGE } from './pages';
import { sampleCase } from './test-cases';

const ids = (pages: ReturnType<typeof formPages>) => pages.map((p) => p.map((f) => f.id));

describe('the form in pages', () => {
  it(`shows at most ${ROWS_PER_PAGE} rows a page, in the catalogue's order`, () => {
    expect(ids(formPages(sampleCase()))).toEqual([
      ['applicantRelation', 'insuredName', 'insuredIdNumber'],
      ['insuredBirthDate', 'contactPhone', 'visitAddress'],
      ['livesAlone', 'children'],
    ]);
  });

  it('counts a group one row per entry, and gives a big group a page of its own', () => {
    const three = Array.from({ length: 3 }, (_, i) => ({ name: `孩子${i}`, phone: null }));
    const big = sampleCase(0, {
      values: { ...sampleCase().form.values, children: three },
    });
    expect(ids(formPages(big)).slice(2)).toEqual([['livesAlone'], ['children']]);
  });

  it('finds the page of a field, and keeps a page inside the form', () => {
    const pages = formPages(sampleCase());
    expect(pageOfField(pages, 'visitAddress')).toBe(1);
    expect(pageOfField(pages, 'nope')).toBeNull();
    expect(pageOfField(pages, null)).toBeNull();
    expect(clampPage(7, pages)).toBe(2);
    expect(clampPage(-1, pages)).toBe(0);
    // A form without fields still has one (empty) page.
    const none = sampleCase();
    expect(formPages({ ...none, item: { ...none.item, fields: [] } })).toEqual([[]]);
  });
});
