/** The catalogue area's routes: agents list and search the items, and read one whole. */
import { RequestError, type CatalogueItem, type CatalogueItemSummary, type HttpRoutes } from '@rvw/shared';
import type { RouteHandlers } from '../http/route-registrar';
import type { CatalogueService } from './catalogue-service';

function summaryOf(item: CatalogueItem): CatalogueItemSummary {
  const { code, version, name, category, skillGroup, consultationOnly, printOnly } = item;
  return { code, version, name, category, skillGroup, consultationOnly, printOnly };
}

/**
 * HTTP routes of the catalogue area, over the loaded catalogue; `handled` counts the cases closed
 * under each item (most handled first); default none.
 */
export function catalogueRouteHandlers(
  catalogue: CatalogueService,
  handled: () => Promise<ReadonlyMap<string, number>> = async () => new Map(),
): Pick<RouteHandlers<HttpRoutes>, 'listCatalogue' | 'getCatalogueItem'> {
  return {
    listCatalogue: async ({ query }) => ({ items: catalogue.search(query, await handled()).map(summaryOf) }),
    getCatalogueItem: async ({ params }) => {
      const item = catalogue.get(params.code);
      if (!item) throw RequestError.notFound(`The catalogue item "${params.code}"`);
      return { item };
    },
  };
}
