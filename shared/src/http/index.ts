/**
 * The HTTP contract: one file of routes per area, merged into `httpRoutes`. The server registers its
 * Fastify routes from it (with each area's handlers); the console and the kiosk host derive their
 * clients from it with `createHttpClient`. docs/protocol.md describes each route (a test keeps it
 * complete).
 */
import { accountRoutes } from './accounts';
import { caseRoutes } from './cases';
import { catalogueRoutes } from './catalogue';
import { enrolmentRoutes } from './enrolment';
import { fleetRoutes } from './fleet';
import { healthRoutes } from './health';
import { identityRoutes } from './identity';
import { kioskRoutes } from './kiosks';
import { paperRoutes } from './paper';
import { queueRoutes } from './queue';
import type { HttpRouteSlice } from './route';
import { routingRoutes } from './routing';
import { sessionRoutes } from './sessions';

export * from './accounts';
export * from './cases';
export * from './catalogue';
export * from './client';
export * from './enrolment';
export * from './fleet';
export * from './health';
export * from './identity';
export * from './kiosks';
export * from './paper';
export * from './queue';
export * from './route';
export * from './routing';
export * from './sessions';

/** Every HTTP route of the API. */
export const httpRoutes = {
  ...healthRoutes,
  ...accountRoutes,
  ...kioskRoutes,
  ...enrolmentRoutes,
  ...queueRoutes,
  ...identityRoutes,
  ...sessionRoutes,
  ...catalogueRoutes,
  ...caseRoutes,
  ...paperRoutes,
  ...routingRoutes,
  ...fleetRoutes,
} as const satisfies HttpRouteSlice;
/** The HTTP API's route table type. */
export type HttpRoutes = typeof httpRoutes;
/** The name of an HTTP route (the client's method name). */
export type HttpRouteName = keyof HttpRoutes;
