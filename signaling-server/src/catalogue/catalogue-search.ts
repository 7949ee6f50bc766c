/**
 * Finding a catalogue item as an agent types: by name (zh or en) or code, by pinyin initials
 * (`cqhl` -> 长期护理…), by a full-pinyin prefix of any syllable (`huli` -> …护理…), and by category.
 * Pure: the pinyin keys are computed once per item (indexForSearch), the counts come from the caller.
 */
import type { CatalogueItem, Category } from '@rvw/shared';
import { pinyin } from 'pinyin-pro';

/** An item with its pinyin keys, computed once at load. */
export interface SearchEntry {
  item: CatalogueItem;
  /** One lower-case initial per Han character of the zh name, e.g. `cqhlbx…`. */
  initials: string;
  /** The zh name's syllables without tones, e.g. ['chang', 'qi', 'hu', 'li', …]. */
  syllables: string[];
}

/** The filters of a search; both optional (nothing: every item). */
export interface CatalogueSearch {
  q?: string;
  category?: Category;
}

const pinyinOptions = { toneType: 'none', type: 'array', nonZh: 'removed' } as const;

/** Computes the pinyin keys of an item. */
export function indexForSearch(item: CatalogueItem): SearchEntry {
  const syllables = pinyin(item.name.zh, pinyinOptions).map((s) => s.toLowerCase());
  const initials = pinyin(item.name.zh, { ...pinyinOptions, pattern: 'first' })
    .join('')
    .toLowerCase();
  return { item, initials, syllables };
}

// Pinyin is only tried for a query of Latin letters (spaces ignored: "chang qi" = "changqi").
const LATIN = /^[a-z]+$/;

function matches(entry: SearchEntry, q: string): boolean {
  const { item } = entry;
  if (
    item.code.includes(q) ||
    item.name.zh.toLowerCase().includes(q) ||
    item.name.en.toLowerCase().includes(q)
  )
    return true;
  const letters = q.replace(/\s+/g, '');
  if (!LATIN.test(letters)) return false;
  if (entry.initials.includes(letters)) return true;
  // A full-pinyin prefix starting at any syllable: "changqi", "huli", "hul".
  return entry.syllables.some((_, i) => entry.syllables.slice(i).join('').startsWith(letters));
}

function isExact(item: CatalogueItem, q: string): boolean {
  return item.code === q || item.name.zh.toLowerCase() === q || item.name.en.toLowerCase() === q;
}

const byName = new Intl.Collator('zh-CN');

/**
 * The entries matching `search`, best first: an exact code or name, then the most handled
 * (`handled(code)`), then by zh name.
 */
export function searchCatalogue(
  entries: readonly SearchEntry[],
  search: CatalogueSearch,
  handled: (code: string) => number,
): CatalogueItem[] {
  const q = (search.q ?? '').trim().toLowerCase();
  const found = entries.filter(
    (e) => (!search.category || e.item.category === search.category) && (!q || matches(e, q)),
  );
  const rank = (item: CatalogueItem) => (q && isExact(item, q) ? 0 : 1);
  return found
    .map((e) => e.item)
    .sort(
      (a, b) =>
        rank(a) - rank(b) || handled(b.code) - handled(a.code) || byName.compare(a.name.zh, b.name.zh),
    );
}
