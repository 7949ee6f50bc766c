/**
 * The paper routes as the console calls them, through the typed client: the lists, and the binary
 * answers (a document's PDF, a material's image) as Blobs for blob URLs. Every failure becomes a
 * ConsoleError with a stable code (the server's own, or UNREACHABLE / BAD_RESPONSE from this side).
 */
import { DOCUMENT_MIME, type CaseDocument, type CaseMaterial, type PrintJob } from '@rvw/shared';
import { asConsoleError, consoleApi } from '../lib/api';

/** Where the console's HTTP calls go; the page's origin and the global fetch by default. */
export interface ApiTarget {
  baseUrl?: string;
  fetch?: typeof fetch;
}

/** GET /api/cases/:caseId/documents: the archived documents, in the catalogue's order. */
export async function listCaseDocuments(
  token: string,
  caseId: string,
  target: ApiTarget = {},
): Promise<CaseDocument[]> {
  return (await asConsoleError(consoleApi({ token, ...target }).listCaseDocuments({ params: { caseId } })))
    .documents;
}

/** GET /api/cases/:caseId/print-jobs: the case's print jobs, newest first. */
export async function listCasePrintJobs(
  token: string,
  caseId: string,
  target: ApiTarget = {},
): Promise<PrintJob[]> {
  return (await asConsoleError(consoleApi({ token, ...target }).listCasePrintJobs({ params: { caseId } })))
    .jobs;
}

/** GET /api/cases/:caseId/materials: the case's captured materials, oldest first. */
export async function listCaseMaterials(
  token: string,
  caseId: string,
  target: ApiTarget = {},
): Promise<CaseMaterial[]> {
  return (await asConsoleError(consoleApi({ token, ...target }).listCaseMaterials({ params: { caseId } })))
    .materials;
}

/** One recorded download of a document. */
export type DocumentDownload = { by: string; role: 'agent' | 'admin' | 'kiosk'; at: string };

/** GET /api/admin/documents/:documentId/downloads (supervisors): who downloaded it, oldest first. */
export async function documentDownloads(
  token: string,
  documentId: string,
  target: ApiTarget = {},
): Promise<DocumentDownload[]> {
  return (
    await asConsoleError(consoleApi({ token, ...target }).documentDownloads({ params: { documentId } }))
  ).downloads;
}

/** GET /api/documents/:documentId/file: the archived PDF (the server records the download). */
export async function downloadDocument(
  token: string,
  documentId: string,
  target: ApiTarget = {},
): Promise<Blob> {
  const bytes = await asConsoleError(
    consoleApi({ token, ...target }).downloadDocument({ params: { documentId } }),
  );
  return new Blob([bytes as Uint8Array<ArrayBuffer>], { type: DOCUMENT_MIME });
}

/** GET /api/materials/:materialId/file: a material's image (the server records the view). */
export async function materialImage(
  token: string,
  materialId: string,
  target: ApiTarget = {},
): Promise<Blob> {
  const bytes = await asConsoleError(
    consoleApi({ token, ...target }).materialImage({ params: { materialId } }),
  );
  return new Blob([bytes as Uint8Array<ArrayBuffer>], { type: imageMime(bytes) });
}

/** The image type by its first bytes (PNG's signature, else JPEG: the only two the server keeps). */
export function imageMime(bytes: Uint8Array): 'image/png' | 'image/jpeg' {
  return bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47
    ? 'image/png'
    : 'image/jpeg';
}
