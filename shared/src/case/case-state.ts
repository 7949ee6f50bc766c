/**
 * A case as both members of the session see it live (`case:state`), and as the API returns it.
 * The server holds the truth; clients render it and resynchronise by `form.revision`.
 */
import { z } from 'zod';
import { FieldDescription } from '../catalogue/fields';
import { LocalText } from '../catalogue/text';
import { CaseOutcome } from './outcome';
import { SignatureRecord } from './signature';

const leaf = z.union([z.string(), z.number(), z.boolean(), z.null()]);
/** A field's value on the wire (see form/types.ts): a leaf, or a group's entries. */
export const WireFieldValue = z.union([leaf, z.array(z.record(z.string(), leaf))]);

/** open: being handled; closed: an outcome is recorded; abandoned: given up with a reason. */
export const CaseStatus = z.enum(['open', 'closed', 'abandoned']);
export type CaseStatus = z.infer<typeof CaseStatus>;

/** The resident's "这一项不对" on a field, until the agent changes that field. */
export const FieldFlag = z.object({ field: z.string(), revision: z.number().int(), at: z.string() });
export type FieldFlag = z.infer<typeof FieldFlag>;

/** The live form of a case. Identity-number fields are masked (`maskedFields`) unless revealed. */
export const CaseForm = z.object({
  revision: z.number().int().nonnegative(),
  values: z.record(z.string(), WireFieldValue),
  /** formHash of the current content, computed by the server: what a confirmation echoes. */
  hash: z.string(),
  /** Ids of fields that were filled from the ID card and not changed since. */
  fromCard: z.array(z.string()),
  /** Ids of fields whose value is shown masked here (identity numbers). */
  maskedFields: z.array(z.string()),
  /** The field changed by the last revision, for the kiosk's highlight; null at revision 0. */
  lastChanged: z.string().nullable(),
  flags: z.array(FieldFlag),
  /** The agent asked the resident to confirm this revision; cleared by any change. */
  confirmRequested: z.number().int().nullable(),
  confirmation: z.object({ revision: z.number().int(), hash: z.string(), at: z.string() }).nullable(),
  /** The signature's revision, hash and time (the strokes are read through the API). */
  signature: SignatureRecord.omit({ strokes: true }).nullable(),
  /** True for a moment after a change voided a confirmation or signature: both screens say so. */
  voided: z.boolean(),
});
export type CaseForm = z.infer<typeof CaseForm>;

/** A case's live state, pushed to both members after every change. */
export const CaseState = z.object({
  caseId: z.string(),
  number: z.string(),
  sessionId: z.string(),
  item: z.object({
    code: z.string(),
    version: z.number().int(),
    name: LocalText,
    /**
     * The item's form fields at `version` (labels, kinds, choice options): the kiosk renders the form
     * from them, as it may not read the catalogue. Defaults to none when a sender leaves it out.
     */
    fields: z.array(FieldDescription).default([]),
  }),
  status: CaseStatus,
  form: CaseForm,
  outcome: z
    .object({
      outcome: CaseOutcome,
      reason: z.string().nullable(),
      nextStep: z.string().nullable(),
      at: z.string(),
    })
    .nullable(),
  abandonReason: z.string().nullable(),
  openedAt: z.string(),
  closedAt: z.string().nullable(),
});
export type CaseState = z.infer<typeof CaseState>;

/** A benefit the resident gets without applying (免申即享), from a catalogue item's eligibility rule. */
export const Entitlement = z.object({ itemCode: z.string(), itemName: LocalText, note: LocalText });
export type Entitlement = z.infer<typeof Entitlement>;
