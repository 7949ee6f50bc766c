/** Kiosk routes: the admin's enrolment and listing of kiosks. */
import { z } from 'zod';
import { Kiosk } from '../domain';
import type { HttpRouteSlice } from './route';

/** A kiosk to enrol: its name and where it stands. */
export const CreateKioskRequest = z.object({
  name: z.string().min(1).max(100),
  location: z.string().min(1).max(200),
});
export type CreateKioskRequest = z.infer<typeof CreateKioskRequest>;

/** The kiosk's secret token appears only in this response, once. */
export const CreateKioskResponse = z.object({ kiosk: Kiosk, token: z.string() });
export type CreateKioskResponse = z.infer<typeof CreateKioskResponse>;

/** Routes of the kiosks area. */
export const kioskRoutes = {
  /** Every enrolled kiosk, by name (never a token). */
  listKiosks: {
    method: 'GET',
    path: '/api/admin/kiosks',
    roles: ['admin'],
    response: z.object({ kiosks: z.array(Kiosk) }),
  },
  /** Enrols a kiosk; the answer holds its secret token, the only time it is shown. */
  createKiosk: {
    method: 'POST',
    path: '/api/admin/kiosks',
    roles: ['admin'],
    body: CreateKioskRequest,
    response: CreateKioskResponse,
    status: 201,
  },
} as const satisfies HttpRouteSlice;
