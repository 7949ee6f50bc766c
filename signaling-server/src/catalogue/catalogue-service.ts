/** The loaded catalogue: list, look up and search items by code; counts how often each was handled. */
import type { CatalogueItem } from '@rvw/shared';
import { DEFAULT_CATALOGUE_DIR, loadCatalogueDir } from './catalogue-loader';
import { indexForSearch, searchCatalogue, type CatalogueSearch, type SearchEntry } from './catalogue-search';

/** Read-only access to the validated items, plus an in-memory count of handled matters per item. */
export class CatalogueService {
  private readonly byCode: ReadonlyMap<string, CatalogueItem>;
  private readonly entries: readonly SearchEntry[];
  // In memory for now: the real count will come from the cases (issue 9, part 6).
  private readonly handled = new Map<string, number>();

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

  /** The items matching `search`, best first (see searchCatalogue). */
  search(search: CatalogueSearch = {}): CatalogueItem[] {
    return searchCatalogue(this.entries, search, (code) => this.handledCount(code));
  }

  /** Counts one more matter handled under this item (it then ranks higher in searches). */
  recordHandled(code: string): void {
    this.handled.set(code, this.handledCount(code) + 1);
  }

  /** How many matters were handled under this item since the server started. */
  handledCount(code: string): number {
    return this.handled.get(code) ?? 0;
  }
}
