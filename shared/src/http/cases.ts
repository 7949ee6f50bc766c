/**
 * Case routes (issue 9): agents and supervisors read cases back, with the form's revisions, the
 * confirmation, the signature's strokes, the outcome and the session's rating; the consent ledger
 * of a case; supervisors work the follow-ups that low ratings open. Reading a case whose identity
 * fields are held in full is recorded (who, which case, when), as reveals are.
 */
import { z } from 'zod';
import { CaseState, CaseStatus, WireFieldValue } from '../case/case-state';
import { ConsentEntry } from '../case/consent';
import { LowRatingReason, RatingLevel } from '../case/rating';
import { SignatureRecord } from '../case/signature';
import { Transfer } from '../routing/transfer';
import type { HttpRouteSlice } from './route';

const caseParams = z.object({ caseId: z.string().min(1).max(64) });

/** Filters of the case list. */
export const ListCasesQuery = z.object({
  sessionId: z.string().min(1).max(64).optional(),
  status: CaseStatus.optional(),
  /** A case number, or its beginning. */
  number: z.string().min(1).max(32).optional(),
  limit: z.coerce.number().int().min(1).max(500).optional(),
});
export type ListCasesQuery = z.infer<typeof ListCasesQuery>;

/** One stored change of the form: who, when, which field, the old and the new value. */
export const FormRevisionEntry = z.object({
  revision: z.number().int(),
  field: z.string(),
  oldValue: WireFieldValue,
  newValue: WireFieldValue,
  by: z.string(),
  at: z.string(),
});
export type FormRevisionEntry = z.infer<typeof FormRevisionEntry>;

/** A session's rating as stored. */
export const RatingRecord = z.object({
  sessionId: z.string(),
  rated: z.boolean(),
  level: RatingLevel.nullable(),
  reasons: z.array(LowRatingReason),
  staffNote: z.string().nullable(),
  at: z.string(),
});
export type RatingRecord = z.infer<typeof RatingRecord>;

/** A case read back whole: the live state (values in full, the read recorded) and its history. */
export const CaseDetail = z.object({
  case: CaseState,
  kioskId: z.string(),
  agentId: z.string(),
  ticketId: z.string(),
  revisions: z.array(FormRevisionEntry),
  signature: SignatureRecord.nullable(),
  rating: RatingRecord.nullable(),
  /** The agent's own note with the outcome. */
  outcomeNote: z.string().nullable(),
  /** The session's transfers (转办), oldest first, each with both agents (issue 11 #6). */
  transfers: z.array(Transfer),
});
export type CaseDetail = z.infer<typeof CaseDetail>;

/** The follow-up a low rating opens; a supervisor closes it with a note. */
export const FollowUp = z.object({
  id: z.string(),
  sessionId: z.string(),
  caseNumbers: z.array(z.string()),
  agentId: z.string(),
  level: RatingLevel,
  reasons: z.array(LowRatingReason),
  staffNote: z.string().nullable(),
  openedAt: z.string(),
  closedAt: z.string().nullable(),
  closedBy: z.string().nullable(),
  closingNote: z.string().nullable(),
  /** The staff member asked to follow it up (issue 11: assign, note, close). */
  assignedTo: z.object({ agentId: z.string(), displayName: z.string() }).nullable(),
  /** Notes added while it is open, oldest first. */
  notes: z.array(z.object({ by: z.string(), at: z.string(), text: z.string() })),
});
export type FollowUp = z.infer<typeof FollowUp>;

/** Routes of the case area. */
export const caseRoutes = {
  /** Cases, newest first (without revisions; the whole case comes from getCase). */
  listCases: {
    method: 'GET',
    path: '/api/cases',
    roles: ['agent', 'admin'],
    query: ListCasesQuery,
    response: z.object({ cases: z.array(CaseState) }),
  },
  /** One case whole. Recorded as a read of its identity data. */
  getCase: {
    method: 'GET',
    path: '/api/cases/:caseId',
    roles: ['agent', 'admin'],
    params: caseParams,
    response: CaseDetail,
  },
  /** The consent ledger's entries for a case (and its ticket's identity consent), oldest first. */
  caseConsents: {
    method: 'GET',
    path: '/api/cases/:caseId/consents',
    roles: ['agent', 'admin'],
    params: caseParams,
    response: z.object({ entries: z.array(ConsentEntry) }),
  },
  /** Every recorded read of a case's identity data: who and when, oldest first. */
  caseReads: {
    method: 'GET',
    path: '/api/admin/cases/:caseId/reads',
    roles: ['admin'],
    params: caseParams,
    response: z.object({
      reads: z.array(z.object({ agentId: z.string(), at: z.string(), what: z.string() })),
    }),
  },
  /** Follow-ups of low ratings; open ones first. */
  listFollowUps: {
    method: 'GET',
    path: '/api/admin/follow-ups',
    roles: ['admin'],
    query: z.object({ status: z.enum(['open', 'closed', 'all']).optional() }),
    response: z.object({ followUps: z.array(FollowUp) }),
  },
  /** A supervisor closes a follow-up with what was done (every bad review gets an outcome). */
  closeFollowUp: {
    method: 'POST',
    path: '/api/admin/follow-ups/:followUpId/close',
    roles: ['admin'],
    params: z.object({ followUpId: z.string().min(1).max(64) }),
    body: z.object({ note: z.string().trim().min(2).max(2000) }),
    response: z.object({ followUp: FollowUp }),
  },
} as const satisfies HttpRouteSlice;
