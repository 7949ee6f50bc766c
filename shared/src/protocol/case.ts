/**
 * The case area of the socket protocol (issue 9): the agent opens a case for a catalogue item in
 * the session and fills its form; every change is a revision the server validates, stores and
 * pushes to both members as `case:state`; the resident flags, confirms and signs on the kiosk; the
 * agent records the outcome; after the call the kiosk sends the rating.
 *
 * Resynchronisation: on `session:opened` (also after a reload or reconnect) the server sends every
 * case of the session as `case:state`; clients keep the state with the highest `form.revision`.
 */
import { z } from 'zod';
import { CaseState, Entitlement, WireFieldValue } from '../case/case-state';
import { ConsentText } from '../case/consent';
import { AbandonRecord, OutcomeRecord } from '../case/outcome';
import { RatingSubmission } from '../case/rating';
import { SignatureStrokes } from '../case/signature';
import { wireId, type ClientEventSlice, type ServerEventSlice } from './event-spec';

const caseRef = { caseId: wireId };
const revision = z.number().int().nonnegative();
const hash = z.string().regex(/^[0-9a-f]{64}$/);
const fieldId = z.string().min(1).max(64);
const locale = z.enum(['zh-CN', 'en']);

/** Client -> server events of the case area. */
export const caseClientEvents = {
  /** The serving agent opens a case for a catalogue item; the form is prefilled from the consented identity. */
  'case:open': {
    from: ['agent'],
    payload: z.object({ sessionId: wireId, itemCode: z.string().min(1).max(64) }).strict(),
    ack: CaseState,
  },
  /**
   * The serving agent changes one field, naming the revision it typed on. Refused with CONFLICT
   * (stale base: reload the state, keep the typed value) or a FIELD_* code; nothing changes then.
   */
  'form:revise': {
    from: ['agent'],
    payload: z.object({ ...caseRef, field: fieldId, value: WireFieldValue, baseRevision: revision }).strict(),
    ack: z.object({ revision }),
  },
  /** The serving agent reads a masked identity-number field in full; every read is recorded. */
  'form:reveal': {
    from: ['agent'],
    payload: z.object({ ...caseRef, field: fieldId }).strict(),
    ack: z.object({ value: z.string() }),
  },
  /** The resident taps "这一项不对" (this is wrong) on a field; the agent sees the flag. */
  'form:flag': {
    from: ['kiosk'],
    payload: z.object({ ...caseRef, field: fieldId, revision }).strict(),
    ack: z.object({}),
  },
  /** The agent asks the resident to check and confirm this revision (the kiosk walks them through it). */
  'form:request-confirm': {
    from: ['agent'],
    payload: z.object({ ...caseRef, revision }).strict(),
    ack: z.object({}),
  },
  /**
   * The resident confirms the revision they saw, echoing the state's `hash` and the consent text
   * shown. Refused with CONFLICT when the form moved on, FORM_HASH_MISMATCH when the hash differs.
   */
  'form:confirm': {
    from: ['kiosk'],
    payload: z.object({ ...caseRef, revision, hash, consentText: ConsentText, locale }).strict(),
    ack: z.object({}),
  },
  /** The resident signs the confirmed revision; the strokes are bound to its hash. */
  'form:sign': {
    from: ['kiosk'],
    payload: z
      .object({ ...caseRef, revision, hash, strokes: SignatureStrokes, consentText: ConsentText, locale })
      .strict(),
    ack: z.object({}),
  },
  /** The serving agent records the outcome (办不成 and 转办 need the reason and the next step). */
  'case:outcome': {
    from: ['agent'],
    payload: z.object({ ...caseRef, record: OutcomeRecord }).strict(),
    ack: CaseState,
  },
  /** The serving agent gives up a case without an outcome, with a reason (status `abandoned`). */
  'case:abandon': {
    from: ['agent'],
    payload: z.object({ ...caseRef, record: AbandonRecord }).strict(),
    ack: CaseState,
  },
  /**
   * The kiosk of the session rates it after the call (once, within the rating window), or reports
   * that the screen was left alone (`rated: false`). A low rating opens a follow-up.
   */
  'rating:submit': {
    from: ['kiosk'],
    payload: z.object({ sessionId: wireId, rating: RatingSubmission }).strict(),
    ack: z.object({}),
  },
} as const satisfies ClientEventSlice;

/** Server -> client events of the case area. */
export const caseServerEvents = {
  /** To both members after every change of a case, and for every case of a session on (re)open. */
  'case:state': CaseState,
  /**
   * To the kiosk after consent, and to the serving agent with the session: what the resident gets
   * without applying (免申即享), decided only from the identity they shared.
   */
  'session:entitlements': z.object({
    sessionId: wireId.nullable(),
    ticketId: wireId,
    entitlements: z.array(Entitlement),
  }),
} as const satisfies ServerEventSlice;
