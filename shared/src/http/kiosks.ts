/** Kiosk routes: the admin's enrolment, listing and revocation of kiosks. */
import { z } from 'zod';
import { Kiosk } from '../domain';
import { CentreId } from '../routing/centre';
import type { HttpRouteSlice } from './route';

/** A kiosk to enrol: its name and where it stands. */
export const CreateKioskRequest = z.object({
  name: z.string().min(1).max(100),
  location: z.string().min(1).max(200),
  /** `portable` for the door-to-door (上门办) machine; default `fixed`. */
  kind: z.enum(['fixed', 'portable']).optional(),
  /** Default: the enrolling supervisor's centre. */
  centreId: CentreId.optional(),
});
export type CreateKioskRequest = z.infer<typeof CreateKioskRequest>;

/** The kiosk's secret token appears only in this response, once. */
export const CreateKioskResponse = z.object({ kiosk: Kiosk, token: z.string() });
export type CreateKioskResponse = z.infer<typeof CreateKioskResponse>;

/** The kiosk named in a path. */
export const KioskParams = z.object({ kioskId: z.string().min(1).max(64) });
export type KioskParams = z.infer<typeof KioskParams>;

/** A revoked kiosk, when it was revoked, and the waiting ticket cancelled with it (if any). */
export const RevokeKioskResponse = z.object({
  kiosk: Kiosk,
  revokedAt: z.string(),
  cancelledTicketId: z.string().nullable(),
});
export type RevokeKioskResponse = z.infer<typeof RevokeKioskResponse>;

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
  /**
   * Revokes a kiosk's token for good: its open socket gets `auth:revoked` and is disconnected, and
   * its waiting ticket is cancelled. Revoking twice answers the first revocation.
   */
  revokeKiosk: {
    method: 'POST',
    path: '/api/admin/kiosks/:kioskId/revoke',
    roles: ['admin'],
    params: KioskParams,
    response: RevokeKioskResponse,
  },
} as const satisfies HttpRouteSlice;
