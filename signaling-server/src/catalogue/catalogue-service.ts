/** The loaded catalogue: list and look up items by code (search and frequency order come later). */
import type { CatalogueItem } from '@rvw/shared';
import { DEFAULT_CATALOGUE_DIR, loadCatalogueDir } from './catalogue-loader';

/** Read-only access to the validated items. */
export class CatalogueService {
  private readonly byCode: ReadonlyMap<string, CatalogueItem>;

  constructor(private readonly items: readonly CatalogueItem[]) {
    this.byCode = new Map(items.map((i) => [i.code, i]));
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
}
