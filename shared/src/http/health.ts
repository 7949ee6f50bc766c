/** The health route: liveness, version and the state of the log and the storage, for load balancers and the technician. */
import { z } from 'zod';
import type { HttpRouteSlice } from './route';

/** One health check: ok, or failing (the server still serves what it can). */
export const HealthCheckState = z.enum(['ok', 'failing']);
export type HealthCheckState = z.infer<typeof HealthCheckState>;

/** What GET /api/health answers. `degraded` when any check is failing. */
export const HealthResponse = z.object({
  status: z.enum(['ok', 'degraded']),
  version: z.string(),
  uptimeSeconds: z.number().int().nonnegative(),
  /** log: can the log be written; storage: can the database write. */
  checks: z.object({ log: HealthCheckState, storage: HealthCheckState }),
});
export type HealthResponse = z.infer<typeof HealthResponse>;

/** Routes of the health area. */
export const healthRoutes = {
  /** Liveness, version and checks; always 200 while the process serves HTTP. */
  health: { method: 'GET', path: '/api/health', roles: ['public'], response: HealthResponse },
} as const satisfies HttpRouteSlice;
