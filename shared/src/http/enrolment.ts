/**
 * Enrolment codes (issue 12 #1): a supervisor issues a one-time code bound to a centre and a
 * location; a technician redeems it on the kiosk (`kiosk-doctor enrol CODE`), which receives its own
 * token once. The code is short enough to type; the server keeps only its hash.
 */
import { z } from 'zod';
import { Kiosk } from '../domain';
import { CentreId } from '../routing/centre';
import type { HttpRouteSlice } from './route';

/** The characters of a code: digits and capitals without the look-alikes 0, O, 1, I and L. */
export const ENROLMENT_CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
/** How many characters a code has (31^10 ≈ 8·10^14 codes). */
export const ENROLMENT_CODE_LENGTH = 10;
/** How long a code lives when the request names no ttlHours. */
export const DEFAULT_ENROLMENT_TTL_HOURS = 24;
/** The longest a code may live: one week. */
export const MAX_ENROLMENT_TTL_HOURS = 168;

/**
 * The code as typed, reduced to its characters: capitals, without spaces and hyphens; null when what
 * remains is not a code (wrong length or a character outside the alphabet).
 */
export function normaliseEnrolmentCode(typed: string): string | null {
  const code = typed.toUpperCase().replace(/[\s-]/g, '');
  if (code.length !== ENROLMENT_CODE_LENGTH) return null;
  return [...code].every((c) => ENROLMENT_CODE_ALPHABET.includes(c)) ? code : null;
}

/** The code grouped for reading aloud and typing: `K7QX-93RM-TD`. */
export function formatEnrolmentCode(code: string): string {
  return code.match(/.{1,4}/g)?.join('-') ?? code;
}

/** A code to issue: where the kiosk will stand, and what it is. */
export const CreateEnrolmentCodeRequest = z.object({
  /** Default: the supervisor's own centre (another centre is FORBIDDEN). */
  centreId: CentreId.optional(),
  location: z.string().min(1).max(200),
  /** The kiosk's name; default the machine name the kiosk sends, else the location. */
  name: z.string().min(1).max(100).optional(),
  /** `portable` for the door-to-door (上门办) machine; default `fixed`. */
  kind: z.enum(['fixed', 'portable']).optional(),
  /** Hours until the code expires; default 24, at most 168. */
  ttlHours: z.number().int().min(1).max(MAX_ENROLMENT_TTL_HOURS).optional(),
});
export type CreateEnrolmentCodeRequest = z.infer<typeof CreateEnrolmentCodeRequest>;

/** An enrolment code as supervisors see it: never the code itself (it is shown once, at creation). */
export const EnrolmentCodeInfo = z.object({
  id: z.string(),
  centreId: CentreId,
  location: z.string(),
  name: z.string().nullable(),
  kind: z.enum(['fixed', 'portable']),
  /** The account that issued it; null when issued with `rvw-server enrolment-code`. */
  createdBy: z.string().nullable(),
  createdAt: z.string(),
  expiresAt: z.string(),
  /** When a kiosk redeemed it, and which kiosk. */
  usedAt: z.string().nullable(),
  kioskId: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
export type EnrolmentCodeInfo = z.infer<typeof EnrolmentCodeInfo>;

/** The code, grouped (`K7QX-93RM-TD`): this answer is the only time it is shown. */
export const CreateEnrolmentCodeResponse = z.object({
  code: z.string(),
  expiresAt: z.string(),
  enrolmentCode: EnrolmentCodeInfo,
});
export type CreateEnrolmentCodeResponse = z.infer<typeof CreateEnrolmentCodeResponse>;

/** The enrolment code named in a path (by its id, never by the code). */
export const EnrolmentCodeParams = z.object({ codeId: z.string().min(1).max(64) });
export type EnrolmentCodeParams = z.infer<typeof EnrolmentCodeParams>;

/** What a kiosk sends to enrol: the code as typed (hyphens and spaces allowed) and its host name. */
export const EnrolRequest = z.object({
  code: z.string().min(1).max(40),
  /** The machine's host name, used as the kiosk's name when the code names none. */
  machineName: z.string().min(1).max(100).optional(),
});
export type EnrolRequest = z.infer<typeof EnrolRequest>;

/** The kiosk's token appears only in this answer, once. */
export const EnrolResponse = z.object({
  kioskId: z.string(),
  token: z.string(),
  kiosk: Kiosk,
});
export type EnrolResponse = z.infer<typeof EnrolResponse>;

/** Routes of enrolment. */
export const enrolmentRoutes = {
  /** Issues a one-time code for the supervisor's centre; the answer holds the code, once. */
  createEnrolmentCode: {
    method: 'POST',
    path: '/api/admin/enrolment-codes',
    roles: ['admin', 'technician'],
    body: CreateEnrolmentCodeRequest,
    response: CreateEnrolmentCodeResponse,
    status: 201,
  },
  /** The open codes of the supervisor's centre (not used, not withdrawn, not expired), newest first. */
  listEnrolmentCodes: {
    method: 'GET',
    path: '/api/admin/enrolment-codes',
    roles: ['admin', 'technician'],
    response: z.object({ codes: z.array(EnrolmentCodeInfo) }),
  },
  /** Withdraws an open code; withdrawing twice answers the first withdrawal. */
  revokeEnrolmentCode: {
    method: 'DELETE',
    path: '/api/admin/enrolment-codes/:codeId',
    roles: ['admin', 'technician'],
    params: EnrolmentCodeParams,
    response: z.object({ enrolmentCode: EnrolmentCodeInfo }),
  },
  /**
   * Redeems a code: creates the kiosk in the code's centre and location and answers its token, once.
   * No credentials; limited per address. ENROLMENT_CODE_INVALID for any code that cannot be redeemed.
   */
  enrol: {
    method: 'POST',
    path: '/api/enrol',
    roles: ['public'],
    body: EnrolRequest,
    response: EnrolResponse,
    status: 201,
  },
} as const satisfies HttpRouteSlice;
