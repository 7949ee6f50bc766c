/** The health route: liveness and version, for load balancers and the technician. */
import { z } from 'zod';
import type { HttpRouteSlice } from './route';

/** What GET /api/health answers. */
export const HealthResponse = z.object({
  status: z.literal('ok'),
  version: z.string(),
  uptimeSeconds: z.number().int().nonnegative(),
});
export type HealthResponse = z.infer<typeof HealthResponse>;

/** Routes of the health area. */
export const healthRoutes = {
  /** Liveness and version. */
  health: { method: 'GET', path: '/api/health', roles: ['public'], response: HealthResponse },
} as const satisfies HttpRouteSlice;
