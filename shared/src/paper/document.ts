/**
 * Documents of a case (issue 10): rendered by the server as PDF when the case closes (办结即归档),
 * archived with their SHA-256 digest, listed and downloaded through the API (every download is
 * recorded) and printed at the kiosk of the session.
 */
import { z } from 'zod';
import { LocalText } from '../catalogue/text';

/**
 * What a document is:
 * - `application-form`: the form as filled and signed, the signature drawn from its strokes and the
 *   signed revision's hash printed small (items with a form, when signed);
 * - `receipt`: the acceptance receipt (受理回执) with a QR code of the case number (办结, 受理, 转办);
 * - `one-time-notice`: the one-time notice (一次性告知单) with reason, materials, next step
 *   (办不成 and 咨询);
 * - `item-notice`: an item's own notice, such as the assessment-result notice, whose data the
 *   server reads from another system (only when that system has a result for the resident).
 */
export const DocumentKind = z.enum(['application-form', 'receipt', 'one-time-notice', 'item-notice']);
export type DocumentKind = z.infer<typeof DocumentKind>;

/** A document as the API lists it (the bytes come from the download route). */
export const CaseDocument = z.object({
  documentId: z.string(),
  caseId: z.string(),
  caseNumber: z.string(),
  kind: DocumentKind,
  /** For `item-notice` and `receipt`: the catalogue's document id; null for the generic ones. */
  catalogueDocumentId: z.string().nullable(),
  title: LocalText,
  /** The form revision it was rendered from (the same revision renders the same bytes). */
  revision: z.number().int().nonnegative(),
  /** SHA-256 of the PDF bytes, lower-case hex. */
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  bytes: z.number().int().positive(),
  pages: z.number().int().positive(),
  createdAt: z.string(),
});
export type CaseDocument = z.infer<typeof CaseDocument>;

/** The MIME type of every document. */
export const DOCUMENT_MIME = 'application/pdf';
