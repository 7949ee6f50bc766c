/**
 * Materials captured by the kiosk's document camera (高拍仪) (issue 10): the agent asks for a page
 * (a household register page, a disability certificate), the resident agrees and puts it under the
 * camera, the kiosk captures when the agent or the resident presses capture, and uploads the image
 * to the case. Images are bounded in size and type and stored encrypted like the identity.
 */
import { z } from 'zod';

/** Image types the server accepts, by MIME type (checked against the file's magic bytes too). */
export const MATERIAL_MIME_TYPES = ['image/jpeg', 'image/png'] as const;
export const MaterialMime = z.enum(MATERIAL_MIME_TYPES);
export type MaterialMime = z.infer<typeof MaterialMime>;

/** Largest image accepted, in bytes (a 3000 x 2000 JPEG at quality 0.85 is about 1.5 MB). */
export const MATERIAL_MAX_BYTES = 4 * 1024 * 1024;
/** Largest width or height accepted, in pixels. */
export const MATERIAL_MAX_SIDE = 6000;

/** What the material is, as the agent names it (often a catalogue material's name). */
export const MaterialLabel = z.string().trim().min(2).max(60);

/**
 * A capture request's life: `asked` (the kiosk asks the resident) -> `consented` (live picture shown)
 * -> `captured` (uploaded; `materialId` set); or `declined` (resident said no), `cancelled` (agent or
 * resident stopped, or the session ended).
 */
export const MaterialRequestState = z.enum(['asked', 'consented', 'captured', 'declined', 'cancelled']);
export type MaterialRequestState = z.infer<typeof MaterialRequestState>;

/** A capture request as both members see it (`material:state`). */
export const MaterialRequest = z.object({
  requestId: z.string(),
  sessionId: z.string(),
  caseId: z.string(),
  label: z.string(),
  state: MaterialRequestState,
  /** Set when captured. */
  materialId: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type MaterialRequest = z.infer<typeof MaterialRequest>;

/** A stored material as the API lists it (the image comes from the download route, recorded). */
export const CaseMaterial = z.object({
  materialId: z.string(),
  caseId: z.string(),
  requestId: z.string(),
  label: z.string(),
  mime: MaterialMime,
  bytes: z.number().int().positive(),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  capturedAt: z.string(),
});
export type CaseMaterial = z.infer<typeof CaseMaterial>;
