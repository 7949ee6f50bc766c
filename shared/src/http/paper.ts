/**
 * Paper routes (issue 10): a case's documents (listed, downloaded, every download recorded), the
 * kiosk's fetch of a print job's PDF with its own credential, and the document camera's materials
 * (uploaded by the kiosk host, listed and viewed by agents and supervisors, every view recorded).
 */
import { z } from 'zod';
import { CaseDocument } from '../paper/document';
import { CaseMaterial, MATERIAL_MAX_BYTES, MATERIAL_MIME_TYPES } from '../paper/material';
import { PrintJob } from '../paper/print-job';
import type { HttpRouteSlice } from './route';

const id = z.string().min(1).max(64);
const bytes = z.instanceof(Uint8Array);

/** Routes of the paper area. */
export const paperRoutes = {
  /** A case's archived documents, in the catalogue's order (empty until the case closes). */
  listCaseDocuments: {
    method: 'GET',
    path: '/api/cases/:caseId/documents',
    roles: ['agent', 'admin'],
    params: z.object({ caseId: id }),
    response: z.object({ documents: z.array(CaseDocument) }),
  },
  /** A document's PDF, as archived. Every download is recorded (who, which document, when). */
  downloadDocument: {
    method: 'GET',
    path: '/api/documents/:documentId/file',
    roles: ['agent', 'admin'],
    params: z.object({ documentId: id }),
    response: bytes,
    binary: { contentType: 'application/pdf' },
  },
  /** Who downloaded a document and when, oldest first (kiosk fetches for printing included). */
  documentDownloads: {
    method: 'GET',
    path: '/api/admin/documents/:documentId/downloads',
    roles: ['admin'],
    params: z.object({ documentId: id }),
    response: z.object({
      downloads: z.array(
        z.object({ by: z.string(), role: z.enum(['agent', 'admin', 'kiosk']), at: z.string() }),
      ),
    }),
  },
  /** A case's print jobs, newest first (the console's resync after a reload). */
  listCasePrintJobs: {
    method: 'GET',
    path: '/api/cases/:caseId/print-jobs',
    roles: ['agent', 'admin'],
    params: z.object({ caseId: id }),
    response: z.object({ jobs: z.array(PrintJob) }),
  },
  /**
   * The kiosk host fetches the PDF of its own session's job, only while the job is `queued` or
   * `printing`; NOT_FOUND otherwise (another kiosk's job included). Recorded as a download.
   */
  kioskPrintFile: {
    method: 'GET',
    path: '/api/kiosk/print-jobs/:jobId/file',
    roles: ['kiosk'],
    params: z.object({ jobId: id }),
    response: bytes,
    binary: { contentType: 'application/pdf' },
  },
  /**
   * The kiosk host uploads the image of a `consented` capture request of its own session (raw
   * JPEG or PNG body). Refused with PAYLOAD_TOO_LARGE or UNSUPPORTED_MEDIA (type, magic bytes or
   * dimensions); the request stays `consented` so another picture can be taken.
   */
  uploadMaterial: {
    method: 'POST',
    path: '/api/kiosk/materials/:requestId',
    roles: ['kiosk'],
    params: z.object({ requestId: id }),
    response: z.object({ material: CaseMaterial }),
    status: 201,
    rawBody: { contentTypes: MATERIAL_MIME_TYPES, maxBytes: MATERIAL_MAX_BYTES },
  },
  /** A case's materials, oldest first. */
  listCaseMaterials: {
    method: 'GET',
    path: '/api/cases/:caseId/materials',
    roles: ['agent', 'admin'],
    params: z.object({ caseId: id }),
    response: z.object({ materials: z.array(CaseMaterial) }),
  },
  /** A material's image, decrypted. Every view is recorded as a read of the case. */
  materialImage: {
    method: 'GET',
    path: '/api/materials/:materialId/file',
    roles: ['agent', 'admin'],
    params: z.object({ materialId: id }),
    response: bytes,
    binary: { contentType: MATERIAL_MIME_TYPES },
  },
} as const satisfies HttpRouteSlice;
