/**
 * The consent ledger (append-only): every consent the resident gives, with the text they were shown.
 */
import { z } from 'zod';

/** What was agreed: sharing identity, confirming the form, signing it, printing and capturing a material (issue 10). */
export const ConsentKind = z.enum([
  'share-identity',
  'confirm-form',
  'sign-form',
  'print',
  'capture-material',
]);
export type ConsentKind = z.infer<typeof ConsentKind>;

/** The text shown when consent was asked, as the kiosk displayed it (zh-CN or English). */
export const ConsentText = z.string().trim().min(4).max(2_000);

/** One entry of the ledger, as the API returns it. */
export const ConsentEntry = z.object({
  id: z.number().int(),
  at: z.string(),
  kind: ConsentKind,
  kioskId: z.string(),
  ticketId: z.string().nullable(),
  caseId: z.string().nullable(),
  /** For confirm-form and sign-form: the revision and its hash. */
  revision: z.number().int().nullable(),
  hash: z.string().nullable(),
  text: z.string(),
  locale: z.enum(['zh-CN', 'en']),
});
export type ConsentEntry = z.infer<typeof ConsentEntry>;
