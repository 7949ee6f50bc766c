/**
 * The resident's form view in pages (pure): a long form is shown a few rows at a time, so that no
 * row, speaker or "this is wrong" button ever needs scrolling to be found, during the call and in
 * the walk through before confirming.
 */
import type { CaseState, FieldDescription } from '@rvw/shared';

/** How many rows one page shows: a field is one row, a group one row per entry. */
export const ROWS_PER_PAGE = 3;

/** The rows a field takes on screen. */
function rowsOf(field: FieldDescription, c: CaseState): number {
  if (field.kind !== 'group') return 1;
  const value = c.form.values[field.id];
  return Math.max(1, Array.isArray(value) ? value.length : 0);
}

/** The case's form fields in pages of at most ROWS_PER_PAGE rows (a big group alone on its page); at least one page. */
export function formPages(c: CaseState, perPage = ROWS_PER_PAGE): FieldDescription[][] {
  const pages: FieldDescription[][] = [];
  let page: FieldDescription[] = [];
  let rows = 0;
  for (const field of c.item.fields) {
    const n = rowsOf(field, c);
    if (page.length > 0 && rows + n > perPage) {
      pages.push(page);
      page = [];
      rows = 0;
    }
    page.push(field);
    rows += n;
  }
  if (page.length > 0 || pages.length === 0) pages.push(page);
  return pages;
}

/** The page that shows field `id`, or null when the form has no such field. */
export function pageOfField(pages: readonly FieldDescription[][], id: string | null): number | null {
  if (id === null) return null;
  const index = pages.findIndex((page) => page.some((f) => f.id === id));
  return index < 0 ? null : index;
}

/** `page` held inside the form's pages. */
export function clampPage(page: number, pages: readonly unknown[]): number {
  return Math.min(Math.max(0, page), Math.max(0, pages.length - 1));
}
