/** The loaded catalogue: list, look up and search items (ranked by how often each was handled). */
import type { CatalogueItem } from '@rvw/shared';
import { DEFAULT_CATALOGUE_DIR, loadCatalogueDir } from './catalogue-loader';
import { indexForSearch, searchCatalogue, type CatalogueSearch, type SearchEntry } from './catalogue-search';

/** Read-only access to the validated items. */
export class CatalogueService {
  private readonly byCode: ReadonlyMap<string, CatalogueItem>;
  private readonly entries: readonly SearchEntry[];

  constructor(private readonly items: readonly CatalogueItem[]) {
    this.byCode = new Map(items.map((i) => [i.code, i]));
    this.entries = items.map(indexForSearch);
  }

  /** Loads and validates a folder (default: the repo's catalogue/); throws CatalogueLoadError. */
  static async load(dir: string = DEFAULT_CATALOGUE_DIR): Promise<CatalogueService> {
    return new CatalogueService(await loadCatalogueDir(dir));
  }

  /** Every item, sorted by code. */
  list(): readonly CatalogueItem[] {
    return this.items;
  }

  /** The item with this code, or undefined. */
  get(code: string): CatalogueItem | undefined {
    return this.byCode.get(code);
  }

  /**
   * The items matching `search`, best first (see searchCatalogue); `handled` counts the cases
   * closed under each item (from the cases table: cases/case-store.ts handledCounts).
   */
  search(search: CatalogueSearch = {}, handled: ReadonlyMap<string, number> = new Map()): CatalogueItem[] {
    return searchCatalogue(this.entries, search, (code) => handled.get(code) ?? 0);
  }
}
