/** Catalogue routes: the agent finds a service item (事项) and reads it whole. */
import { z } from 'zod';
import { CatalogueItem, Category } from '../catalogue/item';
import { LocalText } from '../catalogue/text';
import type { HttpRouteSlice } from './route';

/** What the item list shows of each item; the whole item comes from getCatalogueItem. */
export const CatalogueItemSummary = z.object({
  code: z.string(),
  version: z.number().int(),
  name: LocalText,
  category: Category,
  skillGroup: z.string(),
  consultationOnly: z.boolean(),
  printOnly: z.boolean(),
});
export type CatalogueItemSummary = z.infer<typeof CatalogueItemSummary>;

/** Filters of the item list: `q` matches the name (zh or en), the code or the pinyin; both optional. */
export const CatalogueQuery = z.object({
  q: z.string().max(100).optional(),
  category: Category.optional(),
});
export type CatalogueQuery = z.infer<typeof CatalogueQuery>;

/** Routes of the catalogue area. */
export const catalogueRoutes = {
  /** The items matching the filters, best first (exact match, then most handled, then by name). */
  listCatalogue: {
    method: 'GET',
    path: '/api/catalogue',
    roles: ['agent', 'admin'],
    query: CatalogueQuery,
    response: z.object({ items: z.array(CatalogueItemSummary) }),
  },
  /** One item with its materials, conditions, next steps, documents and form. */
  getCatalogueItem: {
    method: 'GET',
    path: '/api/catalogue/:code',
    roles: ['agent', 'admin'],
    // Any short string: an unknown code is NOT_FOUND, not a refused request.
    params: z.object({ code: z.string().min(1).max(64) }),
    response: z.object({ item: CatalogueItem }),
  },
} as const satisfies HttpRouteSlice;
